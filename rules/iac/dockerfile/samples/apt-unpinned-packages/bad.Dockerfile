# expect: 4
FROM debian:12-slim
RUN apt-get update && \
    apt-get install -y --no-install-recommends curl ca-certificates=20230311 && \
    rm -rf /var/lib/apt/lists/*
