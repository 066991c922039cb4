# reason: the ARG default has a tag; stage references and scratch are not images
ARG BASE=python:3.12-slim
FROM ${BASE} AS build
FROM build
FROM scratch
