# expect: 5, 8
# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN apk add --no-cache curl && \
    curl -fsSL https://example.com/install.sh | sh
RUN <<EOF
set -eu
wget -qO- https://example.com/setup | bash
EOF
