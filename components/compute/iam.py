"""Roles for the compute tier: one per function or task, plus the execution roles, each listing exactly
the actions its code calls on exactly this stack's resources.

Documents are built as plain dicts whose values may be Outputs and serialised with
``pulumi.Output.json_dumps``. A ``*`` resource appears only for actions AWS defines without any
resource type (``ec2:Describe*`` for Lambda's network interfaces, ``ecr:GetAuthorizationToken``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pulumi

from components.account import AwsAccount
from components.iam import (
    CreatedRole,
    RoleSpec,
    Statement,
    allow,
    arn,
    create_role,
    document,
    lambda_trust,
    log_statements,
    service_trust,
)

__all__ = [
    "ACTIONS_WITHOUT_RESOURCE_TYPES",
    "ITEM_ACTIONS",
    "AppAccess",
    "CreatedRole",
    "RoleSpec",
    "Statement",
    "allow",
    "app_statements",
    "arn",
    "create_role",
    "document",
    "ecr_pull_statements",
    "lambda_trust",
    "log_statements",
    "secret_read_statements",
    "service_trust",
    "vpc_function_statements",
]

ACTIONS_WITHOUT_RESOURCE_TYPES = frozenset(
    {"ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ecr:GetAuthorizationToken"}
)
"""Actions the Service Authorization Reference lists with no resource type: only ``*`` can name them."""

ITEM_ACTIONS = ("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query")
"""What app/items.py calls (the health check is a GetItem)."""


# --- what the app calls -------------------------------------------------------------------------


@dataclass(frozen=True)
class AppAccess:
    """The stack resources the API uses; None where the stack has no such resource."""

    account: AwsAccount
    key_arn: pulumi.Input[str]
    table_arn: pulumi.Input[str] | None = None
    uploads_bucket_arn: pulumi.Input[str] | None = None
    db_user_arn: pulumi.Input[str] | None = None
    cache_secret_arn: pulumi.Input[str] | None = None
    read_cache_secret: bool = False
    """Lambda reads the cache's token itself; in a task, ECS injects it through the execution role."""


UPLOAD_PREFIX = "users/*"
"""Keys the API presigns uploads for: ``users/<subject>/...`` (app/uploads.py)."""


def app_statements(access: AppAccess) -> list[Statement]:
    region = access.account.region
    statements: list[Statement] = []
    via: list[str] = []
    if access.table_arn is not None:
        statements.append(allow("ItemsTable", ITEM_ACTIONS, [access.table_arn]))
        via.append(f"dynamodb.{region}.amazonaws.com")
    if access.uploads_bucket_arn is not None:
        statements.append(
            allow(
                "UploadUnderUserPrefixes",
                ["s3:PutObject"],
                [pulumi.Output.concat(access.uploads_bucket_arn, "/", UPLOAD_PREFIX)],
            )
        )
        statements.append(allow("UploadsBucketHealth", ["s3:GetBucketLocation"], [access.uploads_bucket_arn]))
        via.append(f"s3.{region}.amazonaws.com")
    if access.db_user_arn is not None:
        statements.append(allow("ConnectAsTheAppDatabaseUser", ["rds-db:connect"], [access.db_user_arn]))
    if access.cache_secret_arn is not None and access.read_cache_secret:
        statements.append(allow("ReadCacheToken", ["secretsmanager:GetSecretValue"], [access.cache_secret_arn]))
        via.append(f"secretsmanager.{region}.amazonaws.com")
    if via:
        statements.append(
            allow(
                "StackKeyThroughTheseServicesOnly",
                ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
                [access.key_arn],
                StringEquals={"kms:ViaService": sorted(via)},
            )
        )
    return statements


def secret_read_statements(
    account: AwsAccount, key_arn: pulumi.Input[str], secret_arns: Sequence[pulumi.Input[str]]
) -> list[Statement]:
    """Read exactly these secrets, and decrypt them with the stack key only through Secrets Manager."""
    if not secret_arns:
        return []
    return [
        allow("ReadTheseSecrets", ["secretsmanager:GetSecretValue"], list(secret_arns)),
        allow(
            "DecryptSecretsOnlyThroughSecretsManager",
            ["kms:Decrypt"],
            [key_arn],
            StringEquals={"kms:ViaService": f"secretsmanager.{account.region}.amazonaws.com"},
        ),
    ]


def vpc_function_statements(
    account: AwsAccount,
    vpc_id: pulumi.Input[str],
    subnet_ids: pulumi.Output[Sequence[str]],
    subnet_count: int,
    security_group_id: pulumi.Input[str],
) -> list[Statement]:
    """What Lambda does with the role to attach a function to the VPC: network interfaces in this VPC only."""
    vpc_arn = arn(account, "ec2", pulumi.Output.concat("vpc/", vpc_id))
    interfaces = arn(account, "ec2", "network-interface/*")
    subnets = [arn(account, "ec2", pulumi.Output.concat("subnet/", _item(subnet_ids, i))) for i in range(subnet_count)]
    return [
        allow(
            "CreateInterfacesInThisVpc",
            ["ec2:CreateNetworkInterface"],
            [interfaces, arn(account, "ec2", pulumi.Output.concat("security-group/", security_group_id)), *subnets],
        ),
        allow(
            "ManageInterfacesInThisVpc",
            ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
            [interfaces],
            ArnEquals={"ec2:Vpc": vpc_arn},
        ),
        allow("DescribeInterfaces", ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], ["*"]),
    ]


def ecr_pull_statements(repository_arn: pulumi.Input[str] | None) -> list[Statement]:
    """Pull this stack's image: a registry token (no resource type) and layers of this repository only."""
    if repository_arn is None:
        return []
    return [
        allow("RegistryToken", ["ecr:GetAuthorizationToken"], ["*"]),
        allow(
            "PullThisRepository",
            ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            [repository_arn],
        ),
    ]


def _item(values: pulumi.Output[Sequence[str]], index: int) -> pulumi.Output[str]:
    return values.apply(lambda items: items[index])
