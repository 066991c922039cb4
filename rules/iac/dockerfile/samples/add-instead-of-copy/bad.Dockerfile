# expect: 3
FROM alpine:3.20
ADD requirements.txt /app/
