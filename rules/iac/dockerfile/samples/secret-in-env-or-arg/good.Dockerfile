# reason: the ARG has no value, one name is a file path and the other value is a variable reference
FROM node:20-alpine
ARG NPM_TOKEN
ENV DB_PASSWORD_FILE=/run/secrets/db_password \
    API_TOKEN=${API_TOKEN}
