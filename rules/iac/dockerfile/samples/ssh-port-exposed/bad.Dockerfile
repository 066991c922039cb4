# expect: 3
FROM alpine:3.20
EXPOSE 8080 22/tcp
HEALTHCHECK CMD wget -qO- http://localhost:8080/ || exit 1
