# expect: 3
FROM alpine:3.20
RUN mkdir -p /app/data && chmod -R 777 /app/data
