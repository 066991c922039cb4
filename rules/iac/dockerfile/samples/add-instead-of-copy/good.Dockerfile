# reason: ADD extracts a local archive, which COPY cannot do
FROM alpine:3.20
ADD rootfs.tar.gz /
COPY requirements.txt /app/
