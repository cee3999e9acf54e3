"""Requests, responses and errors as the API sees them, independent of Lambda or WSGI."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_BODY_BYTES = 64 * 1024
"""Largest request body the API reads; bigger bodies are refused with 413."""

SECURITY_HEADERS: Mapping[str, str] = {
    "content-type": "application/json",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
}
"""Headers on every response: JSON, never cached by a proxy, never sniffed as another type."""


@dataclass(frozen=True)
class Request:
    """One HTTP request. ``claims`` are set only by an entry point whose platform verified a JWT."""

    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    """Header names in lower case."""
    body: bytes = b""
    claims: Mapping[str, Any] | None = None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass(frozen=True)
class Response:
    status: int
    payload: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)

    def body(self) -> bytes:
        if self.payload is None:
            return b""
        return json.dumps(self.payload, separators=(",", ":"), sort_keys=True).encode()

    def all_headers(self) -> dict[str, str]:
        return {**SECURITY_HEADERS, **self.headers}


class HttpError(Exception):
    """A request the API refuses: rendered as ``{"error": {"code", "message"}}`` with ``status``."""

    def __init__(self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})

    def response(self) -> Response:
        return error_response(self.status, self.code, self.message, self.headers)


def error_response(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> Response:
    return Response(status, {"error": {"code": code, "message": message}}, dict(headers or {}))


def json_body(request: Request) -> dict[str, Any]:
    """The request's body as a JSON object, or a 4xx naming what is wrong with it."""
    content_type = (request.header("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise HttpError(415, "unsupported_media_type", "send the body as application/json")
    if len(request.body) > MAX_BODY_BYTES:
        raise HttpError(413, "body_too_large", f"the body may be at most {MAX_BODY_BYTES} bytes")
    try:
        document = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HttpError(400, "invalid_json", "the body is not valid UTF-8 JSON") from None
    if not isinstance(document, dict):
        raise HttpError(400, "invalid_json", "the body must be a JSON object")
    return document


def only_fields(document: Mapping[str, Any], allowed: set[str]) -> None:
    """Refuse fields the API does not accept (an ``ownerId`` in a body is never trusted, only refused)."""
    unknown = sorted(set(document) - allowed)
    if unknown:
        raise HttpError(
            400,
            "unknown_field",
            f"unknown field {unknown[0]!r} (accepted: {', '.join(sorted(allowed))})",
        )


def text_field(document: Mapping[str, Any], name: str, *, max_length: int, required: bool = True) -> str | None:
    value = document.get(name)
    if value is None:
        if required:
            raise HttpError(400, "invalid_field", f"{name} is required")
        return None
    if not isinstance(value, str) or not value.strip():
        raise HttpError(400, "invalid_field", f"{name} must be a non-empty string")
    if len(value) > max_length:
        raise HttpError(400, "invalid_field", f"{name} may be at most {max_length} characters")
    return value.strip()


def int_field(
    document: Mapping[str, Any], name: str, *, minimum: int, maximum: int, required: bool = True
) -> int | None:
    value = document.get(name)
    if value is None:
        if required:
            raise HttpError(400, "invalid_field", f"{name} is required")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise HttpError(400, "invalid_field", f"{name} must be an integer")
    if not minimum <= value <= maximum:
        raise HttpError(400, "invalid_field", f"{name} must be between {minimum} and {maximum}")
    return int(value)


def int_query(request: Request, name: str, *, default: int, minimum: int, maximum: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not minimum <= int(raw) <= maximum:
        raise HttpError(400, "invalid_query", f"{name} must be an integer from {minimum} to {maximum}")
    return int(raw)
