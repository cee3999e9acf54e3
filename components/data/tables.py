"""DynamoDB tables from config: on-demand, point-in-time recovery, encrypted with the stack key."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pulumi
import pulumi_aws as aws

from components.config.data import KeyAttribute
from components.config.data import Table as TableSettings
from components.outputs import TableOutputs


def key_attributes(table: TableSettings) -> list[KeyAttribute]:
    """Every attribute a key of the table or of its indexes uses, once each, in first-use order.

    DynamoDB accepts attribute definitions only for key attributes, so this is exactly the list
    ``attributes`` must hold.
    """
    keys = [table.partition_key, table.sort_key]
    for index in table.global_secondary_indexes:
        keys += [index.partition_key, index.sort_key]
    seen: dict[str, KeyAttribute] = {}
    for key in keys:
        if key is not None:
            seen.setdefault(key.name, key)
    return list(seen.values())


def _indexes(table: TableSettings) -> list[aws.dynamodb.TableGlobalSecondaryIndexArgs]:
    return [
        aws.dynamodb.TableGlobalSecondaryIndexArgs(
            name=index.name,
            key_schemas=[
                aws.dynamodb.TableGlobalSecondaryIndexKeySchemaArgs(attribute_name=key.name, key_type=key_type)
                for key, key_type in ((index.partition_key, "HASH"), (index.sort_key, "RANGE"))
                if key is not None
            ],
            projection_type=index.projection,
        )
        for index in table.global_secondary_indexes
    ]


def build_tables(
    name: str,
    tables: Sequence[TableSettings],
    *,
    key_arn: pulumi.Input[str],
    protect: bool,
    child: pulumi.ResourceOptions,
) -> Mapping[str, TableOutputs]:
    """One table per config entry, keyed by its config name. Protected: deletion protection and ``protect``."""
    built: dict[str, TableOutputs] = {}
    for settings in tables:
        table = aws.dynamodb.Table(
            f"{name}-{settings.name}",
            billing_mode="PAY_PER_REQUEST",
            hash_key=settings.partition_key.name,
            range_key=settings.sort_key.name if settings.sort_key else None,
            attributes=[
                aws.dynamodb.TableAttributeArgs(name=key.name, type=key.type) for key in key_attributes(settings)
            ],
            global_secondary_indexes=_indexes(settings) or None,
            ttl=(
                aws.dynamodb.TableTtlArgs(attribute_name=settings.ttl_attribute, enabled=True)
                if settings.ttl_attribute
                else None
            ),
            point_in_time_recovery=aws.dynamodb.TablePointInTimeRecoveryArgs(enabled=True),
            server_side_encryption=aws.dynamodb.TableServerSideEncryptionArgs(enabled=True, kms_key_arn=key_arn),
            deletion_protection_enabled=protect,
            opts=child.merge(pulumi.ResourceOptions(protect=protect)),
        )
        built[settings.name] = TableOutputs(name=table.name, arn=table.arn)
    return built
