# reason: npm ci installs the lockfile; installing a named, pinned global tool is not a lockfile install
FROM node:20-alpine
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm install -g pm2@5.4.2
