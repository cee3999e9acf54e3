"""Every resource policy reports the failing cases and passes the compliant ones (cases.py)."""

from __future__ import annotations

import pytest
from paved_policies.policy import PavedResourcePolicy
from paved_policies.registry import all_policies
from paved_policies.testing import resource_args, violations
from pulumi_policy import Policy

from tests.policies.cases import CASES, Case

BY_NAME: dict[str, Policy] = {policy.name: policy for policy in all_policies()}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_policy_reports_exactly_the_violating_case(case: Case) -> None:
    policy = BY_NAME[case.policy]
    found = violations(policy, resource_args(case.type, case.props, protect=case.protect, config=case.config))
    assert bool(found) is case.violates, found


def test_every_resource_policy_has_a_failing_and_a_passing_case() -> None:
    for policy in all_policies():
        if not isinstance(policy, PavedResourcePolicy) or policy.name == "required-tags":
            continue
        outcomes = {case.violates for case in CASES if case.policy == policy.name}
        assert outcomes == {True, False}, f"{policy.name}: cases cover {outcomes}"


def test_a_resource_of_another_type_is_ignored() -> None:
    policy = BY_NAME["rds-instance-storage-encrypted"]
    assert violations(policy, resource_args("aws:s3/bucket:Bucket", {"storageEncrypted": False})) == []
