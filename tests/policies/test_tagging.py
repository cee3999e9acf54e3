"""Tags come from the resource and from its provider's default tags (JSON string or object)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from paved_policies.registry import policy_named
from paved_policies.sdk_types import taggable_from_sdk, taggable_types
from paved_policies.testing import DEFAULT_TAGS, UNKNOWN, provider_resource, resource_args, violations

from tests.policies.baselines import S3_BUCKET

REQUIRED_TAGS = policy_named("required-tags")
BUCKET = "aws:s3/bucket:Bucket"


def test_provider_default_tags_as_json_string_satisfy_the_policy() -> None:
    assert violations(REQUIRED_TAGS, resource_args(BUCKET, {})) == []


def test_provider_default_tags_as_an_object_satisfy_the_policy() -> None:
    provider = provider_resource({"region": "us-east-1", "defaultTags": {"tags": DEFAULT_TAGS}})
    assert violations(REQUIRED_TAGS, resource_args(BUCKET, {}, provider=provider)) == []


def test_resource_without_provider_tags_misses_the_required_keys() -> None:
    assert violations(REQUIRED_TAGS, resource_args(BUCKET, {}, provider=None)) == [
        "Missing required tag(s): environment, project, owner, cost-center."
    ]


def test_own_tags_complete_the_provider_tags() -> None:
    provider = provider_resource({"defaultTags": json.dumps({"tags": {"environment": "dev", "project": "p"}})})
    args = resource_args(BUCKET, {"tags": {"owner": "me", "cost-center": "cc"}}, provider=provider)
    assert violations(REQUIRED_TAGS, args) == []


def test_empty_tag_value_is_reported() -> None:
    args = resource_args(BUCKET, {"tags": {"owner": " "}})
    assert violations(REQUIRED_TAGS, args) == ["Required tag(s) with an empty value: owner."]


def test_required_keys_come_from_config() -> None:
    args = resource_args(BUCKET, {}, config={"requiredTags": ["data-class"]})
    assert violations(REQUIRED_TAGS, args) == ["Missing required tag(s): data-class."]


@pytest.mark.parametrize("tags", [UNKNOWN, {"owner": UNKNOWN}], ids=["tags-unknown", "tag-value-unknown"])
def test_unknown_tags_are_not_reported(tags: Any) -> None:
    args = resource_args(BUCKET, {"tags": tags}, provider=None, config={"requiredTags": ["owner"]})
    assert violations(REQUIRED_TAGS, args) == []


def test_unknown_provider_default_tags_are_not_reported() -> None:
    args = resource_args(BUCKET, {}, provider=provider_resource({"defaultTags": UNKNOWN}))
    assert violations(REQUIRED_TAGS, args) == []


def test_types_without_tags_are_not_checked() -> None:
    args = resource_args("aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b", "policy": "{}"}, provider=None)
    assert violations(REQUIRED_TAGS, args) == []


def test_taggable_types_file_matches_the_installed_pulumi_aws_sdk() -> None:
    assert sorted(taggable_types()) == taggable_from_sdk(), (
        "pulumi-aws changed: run `python -m paved_policies.sdk_types` in policies/ and commit the data file"
    )


def test_bucket_created_outside_the_tagged_stack_provider_is_reported() -> None:
    assert S3_BUCKET.violations(provider=None) == [
        ("required-tags", "Missing required tag(s): environment, project, owner, cost-center.")
    ]


def test_own_tags_make_a_bucket_outside_the_stack_provider_compliant() -> None:
    assert S3_BUCKET.violations({"tags": DEFAULT_TAGS}, provider=None) == []
