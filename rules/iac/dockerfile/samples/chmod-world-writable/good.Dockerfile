# reason: only the owner gets write access
FROM alpine:3.20
RUN mkdir -p /app/data && chmod -R 750 /app/data && chmod u+w /app/data
