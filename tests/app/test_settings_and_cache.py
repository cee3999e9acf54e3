"""The app's environment contract (names and ARNs only) and the cache's token handling."""

from __future__ import annotations

import boto3
import fakeredis
import pytest

from app import cache
from app.auth import platform_claims
from app.services import build_services
from app.settings import CacheSettings, Settings, SettingsError

BASE = {"AWS_REGION": "us-east-1"}


def test_settings_read_names_sizes_and_jwt_audiences() -> None:
    settings = Settings.from_env(
        {
            **BASE,
            "ITEMS_TABLE": "items-abc",
            "UPLOADS_BUCKET": "uploads-abc",
            "UPLOAD_MAX_BYTES": "2048",
            "UPLOAD_CONTENT_TYPES": "image/png, application/pdf",
            "DB_HOST": "db.example.internal",
            "DB_NAME": "app",
            "DB_USER": "app_user",
            "JWT_ISSUER": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool/",
            "JWT_AUDIENCE": "client-a,client-b",
        }
    )
    assert (settings.items_table, settings.uploads_bucket, settings.upload_max_bytes) == (
        "items-abc",
        "uploads-abc",
        2048,
    )
    assert settings.upload_content_types == ("image/png", "application/pdf")
    assert settings.database is not None and settings.database.iam_auth is True and settings.database.port == 5432
    assert settings.jwt is not None
    assert settings.jwt.issuer == "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool"
    assert settings.jwt.audiences == ("client-a", "client-b")


@pytest.mark.parametrize(
    "env, message",
    [
        ({}, "AWS_REGION: required"),
        ({**BASE, "UPLOAD_MAX_BYTES": "lots"}, "UPLOAD_MAX_BYTES: 'lots' is not an integer"),
        ({**BASE, "DB_HOST": "h", "DB_USER": "u"}, "DB_NAME: required"),
        (
            {**BASE, "DB_HOST": "h", "DB_NAME": "n", "DB_USER": "u", "DB_PASSWORD": "p"},
            "DB_PASSWORD: not used with IAM",
        ),
        ({**BASE, "DB_HOST": "h", "DB_NAME": "n", "DB_USER": "u", "DB_IAM_AUTH": "yes"}, "DB_IAM_AUTH: 'yes' is not"),
        ({**BASE, "JWT_ISSUER": "https://issuer"}, "JWT_AUDIENCE: required"),
    ],
)
def test_bad_environments_fail_at_start_naming_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


@pytest.mark.parametrize(
    "secret, token",
    [("plain-token", "plain-token"), ('{"authToken": "t1"}', "t1"), ('{"password": "t2", "user": "x"}', "t2")],
)
def test_cache_token_is_read_from_plain_or_json_secrets(secret: str, token: str) -> None:
    assert cache.auth_token(CacheSettings(host="h", port=6379, auth_token=secret), lambda arn: "") == token
    by_arn = CacheSettings(host="h", port=6379, auth_secret_arn="arn:aws:secretsmanager:us-east-1:1:secret:x")
    assert cache.auth_token(by_arn, lambda arn: secret) == token


def test_a_json_cache_secret_without_a_token_is_an_error() -> None:
    with pytest.raises(ValueError, match="without any of"):
        cache.token_from_secret('{"user": "x"}')


def test_cache_client_uses_tls_with_certificate_checks() -> None:
    client = cache.client(CacheSettings(host="cache.internal", port=6380), "tok")
    kwargs = client.connection_pool.connection_kwargs
    assert kwargs["ssl_cert_reqs"] == "required"
    assert (kwargs["host"], kwargs["port"], kwargs["password"]) == ("cache.internal", 6380, "tok")
    assert client.connection_pool.connection_class.__name__ == "SSLConnection"


def test_health_checks_follow_what_is_configured(aws: boto3.Session) -> None:
    env = {**BASE, "DB_HOST": "db", "DB_NAME": "app", "DB_USER": "app_user", "CACHE_HOST": "cache"}
    services = build_services(
        Settings.from_env(env), platform_claims, session=aws, cache_client=fakeredis.FakeStrictRedis()
    )
    assert set(services.health_checks) == {"postgres", "cache"}
    services.health_checks["cache"]()
    assert build_services(Settings.from_env(BASE), platform_claims, session=aws).health_checks == {}


def test_migrate_command_exits_2_with_one_line_when_not_configured(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app import migrate

    for name in ("DB_HOST", "DB_ADMIN_SECRET_ARN", "DB_ADMIN_USER", "DB_ADMIN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    assert migrate.main() == 2
    assert capsys.readouterr().err == "migrate: DB_HOST: required to migrate\n"
    monkeypatch.setenv("DB_HOST", "db.internal")
    monkeypatch.setenv("DB_NAME", "app")
    monkeypatch.setenv("DB_USER", "app_user")
    assert migrate.main() == 2
    assert "DB_ADMIN_SECRET_ARN, or DB_ADMIN_USER and DB_ADMIN_PASSWORD: required" in capsys.readouterr().err
