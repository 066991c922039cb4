# reason: the final stage switches to UID 10001 (and distroless nonroot tags run as non-root)
FROM gcr.io/distroless/static-debian12:nonroot AS base
COPY app /app
FROM alpine:3.20 AS runtime
COPY --from=base /app /app
USER 10001
CMD ["/app"]
