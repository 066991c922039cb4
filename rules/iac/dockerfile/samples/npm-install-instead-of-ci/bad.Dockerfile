# expect: 4
FROM node:20-alpine
COPY package.json package-lock.json ./
RUN npm install --omit=dev
