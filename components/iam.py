"""IAM documents and roles, built as plain dicts whose values may be Outputs.

Every tier builds its roles with these: one role per function or task, each policy statement naming
exact actions on exact resources, serialised with ``pulumi.Output.json_dumps`` (never string
formatting). A ``*`` resource is only for actions AWS defines without a resource type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount

Statement = dict[str, Any]


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


def log_statements(log_group_arn: pulumi.Input[str]) -> list[Statement]:
    return [
        allow(
            "WriteOwnLogGroup",
            ["logs:CreateLogStream", "logs:PutLogEvents"],
            [log_group_arn, pulumi.Output.concat(log_group_arn, ":log-stream:*")],
        )
    ]
