# reason: the base image is pinned by digest
FROM node:20.15-alpine@sha256:3b1f0d5e6c2a4d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e
