"""A value unknown during preview never crashes a policy and never yields a violation."""

from __future__ import annotations

from typing import Any

import pytest
from paved_policies.policy import PavedResourcePolicy, PavedStackPolicy
from paved_policies.registry import all_policies
from paved_policies.testing import UNKNOWN, StackResource, resource_args, stack_args, violations

from tests.policies.baselines import NO_COMPLIANT_FORM
from tests.policies.type_tokens import ALL_TYPE_TOKENS, sdk_inputs

RESOURCE_POLICIES = [policy for policy in all_policies() if isinstance(policy, PavedResourcePolicy)]
STACK_POLICIES = [policy for policy in all_policies() if isinstance(policy, PavedStackPolicy)]
CAP = {"maxMonthlyUsd": 10_000}
"""The budget policies' cap (they report a missing cap); high enough for every type at once."""


EXISTENCE_VIOLATIONS = {("iam-user-no-policies", type_) for type_ in NO_COMPLIANT_FORM}
"""Resources whose mere existence is the violation, whatever their settings."""


def all_unknown(type_: str) -> dict[str, str]:
    return dict.fromkeys(sdk_inputs().get(type_, ()), UNKNOWN)


@pytest.mark.parametrize("policy", RESOURCE_POLICIES, ids=[policy.name for policy in RESOURCE_POLICIES])
def test_resource_policy_reports_nothing_when_every_input_is_unknown(policy: PavedResourcePolicy) -> None:
    types = (
        sorted(policy.resource_types)
        if "*" not in policy.resource_types
        else ["aws:s3/bucket:Bucket", "aws:sqs/queue:Queue"]
    )
    for type_ in types:
        if (policy.name, type_) in EXISTENCE_VIOLATIONS:
            continue
        assert sdk_inputs().get(type_) or type_.startswith("awsx:"), f"{type_} is not in the installed SDK"
        args = resource_args(type_, all_unknown(type_), protect=True)
        assert violations(policy, args) == [], type_


@pytest.mark.parametrize("policy", STACK_POLICIES, ids=[policy.name for policy in STACK_POLICIES])
def test_stack_policy_reports_nothing_when_references_and_settings_are_unknown(policy: PavedStackPolicy) -> None:
    resources = [StackResource(type_, f"r{index}", all_unknown(type_)) for index, type_ in enumerate(ALL_TYPE_TOKENS)]
    assert violations(policy, stack_args(resources, config=CAP)) == []


def test_unknown_nested_values_inside_known_blocks_are_not_reported() -> None:
    by_name = {policy.name: policy for policy in RESOURCE_POLICIES}
    cases: list[tuple[str, str, dict[str, Any]]] = [
        ("lb-listener-https", "aws:lb/listener:Listener", {"protocol": "HTTP", "defaultActions": [{"type": UNKNOWN}]}),
        (
            "lb-listener-https",
            "aws:lb/listener:Listener",
            {"protocol": "HTTP", "defaultActions": [{"type": "redirect", "redirect": {"protocol": UNKNOWN}}]},
        ),
        (
            "security-group-no-public-ingress",
            "aws:ec2/securityGroup:SecurityGroup",
            {"ingress": [{"protocol": "tcp", "fromPort": UNKNOWN, "toPort": 22, "cidrBlocks": ["0.0.0.0/0"]}]},
        ),
        (
            "cloudfront-viewer-https-only",
            "aws:cloudfront/distribution:Distribution",
            {"defaultCacheBehavior": {"viewerProtocolPolicy": UNKNOWN}},
        ),
        ("ec2-block-devices-encrypted", "aws:ec2/instance:Instance", {"rootBlockDevice": {"encrypted": UNKNOWN}}),
        ("iam-no-admin-managed-policies", "aws:iam/role:Role", {"managedPolicyArns": [UNKNOWN]}),
        ("eks-endpoint-restricted", "aws:eks/cluster:Cluster", {"vpcConfig": {"publicAccessCidrs": UNKNOWN}}),
        ("backup-retention-minimum", "aws:rds/cluster:Cluster", {"backupRetentionPeriod": UNKNOWN}),
    ]
    for name, type_, props in cases:
        assert violations(by_name[name], resource_args(type_, props)) == [], name
