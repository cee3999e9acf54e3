"""Schema migrations: ``python -m app.migrate`` (container task, or a workstation), or the migration
functions (``app.migrate.start_handler`` then ``app.migrate.handler``).

Connects as the database's administrator (the RDS-managed master secret), then:

1. applies each ``migrations/NNNN_*.sql`` not yet recorded in ``schema_migrations``, in name order,
   each in its own transaction, under an advisory lock so two runs never interleave;
2. makes sure the app's login role exists, is granted ``rds_iam`` where that role exists (RDS and
   Aurora: the role may then log in only with IAM tokens), and may read what the API reads.

Running it again changes nothing. Where the admin credentials come from:

* the container task: ``DB_ADMIN_USER``/``DB_ADMIN_PASSWORD``, injected by ECS from the master secret;
* a workstation: the same variables, or ``DB_ADMIN_SECRET_ARN`` read with the caller's credentials;
* serverless: two functions, so neither needs both the secret and the network. The starter
  (``start_handler``, outside the VPC, where Secrets Manager's public endpoint is reachable without a
  NAT gateway or an interface endpoint) reads the master secret and invokes the migration function
  (``handler``, in the VPC, next to the database) with the credentials in the invocation's payload.
  The migration function may read no secret; the starter cannot reach the database; neither logs the
  payload, and Lambda keeps no copy of a synchronous invocation's payload.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pg8000.native

from app.database import Database
from app.settings import DatabaseSettings, Settings, SettingsError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION = re.compile(r"^\d{4}_[a-z0-9_]+$")
ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
LOCK_KEY = 7_061_766_564
"""The advisory lock every migration run takes (any constant; ``paved`` in hex, read as decimal)."""

READ_TABLES = ("catalog_products",)
"""Tables the API's role may SELECT from; it gets nothing else."""


def migration_files(directory: Path = MIGRATIONS) -> list[Path]:
    files = sorted(directory.glob("*.sql"))
    for path in files:
        if not VERSION.match(path.stem):
            raise ValueError(f"{path.name}: migration files are named NNNN_lowercase_words.sql")
    return files


def migrate(connection: pg8000.native.Connection, *, app_user: str, directory: Path = MIGRATIONS) -> list[str]:
    """Apply pending migrations and grant ``app_user`` its access; the versions applied now."""
    if not ROLE.match(app_user):
        raise ValueError(f"DB_USER: {app_user!r} is not a plain lowercase role name")
    connection.run("SELECT pg_advisory_lock(:key)", key=LOCK_KEY)
    try:
        connection.run(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        applied = {row[0] for row in connection.run("SELECT version FROM schema_migrations")}
        done: list[str] = []
        for path in migration_files(directory):
            if path.stem in applied:
                continue
            _apply(connection, path)
            done.append(path.stem)
            log.info("applied migration %s", path.stem)
        ensure_app_role(connection, app_user)
        return done
    finally:
        connection.run("SELECT pg_advisory_unlock(:key)", key=LOCK_KEY)


def _apply(connection: pg8000.native.Connection, path: Path) -> None:
    connection.run("BEGIN")
    try:
        connection.run(path.read_text(encoding="utf-8"))
        connection.run("INSERT INTO schema_migrations (version) VALUES (:version)", version=path.stem)
        connection.run("COMMIT")
    except Exception:
        connection.run("ROLLBACK")
        raise


def ensure_app_role(connection: pg8000.native.Connection, app_user: str) -> None:
    role = pg8000.native.identifier(app_user)
    exists = connection.run("SELECT 1 FROM pg_roles WHERE rolname = :name", name=app_user)
    if not exists:
        connection.run(f"CREATE ROLE {role} LOGIN")
    if connection.run("SELECT 1 FROM pg_roles WHERE rolname = 'rds_iam'"):
        connection.run(f"GRANT rds_iam TO {role}")
    database = connection.run("SELECT current_database()")[0][0]
    connection.run(f"GRANT CONNECT ON DATABASE {pg8000.native.identifier(database)} TO {role}")
    connection.run(f"GRANT USAGE ON SCHEMA public TO {role}")
    for table in READ_TABLES:
        connection.run(f"GRANT SELECT ON {pg8000.native.identifier(table)} TO {role}")


def admin_credentials(env: Mapping[str, str], read_secret: Callable[[str], str]) -> tuple[str, str]:
    """(user, password) of the administrator, from the master secret or from the environment."""
    arn = env.get("DB_ADMIN_SECRET_ARN")
    if arn:
        document = json.loads(read_secret(arn))
        return str(document["username"]), str(document["password"])
    user, password = env.get("DB_ADMIN_USER"), env.get("DB_ADMIN_PASSWORD")
    if not user or not password:
        raise SettingsError("DB_ADMIN_SECRET_ARN, or DB_ADMIN_USER and DB_ADMIN_PASSWORD: required to migrate")
    return user, password


def run(
    env: Mapping[str, str], read_secret: Callable[[str], str], *, admin: tuple[str, str] | None = None
) -> dict[str, Any]:
    """Migrate the database ``env`` names, as ``admin`` or as the administrator ``env`` points at."""
    settings = Settings.from_env(env)
    if settings.database is None:
        raise SettingsError("DB_HOST: required to migrate")
    user, password = admin or admin_credentials(env, read_secret)
    admin_settings = DatabaseSettings(
        host=settings.database.host,
        port=settings.database.port,
        name=settings.database.name,
        user=user,
        iam_auth=False,
        ssl_root_cert=settings.database.ssl_root_cert,
    )
    connection = Database(admin_settings, lambda: password).connect()
    try:
        applied = migrate(connection, app_user=settings.database.user)
    finally:
        connection.close()
    return {"applied": applied, "appUser": settings.database.user}


class MigrationError(RuntimeError):
    """The migration function reported an error (its type and message, never the payload sent)."""


Invoke = Callable[[str, dict[str, Any]], dict[str, Any]]


def start(env: Mapping[str, str], read_secret: Callable[[str], str], invoke: Invoke) -> dict[str, Any]:
    """The starter's work: read the master secret, run the migration function with it, return its result."""
    arn, function = env.get("DB_ADMIN_SECRET_ARN"), env.get("MIGRATION_FUNCTION")
    if not arn or not function:
        raise SettingsError("DB_ADMIN_SECRET_ARN and MIGRATION_FUNCTION: required to start migrations")
    document = json.loads(read_secret(arn))
    return invoke(function, {"admin": {"username": str(document["username"]), "password": str(document["password"])}})


def lambda_invoker(client: Any) -> Invoke:
    """Synchronous invocations through a boto3 Lambda client; a function error becomes ``MigrationError``."""

    def invoke(function: str, payload: dict[str, Any]) -> dict[str, Any]:
        response = client.invoke(
            FunctionName=function, InvocationType="RequestResponse", Payload=json.dumps(payload).encode()
        )
        body = json.loads(response["Payload"].read() or b"null")
        if response.get("FunctionError"):
            detail = body if isinstance(body, dict) else {}
            raise MigrationError(
                f"the migration function failed: {detail.get('errorType', 'Error')}: {detail.get('errorMessage', '')}"
            )
        result: dict[str, Any] = body
        return result

    return invoke


def admin_from_event(event: Any) -> tuple[str, str] | None:
    """The administrator's credentials the starter sent, if any (``{"admin": {"username", "password"}}``)."""
    admin = event.get("admin") if isinstance(event, Mapping) else None
    if admin is None:
        return None
    user = admin.get("username") if isinstance(admin, Mapping) else None
    password = admin.get("password") if isinstance(admin, Mapping) else None
    if not isinstance(user, str) or not isinstance(password, str) or not user or not password:
        raise SettingsError("event.admin: expected username and password strings")
    return user, password


def _secrets_manager_reader(region: str | None) -> Callable[[str], str]:
    def read(arn: str) -> str:
        import boto3

        client = boto3.client("secretsmanager", region_name=region)
        return str(client.get_secret_value(SecretId=arn)["SecretString"])

    return read


def handler(event: Any, context: Any) -> dict[str, Any]:
    """The migration function (in the VPC): the starter invokes it with the credentials; never logs the event."""
    logging.getLogger().setLevel(logging.INFO)
    region = os.environ.get("AWS_REGION")
    return run(os.environ, _secrets_manager_reader(region), admin=admin_from_event(event))


def start_handler(event: Any, context: Any) -> dict[str, Any]:
    """The starter function (outside the VPC): invoked by hand (``aws lambda invoke``) after a deploy."""
    import boto3

    logging.getLogger().setLevel(logging.INFO)
    region = os.environ.get("AWS_REGION")
    return start(
        os.environ, _secrets_manager_reader(region), lambda_invoker(boto3.client("lambda", region_name=region))
    )


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    try:
        result = run(os.environ, _secrets_manager_reader(os.environ.get("AWS_REGION")))
    except (SettingsError, ValueError, pg8000.native.Error) as error:
        print(f"migrate: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
