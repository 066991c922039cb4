"""Django views for the reporting app."""
import hashlib
import random
import secrets
import tempfile
import xml.etree.ElementTree as ET

import jwt
from defusedxml.ElementTree import fromstring as safe_fromstring
from django.http import HttpResponseRedirect, JsonResponse

from .models import Report


def search(request):
    term = request.GET.get("q", "")
    # bulwark-expect: django-raw-sql
    reports = Report.objects.raw("SELECT * FROM reports_report WHERE title LIKE '%%" + term + "%%'")
    # bulwark-ok: django-raw-sql
    safe = Report.objects.raw("SELECT * FROM reports_report WHERE title LIKE %s", [f"%{term}%"])
    # bulwark-ok: django-raw-sql
    orm = Report.objects.filter(title__icontains=term)
    return JsonResponse({"n": len(list(reports)) + len(list(safe)) + orm.count()})


def go(request):
    # bulwark-expect: open-redirect
    return HttpResponseRedirect(request.GET["next"])


def upload(request):
    # bulwark-expect: xml-unsafe-parser
    root = ET.fromstring(request.body)
    # bulwark-ok: xml-unsafe-parser
    safe_root = safe_fromstring(request.body)
    return JsonResponse({"tag": root.tag, "safe": safe_root.tag})


def set_password(user, password):
    # bulwark-expect: weak-password-hash
    user.password_hash = hashlib.sha256(password.encode()).hexdigest()
    # bulwark-ok: weak-password-hash
    user.avatar_etag = hashlib.md5(user.avatar.read()).hexdigest()
    # bulwark-ok: weak-password-hash
    user.password_key = hashlib.scrypt(password.encode(), salt=user.salt, n=2**14, r=8, p=1)


def invite_code():
    # bulwark-expect: insecure-random-token
    invite_token = "".join(random.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))
    # bulwark-ok: insecure-random-token
    reset_token = secrets.token_urlsafe(32)
    # bulwark-ok: insecure-random-token
    delay = random.uniform(0.1, 0.5)
    return invite_token, reset_token, delay


def claims(request):
    token = request.headers["Authorization"][7:]
    # bulwark-expect: jwt-no-verify
    data = jwt.decode(token, options={"verify_signature": False})
    # bulwark-ok: jwt-no-verify
    verified = jwt.decode(token, "key-from-settings", algorithms=["HS256"])
    return JsonResponse({"sub": data["sub"], "v": verified["sub"]})


def export(request):
    # bulwark-expect: tempfile-mktemp
    path = tempfile.mktemp(suffix=".csv")
    # bulwark-ok: tempfile-mktemp
    handle = tempfile.NamedTemporaryFile(suffix=".csv", delete=False)
    return JsonResponse({"path": path, "handle": handle.name})
