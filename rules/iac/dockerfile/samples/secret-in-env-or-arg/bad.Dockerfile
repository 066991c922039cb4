# expect: 4, 5
FROM node:20-alpine
ENV NODE_ENV=production \
    API_TOKEN=f3a9c2b7d1e84a6f
ARG DB_PASSWORD=Zr9q-Trq8-2mWx
