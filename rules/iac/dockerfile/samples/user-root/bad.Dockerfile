# expect: 5
FROM alpine:3.20
USER 10001
RUN id
USER root
CMD ["/app"]
