# expect: 3
FROM alpine:3.20
CMD ["/app", "--debug"]
CMD ["/app"]
