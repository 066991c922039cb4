# reason: absolute paths and a variable holding one
FROM alpine:3.20
ARG APP_HOME=/srv/app
WORKDIR /app
WORKDIR $APP_HOME
