# expect: 3
FROM alpine:3.20
EXPOSE 8080
CMD ["/app"]
