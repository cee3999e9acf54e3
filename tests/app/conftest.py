"""Fixtures for the app's tests: moto for DynamoDB/S3/Secrets Manager, a real PostgreSQL, a real JWKS endpoint."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import jwt
import pg8000.native
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from moto import mock_aws

from app.services import process_session
from app.settings import DatabaseSettings
from tests.app.postgres import Cluster, PgServer

REGION = "us-east-1"
TABLE = "paved-items-test"
BUCKET = "paved-uploads-test"
APP_USER = "app_user"
APP_PASSWORD = "app-user-local-password"


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[boto3.Session]:
    """A moto account with the items table (ownerId/itemId, as the data tier creates it) and the uploads bucket."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_REGION": REGION,
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        session = process_session(REGION)
        session.client("dynamodb").create_table(
            TableName=TABLE,
            KeySchema=[
                {"AttributeName": "ownerId", "KeyType": "HASH"},
                {"AttributeName": "itemId", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "ownerId", "AttributeType": "S"},
                {"AttributeName": "itemId", "AttributeType": "S"},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
        session.client("s3").create_bucket(Bucket=BUCKET)
        yield session


# --- PostgreSQL ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    cluster = Cluster()
    try:
        yield cluster.start()
    finally:
        cluster.stop()


_databases = itertools.count(1)


@dataclass(frozen=True)
class PgDatabase:
    server: PgServer
    name: str

    def admin(self) -> pg8000.native.Connection:
        return connect(self.server, self.name, self.server.admin_user, self.server.admin_password)

    def app_settings(self, **changes: Any) -> DatabaseSettings:
        values: dict[str, Any] = {
            "host": self.server.host,
            "port": self.server.port,
            "name": self.name,
            "user": APP_USER,
            "iam_auth": False,
            "ssl_root_cert": str(self.server.ca_file),
            "password": APP_PASSWORD,
        }
        values.update(changes)
        return DatabaseSettings(**values)

    def env(self) -> dict[str, str]:
        return {
            "DB_HOST": self.server.host,
            "DB_PORT": str(self.server.port),
            "DB_NAME": self.name,
            "DB_USER": APP_USER,
            "DB_IAM_AUTH": "false",
            "DB_PASSWORD": APP_PASSWORD,
            "DB_SSL_ROOT_CERT": str(self.server.ca_file),
        }


def connect(server: PgServer, database: str, user: str, password: str) -> pg8000.native.Connection:
    import ssl

    return pg8000.native.Connection(
        user=user,
        password=password,
        host=server.host,
        port=server.port,
        database=database,
        ssl_context=ssl.create_default_context(cafile=str(server.ca_file)),
    )


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[PgDatabase]:
    """A fresh, empty database on the test server (dropped afterwards)."""
    name = f"app_test_{next(_databases)}"
    admin = connect(pg_server, pg_server.database, pg_server.admin_user, pg_server.admin_password)
    admin.run(f"CREATE DATABASE {name}")
    try:
        yield PgDatabase(pg_server, name)
    finally:
        admin.run(f"DROP DATABASE {name} WITH (FORCE)")
        admin.close()


# --- JWTs ----------------------------------------------------------------------------------------


@dataclass
class Issuer:
    """An identity provider on loopback: an RSA key pair and its JWKS at ``<issuer>/.well-known/jwks.json``."""

    url: str
    key: rsa.RSAPrivateKey
    kid: str
    client_id: str = "spa-client-id"

    def token(self, **overrides: Any) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "sub": "11111111-2222-4333-8444-555555555555",
            "iss": self.url,
            "client_id": self.client_id,
            "token_use": "access",
            "scope": "openid email",
            "iat": now,
            "exp": now + 600,
        }
        claims.update(overrides)
        claims = {key: value for key, value in claims.items() if value is not None}
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})


@pytest.fixture(scope="session")
def issuer() -> Iterator[Issuer]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = "test-key-1"
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwks = json.dumps({"keys": [{**public, "kid": kid, "alg": "RS256", "use": "sig"}]}).encode()

    class Jwks(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.endswith("/.well-known/jwks.json"):
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(jwks)
            else:
                self.send_response(404)
                self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Jwks)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Issuer(url=f"http://127.0.0.1:{server.server_address[1]}/us-east-1_TestPool", key=key, kid=kid)
    finally:
        server.shutdown()
        server.server_close()
