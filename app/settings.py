"""The app's settings, read once from its environment: names, ARNs and sizes — never secrets.

The compute tier sets these variables; nothing here is a credential. The database password is an
IAM authentication token signed at connection time, and the cache's auth token is either read from
Secrets Manager by ARN (Lambda) or injected by ECS from Secrets Manager (container).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_UPLOAD_TYPES = ("image/png", "image/jpeg", "image/webp", "image/gif", "application/pdf", "text/plain")


class SettingsError(ValueError):
    """A variable is missing or malformed: the process refuses to start rather than serve wrongly."""


@dataclass(frozen=True)
class DatabaseSettings:
    host: str
    port: int
    name: str
    user: str
    iam_auth: bool = True
    ssl_root_cert: str | None = None
    """A CA bundle to verify the server against (the RDS global bundle in AWS)."""
    password: str | None = None
    """Only for local runs and tests (``DB_IAM_AUTH=false``); never set in AWS."""


@dataclass(frozen=True)
class CacheSettings:
    host: str
    port: int
    auth_token: str | None = None
    auth_secret_arn: str | None = None
    tls: bool = True


@dataclass(frozen=True)
class JwtSettings:
    issuer: str
    audiences: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    region: str
    items_table: str | None = None
    uploads_bucket: str | None = None
    upload_max_bytes: int = 10 * 1024 * 1024
    upload_content_types: tuple[str, ...] = DEFAULT_UPLOAD_TYPES
    upload_url_seconds: int = 300
    database: DatabaseSettings | None = None
    cache: CacheSettings | None = None
    jwt: JwtSettings | None = None
    base_path: str = "/api"

    @staticmethod
    def from_env(env: Mapping[str, str]) -> Settings:
        region = env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION")
        if not region:
            raise SettingsError("AWS_REGION: required (the region of the table, bucket and database)")
        return Settings(
            region=region,
            items_table=env.get("ITEMS_TABLE") or None,
            uploads_bucket=env.get("UPLOADS_BUCKET") or None,
            upload_max_bytes=_int(env, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024, 1, 5 * 1024**3),
            upload_content_types=_list(env, "UPLOAD_CONTENT_TYPES") or DEFAULT_UPLOAD_TYPES,
            upload_url_seconds=_int(env, "UPLOAD_URL_SECONDS", 300, 60, 3600),
            database=_database(env),
            cache=_cache(env),
            jwt=_jwt(env),
            base_path=env.get("API_BASE_PATH", "/api").rstrip("/"),
        )


def _database(env: Mapping[str, str]) -> DatabaseSettings | None:
    host = env.get("DB_HOST")
    if not host:
        return None
    iam_auth = _bool(env, "DB_IAM_AUTH", default=True)
    password = env.get("DB_PASSWORD") or None
    if iam_auth and password:
        raise SettingsError("DB_PASSWORD: not used with IAM authentication; unset it (DB_IAM_AUTH is true)")
    return DatabaseSettings(
        host=host,
        port=_int(env, "DB_PORT", 5432, 1, 65535),
        name=_required(env, "DB_NAME"),
        user=_required(env, "DB_USER"),
        iam_auth=iam_auth,
        ssl_root_cert=env.get("DB_SSL_ROOT_CERT") or None,
        password=password,
    )


def _cache(env: Mapping[str, str]) -> CacheSettings | None:
    host = env.get("CACHE_HOST")
    if not host:
        return None
    return CacheSettings(
        host=host,
        port=_int(env, "CACHE_PORT", 6379, 1, 65535),
        auth_token=env.get("CACHE_AUTH_TOKEN") or None,
        auth_secret_arn=env.get("CACHE_AUTH_SECRET_ARN") or None,
        tls=_bool(env, "CACHE_TLS", default=True),
    )


def _jwt(env: Mapping[str, str]) -> JwtSettings | None:
    issuer = env.get("JWT_ISSUER")
    if not issuer:
        return None
    audiences = _list(env, "JWT_AUDIENCE")
    if not audiences:
        raise SettingsError("JWT_AUDIENCE: required with JWT_ISSUER (comma-separated client ids)")
    return JwtSettings(issuer=issuer.rstrip("/"), audiences=audiences)


def _required(env: Mapping[str, str], name: str) -> str:
    value = env.get(name)
    if not value:
        raise SettingsError(f"{name}: required")
    return value


def _int(env: Mapping[str, str], name: str, default: int, minimum: int, maximum: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not minimum <= int(raw) <= maximum:
        raise SettingsError(f"{name}: {raw!r} is not an integer from {minimum} to {maximum}")
    return int(raw)


def _bool(env: Mapping[str, str], name: str, *, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() not in ("true", "false"):
        raise SettingsError(f"{name}: {raw!r} is not true or false")
    return raw.lower() == "true"


def _list(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in env.get(name, "").split(",") if part.strip())
