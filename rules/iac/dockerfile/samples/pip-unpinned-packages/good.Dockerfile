# reason: named packages are pinned; the requirements file and the local project are their own pins
FROM python:3.12-slim
RUN pip install --no-cache-dir --upgrade pip \
 && pip install --no-cache-dir flask==3.0.3 \
 && pip install --no-cache-dir -r requirements.txt \
 && pip install --no-cache-dir .
