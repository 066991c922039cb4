# reason: root is only used for setup; the last USER is 10001
FROM alpine:3.20
USER root
RUN apk add --no-cache ca-certificates
USER 10001
CMD ["/app"]
