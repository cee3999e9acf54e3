"""Measuring the pack: start-up time and throughput on synthetic resources."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

from tools.analyzer.driver import Analyzer
from tools.analyzer.model import AnalyzerResource, ProviderRef


def synthetic_resources(count: int, *, stack: str = "bench", project: str = "paved") -> list[AnalyzerResource]:
    """``count`` resources in a realistic mix (buckets with their attachments, databases, roles with
    policy documents, security groups, log groups, queues, functions), each on a tagged provider."""
    tags = json.dumps({"tags": {"environment": "dev", "project": project, "owner": "o", "cost-center": "c"}})
    provider = ProviderRef(
        type="pulumi:providers:aws",
        name="aws",
        urn=f"urn:pulumi:{stack}::{project}::pulumi:providers:aws::aws",
        properties={"region": "us-east-1", "defaultTags": tags},
    )
    document = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                    "Resource": "arn:aws:dynamodb:::table/t",
                },
                {"Effect": "Allow", "Action": "logs:CreateLogStream", "Resource": "*"},
            ],
        }
    )
    templates: list[tuple[str, dict[str, Any], str]] = [
        ("aws:s3/bucket:Bucket", {"forceDestroy": False}, ""),
        (
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": "k"}}]},
            "bucket",
        ),
        ("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", dict.fromkeys(
            ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"), True), "bucket"),
        (
            "aws:rds/instance:Instance",
            {"engine": "postgres", "engineVersion": "16.6", "instanceClass": "db.t4g.micro", "storageEncrypted": True,
             "backupRetentionPeriod": 7, "deletionProtection": True, "publiclyAccessible": False},
            "",
        ),
        ("aws:iam/role:Role", {"assumeRolePolicy": document.replace("dynamodb", "sts"), "inlinePolicies": []}, ""),
        ("aws:iam/rolePolicy:RolePolicy", {"policy": document}, "role"),
        ("aws:ec2/securityGroup:SecurityGroup", {"ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443,
                                                              "cidrBlocks": ["10.0.0.0/16"]}], "egress": []}, ""),
        ("aws:cloudwatch/logGroup:LogGroup", {"retentionInDays": 30, "kmsKeyId": "k"}, ""),
        ("aws:sqs/queue:Queue", {"kmsMasterKeyId": "k", "visibilityTimeoutSeconds": 30}, ""),
        ("aws:lambda/function:Function", {"runtime": "python3.12", "handler": "app.handler", "memorySize": 512}, ""),
    ]  # fmt: skip
    resources: list[AnalyzerResource] = []
    last: dict[str, str] = {}
    for index in range(count):
        type_, props, points_at = templates[index % len(templates)]
        name = f"r{index}"
        urn = f"urn:pulumi:{stack}::{project}::{type_}::{name}"
        dependencies = [last[points_at]] if points_at in last else []
        resources.append(
            AnalyzerResource(
                urn=urn,
                type=type_,
                name=name,
                properties={**props, **({points_at: "04da6b54-80e4-46f7-96ec-b56ff0331ba9"} if dependencies else {})},
                dependencies=dependencies,
                property_dependencies={points_at: dependencies} if dependencies else {},
                provider=provider,
            )
        )
        kind = type_.rsplit(":", 1)[-1].lower()
        if kind in ("bucket", "role"):
            last[kind] = urn
    return resources


def benchmark(counts: Sequence[int] = (1000, 10000)) -> list[dict[str, float]]:
    """Start-up time and throughput (resources per second, Analyze per resource plus AnalyzeStack)."""
    figures: list[dict[str, float]] = []
    for count in counts:
        resources = synthetic_resources(count)
        with Analyzer(env={"PULUMI_PROJECT": "paved", "PULUMI_STACK": "bench", "PULUMI_DRY_RUN": "true"}) as pack:
            startup = pack.startup_seconds
            pack.configure({})
            pack.configure_stack(stack="bench", project="paved")
            started = time.perf_counter()
            pack.analyze_each(resources)
            analyzed = time.perf_counter()
            pack.analyze_stack(resources)
            finished = time.perf_counter()
        figures.append(
            {
                "resources": float(count),
                "startup_s": round(startup, 3),
                "analyze_s": round(analyzed - started, 2),
                "analyze_stack_s": round(finished - analyzed, 2),
                "resources_per_s": round(count / (finished - started), 1),
            }
        )
    return figures
