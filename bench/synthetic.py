"""Synthetic stacks for the benchmarks: ``pulumi stack export`` documents of any size.

Resources come in units of ten: a component and its children — a bucket with its KMS encryption
configuration and public access block, a role and its inline policy, a security group, a function,
a table and a log group — so the pack's resource and stack policies all have work to do, and the
stack-level joins (bucket ↔ its configuration) are exercised at every size.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

UNIT = 10
PROJECT = "bench"
PROVIDER_ID = "00000000-0000-4000-8000-000000000000"


def synthetic_export(resources: int, *, stack: str = "bench") -> dict[str, Any]:
    """An export with ``resources // 10`` units of ten resources, plus the provider."""
    prefix = f"urn:pulumi:{stack}::{PROJECT}::"
    stack_urn = f"{prefix}pulumi:pulumi:Stack::{PROJECT}-{stack}"
    provider_urn = f"{prefix}pulumi:providers:aws::default_7_11_0"
    items: list[dict[str, Any]] = [
        {"urn": stack_urn, "custom": False, "type": "pulumi:pulumi:Stack"},
        {
            "urn": provider_urn,
            "custom": True,
            "id": PROVIDER_ID,
            "type": "pulumi:providers:aws",
            "inputs": {"region": "us-east-1", "version": "7.11.0"},
            "outputs": {"region": "us-east-1", "version": "7.11.0"},
            "parent": stack_urn,
        },
    ]
    for index in range(max(1, resources // UNIT)):
        items.extend(_unit(prefix, stack_urn, f"{provider_urn}::{PROVIDER_ID}", index))
    return {"version": 3, "deployment": {"manifest": {"time": "", "magic": "", "version": "v3"}, "resources": items}}


def write_export(path: Path, resources: int, *, stack: str = "bench") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(synthetic_export(resources, stack=stack)))
    return path


def _unit(prefix: str, stack_urn: str, provider: str, index: int) -> Iterator[dict[str, Any]]:
    name = f"svc{index:05d}"
    component = f"{prefix}bench:service:Service::{name}"
    yield {"urn": component, "custom": False, "type": "bench:service:Service", "parent": stack_urn}
    chain = f"{prefix}bench:service:Service$"
    key_arn = f"arn:aws:kms:us-east-1:123456789012:key/{index:08d}-0000-4000-8000-000000000000"
    bucket = f"{name}-data-0a1b2c3"
    role_arn = f"arn:aws:iam::123456789012:role/{name}-role"

    def resource(type_: str, role: str, inputs: dict[str, Any], **extra: Any) -> dict[str, Any]:
        ident = str(inputs.get("name") or f"{name}-{role}")
        return {
            "urn": f"{chain}{type_}::{name}-{role}",
            "custom": True,
            "id": ident,
            "type": type_,
            "inputs": inputs,
            "outputs": {**inputs, "id": ident, "arn": f"arn:aws:bench:::{ident}"},
            "parent": component,
            "provider": provider,
            **extra,
        }

    bucket_urn = f"{chain}aws:s3/bucket:Bucket::{name}-data"
    depends = {"dependencies": [bucket_urn], "propertyDependencies": {"bucket": [bucket_urn]}}
    yield resource("aws:s3/bucket:Bucket", "data", {"bucket": bucket, "tags": _tags()})
    yield resource(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "data-sse",
        {
            "bucket": bucket,
            "rules": [
                {
                    "applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": key_arn},
                    "bucketKeyEnabled": True,
                }
            ],
        },
        **depends,
    )
    yield resource(
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "data-block",
        {
            "bucket": bucket,
            "blockPublicAcls": True,
            "blockPublicPolicy": True,
            "ignorePublicAcls": True,
            "restrictPublicBuckets": True,
        },
        **depends,
    )
    yield resource(
        "aws:iam/role:Role",
        "role",
        {
            "name": f"{name}-role",
            "assumeRolePolicy": json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "lambda.amazonaws.com"},
                            "Action": "sts:AssumeRole",
                        }
                    ],
                }
            ),
            "tags": _tags(),
        },
    )
    yield resource(
        "aws:iam/rolePolicy:RolePolicy",
        "role-policy",
        {
            "role": f"{name}-role",
            "policy": json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
                            "Resource": f"arn:aws:dynamodb:us-east-1:123456789012:table/{name}-items",
                        }
                    ],
                }
            ),
        },
    )
    yield resource(
        "aws:ec2/securityGroup:SecurityGroup",
        "sg",
        {
            "description": f"{name} functions",
            "vpcId": "vpc-0123456789abcdef0",
            "egress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["10.0.0.0/16"]}],
            "ingress": [],
            "tags": _tags(),
        },
    )
    yield resource(
        "aws:lambda/function:Function",
        "fn",
        {
            "role": role_arn,
            "runtime": "python3.12",
            "handler": "app.handler",
            "memorySize": 256,
            "timeout": 10,
            "architectures": ["arm64"],
            "kmsKeyArn": key_arn,
            "tracingConfig": {"mode": "Active"},
            "tags": _tags(),
        },
    )
    yield resource(
        "aws:dynamodb/table:Table",
        "items",
        {
            "name": f"{name}-items",
            "billingMode": "PAY_PER_REQUEST",
            "hashKey": "id",
            "attributes": [{"name": "id", "type": "S"}],
            "pointInTimeRecovery": {"enabled": True},
            "serverSideEncryption": {"enabled": True, "kmsKeyArn": key_arn},
            "deletionProtectionEnabled": True,
            "tags": _tags(),
        },
    )
    yield resource(
        "aws:cloudwatch/logGroup:LogGroup",
        "logs",
        {"name": f"/aws/lambda/{name}", "retentionInDays": 30, "kmsKeyId": key_arn, "tags": _tags()},
    )


def _tags() -> dict[str, str]:
    return {"environment": "dev", "project": PROJECT, "owner": "bench", "cost-center": "cc-0000"}
