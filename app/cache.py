"""The Redis/Valkey client for the catalog cache: TLS, the cluster's auth token, short timeouts.

Where the token comes from differs by entry point, never by value in the environment: ECS injects
it from Secrets Manager into ``CACHE_AUTH_TOKEN`` (the task definition's ``secrets``); a Lambda
function reads the secret by ARN (``CACHE_AUTH_SECRET_ARN``) once per cold start.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import redis

from app.settings import CacheSettings

TOKEN_KEYS = ("authToken", "auth_token", "token", "password")
"""Keys a JSON secret may hold the token under; a plain-text secret is the token itself."""


def auth_token(settings: CacheSettings, read_secret: Callable[[str], str]) -> str | None:
    if settings.auth_token:
        return token_from_secret(settings.auth_token)
    if settings.auth_secret_arn:
        return token_from_secret(read_secret(settings.auth_secret_arn))
    return None


def token_from_secret(value: str) -> str:
    try:
        document = json.loads(value)
    except ValueError:
        return value
    if isinstance(document, dict):
        for key in TOKEN_KEYS:
            if isinstance(document.get(key), str):
                return str(document[key])
        raise ValueError(f"the cache secret is a JSON object without any of {', '.join(TOKEN_KEYS)}")
    return value


def client(settings: CacheSettings, token: str | None) -> redis.Redis:
    return redis.Redis(
        host=settings.host,
        port=settings.port,
        password=token,
        ssl=settings.tls,
        ssl_cert_reqs="required" if settings.tls else "none",
        socket_timeout=1.0,
        socket_connect_timeout=1.0,
        health_check_interval=30,
    )
