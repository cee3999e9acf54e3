"""Property-based: arbitrary property bags for every covered type never make a policy raise."""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paved_policies.registry import all_policies, covered_types
from paved_policies.testing import UNKNOWN, StackResource, resource_args, secret, stack_args, violations
from pulumi_policy import ResourceValidationPolicy, StackValidationPolicy

from tests.policies.baselines import BASELINES
from tests.policies.type_tokens import ALL_TYPE_TOKENS, sdk_inputs

SCALE = int(os.environ.get("PAVED_FUZZ_SCALE", "1"))
"""Multiply every example count (e.g. ``PAVED_FUZZ_SCALE=50`` for a long local run)."""


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


RESOURCE_POLICIES = [policy for policy in all_policies() if isinstance(policy, ResourceValidationPolicy)]
STACK_POLICIES = [policy for policy in all_policies() if isinstance(policy, StackValidationPolicy)]


def _keys_the_pack_reads() -> list[str]:
    """Every property name the pack's policies read (``get(x, "key", ...)``), so that generated
    bags reach deep into the shapes the policies walk."""
    import re
    from pathlib import Path

    import paved_policies

    root = Path(paved_policies.__file__).parent
    source = "".join(path.read_text() for path in root.rglob("*.py"))
    calls = re.findall(r"get\(([^()]*)\)", source)
    keys = {key for call in calls for key in re.findall(r'"([A-Za-z][A-Za-z0-9]*)"', call)}
    # dotted paths: at(props, "a.b"), each_at(...), and the paths of the data files the policies walk
    dotted = re.findall(r'"([A-Za-z][A-Za-z0-9]*(?:\[\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\])?)+)"', source)
    dotted += re.findall(r'"(?:key|each|path)": "([^"]+)"', (root / "data" / "customer_keys.json").read_text())
    keys |= {part.removesuffix("[]") for path in dotted for part in path.split(".")}
    return sorted(key for key in keys if key[:1].isalpha())


NESTED_KEYS = [
    *_keys_the_pack_reads(),
    "enabled", "rule", "rules", "applyServerSideEncryptionByDefault", "sseAlgorithm", "status", "protocol",
    "fromPort", "toPort", "cidrBlocks", "ipv6CidrBlocks", "type", "redirect", "viewerProtocolPolicy",
    "customOriginConfig", "originProtocolPolicy", "originSslProtocols", "encryptionInTransit", "clientBroker",
    "name", "value", "encrypted", "ebs", "policy", "tags", "uri", "grants", "subnetIds", "securityPolicy",
    "Statement", "Effect", "Action", "Resource", "Principal", "Condition", "AWS", "Service", "NotAction",
]  # fmt: skip
WORDS = [
    UNKNOWN, "true", "false", "*", "s3:*", "iam:PassRole", "0.0.0.0/0", "::/0", "aws:kms", "AES256", "HTTP",
    "HTTPS", "TLS", "NONE", "Enabled", "Disabled", "ACTIVE", "all", "redirect", "-1", "tcp", "postgres14",
    "ingress", "Allow", "Deny", "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::123456789012:root",
    "ELBSecurityPolicy-2016-08", "TLSv1", "allow-all", "unblocked", "",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-70000, max_value=70000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=12),
    st.sampled_from(WORDS),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(NESTED_KEYS) | st.text(max_size=6), children, max_size=4),
        children.map(secret),
        children.map(lambda value: json.dumps({"Statement": value})),
    ),
    max_leaves=12,
)


@st.composite
def property_bags(draw: st.DrawFn, type_: str) -> dict[str, Any]:
    known = list(sdk_inputs().get(type_, ())) or ["name"]
    keys = draw(st.lists(st.sampled_from(known), max_size=8, unique=True))
    return {key: draw(values) for key in keys}


@st.composite
def typed_bags(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    type_ = draw(st.sampled_from(covered_types()))
    return type_, draw(property_bags(type_))


@fuzz(200)
@given(typed_bags(), st.booleans())
def test_no_resource_policy_raises_on_any_property_bag(bag: tuple[str, dict[str, Any]], protect: bool) -> None:
    type_, props = bag
    args = resource_args(type_, props, protect=protect)
    for policy in RESOURCE_POLICIES:
        found = violations(policy, args)
        assert all(isinstance(message, str) and message for message in found)


@st.composite
def stacks(draw: st.DrawFn) -> list[StackResource]:
    count = draw(st.integers(min_value=1, max_value=6))
    resources: list[StackResource] = []
    for index in range(count):
        type_ = draw(st.sampled_from(ALL_TYPE_TOKENS))
        earlier = [resource.name for resource in resources]
        dependencies = draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True)) if earlier else []
        keys = ["bucket", "vpcId", "securityGroupId", "targetBucket", "resourceArn", "securityGroups"]
        keys += ["defaultActions", "actions", "restApi", "apiId", "parameterGroupName", "dbClusterParameterGroupName"]
        keys += ["arn", "queueUrl", "containerName"]
        property_dependencies: dict[str, list[str]] = {}
        parent: str | None = None
        if earlier:
            linked: bool = draw(st.booleans())
            if linked:
                targets = draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=2, unique=True))
                property_dependencies[draw(st.sampled_from(keys))] = targets
            nested: bool = draw(st.booleans())
            if nested:
                parent = draw(st.sampled_from(earlier))
        resources.append(
            StackResource(type_, f"r{index}", draw(property_bags(type_)), dependencies, property_dependencies, parent)
        )
    return resources


@fuzz(100)
@given(stacks())
def test_no_stack_policy_raises_on_any_stack(resources: list[StackResource]) -> None:
    args = stack_args(resources, config={"maxMonthlyUsd": 100})
    for policy in STACK_POLICIES:
        found = violations(policy, args)
        assert all(isinstance(message, str) and message for message in found)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict) and head in value:
        return {**value, head: _replace(value[head], rest, new)}
    if isinstance(value, list) and isinstance(head, int) and head < len(value):
        return [*value[:head], _replace(value[head], rest, new), *value[head + 1 :]]
    return value


@st.composite
def mutated_baselines(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A compliant baseline (tests/policies/baselines.py) with some of its values, at any depth, replaced."""
    baseline = draw(st.sampled_from(list(BASELINES.values())))
    props: Any = json.loads(json.dumps(baseline.properties))
    paths = _paths(props)
    if paths:
        for path in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=3)):
            props = _replace(props, path, draw(values))
    return baseline.type, props


@fuzz(300)
@given(mutated_baselines())
def test_no_resource_policy_raises_when_any_value_of_a_real_shape_changes(bag: tuple[str, dict[str, Any]]) -> None:
    type_, props = bag
    args = resource_args(type_, props)
    for policy in RESOURCE_POLICIES:
        found = violations(policy, args)
        assert all(isinstance(message, str) and message for message in found)


ENCRYPTION_BREADTH_TYPES = sorted(
    {
        type_
        for policy in all_policies()
        if policy.category in ("encryption-at-rest", "encryption-in-transit")
        for type_ in policy.resource_types
    }
)
"""Every type an encryption policy looks at (issue 16 breadth: each new type gets its own examples)."""


@st.composite
def shaped_bags(draw: st.DrawFn, type_: str) -> dict[str, Any]:
    """A bag that follows the nesting the policies walk (``a.b.c`` paths), with odd leaves and lists."""
    bag: dict[str, Any] = draw(property_bags(type_))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.lists(st.sampled_from(NESTED_KEYS), min_size=1, max_size=4))
        node = bag
        for key in path[:-1]:
            child = node.get(key)
            if not isinstance(child, dict):
                child = {}
                node[key] = draw(st.sampled_from([child, [child], UNKNOWN]))
            if not isinstance(node[key], dict):
                break
            node = child
        else:
            node[path[-1]] = draw(values)
    return bag


@st.composite
def encryption_bags(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    type_ = draw(st.sampled_from(ENCRYPTION_BREADTH_TYPES))
    return type_, draw(shaped_bags(type_))


@fuzz(300)
@given(encryption_bags())
def test_no_encryption_policy_raises_on_a_shaped_bag_of_any_of_its_types(bag: tuple[str, dict[str, Any]]) -> None:
    type_, props = bag
    args = resource_args(type_, props)
    for policy in RESOURCE_POLICIES:
        found = violations(policy, args)
        assert all(isinstance(message, str) and message for message in found)
