"""PostgreSQL connections: pg8000 (pure Python, so the Lambda package needs no native build), TLS
always, and an IAM authentication token as the password.

The token is a SigV4-presigned string that ``boto3`` signs locally from the function's or task's
credentials (``rds.generate_db_auth_token``): no call leaves the VPC, so a function without a NAT
gateway can still log in. It is valid for 15 minutes for *new* connections; an open connection
stays open, so each thread keeps one and reconnects only when it breaks.

TLS: the database's parameter group forces SSL. With ``DB_SSL_ROOT_CERT`` (the RDS CA bundle) the
server certificate and host name are verified; without it the connection is still encrypted but
the server is not authenticated, and a warning says so once.
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pg8000.native

from app.settings import DatabaseSettings

log = logging.getLogger(__name__)

PasswordSource = Callable[[], str]

CONNECT_TIMEOUT_SECONDS = 5


def iam_token_source(settings: DatabaseSettings, rds_client: Any, region: str) -> PasswordSource:
    """A fresh IAM auth token per connection attempt, signed locally by ``rds_client``'s credentials."""

    def token() -> str:
        return str(
            rds_client.generate_db_auth_token(
                DBHostname=settings.host, Port=settings.port, DBUsername=settings.user, Region=region
            )
        )

    return token


def tls_context(settings: DatabaseSettings) -> ssl.SSLContext:
    """Verify against the configured CA bundle; encrypt without verification only when none is given."""
    if settings.ssl_root_cert:
        bundle = Path(settings.ssl_root_cert)
        if not bundle.is_absolute():
            bundle = Path(__file__).resolve().parent / bundle
        context = ssl.create_default_context(cafile=str(bundle))
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        return context
    log.warning("DB_SSL_ROOT_CERT is not set: the database connection is encrypted but its server is not verified")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


class Database:
    """One connection per thread, opened on first use, reopened once if it has broken."""

    def __init__(self, settings: DatabaseSettings, password: PasswordSource) -> None:
        self.settings = settings
        self.password = password
        self._tls = tls_context(settings)
        self._local = threading.local()

    def query(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        """Rows as dicts; one reconnect if the thread's connection turned out to be closed."""
        try:
            return self._query(self._connection(), sql, params)
        except (pg8000.native.InterfaceError, OSError):
            self.close()
            return self._query(self._connection(), sql, params)

    def ping(self) -> None:
        self.query("SELECT 1 AS ok")

    def connect(self, *, user: str | None = None, password: str | None = None) -> pg8000.native.Connection:
        """A new TLS connection (as the app's user with a fresh token, unless told otherwise)."""
        return pg8000.native.Connection(
            user=user or self.settings.user,
            host=self.settings.host,
            port=self.settings.port,
            database=self.settings.name,
            password=password if password is not None else self.password(),
            ssl_context=self._tls,
            timeout=CONNECT_TIMEOUT_SECONDS,
            application_name="paved-app",
        )

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        self._local.connection = None
        if connection is not None:
            try:
                connection.close()
            except (pg8000.native.InterfaceError, OSError):
                log.debug("closing a broken connection failed", exc_info=True)

    def _connection(self) -> pg8000.native.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self.connect()
            self._local.connection = connection
        return connection

    @staticmethod
    def _query(connection: pg8000.native.Connection, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        rows = connection.run(sql, **params) or []
        names = [column["name"] for column in connection.columns or []]
        return [dict(zip(names, row, strict=True)) for row in rows]


def password_source(settings: DatabaseSettings, rds_client_factory: Callable[[], Any], region: str) -> PasswordSource:
    """IAM tokens in AWS; the configured password only where IAM auth is off (local runs, tests)."""
    if settings.iam_auth:
        return iam_token_source(settings, rds_client_factory(), region)
    if settings.password is None:
        raise ValueError("DB_PASSWORD: required when DB_IAM_AUTH is false")
    fixed = settings.password
    return lambda: fixed
