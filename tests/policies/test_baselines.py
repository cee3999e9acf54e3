"""Every resource type a resource policy covers has a compliant baseline, and the whole pack passes it."""

from __future__ import annotations

import pytest
from paved_policies.registry import all_policies, covered_types
from paved_policies.testing import Baseline, pack_violations

from tests.policies.baselines import BASELINES, NO_COMPLIANT_FORM, RDS_INSTANCE
from tests.policies.stack_baseline import compliant_stack, stack_violations

RESOURCE_POLICY_TYPES = sorted(
    {type_ for policy in all_policies() if policy.kind == "resource" for type_ in policy.resource_types} - {"*"}
)


def test_every_type_a_resource_policy_covers_has_a_baseline() -> None:
    missing = sorted(set(RESOURCE_POLICY_TYPES) - set(BASELINES) - NO_COMPLIANT_FORM)
    assert missing == []


def test_baselines_are_only_for_covered_types() -> None:
    assert sorted(set(BASELINES) - set(covered_types())) == []


@pytest.mark.parametrize("baseline", list(BASELINES.values()), ids=list(BASELINES))
def test_baseline_passes_every_policy_of_the_pack(baseline: Baseline) -> None:
    assert baseline.violations() == []


def test_stack_baseline_passes_every_stack_policy() -> None:
    assert stack_violations(compliant_stack()) == []


@pytest.mark.parametrize("type_", sorted(NO_COMPLIANT_FORM))
def test_an_iam_user_policy_is_reported_whatever_it_says(type_: str) -> None:
    assert pack_violations(type_, {"user": "alice", "policyArn": "arn:aws:iam::123456789012:policy/p"}) == [
        ("iam-user-no-policies", "Gives an IAM user its own policy.")
    ]


def test_a_resource_of_a_type_no_policy_covers_is_ignored_except_for_its_tags() -> None:
    untagged = pack_violations("aws:s3/bucketPolicy:BucketPolicy", {"storageEncrypted": False}, provider=None)
    assert untagged == []


def test_a_policy_only_sees_the_types_it_declares() -> None:
    """An unencrypted RDS instance's properties on a bucket report nothing about RDS encryption."""
    found = pack_violations("aws:s3/bucket:Bucket", RDS_INSTANCE.changed({"storageEncrypted": False}), protect=True)
    assert [policy for policy, _ in found if policy == "rds-instance-storage-encrypted"] == []
