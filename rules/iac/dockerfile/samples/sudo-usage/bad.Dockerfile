# expect: 4
FROM debian:12-slim
USER app
RUN sudo apt-get update
