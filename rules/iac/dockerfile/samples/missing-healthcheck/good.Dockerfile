# reason: the final image has a HEALTHCHECK; the build stage is not shipped
FROM alpine:3.20 AS tools
EXPOSE 9000
FROM alpine:3.20
EXPOSE 8080
HEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1
