# reason: the full image is only a build stage; the final stage uses the slim variant
FROM python:3.12 AS build
RUN pip wheel --no-cache-dir -r requirements.txt -w /wheels
FROM python:3.12-slim
COPY --from=build /wheels /wheels
