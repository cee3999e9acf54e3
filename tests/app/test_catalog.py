"""GET /catalog and the migration script, against a real PostgreSQL that forces TLS."""

from __future__ import annotations

import io
import json
import ssl
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3
import fakeredis
import pg8000.native
import pytest
from botocore.response import StreamingBody

from app import lambda_handler, migrate
from app.catalog import Catalog
from app.database import Database, iam_token_source, password_source
from app.settings import DatabaseSettings, SettingsError
from tests.app.conftest import APP_PASSWORD, APP_USER, PgDatabase
from tests.app.events import http_event, parsed

PRODUCTS = [("MUG-1", "Mug", 1200), ("CAP-1", "Cap", 1500), ("BAG-1", "Bag", 3000), ("OLD-1", "Old", 100)]


def seed(database: PgDatabase) -> None:
    admin = database.admin()
    for sku, name, price in PRODUCTS:
        admin.run(
            "INSERT INTO catalog_products (sku, name, price_cents, active) VALUES (:sku, :name, :price, :active)",
            sku=sku,
            name=name,
            price=price,
            active=sku != "OLD-1",
        )
    admin.close()


def run_migrations(database: PgDatabase) -> list[str]:
    admin = database.admin()
    try:
        applied = migrate.migrate(admin, app_user=APP_USER)
        # RDS has IAM tokens; the local server has only passwords, so the test gives the role one.
        admin.run(f"ALTER ROLE {APP_USER} PASSWORD '{APP_PASSWORD}'")
        return applied
    finally:
        admin.close()


@pytest.fixture
def migrated(pg_database: PgDatabase) -> PgDatabase:
    run_migrations(pg_database)
    seed(pg_database)
    return pg_database


# --- migrations ----------------------------------------------------------------------------------


def test_migrations_apply_once_in_order(pg_database: PgDatabase) -> None:
    assert run_migrations(pg_database) == ["0001_catalog"]
    assert run_migrations(pg_database) == []
    admin = pg_database.admin()
    assert admin.run("SELECT version FROM schema_migrations") == [["0001_catalog"]]
    admin.close()


def test_app_role_may_read_the_catalog_and_nothing_more(migrated: PgDatabase) -> None:
    database = Database(migrated.app_settings(), lambda: APP_PASSWORD)
    assert len(database.query("SELECT sku FROM catalog_products")) == 4
    with pytest.raises(pg8000.native.DatabaseError, match="permission denied"):
        database.query("INSERT INTO catalog_products (sku, name, price_cents) VALUES ('X-1', 'x', 1)")
    database.close()
    with pytest.raises(pg8000.native.DatabaseError, match="permission denied"):
        Database(migrated.app_settings(), lambda: APP_PASSWORD).query("SELECT * FROM schema_migrations")


def test_a_failing_migration_leaves_nothing_half_applied(pg_database: PgDatabase, tmp_path: Any) -> None:
    (tmp_path / "0001_good.sql").write_text("CREATE TABLE good (id int);")
    (tmp_path / "0002_bad.sql").write_text("CREATE TABLE half (id int); SELECT * FROM missing_table;")
    admin = pg_database.admin()
    with pytest.raises(pg8000.native.DatabaseError):
        migrate.migrate(admin, app_user=APP_USER, directory=tmp_path)
    assert admin.run("SELECT version FROM schema_migrations") == [["0001_good"]]
    assert admin.run("SELECT to_regclass('half')") == [[None]]
    admin.close()


def test_migration_file_names_and_role_names_are_checked(tmp_path: Any, pg_database: PgDatabase) -> None:
    (tmp_path / "create things.sql").write_text("SELECT 1;")
    with pytest.raises(ValueError, match=r"NNNN_lowercase_words\.sql"):
        migrate.migration_files(tmp_path)
    admin = pg_database.admin()
    with pytest.raises(ValueError, match="DB_USER"):
        migrate.migrate(admin, app_user='app"; DROP ROLE admin; --')
    admin.close()


def test_migrate_command_reads_admin_credentials_from_the_master_secret(
    pg_database: PgDatabase, aws: boto3.Session
) -> None:
    server = pg_database.server
    secret = aws.client("secretsmanager").create_secret(
        Name="rds!cluster-test",
        SecretString=json.dumps({"username": server.admin_user, "password": server.admin_password}),
    )
    env = {**pg_database.env(), "AWS_REGION": "us-east-1", "DB_ADMIN_SECRET_ARN": secret["ARN"]}
    env.pop("DB_PASSWORD")
    env["DB_IAM_AUTH"] = "true"
    result = migrate.run(env, lambda arn: aws.client("secretsmanager").get_secret_value(SecretId=arn)["SecretString"])
    assert result == {"applied": ["0001_catalog"], "appUser": APP_USER}


# --- TLS and IAM authentication ----------------------------------------------------------------------


def test_the_server_refuses_connections_without_tls(migrated: PgDatabase) -> None:
    with pytest.raises(pg8000.native.DatabaseError, match=r"no encryption|reject"):
        pg8000.native.Connection(
            user=APP_USER, password=APP_PASSWORD, host=migrated.server.host, port=migrated.server.port,
            database=migrated.name, ssl_context=False,
        )  # fmt: skip


def test_the_app_verifies_the_server_certificate(migrated: PgDatabase) -> None:
    database = Database(migrated.app_settings(), lambda: APP_PASSWORD)
    assert database.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == [{"ssl": True}]
    untrusted = migrated.app_settings(ssl_root_cert=str(migrated.server.ca_file.parent / "server.crt"))
    with pytest.raises((ssl.SSLError, pg8000.native.InterfaceError)):
        Database(untrusted, lambda: APP_PASSWORD).query("SELECT 1")


def test_iam_tokens_are_signed_locally_for_the_database_user(aws: boto3.Session) -> None:
    settings = DatabaseSettings(
        host="db.cluster-abc.us-east-1.rds.amazonaws.com", port=5432, name="app", user="app_user"
    )
    token = iam_token_source(settings, aws.client("rds"), "us-east-1")()
    url = urlsplit(f"https://{token}")
    query = parse_qs(url.query)
    assert url.netloc == "db.cluster-abc.us-east-1.rds.amazonaws.com:5432"
    assert query["Action"] == ["connect"]
    assert query["DBUser"] == ["app_user"]
    assert query["X-Amz-Credential"][0].endswith("/us-east-1/rds-db/aws4_request")
    assert "X-Amz-Signature" in query


def test_iam_auth_is_the_default_and_a_password_is_only_for_local_runs(aws: boto3.Session) -> None:
    iam = DatabaseSettings(host="h", port=5432, name="app", user="app_user")
    assert "Action=connect" in password_source(iam, lambda: aws.client("rds"), "us-east-1")()
    local = DatabaseSettings(host="h", port=5432, name="app", user="app_user", iam_auth=False, password="pw")
    assert password_source(local, lambda: aws.client("rds"), "us-east-1")() == "pw"


# --- GET /catalog ---------------------------------------------------------------------------------


@pytest.fixture
def call(migrated: PgDatabase, aws: boto3.Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Any]]:
    for name, value in migrated.env().items():
        monkeypatch.setenv(name, value)
    lambda_handler.api.cache_clear()

    def invoke(path: str, **kwargs: Any) -> tuple[int, Any]:
        return parsed(lambda_handler.handler(http_event("GET", path, **kwargs), None))

    yield invoke
    lambda_handler.api.cache_clear()


def test_catalog_lists_active_products_by_name(call: Callable[..., Any]) -> None:
    status, page = call("/api/catalog")
    assert status == 200
    assert [p["sku"] for p in page["products"]] == ["BAG-1", "CAP-1", "MUG-1"]
    assert page["products"][0]["price"] == {"amountCents": 3000, "currency": "USD"}


def test_catalog_pages_with_limit_and_offset(call: Callable[..., Any]) -> None:
    _, page = call("/api/catalog", query={"limit": "1", "offset": "1"})
    assert [p["sku"] for p in page["products"]] == ["CAP-1"]


@pytest.mark.parametrize(
    "query", [{"limit": "0"}, {"limit": "101"}, {"limit": "-1"}, {"offset": "x"}, {"limit": "1e3"}]
)
def test_catalog_refuses_bad_paging_with_400(call: Callable[..., Any], query: dict[str, str]) -> None:
    status, body = call("/api/catalog", query=query)
    assert (status, body["error"]["code"]) == (400, "invalid_query")


def test_catalog_needs_a_verified_caller(call: Callable[..., Any]) -> None:
    assert call("/api/catalog", subject=None)[0] == 401


def test_health_reports_each_dependency(call: Callable[..., Any]) -> None:
    status, body = call("/api/health", subject=None)
    assert status == 200
    assert body["status"] == "ok"
    assert set(body["dependencies"]) == {"postgres"}


def test_health_is_503_and_names_the_failing_dependency_without_details(
    migrated: PgDatabase, aws: boto3.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in migrated.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DB_PASSWORD", "wrong-password")
    lambda_handler.api.cache_clear()
    status, body = parsed(lambda_handler.handler(http_event("GET", "/health", subject=None), None))
    lambda_handler.api.cache_clear()
    assert status == 503
    assert body["status"] == "degraded"
    assert body["dependencies"]["postgres"]["status"] == "failing"
    assert set(body["dependencies"]["postgres"]) == {"status", "error", "latencyMs"}
    assert "password" not in str(body)


# --- the cache ---------------------------------------------------------------------------------------


def test_catalog_pages_are_cached_and_served_from_the_cache(migrated: PgDatabase) -> None:
    cache = fakeredis.FakeStrictRedis()
    database = Database(migrated.app_settings(), lambda: APP_PASSWORD)
    catalog = Catalog(database, cache, ttl_seconds=60)
    first = catalog.products(limit=10, offset=0)
    assert 0 < cache.ttl("catalog:v1:10:0") <= 60
    admin = migrated.admin()
    admin.run("UPDATE catalog_products SET name = 'Renamed' WHERE sku = 'MUG-1'")
    admin.close()
    assert catalog.products(limit=10, offset=0) == first


def test_a_failing_cache_falls_back_to_the_database(migrated: PgDatabase) -> None:
    server = fakeredis.FakeServer()
    server.connected = False
    broken = fakeredis.FakeStrictRedis(server=server)
    catalog = Catalog(Database(migrated.app_settings(), lambda: APP_PASSWORD), broken)
    assert [p["sku"] for p in catalog.products(limit=10, offset=0)["products"]] == ["BAG-1", "CAP-1", "MUG-1"]
    with pytest.raises(Exception, match="onnection"):
        broken.ping()


def test_the_starter_runs_the_migration_function_with_the_master_secret(
    pg_database: PgDatabase, aws: boto3.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starter (reads the secret) → migration function (runs against the database): the invocation is a
    direct call here, the same payload Lambda would carry."""
    server = pg_database.server
    secret = aws.client("secretsmanager").create_secret(
        Name="rds!cluster-handler",
        SecretString=json.dumps({"username": server.admin_user, "password": server.admin_password}),
    )
    for name, value in pg_database.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DB_PASSWORD")
    monkeypatch.setenv("DB_IAM_AUTH", "true")
    sent: list[dict[str, Any]] = []

    def invoke(function: str, payload: dict[str, Any]) -> dict[str, Any]:
        sent.append(payload)
        assert function == "compute-migrate-abc"
        return migrate.handler(json.loads(json.dumps(payload)), None)

    starter_env = {"DB_ADMIN_SECRET_ARN": secret["ARN"], "MIGRATION_FUNCTION": "compute-migrate-abc"}
    read = migrate._secrets_manager_reader("us-east-1")
    assert migrate.start(starter_env, read, invoke) == {"applied": ["0001_catalog"], "appUser": APP_USER}
    assert migrate.start(starter_env, read, invoke) == {"applied": [], "appUser": APP_USER}
    assert sent[0] == {"admin": {"username": server.admin_user, "password": server.admin_password}}


def test_the_migration_function_refuses_a_malformed_admin_payload() -> None:
    with pytest.raises(SettingsError, match=r"event\.admin"):
        migrate.admin_from_event({"admin": {"username": "admin"}})
    assert migrate.admin_from_event({}) is None


def test_the_starter_invokes_synchronously_and_reports_a_failure_without_the_payload() -> None:
    from botocore.stub import Stubber

    client = boto3.client("lambda", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    stubber = Stubber(client)
    payload = {"admin": {"username": "postgres", "password": "s3cret-value"}}
    expected = {"FunctionName": "fn", "InvocationType": "RequestResponse", "Payload": json.dumps(payload).encode()}
    ok = io.BytesIO(b'{"applied": [], "appUser": "app"}')
    stubber.add_response("invoke", {"StatusCode": 200, "Payload": StreamingBody(ok, len(ok.getvalue()))}, expected)
    failed = io.BytesIO(b'{"errorType": "DatabaseError", "errorMessage": "relation missing"}')
    stubber.add_response(
        "invoke",
        {"StatusCode": 200, "FunctionError": "Unhandled", "Payload": StreamingBody(failed, len(failed.getvalue()))},
        expected,
    )
    with stubber:
        invoke = migrate.lambda_invoker(client)
        assert invoke("fn", payload) == {"applied": [], "appUser": "app"}
        with pytest.raises(migrate.MigrationError) as raised:
            invoke("fn", payload)
    assert str(raised.value) == "the migration function failed: DatabaseError: relation missing"
    assert "s3cret" not in str(raised.value)


def test_the_starter_needs_the_secret_and_the_function() -> None:
    with pytest.raises(SettingsError, match="MIGRATION_FUNCTION"):
        migrate.start({"DB_ADMIN_SECRET_ARN": "arn"}, lambda arn: "{}", lambda function, payload: {})
