"""Roles for the compute tier: one per function or task, plus the execution roles, each listing exactly
the actions its code calls on exactly this stack's resources.

Documents are built as plain dicts whose values may be Outputs and serialised with
``pulumi.Output.json_dumps``. A ``*`` resource appears only for actions AWS defines without any
resource type (``ec2:Describe*`` for Lambda's network interfaces, ``ecr:GetAuthorizationToken``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount

Statement = dict[str, Any]

ACTIONS_WITHOUT_RESOURCE_TYPES = frozenset(
    {"ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ecr:GetAuthorizationToken"}
)
"""Actions the Service Authorization Reference lists with no resource type: only ``*`` can name them."""

ITEM_ACTIONS = ("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query")
"""What app/items.py calls (the health check is a GetItem)."""


def arn(account: AwsAccount, service: str, resource: pulumi.Input[str], *, regional: bool = True) -> pulumi.Output[str]:
    """``arn:<partition>:<service>:<region>:<account>:<resource>``, where ``resource`` may be an Output."""
    region = account.region if regional else ""
    return pulumi.Output.concat("arn:", account.partition, f":{service}:{region}:", account.account_id, ":", resource)


def document(statements: Sequence[Statement]) -> pulumi.Output[str]:
    return pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(sid: str, actions: Sequence[str], resources: Sequence[pulumi.Input[str]], **condition: Any) -> Statement:
    statement: Statement = {"Sid": sid, "Effect": "Allow", "Action": sorted(actions), "Resource": list(resources)}
    if condition:
        statement["Condition"] = condition
    return statement


def service_trust(service: str, account: AwsAccount, source_arn: pulumi.Input[str] | None = None) -> pulumi.Output[str]:
    """Only ``service`` may assume the role, on behalf of this account (and of ``source_arn`` when given)."""
    statement: Statement = {
        "Effect": "Allow",
        "Principal": {"Service": service},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": account.account_id}},
    }
    if source_arn is not None:
        statement["Condition"]["ArnLike"] = {"aws:SourceArn": source_arn}
    return document([statement])


def lambda_trust() -> pulumi.Output[str]:
    """Lambda assumes execution roles without passing source account or ARN, so the trust names only the service."""
    return document([{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}])


@dataclass(frozen=True)
class RoleSpec:
    description: str
    trust: pulumi.Input[str]
    statements: list[Statement] = field(default_factory=list)


@dataclass(frozen=True)
class CreatedRole:
    role: aws.iam.Role
    policy: aws.iam.RolePolicy | None

    @property
    def arn(self) -> pulumi.Output[str]:
        return self.role.arn

    def ready(self) -> list[pulumi.Resource]:
        """Depend on these before using the role (its permissions exist once the policy does)."""
        return [self.role] if self.policy is None else [self.role, self.policy]


def create_role(name: str, spec: RoleSpec, opts: pulumi.ResourceOptions) -> CreatedRole:
    role = aws.iam.Role(
        name,
        description=spec.description,
        assume_role_policy=spec.trust,
        max_session_duration=3600,
        opts=opts,
    )
    policy = None
    if spec.statements:
        policy = aws.iam.RolePolicy(f"{name}-policy", role=role.id, policy=document(spec.statements), opts=opts)
    return CreatedRole(role, policy)


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


def log_statements(log_group_arn: pulumi.Input[str]) -> list[Statement]:
    return [
        allow(
            "WriteOwnLogGroup",
            ["logs:CreateLogStream", "logs:PutLogEvents"],
            [log_group_arn, pulumi.Output.concat(log_group_arn, ":log-stream:*")],
        )
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
