"""A compliant stack for the stack policies: what paved's data tier builds for a data bucket and its
log bucket, in a VPC with a flow log, behind a CloudFront distribution that logs, with a budget.

As a first preview sees it: new ids are unknown, so every reference is a property dependency. The
whole pack passes it (``test_stack_baseline_passes_every_stack_policy``); a stack policy test changes
one resource and states exactly what the pack then reports (``stack_violations``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

from paved_policies import types as t
from paved_policies.testing import UNKNOWN, Finding, StackResource, pack_stack_violations

from tests.policies.baselines import CLOUDFRONT_DISTRIBUTION, DENY_WITHOUT_TLS, document

CAP_USD: Final = 50
STACK_CONFIG: Final = {
    "budget-monthly-cost-within-cap": {"maxMonthlyUsd": CAP_USD},
    "budget-resource-present": {"maxMonthlyUsd": CAP_USD},
}
"""The budget policies need a cap; the rest run on their defaults."""

KMS_RULES: Final = [
    {
        "applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": "key"},
        "bucketKeyEnabled": True,
    }
]
SSE_S3_RULES: Final = [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "AES256"}}]
ALL_BLOCKED: Final = dict.fromkeys(
    ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"), True
)
TLS_ONLY: Final = document(DENY_WITHOUT_TLS)
WEB_INGRESS: Final = [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]}]


def attached(type_: str, name: str, target: str, properties: Mapping[str, Any], prop: str = "bucket") -> StackResource:
    """A resource pointing at ``target`` through ``prop`` as in a preview: id unknown, dependency known."""
    return StackResource(type_, name, {prop: UNKNOWN, **properties}, property_dependencies={prop: [target]})


def bucket_resources(bucket: str, *, sse_rules: list[dict[str, Any]], logs_to: str | None) -> list[StackResource]:
    """A bucket as paved's data tier makes it: encryption, public access block, TLS-only policy,
    versioning, and server access logs to ``logs_to``."""
    resources = [
        StackResource(t.S3_BUCKETS[0], bucket, {"bucketPrefix": f"paved-{bucket}"}, protect=True),
        attached(t.S3_SSE_CONFIGS[0], f"{bucket}-sse", bucket, {"rules": sse_rules}),
        attached(t.S3_PUBLIC_ACCESS_BLOCK, f"{bucket}-pab", bucket, ALL_BLOCKED),
        attached(t.S3_BUCKET_POLICY, f"{bucket}-policy", bucket, {"policy": TLS_ONLY}),
        attached(
            t.S3_VERSIONINGS[0], f"{bucket}-versioning", bucket, {"versioningConfiguration": {"status": "Enabled"}}
        ),
    ]
    if logs_to is not None:
        logging = attached(t.S3_LOGGINGS[0], f"{bucket}-logging", bucket, {"targetPrefix": f"{bucket}/"})
        logging.properties = {**logging.properties, "targetBucket": UNKNOWN}
        logging.property_dependencies = {"bucket": [bucket], "targetBucket": [logs_to]}
        resources.append(logging)
    return resources


def compliant_stack() -> list[StackResource]:
    return [
        *bucket_resources("data", sse_rules=KMS_RULES, logs_to="logs"),
        *bucket_resources("logs", sse_rules=SSE_S3_RULES, logs_to=None),
        StackResource(t.VPC, "vpc", {"cidrBlock": "10.0.0.0/16"}),
        attached(t.FLOW_LOG, "vpc-flow-log", "vpc", {"trafficType": "ALL"}, prop="vpcId"),
        StackResource(t.SECURITY_GROUP, "alb-sg", {"ingress": WEB_INGRESS}),
        attached(t.LOAD_BALANCERS[0], "alb", "alb-sg", {"loadBalancerType": "application"}, prop="securityGroups"),
        StackResource(t.CLOUDFRONT_DISTRIBUTION, "cdn", CLOUDFRONT_DISTRIBUTION.properties),
        attached(t.LOG_DELIVERY_SOURCE, "cdn-logs", "cdn", {"logType": "ACCESS_LOGS"}, prop="resourceArn"),
        StackResource(
            t.BUDGET,
            "budget",
            {"budgetType": "COST", "timeUnit": "MONTHLY", "limitUnit": "USD", "limitAmount": str(CAP_USD)},
        ),
    ]


def stack_violations(resources: Sequence[StackResource]) -> list[Finding]:
    """What every stack policy of the pack reports for ``resources`` under ``STACK_CONFIG``."""
    return pack_stack_violations(resources, config=STACK_CONFIG)


def without(resources: Sequence[StackResource], *names: str) -> list[StackResource]:
    missing = set(names) - {resource.name for resource in resources}
    if missing:
        raise KeyError(f"no resource named {', '.join(sorted(missing))} in the stack")
    return [resource for resource in resources if resource.name not in names]


def changed(resources: Sequence[StackResource], name: str, properties: Mapping[str, Any]) -> list[StackResource]:
    """The stack with ``properties`` set on the resource called ``name``."""
    if name not in {resource.name for resource in resources}:
        raise KeyError(f"no resource named {name} in the stack")
    return [
        replace(resource, properties={**resource.properties, **properties}) if resource.name == name else resource
        for resource in resources
    ]
