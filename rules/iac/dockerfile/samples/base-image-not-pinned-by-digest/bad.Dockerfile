# expect: 2
FROM node:20.15-alpine
