# expect: 4
FROM golang:1.22-alpine AS build
USER nobody
FROM alpine:3.20
COPY --from=build /out/app /app
CMD ["/app"]
