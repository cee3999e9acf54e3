"""Exemptions: by URN or name pattern, with a reason and an expiry; expired ones are violations,
active ones are listed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from paved_policies.exemption_listing import policy_exemptions
from paved_policies.exemptions import LEDGER, ExemptionError, parse_exemptions
from paved_policies.registry import all_policies
from paved_policies.testing import StackResource, resource_args, stack_args, urn_for, violations

POLICY = {policy.name: policy for policy in all_policies()}
RDS = "aws:rds/instance:Instance"
ENCRYPTED = POLICY["rds-instance-storage-encrypted"]
UNENCRYPTED = "RDS instance storage is not encrypted (storageEncrypted defaults to false)."
EXPIRED_DB = (
    "The exemption #1 of 'rds-instance-storage-encrypted' for name 'db' (until 2001-01-01): migrating in OPS-42 "
    "expired; it no longer withholds violations. Fix the resource and remove the exemption, or renew it with a new "
    "date and reason."
)


@pytest.fixture(autouse=True)
def clean_ledger() -> Iterator[None]:
    LEDGER.clear()
    yield
    LEDGER.clear()


def exempt(**entry: Any) -> dict[str, Any]:
    return {"exemptions": [{"reason": "migrating in OPS-42", "expires": "2999-12-31", **entry}]}


def test_active_exemption_by_name_pattern_withholds_the_violation_and_is_listed() -> None:
    args = resource_args(RDS, {}, name="legacy-db", config=exempt(name="legacy-*"))
    assert violations(ENCRYPTED, args) == []
    listed = violations(policy_exemptions, stack_args([]))
    assert listed == [
        "legacy-db: Active exemption #1 of 'rds-instance-storage-encrypted' for name 'legacy-*' "
        "(until 2999-12-31): migrating in OPS-42; withholding 1 violation(s) in this stack."
    ]


def test_exemption_by_urn_matches_only_that_resource() -> None:
    config = exempt(urn=urn_for(RDS, "db-a"))
    assert violations(ENCRYPTED, resource_args(RDS, {}, name="db-a", config=config)) == []
    assert violations(ENCRYPTED, resource_args(RDS, {}, name="db-b", config=config)) == [UNENCRYPTED]


def test_expired_exemption_is_a_violation_and_withholds_nothing() -> None:
    args = resource_args(RDS, {"storageEncrypted": True}, name="db", config=exempt(name="db", expires="2001-01-01"))
    assert violations(ENCRYPTED, args) == [EXPIRED_DB]
    unencrypted = resource_args(RDS, {}, name="db", config=exempt(name="db", expires="2001-01-01"))
    assert violations(ENCRYPTED, unencrypted) == [EXPIRED_DB, UNENCRYPTED]
    assert violations(policy_exemptions, stack_args([])) == []


def test_active_exemption_matching_nothing_is_listed_as_stale() -> None:
    violations(ENCRYPTED, resource_args(RDS, {}, name="db", config=exempt(name="gone-*")))
    assert violations(policy_exemptions, stack_args([])) == [
        "Active exemption #1 of 'rds-instance-storage-encrypted' for name 'gone-*' (until 2999-12-31): migrating "
        "in OPS-42; it matches no resource in this stack — remove it."
    ]


def test_stack_policy_exemption_withholds_violations_for_the_matching_resource() -> None:
    config = exempt(name="scratch")
    args = stack_args(
        [StackResource("aws:s3/bucket:Bucket", "scratch"), StackResource("aws:s3/bucket:Bucket", "data")], config=config
    )
    assert violations(POLICY["s3-bucket-versioning-enabled"], args) == [
        "data: S3 bucket is not versioned: an overwrite or delete loses the object."
    ]


def test_stack_policy_expired_exemption_is_reported_on_the_resource() -> None:
    config = exempt(name="scratch", expires="2001-01-01")
    args = stack_args(
        [StackResource("aws:s3/bucket:Bucket", "scratch", {"versioning": {"enabled": True}})], config=config
    )
    assert violations(POLICY["s3-bucket-versioning-enabled"], args) == [
        "scratch: The exemption #1 of 's3-bucket-versioning-enabled' for name 'scratch' (until 2001-01-01): "
        "migrating in OPS-42 expired; it no longer withholds violations. Fix the resource and remove the exemption, "
        "or renew it with a new date and reason."
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "expires": "2999-01-01"}, "reason: required"),
        ({"name": "x", "reason": "  ", "expires": "2999-01-01"}, "reason: required"),
        ({"name": "x", "reason": "r", "expires": "31/12/2999"}, "is not a date in YYYY-MM-DD form"),
        ({"name": "x", "reason": "r", "expires": "2999-02-30"}, "is not a date in YYYY-MM-DD form"),
        ({"name": "x", "reason": "r"}, "is not a date"),
        ({"reason": "r", "expires": "2999-01-01"}, "exactly one of urn"),
        ({"urn": "db", "reason": "r", "expires": "2999-01-01"}, "is not a URN"),
        ({"name": "x", "urn": "urn:pulumi:a::b::c::d", "reason": "r", "expires": "2999-01-01"}, "exactly one of urn"),
        ({"name": "x", "reason": "r", "expires": "2999-01-01", "until": "x"}, "unknown field(s) until"),
    ],
)
def test_malformed_exemptions_fail_naming_the_policy_entry_and_field(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(ExemptionError) as failure:
        parse_exemptions("rds-instance-storage-encrypted", [entry])
    assert str(failure.value).startswith("rds-instance-storage-encrypted.exemptions[0]")
    assert message in str(failure.value)


def test_malformed_exemption_fails_the_policy_run_clearly() -> None:
    args = resource_args(RDS, {}, config={"exemptions": [{"name": "db", "expires": "2999-01-01"}]})
    with pytest.raises(ExemptionError, match=r"exemptions\[0\]\.reason"):
        violations(ENCRYPTED, args)


def test_the_exemption_listing_cannot_itself_be_exempted() -> None:
    assert policy_exemptions.exemptible is False
    assert policy_exemptions.config_schema is not None
    assert "exemptions" not in policy_exemptions.config_schema.properties


def test_a_stack_policy_exemption_applies_only_to_the_types_the_policy_reports_on() -> None:
    config = exempt(name="*")
    resources = [StackResource("aws:s3/bucket:Bucket", "data"), StackResource("aws:sqs/queue:Queue", "jobs")]
    assert violations(POLICY["s3-bucket-versioning-enabled"], stack_args(resources, config=config)) == []
    assert violations(policy_exemptions, stack_args([])) == [
        "data: Active exemption #1 of 's3-bucket-versioning-enabled' for name '*' (until 2999-12-31): migrating in "
        "OPS-42; withholding 1 violation(s) in this stack."
    ]
