# expect: 2, 3
FROM ubuntu
FROM node:latest AS web
FROM web
