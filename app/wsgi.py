"""WSGI entry point for the container: ``gunicorn app.wsgi:application``.

Behind the load balancer nothing has checked the caller's token, so every authenticated route
verifies the ``Authorization: Bearer`` JWT here (``JwtVerifier``) before it runs. The tasks'
security group admits only the load balancer, so the token check is not the only gate, but it is
the one that names the caller.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any
from urllib.parse import parse_qsl

from app.api import Api
from app.http import MAX_BODY_BYTES, HttpError, Request
from app.jwt_verifier import JwtVerifier
from app.services import build_services
from app.settings import Settings, SettingsError

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

StartResponse = Callable[[str, list[tuple[str, str]]], Any]

REASONS = {
    200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found",
    405: "Method Not Allowed", 413: "Payload Too Large", 415: "Unsupported Media Type", 500: "Internal Server Error",
    503: "Service Unavailable",
}  # fmt: skip


@cache
def api() -> Api:
    settings = Settings.from_env(os.environ)
    if settings.jwt is None:
        raise SettingsError("JWT_ISSUER: required in the container (it verifies tokens itself)")
    verifier = JwtVerifier(settings.jwt)
    services = build_services(settings, verifier, extra_checks={"identity": verifier.ping})
    return Api(services, base_path=settings.base_path)


def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    return serve(api(), environ, start_response)


def serve(api: Api, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    try:
        response = api.handle(request_from_environ(environ))
    except HttpError as refusal:
        response = refusal.response()
    body = response.body()
    headers = [*response.all_headers().items(), ("content-length", str(len(body)))]
    start_response(f"{response.status} {REASONS.get(response.status, 'Status')}", headers)
    return [body]


def request_from_environ(environ: dict[str, Any]) -> Request:
    length_header = environ.get("CONTENT_LENGTH") or "0"
    if not (str(length_header).isascii() and str(length_header).isdigit()):
        raise HttpError(400, "bad_request", "Content-Length is not a number")
    length = int(length_header)
    if length > MAX_BODY_BYTES:
        raise HttpError(413, "body_too_large", f"the body may be at most {MAX_BODY_BYTES} bytes")
    body = environ["wsgi.input"].read(length) if length else b""
    headers = {
        key[5:].replace("_", "-").lower(): str(value) for key, value in environ.items() if key.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = str(environ["CONTENT_TYPE"])
    path = environ.get("PATH_INFO") or "/"
    try:
        path = str(path).encode("latin-1").decode("utf-8", "replace")  # PEP 3333: bytes arrive as latin-1
    except UnicodeEncodeError:
        path = str(path)
    return Request(
        method=str(environ.get("REQUEST_METHOD", "GET")).upper(),
        path=path,
        query=dict(parse_qsl(str(environ.get("QUERY_STRING", "")), keep_blank_values=True)),
        headers=headers,
        body=body,
    )
