"""HTTP API (payload format 2.0) events as API Gateway sends them to the function."""

from __future__ import annotations

import json
from typing import Any

ALICE = "11111111-2222-4333-8444-555555555555"
BOB = "99999999-8888-4777-8666-555555555555"


def http_event(
    method: str,
    path: str,
    *,
    body: Any = None,
    subject: str | None = ALICE,
    claims: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    query: dict[str, str] | None = None,
) -> dict[str, Any]:
    raw_body = body if isinstance(body, str) or body is None else json.dumps(body)
    all_headers = {"host": "abc123.execute-api.us-east-1.amazonaws.com", "user-agent": "test"}
    if body is not None:
        all_headers["content-type"] = "application/json"
    all_headers.update(headers or {})
    context: dict[str, Any] = {
        "accountId": "123456789012",
        "apiId": "abc123",
        "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
        "http": {
            "method": method,
            "path": path,
            "protocol": "HTTP/1.1",
            "sourceIp": "203.0.113.9",
            "userAgent": "test",
        },
        "requestId": "req-1",
        "routeKey": f"{method} {path}",
        "stage": "$default",
    }
    if claims is not None or subject is not None:
        context["authorizer"] = {
            "jwt": {
                "claims": claims if claims is not None else {"sub": subject, "token_use": "access"},
                "scopes": None,
            }
        }
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": f"{method} {path}",
        "rawPath": path,
        "rawQueryString": "&".join(f"{k}={v}" for k, v in (query or {}).items()),
        "headers": all_headers,
        "requestContext": context,
        "isBase64Encoded": False,
    }
    if query:
        event["queryStringParameters"] = query
    if raw_body is not None:
        event["body"] = raw_body
    return event


def parsed(result: dict[str, Any]) -> tuple[int, Any]:
    body = result["body"]
    return result["statusCode"], json.loads(body) if body else None
