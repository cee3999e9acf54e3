"""Builds the API's services from its settings: the one place that creates AWS clients and connections."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache as memoize
from typing import Any

import boto3
from botocore.config import Config

from app import cache
from app.api import Services
from app.auth import Authenticator
from app.catalog import Catalog
from app.database import Database, password_source
from app.health import Check
from app.items import ItemStore
from app.settings import Settings
from app.uploads import Uploads

AWS_CONFIG = Config(connect_timeout=2, read_timeout=5, retries={"max_attempts": 3, "mode": "standard"})


def build_services(
    settings: Settings,
    authenticate: Authenticator,
    *,
    session: Any | None = None,
    extra_checks: dict[str, Check] | None = None,
    cache_client: Any | None = None,
) -> Services:
    """Services for ``settings``; ``session`` is a ``boto3.Session`` (the process's one if None)."""
    aws = session or process_session(settings.region)
    checks: dict[str, Check] = {}

    items = None
    if settings.items_table:
        items = ItemStore(aws.resource("dynamodb", config=AWS_CONFIG).Table(settings.items_table))
        checks["dynamodb"] = items.ping

    uploads = None
    if settings.uploads_bucket:
        s3 = aws.client(
            "s3",
            config=AWS_CONFIG.merge(
                Config(
                    signature_version="s3v4",
                    s3={"addressing_style": "virtual", "us_east_1_regional_endpoint": "regional"},
                )
            ),
        )
        uploads = Uploads(
            s3,
            settings.uploads_bucket,
            max_bytes=settings.upload_max_bytes,
            content_types=settings.upload_content_types,
            expires_seconds=settings.upload_url_seconds,
        )
        checks["s3"] = uploads.ping

    catalog = None
    if settings.database is not None:
        database = Database(
            settings.database,
            password_source(settings.database, lambda: aws.client("rds", config=AWS_CONFIG), settings.region),
        )
        redis_client = cache_client
        if redis_client is None and settings.cache is not None:
            token = cache.auth_token(settings.cache, _secret_reader(aws))
            redis_client = cache.client(settings.cache, token)
        catalog = Catalog(database, redis_client)
        checks["postgres"] = database.ping
        if redis_client is not None:
            checks["cache"] = redis_client.ping

    checks.update(extra_checks or {})
    return Services(authenticate=authenticate, items=items, uploads=uploads, catalog=catalog, health_checks=checks)


@memoize
def process_session(region: str) -> Any:
    """One boto3 session per process and region: clients share its loaded service models and credentials."""
    return boto3.Session(region_name=region)


def _secret_reader(aws: Any) -> Callable[[str], str]:
    def read(arn: str) -> str:
        return str(aws.client("secretsmanager", config=AWS_CONFIG).get_secret_value(SecretId=arn)["SecretString"])

    return read
