"""Lambda entry point for API Gateway HTTP API (payload format 2.0) events: ``app.lambda_handler.handler``.

The caller comes only from ``requestContext.authorizer.jwt.claims``, which API Gateway fills after
its JWT authorizer has verified the token; a client cannot set it. Services are built once per
execution environment (cold start) and reused.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
from collections.abc import Mapping
from functools import cache
from typing import Any

from app.api import Api
from app.auth import platform_claims
from app.http import HttpError, Request, Response
from app.services import build_services
from app.settings import Settings

logging.getLogger().setLevel(logging.INFO)


@cache
def api() -> Api:
    settings = Settings.from_env(os.environ)
    return Api(build_services(settings, platform_claims), base_path=settings.base_path)


def handler(event: Mapping[str, Any], context: Any) -> dict[str, Any]:
    try:
        request = request_from_event(event)
    except HttpError as refusal:
        return to_result(refusal.response())
    return to_result(api().handle(request))


def request_from_event(event: Mapping[str, Any]) -> Request:
    """A ``Request`` from an HTTP API v2 event; 400 if the event is not one."""
    if not isinstance(event, Mapping) or event.get("version") != "2.0":
        raise HttpError(400, "bad_request", "expected an API Gateway HTTP API (2.0) event")
    context = event.get("requestContext") or {}
    method = ((context.get("http") or {}).get("method")) or ""
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        try:
            raw = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise HttpError(400, "bad_request", "the body is not valid base64") from None
    else:
        raw = body.encode("utf-8") if isinstance(body, str) else b""
    authorizer = context.get("authorizer") or {}
    claims = (authorizer.get("jwt") or {}).get("claims") if isinstance(authorizer, Mapping) else None
    return Request(
        method=str(method).upper(),
        path=str(event.get("rawPath") or "/"),
        query={str(k): str(v) for k, v in (event.get("queryStringParameters") or {}).items()},
        headers={str(k).lower(): str(v) for k, v in (event.get("headers") or {}).items()},
        body=raw,
        claims=claims if isinstance(claims, Mapping) else None,
    )


def to_result(response: Response) -> dict[str, Any]:
    return {
        "statusCode": response.status,
        "headers": response.all_headers(),
        "body": response.body().decode("utf-8"),
        "isBase64Encoded": False,
    }
