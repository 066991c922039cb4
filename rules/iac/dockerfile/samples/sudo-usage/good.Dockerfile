# reason: sudo is only a package name here, not a command
FROM debian:12-slim
USER root
RUN apt-get update && apt-get install -y --no-install-recommends sudo=1.9.13p3-1+deb12u1
USER app
