# reason: only application ports are exposed
FROM alpine:3.20
EXPOSE 8080 2222
HEALTHCHECK CMD wget -qO- http://localhost:8080/ || exit 1
