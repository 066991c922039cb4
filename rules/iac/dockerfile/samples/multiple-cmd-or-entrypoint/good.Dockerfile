# reason: one CMD and one ENTRYPOINT per stage
FROM alpine:3.20 AS build
CMD ["make"]
FROM alpine:3.20
ENTRYPOINT ["/app"]
CMD ["--port", "8080"]
