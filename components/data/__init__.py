"""The data tier: PostgreSQL, DynamoDB tables, S3 buckets and an optional cache, driven by ``paved:data``.

Everything is encrypted with the stack key, private (no public endpoint, security groups that
admit only the compute tier's workload group, public access blocks), and, in a protected stack,
kept when deleted. One module per part: ``postgres``, ``tables``, ``buckets`` (with
``log_delivery``) and ``cache``; ``access`` holds the security groups they share.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pulumi

from components.account import AwsAccount
from components.config.data import Data as DataSettings
from components.data.buckets import BucketInputs, build_buckets
from components.data.cache import CacheInputs, build_cache
from components.data.log_delivery import LOG_DELIVERIES
from components.data.postgres import PostgresInputs, build_postgres
from components.data.tables import build_tables
from components.outputs import DataOutputs, NetworkOutputs


@dataclass(frozen=True, kw_only=True)
class DataArgs:
    settings: DataSettings
    account: AwsAccount
    network: NetworkOutputs
    key_arn: pulumi.Output[str]
    """The stack key: storage, backups, secrets and Performance Insights are encrypted with it."""
    protect: bool = True
    """Deletion protection, final snapshots, ``protect``/``retain_on_delete``, versioning on every bucket."""
    policy_managed_elsewhere: frozenset[str] = frozenset()
    """Config names of buckets whose policy another tier writes (it must keep ``transport_statements``)."""
    log_deliveries: frozenset[str] = frozenset()
    """Log deliveries other tiers point at the logs bucket: ``cloudfront``, ``alb``."""

    def __post_init__(self) -> None:
        unknown = sorted(self.log_deliveries - set(LOG_DELIVERIES))
        if unknown:
            raise ValueError(f"log_deliveries: unknown {unknown} (accepted: {', '.join(LOG_DELIVERIES)})")


class Data(pulumi.ComponentResource):
    """The stack's stateful services, and the typed outputs the compute tier builds its grants from."""

    outputs: DataOutputs

    def __init__(self, name: str, args: DataArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("paved:data:Data", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        settings = args.settings
        database = (
            build_postgres(
                name,
                PostgresInputs(
                    settings=settings.postgres, network=args.network, key_arn=args.key_arn, protect=args.protect
                ),
                child,
            )
            if settings.postgres.enabled
            else None
        )
        tables = build_tables(name, settings.tables, key_arn=args.key_arn, protect=args.protect, child=child)
        buckets = build_buckets(
            name,
            BucketInputs(
                buckets=settings.buckets,
                account=args.account,
                key_arn=args.key_arn,
                protect=args.protect,
                policy_managed_elsewhere=args.policy_managed_elsewhere,
                log_deliveries=args.log_deliveries,
            ),
            child,
        )
        cache = (
            build_cache(
                name,
                CacheInputs(settings=settings.cache, network=args.network, key_arn=args.key_arn, protect=args.protect),
                child,
            )
            if settings.cache.enabled
            else None
        )
        self.outputs = DataOutputs(key_arn=args.key_arn, database=database, tables=tables, buckets=buckets, cache=cache)
        self.register_outputs(
            {
                "databaseHost": database.host if database else None,
                "tableNames": {key: table.name for key, table in tables.items()},
                "bucketNames": {key: bucket.name for key, bucket in buckets.items()},
                "cacheHost": cache.host if cache else None,
            }
        )


def exported(outputs: DataOutputs) -> dict[str, Any]:
    """The data tier's outputs as a stack export: what operators and migrations look up."""
    database, cache = outputs.database, outputs.cache
    return {
        "keyArn": outputs.key_arn,
        "database": (
            {
                "engine": database.engine,
                "host": database.host,
                "port": database.port,
                "name": database.database_name,
                "iamUser": database.iam_user,
                "resourceId": database.resource_id,
                "masterSecretArn": database.master_secret_arn,
                "securityGroupId": database.security_group_id,
                "identifier": database.identifier,
            }
            if database
            else None
        ),
        "tables": {key: {"name": table.name, "arn": table.arn} for key, table in outputs.tables.items()},
        "buckets": {
            key: {
                "purpose": bucket.purpose,
                "name": bucket.name,
                "arn": bucket.arn,
                "regionalDomainName": bucket.regional_domain_name,
            }
            for key, bucket in outputs.buckets.items()
        },
        "cache": (
            {
                "host": cache.host,
                "port": cache.port,
                "authSecretArn": cache.auth_secret_arn,
                "securityGroupId": cache.security_group_id,
                "replicationGroupId": cache.replication_group_id,
            }
            if cache
            else None
        ),
    }
