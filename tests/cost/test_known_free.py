"""The catalogue of known-free types: sourced data, a pure lookup, and the estimator's $0 lines."""

from __future__ import annotations

import json

import pytest
from cost.estimator import PRICERS, estimate
from cost.known_free import CATALOGUE_FILE, catalogue, free_reason, is_known_free
from cost.pricing import awsx

from tests.cost.conftest import res


@pytest.mark.parametrize(
    "type_",
    [
        "aws:ec2/routeTable:RouteTable",
        "aws:ec2/routeTableAssociation:RouteTableAssociation",
        "aws:rds/subnetGroup:SubnetGroup",
        "aws:rds/parameterGroup:ParameterGroup",
        "aws:elasticache/subnetGroup:SubnetGroup",
        "aws:redshift/subnetGroup:SubnetGroup",
        "aws:docdb/subnetGroup:SubnetGroup",
        "aws:glue/catalogDatabase:CatalogDatabase",
        "aws:ec2transitgateway/transitGateway:TransitGateway",
        "aws:ecs/capacityProvider:CapacityProvider",
        "aws:ec2/securityGroup:SecurityGroup",
        "aws:iam/role:Role",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "random:index/randomPassword:RandomPassword",
        "pulumi:providers:aws",
        "paved:data:Data",
    ],
)
def test_types_that_cost_nothing_by_themselves_are_known_free(type_: str) -> None:
    assert is_known_free(type_)


@pytest.mark.parametrize(
    "type_",
    [
        "aws:ec2/natGateway:NatGateway",
        "aws:neptune/cluster:Cluster",
        "aws:memorydb/cluster:Cluster",
        "aws:guardduty/detector:Detector",
        "aws:route53/resolverEndpoint:ResolverEndpoint",
        "aws:route53/resolverRule:ResolverRule",
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        "awsx:ec2:Vpc",
        "aws:made/up:Thing",
    ],
)
def test_types_that_may_cost_money_are_not_known_free(type_: str) -> None:
    assert not is_known_free(type_)
    assert free_reason(type_) is None


def test_every_catalogue_entry_says_why_and_cites_the_pricing_page_that_says_so() -> None:
    document = json.loads(CATALOGUE_FILE.read_text())
    assert datetime_like(document["retrieved"])
    for type_, entry in document["types"].items():
        assert entry["reason"].startswith("no charge"), type_
        assert entry["source"].startswith("https://aws.amazon.com/") and entry["source"].endswith("/pricing/"), type_
        assert entry["note"], type_


def datetime_like(text: str) -> bool:
    import datetime

    return isinstance(datetime.date.fromisoformat(text), datetime.date)


def test_no_type_is_both_known_free_and_priced() -> None:
    priced = set(PRICERS) | set(awsx.PRICERS)
    assert sorted(priced & set(catalogue().types)) == []


def test_known_free_types_estimate_as_zero_with_their_reason_never_as_unpriced() -> None:
    report = estimate(
        [
            res("aws:glue/catalogDatabase:CatalogDatabase", "catalog"),
            res("aws:ec2/flowLog:FlowLog", "flow", tier="network"),
            res("aws:redshift/parameterGroup:ParameterGroup", "params"),
        ]
    )
    assert report.unpriced == ()
    assert [line.basis for line in report.lines] == [
        "no charge (one Data Catalog object; the first million are free)",
        "no charge (its records are billed as ingestion on the log group)",
        "no charge",
    ]


def test_the_report_counts_unpriced_types_and_tells_the_costly_ones_apart() -> None:
    report = estimate(
        [
            res("aws:neptune/cluster:Cluster", "graph-a"),
            res("aws:neptune/cluster:Cluster", "graph-b"),
            res("aws:memorydb/cluster:Cluster", "cache"),
            res("aws:ec2/instance:Instance", "vm", {"instanceType": "m7g.metal"}),
        ]
    )
    assert report.unpriced_by_type() == {
        "aws:ec2/instance:Instance": 1,
        "aws:memorydb/cluster:Cluster": 1,
        "aws:neptune/cluster:Cluster": 2,
    }
    assert [item.name for item in report.unpriced_costly()] == ["graph-a", "graph-b", "cache", "vm"]
    cost = report.as_json()
    assert cost["unpriced_by_type"]["aws:neptune/cluster:Cluster"] == 2
    assert {item["known_free"] for item in cost["unpriced"]} == {False}
