"""The estimator's contract: free is $0 with a basis, unknown is unpriced, previews never crash, tiers add up."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from cost.estimator import PRICERS, estimate
from cost.resources import UNKNOWN, Resource, from_mapping
from cost.usage import UsageError, UsageProfile
from hypothesis import given, settings
from hypothesis import strategies as st
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, unknown_checking_proxy

from tests.cost.conftest import res, urn


def test_free_resources_cost_nothing_and_say_why_and_are_not_unpriced() -> None:
    resources = [
        res("aws:iam/role:Role", "role", {"assumeRolePolicy": "{}"}),
        res("aws:ec2/securityGroup:SecurityGroup", "sg", tier="network"),
        res("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", {"vpcEndpointType": "Gateway"}, tier="network"),
        res("aws:route53/record:Record", "alias", tier="cdn"),
        res("paved:data:Data", "data"),
    ]
    report = estimate(resources)
    assert report.unpriced == ()
    assert [line.monthly_usd for line in report.lines] == [Decimal(0)] * 5
    assert all(line.basis.startswith("no charge") for line in report.lines)


def test_unknown_type_is_listed_as_unpriced_never_as_zero() -> None:
    report = estimate([res("aws:neptune/cluster:Cluster", "graph", {"engine": "neptune"})])
    assert report.lines == ()
    assert [(u.type, u.reason) for u in report.unpriced] == [
        ("aws:neptune/cluster:Cluster", "no price model for this type")
    ]


def test_value_unknown_during_preview_makes_the_resource_unpriced_without_crashing() -> None:
    report = estimate(
        [res("aws:rds/instance:Instance", "db", {"engine": "postgres", "instanceClass": UNKNOWN_STRING_VALUE})]
    )
    assert report.lines == ()
    assert "instanceClass is unknown until the update runs (preview)" in report.unpriced[0].reason


def test_pulumi_policy_proxies_with_unknowns_are_read_without_raising() -> None:
    props = unknown_checking_proxy({"instanceType": UNKNOWN_STRING_VALUE, "tags": {"a": UNKNOWN_STRING_VALUE}})
    resource = Resource("aws:ec2/instance:Instance", urn("aws:ec2/instance:Instance", "vm"), props)
    report = estimate([from_mapping({"type": resource.type, "urn": resource.urn, "props": props})])
    assert report.unpriced[0].reason.startswith("instanceType is unknown")


def test_region_comes_from_the_resources_provider_then_its_own_region_property() -> None:
    provider_urn = "urn:pulumi:test::paved::pulumi:providers:aws::eu"
    provider = {"type": "pulumi:providers:aws", "urn": provider_urn, "inputs": {"region": "eu-west-1"}}
    by_provider = res("aws:ec2/natGateway:NatGateway", "nat-eu", provider=f"{provider_urn}::id-1", tier="network")
    by_property = res("aws:ec2/natGateway:NatGateway", "nat-us", {"region": "us-east-1"}, tier="network")
    report = estimate([provider, by_provider, by_property], "us-west-2")
    assert "$0.048/h" in report.line(by_provider["urn"]).basis
    assert "$0.045/h" in report.line(by_property["urn"]).basis


def test_region_missing_from_the_price_file_is_unpriced_with_the_region_named() -> None:
    report = estimate([res("aws:ec2/natGateway:NatGateway", "nat", tier="network")], "ap-south-2")
    assert "no price for vpc.nat.hours in ap-south-2: the price file" in report.unpriced[0].reason
    assert "--regions ap-south-2" in report.unpriced[0].reason


def test_class_missing_from_the_price_file_is_unpriced_naming_the_key() -> None:
    db = res(
        "aws:rds/instance:Instance", "db", {"engine": "postgres", "instanceClass": "db.x9.huge", "allocatedStorage": 20}
    )
    reason = estimate([db]).unpriced[0].reason
    assert reason.startswith("no price for rds.instance.postgres.db.x9.huge.single-az in us-east-1 (price file")


def test_totals_by_tier_add_up_and_top_drivers_are_the_most_expensive_first() -> None:
    resources = [
        res("aws:ec2/natGateway:NatGateway", "nat", tier="network"),
        res("aws:kms/key:Key", "key", tier="encryption"),
        res("aws:cloudwatch/dashboard:Dashboard", "board", tier="observability"),
        res("aws:neptune/cluster:Cluster", "graph"),
    ]
    report = estimate(resources)
    tiers = report.by_tier()
    assert list(tiers) == ["encryption", "network", "observability"]
    assert sum(tiers.values()) == report.monthly_usd
    assert [line.name for line in report.top(2)] == ["nat", "board"]
    assert [u.name for u in report.unpriced] == ["graph"]


def test_usage_is_overridable_for_the_stack_and_for_one_resource_by_name() -> None:
    usage = UsageProfile.from_config({"s3": {"storageGb": 100}, "resources": {"logs": {"s3": {"storageGb": 1000}}}})
    report = estimate([res("aws:s3/bucket:Bucket", "assets"), res("aws:s3/bucket:Bucket", "logs")], usage=usage)
    assert "Standard storage 100 GB-mo" in report.lines[0].basis
    assert "Standard storage 1,000 GB-mo" in report.lines[1].basis


@pytest.mark.parametrize(
    ("usage", "message"),
    [
        ({"lamda": {}}, "usage.lamda: unknown section (accepted: time, lambda"),
        ({"s3": {"storage": 1}}, "usage.s3.storage: unknown key (accepted: storageGb, putRequestsPerMonth"),
        ({"s3": {"storageGb": -1}}, "usage.s3.storageGb: -1 must be zero or more"),
        ({"s3": {"storageGb": "lots"}}, "usage.s3.storageGb: 'lots' is not a number"),
        ({"resources": {"logs": {"s3": {"storageGb": True}}}}, "usage.resources.logs.s3.storageGb: True is not"),
    ],
)
def test_bad_usage_profile_is_rejected_naming_the_key(usage: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(".", r"\.")):
        UsageProfile.from_config(usage)


def test_negative_sizes_are_unpriced_not_credited() -> None:
    report = estimate([res("aws:ebs/volume:Volume", "disk", {"type": "gp3", "size": -100})])
    assert report.lines == ()
    assert "is not a quantity that can be billed" in report.unpriced[0].reason


def test_components_cost_nothing_themselves() -> None:
    report = estimate([res("paved:compute:Compute", "compute", tier="compute", custom=False)])
    assert report.lines[0].basis == "no charge (component: its children are priced)"


PROPERTY_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 100_000)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(["", "x", "arm64", "PAY_PER_REQUEST", "Interface", UNKNOWN_STRING_VALUE, "db.t4g.micro"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10,
)
PROPERTY_NAMES = st.sampled_from(
    [
        "instanceType", "instanceClass", "engine", "multiAz", "allocatedStorage", "storageType", "iops", "nodeType",
        "numCacheClusters", "numNodeGroups", "replicasPerNodeGroup", "billingMode", "globalSecondaryIndexes",
        "rules", "subnets", "subnetIds", "vpcEndpointType", "memorySize", "architectures", "desiredCount",
        "launchType", "protocol", "retentionInDays", "userPoolTier", "userPoolAddOns", "metricQueries", "period",
        "natGateways", "availabilityZoneNames", "vpcEndpointSpecs", "taskDefinitionArgs", "region", "size", "type",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    type_=st.sampled_from(
        [*sorted(PRICERS), "awsx:ec2:Vpc", "awsx:ecs:FargateService", "awsx:lb:ApplicationLoadBalancer"]
    ),
    props=st.dictionaries(PROPERTY_NAMES, PROPERTY_VALUES, max_size=6),
)
def test_odd_properties_never_crash_the_estimator(type_: str, props: dict[str, Any]) -> None:
    report = estimate([res(type_, "odd", props)])
    assert len(report.lines) + len(report.unpriced) == 1
    assert all(line.monthly_usd >= 0 for line in report.lines)


def test_unknown_marker_reads_as_unknown() -> None:
    assert from_mapping({"urn": "u", "type": "t", "inputs": {"a": UNKNOWN_STRING_VALUE}}).props["a"] is UNKNOWN


def test_readme_tables_are_generated_from_the_code() -> None:
    from pathlib import Path

    from cost.estimator import priced_types_markdown
    from cost.usage import defaults_markdown

    readme = (Path(__file__).parents[2] / "policies" / "cost" / "README.md").read_text()
    for marker, table in (("usage-defaults", defaults_markdown()), ("priced-types", priced_types_markdown())):
        block = readme.split(f"<!-- {marker}:start -->\n", 1)[1].split(f"\n<!-- {marker}:end -->", 1)[0]
        assert block == table, f"policies/cost/README.md {marker} table is stale; regenerate it"


def test_stack_export_outputs_supply_the_provider_defaults_that_inputs_omit() -> None:
    exported = {
        "urn": urn("aws:dynamodb/table:Table", "items"),
        "type": "aws:dynamodb/table:Table",
        "custom": True,
        "inputs": {"billingMode": "PAY_PER_REQUEST"},
        "outputs": {
            "billingMode": "PAY_PER_REQUEST",
            "pointInTimeRecovery": {"enabled": True},
            "tableClass": "STANDARD",
        },
    }
    report = estimate([exported])
    assert "point-in-time recovery" in report.lines[0].basis
