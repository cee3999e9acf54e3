"""Joins in stack policies follow the property's dependencies, then known ids, then a lone
dependency of the target type; an unknown reference that none of them resolves is never guessed."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from paved_policies import types as t
from paved_policies.joins import StackIndex, UnresolvedError, ancestors
from paved_policies.testing import UNKNOWN, StackResource, stack_args
from pulumi_policy import PolicyResource

SSE = t.S3_SSE_CONFIGS[0]
BUCKET = t.S3_BUCKETS[0]


def index(*resources: StackResource) -> StackIndex:
    return StackIndex(stack_args(list(resources)).resources)


def names(found: Sequence[PolicyResource]) -> list[str]:
    return [resource.name for resource in found]


def test_a_property_dependency_names_the_target_while_its_id_is_unknown() -> None:
    stack = index(
        StackResource(BUCKET, "data"),
        StackResource(BUCKET, "logs"),
        StackResource(SSE, "data-sse", {"bucket": UNKNOWN}, property_dependencies={"bucket": ["data"]}),
    )
    assert names(stack.referenced(stack.of_types([SSE])[0], "bucket", t.S3_BUCKETS)) == ["data"]


def test_a_known_id_names_the_target_without_dependencies() -> None:
    stack = index(
        StackResource(BUCKET, "data", {"bucket": "data-1a2b3c"}),
        StackResource(BUCKET, "logs", {"bucket": "logs-4d5e6f"}),
        StackResource(SSE, "data-sse", {"bucket": "data-1a2b3c"}),
    )
    assert names(stack.referenced(stack.of_types([SSE])[0], "bucket", t.S3_BUCKETS)) == ["data"]


def test_a_lone_dependency_of_the_target_type_names_it() -> None:
    stack = index(
        StackResource(BUCKET, "data"),
        StackResource(SSE, "data-sse", {"bucket": UNKNOWN}, dependencies=["data"]),
    )
    assert names(stack.referenced(stack.of_types([SSE])[0], "bucket", t.S3_BUCKETS)) == ["data"]


def test_an_unknown_reference_nothing_resolves_is_unresolved() -> None:
    stack = index(StackResource(BUCKET, "data"), StackResource(SSE, "mystery-sse", {"bucket": UNKNOWN}))
    with pytest.raises(UnresolvedError, match="bucket is unknown"):
        stack.referenced(stack.of_types([SSE])[0], "bucket", t.S3_BUCKETS)


def test_a_known_id_that_matches_nothing_names_no_target() -> None:
    stack = index(StackResource(BUCKET, "data", {"bucket": "data-1a2b3c"}), StackResource(SSE, "x", {"bucket": "gone"}))
    assert stack.referenced(stack.of_types([SSE])[0], "bucket", t.S3_BUCKETS) == []


def test_ancestors_are_listed_nearest_first() -> None:
    stack = index(
        StackResource("paved:data:Data", "data-tier"),
        StackResource("awsx:ec2:Vpc", "net", parent="data-tier"),
        StackResource(t.VPC, "net-vpc", parent="net"),
    )
    assert names(ancestors(stack.of_types([t.VPC])[0])) == ["net", "data-tier"]
