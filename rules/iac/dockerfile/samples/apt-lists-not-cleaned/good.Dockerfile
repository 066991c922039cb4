# reason: the build stage is not shipped and the final RUN keeps the lists in a cache mount
# syntax=docker/dockerfile:1
FROM debian:12-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3
FROM debian:12-slim
RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
