"""The container verifies bearer JWTs itself against the issuer's JWKS, with API Gateway's rules."""

from __future__ import annotations

import base64
import io
import json
import time
from collections.abc import Iterator
from typing import Any

import boto3
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from app import wsgi
from app.auth import caller_from_claims
from app.http import HttpError
from app.jwt_verifier import JwtVerifier
from app.settings import JwtSettings
from tests.app.conftest import BUCKET, TABLE, Issuer

SUBJECT = "11111111-2222-4333-8444-555555555555"


@pytest.fixture
def verifier(issuer: Issuer) -> JwtVerifier:
    return JwtVerifier(JwtSettings(issuer=issuer.url, audiences=(issuer.client_id,)))


def refusal(verifier: JwtVerifier, token: str) -> HttpError:
    with pytest.raises(HttpError) as raised:
        verifier.claims(f"Bearer {token}")
    return raised.value


def test_a_valid_access_token_names_its_subject(verifier: JwtVerifier, issuer: Issuer) -> None:
    claims = verifier.claims(f"Bearer {issuer.token()}")
    assert caller_from_claims(claims).subject == SUBJECT


def test_an_id_token_for_the_client_is_accepted_by_audience(verifier: JwtVerifier, issuer: Issuer) -> None:
    token = issuer.token(client_id=None, aud=issuer.client_id, token_use="id")
    assert verifier.claims(f"Bearer {token}")["sub"] == SUBJECT


@pytest.mark.parametrize(
    "overrides",
    [
        {"exp": int(time.time()) - 120},
        {"iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other"},
        {"client_id": "another-client"},
        {"client_id": None},
        {"sub": None},
        {"exp": None},
    ],
    ids=["expired", "other-issuer", "other-client", "no-audience", "no-subject", "no-expiry"],
)
def test_tokens_failing_a_check_are_401(verifier: JwtVerifier, issuer: Issuer, overrides: dict[str, Any]) -> None:
    error = refusal(verifier, issuer.token(**overrides))
    assert error.status == 401
    assert error.headers["www-authenticate"].startswith("Bearer")


def test_a_token_signed_by_another_key_with_the_same_kid_is_401(verifier: JwtVerifier, issuer: Issuer) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jwt.encode(
        {"sub": SUBJECT, "iss": issuer.url, "client_id": issuer.client_id, "exp": int(time.time()) + 60},
        other,
        algorithm="RS256",
        headers={"kid": issuer.kid},
    )
    assert refusal(verifier, token).status == 401


def test_unsigned_and_hmac_tokens_are_401(verifier: JwtVerifier, issuer: Issuer) -> None:
    claims = {"sub": SUBJECT, "iss": issuer.url, "client_id": issuer.client_id, "exp": int(time.time()) + 60}

    def b64(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    unsigned = f"{b64({'alg': 'none', 'kid': issuer.kid})}.{b64(claims)}."
    hmac = jwt.encode(claims, "shared-secret-guess-long-enough-32b", algorithm="HS256", headers={"kid": issuer.kid})
    assert refusal(verifier, unsigned).status == 401
    assert refusal(verifier, hmac).status == 401


@pytest.mark.parametrize("header", [None, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer not.a.jwt"])
def test_missing_or_malformed_authorization_is_401(verifier: JwtVerifier, header: str | None) -> None:
    with pytest.raises(HttpError) as raised:
        verifier.claims(header)
    assert raised.value.status == 401


def test_unreachable_signing_keys_are_a_503_not_a_401() -> None:
    verifier = JwtVerifier(JwtSettings(issuer="http://127.0.0.1:9/pool", audiences=("x",)), jwks_timeout_seconds=1)
    token = jwt.encode({"sub": "s"}, "k" * 32, algorithm="HS256", headers={"kid": "any"})
    with pytest.raises(HttpError) as raised:
        verifier.claims(f"Bearer {token}")
    assert raised.value.status == 503


# --- through the WSGI entry point --------------------------------------------------------------------


@pytest.fixture
def container_env(aws: boto3.Session, issuer: Issuer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ITEMS_TABLE", TABLE)
    monkeypatch.setenv("UPLOADS_BUCKET", BUCKET)
    monkeypatch.setenv("JWT_ISSUER", issuer.url)
    monkeypatch.setenv("JWT_AUDIENCE", issuer.client_id)
    wsgi.api.cache_clear()
    yield
    wsgi.api.cache_clear()


def wsgi_call(
    method: str, path: str, *, token: str | None = None, body: Any = None, query: str = ""
) -> tuple[int, dict[str, str], Any]:
    raw = json.dumps(body).encode() if body is not None else b""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_LENGTH": str(len(raw)),
        "wsgi.input": io.BytesIO(raw),
    }
    if body is not None:
        environ["CONTENT_TYPE"] = "application/json"
    if token is not None:
        environ["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    captured: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        captured["status"] = int(status.split(maxsplit=1)[0])
        captured["headers"] = dict(headers)

    payload = b"".join(wsgi.application(environ, start_response))
    return captured["status"], captured["headers"], json.loads(payload) if payload else None


def test_container_creates_items_for_the_token_subject(container_env: None, issuer: Issuer, aws: boto3.Session) -> None:
    status, headers, item = wsgi_call("POST", "/api/items", token=issuer.token(), body={"name": "from a task"})
    assert status == 201
    assert headers["content-length"] == str(len(json.dumps(item, separators=(",", ":"), sort_keys=True)))
    key = {"ownerId": SUBJECT, "itemId": item["itemId"]}
    assert aws.resource("dynamodb").Table(TABLE).get_item(Key=key)["Item"]["name"] == "from a task"


def test_container_refuses_requests_without_a_valid_token(container_env: None, issuer: Issuer) -> None:
    assert wsgi_call("GET", "/api/items")[0] == 401
    assert wsgi_call("GET", "/api/items", token=issuer.token(client_id="someone-else"))[0] == 401


def test_container_health_is_public_and_reports_identity_keys(container_env: None) -> None:
    status, _, body = wsgi_call("GET", "/health")
    assert status == 200
    assert set(body["dependencies"]) == {"dynamodb", "s3", "identity"}
    assert all(entry["status"] == "ok" for entry in body["dependencies"].values())


def test_container_refuses_oversized_and_malformed_requests(container_env: None, issuer: Issuer) -> None:
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/items", "CONTENT_LENGTH": "999999999", "wsgi.input": None}
    statuses: list[str] = []
    body = b"".join(wsgi.application(environ, lambda status, headers: statuses.append(status)))
    assert statuses == ["413 Payload Too Large"]
    assert json.loads(body)["error"]["code"] == "body_too_large"
    bad = {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/items", "CONTENT_LENGTH": "x", "wsgi.input": None}
    assert b"bad_request" in b"".join(wsgi.application(bad, lambda status, headers: statuses.append(status)))
    assert statuses[-1] == "400 Bad Request"
