"""encryption-at-rest for S3 (stack policies: the encryption configuration is its own resource)."""

from __future__ import annotations

from paved_policies import types as t
from paved_policies.registry import policy_named
from paved_policies.testing import UNKNOWN, StackResource

from tests.policies.stack_baseline import (
    KMS_RULES,
    SSE_S3_RULES,
    attached,
    changed,
    compliant_stack,
    stack_violations,
    without,
)


def test_bucket_without_an_encryption_configuration_is_encrypted_with_sse_s3_by_default() -> None:
    """S3 encrypts every new object with SSE-S3 since 5 January 2023 (data/aws_defaults.json): only
    the preference for a KMS key, a house rule, reports the bucket."""
    assert stack_violations(without(compliant_stack(), "data-sse")) == [
        (
            "s3-bucket-encrypted-with-kms",
            "data: S3 bucket is encrypted with AES256 (the S3 default since 2023-01-05), not a KMS key (aws:kms).",
        )
    ]


def test_encryption_configuration_naming_an_algorithm_s3_does_not_apply_is_reported() -> None:
    rules = [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "none"}}]
    assert stack_violations(changed(compliant_stack(), "data-sse", {"rules": rules})) == [
        ("s3-bucket-encrypted-with-kms", "data: S3 bucket is encrypted with none, not a KMS key (aws:kms)."),
        (
            "s3-bucket-server-side-encryption",
            "data: S3 bucket's encryption configuration names sseAlgorithm none, which S3 does not apply "
            "(AES256, aws:kms, aws:kms:dsse).",
        ),
    ]


def test_encryption_rule_without_a_default_block_keeps_sse_s3() -> None:
    rules = [{"bucketKeyEnabled": True}]
    assert stack_violations(changed(compliant_stack(), "data-sse", {"rules": rules})) == [
        ("s3-bucket-encrypted-with-kms", "data: S3 bucket is encrypted with AES256, not a KMS key (aws:kms).")
    ]


def test_kms_preference_is_a_house_rule_and_sse_stays_mandatory() -> None:
    assert policy_named("s3-bucket-encrypted-with-kms").house_rule is True
    assert policy_named("s3-bucket-server-side-encryption").house_rule is False


def test_bucket_on_sse_s3_is_reported_unless_it_receives_access_logs() -> None:
    assert stack_violations(changed(compliant_stack(), "data-sse", {"rules": SSE_S3_RULES})) == [
        ("s3-bucket-encrypted-with-kms", "data: S3 bucket is encrypted with AES256, not a KMS key (aws:kms).")
    ]


def test_log_bucket_may_use_sse_s3_only_while_it_receives_access_logs() -> None:
    assert stack_violations(without(compliant_stack(), "data-logging")) == [
        ("s3-bucket-access-logs", "data: S3 bucket writes no server access logs."),
        ("s3-bucket-access-logs", "logs: S3 bucket writes no server access logs."),
        ("s3-bucket-encrypted-with-kms", "logs: S3 bucket is encrypted with AES256, not a KMS key (aws:kms)."),
    ]


def test_load_balancer_access_log_bucket_may_use_sse_s3() -> None:
    logging_balancer = StackResource(
        t.LOAD_BALANCERS[0],
        "alb",
        {"loadBalancerType": "application", "securityGroups": [UNKNOWN], "accessLogs": {"enabled": True}},
        property_dependencies={"securityGroups": ["alb-sg"], "accessLogs": ["logs"]},
    )
    resources = [*without(compliant_stack(), "data-logging", "alb"), logging_balancer]
    assert stack_violations(resources) == [
        ("s3-bucket-access-logs", "data: S3 bucket writes no server access logs."),
        ("s3-bucket-access-logs", "logs: S3 bucket writes no server access logs."),
    ]


def test_inline_legacy_encryption_block_on_the_bucket_counts() -> None:
    inline = {
        "serverSideEncryptionConfiguration": {
            "rule": {"applyServerSideEncryptionByDefault": KMS_RULES[0]["applyServerSideEncryptionByDefault"]}
        }
    }
    resources = changed(without(compliant_stack(), "data-sse"), "data", inline)
    assert stack_violations(resources) == []


def test_v2_encryption_configuration_of_an_older_provider_counts() -> None:
    resources = [
        *without(compliant_stack(), "data-sse"),
        attached(t.S3_SSE_CONFIGS[1], "data-sse-v2", "data", {"rules": KMS_RULES}),
    ]
    assert stack_violations(resources) == []


def test_lone_v2_bucket_without_encryption_is_judged_on_the_s3_default() -> None:
    resources = [*compliant_stack(), StackResource(t.S3_BUCKETS[1], "legacy", protect=True)]
    found = [finding for finding in stack_violations(resources) if finding[0].startswith("s3-bucket-")]
    assert ("s3-bucket-server-side-encryption", "legacy") not in {(policy, m.split(":")[0]) for policy, m in found}
    assert (
        "s3-bucket-encrypted-with-kms",
        "legacy: S3 bucket is encrypted with AES256 (the S3 default since 2023-01-05), not a KMS key (aws:kms).",
    ) in found
