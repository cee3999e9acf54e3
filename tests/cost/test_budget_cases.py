"""Whole-stack budget cases: published AWS architectures and examples, priced by hand, each within 10 %.

Every case is a list of engine-form resources (as a stack export gives them), the usage it assumes, a
hand-computed monthly figure at us-east-1 list prices (730 h) and its source. The AWS Free Tier is not
deducted (the model prices a stack's list price; see policies/cost/README.md), so the published
examples that deduct it are restated at list price, and the arithmetic says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from cost.estimator import estimate
from cost.usage import UsageProfile

from tests.cost.conftest import res

TOLERANCE = Decimal("0.10")


@dataclass(frozen=True)
class BudgetCase:
    name: str
    resources: list[dict[str, Any]]
    expected_usd: str
    arithmetic: str
    source: str
    usage: dict[str, Any] = field(default_factory=dict)


def alb(name: str) -> dict[str, Any]:
    return res("aws:lb/loadBalancer:LoadBalancer", name, {"loadBalancerType": "application", "subnets": ["a", "b"]})


NAT = [
    res("aws:ec2/natGateway:NatGateway", "nat", {"subnetId": "a"}, tier="network"),
    res("aws:ec2/eip:Eip", "nat-ip", {"domain": "vpc"}, tier="network"),
]
ALB_MONTH = "ALB 730 × $0.0225 = 16.43 + 1 LCU × 730 × $0.008 = 5.84 + 2 public IPv4 × 730 × $0.005 = 7.30"
NAT_MONTH = "NAT 730 × $0.045 = 32.85 + 10 GB × $0.045 = 0.45 + its EIP 730 × $0.005 = 3.65"

CASES = [
    BudgetCase(
        name="eks-dev-platform",
        resources=[
            res("aws:eks/cluster:Cluster", "cluster", {"version": "1.33"}, tier="compute"),
            res(
                "aws:eks/nodeGroup:NodeGroup",
                "nodes",
                {"instanceTypes": ["t3.medium"], "scalingConfig": {"desiredSize": 3, "minSize": 3, "maxSize": 6}},
                tier="compute",
            ),
            *NAT,
            alb("ingress"),
        ],
        expected_usd="236.62",
        arithmetic=f"cluster 730 × $0.10 = 73.00; 3 × t3.medium 730 × $0.0416 = 91.10; 3 × 20 GB gp2 × $0.10 = 6.00; "
        f"{NAT_MONTH}; {ALB_MONTH}",
        source="https://cloudburn.io/blog/amazon-eks-pricing (2026-03: 'Dev/startup (3x t3.medium, single-AZ)', "
        "control plane $73/month); https://aws.amazon.com/eks/pricing/",
    ),
    BudgetCase(
        name="redshift-and-search-analytics",
        resources=[
            res("aws:redshift/cluster:Cluster", "warehouse", {"nodeType": "ra3.xlplus", "numberOfNodes": 2}),
            res(
                "aws:opensearch/domain:Domain",
                "search",
                {
                    "clusterConfig": {"instanceType": "r6g.large.search", "instanceCount": 3},
                    "ebsOptions": {"ebsEnabled": True, "volumeSize": 100, "volumeType": "gp3"},
                },
            ),
            res("aws:redshift/subnetGroup:SubnetGroup", "warehouse-subnets"),
        ],
        usage={"redshift": {"managedStorageGb": 1024}},
        expected_usd="2012.47",
        arithmetic="2 × ra3.xlplus 730 × $1.086 = 1,585.56; 1 TB RMS 1,024 GB × $0.024 = 24.58; "
        "3 × r6g.large.search 730 × $0.167 = 365.73; 300 GB gp3 × $0.122 = 36.60",
        source="https://aws.amazon.com/redshift/pricing/ (RA3 nodes, managed storage); "
        "https://aws.amazon.com/opensearch-service/pricing/",
    ),
    BudgetCase(
        name="opensearch-log-analytics-hot-and-warm",
        resources=[
            res(
                "aws:opensearch/domain:Domain",
                "logs",
                {
                    "clusterConfig": {
                        "instanceType": "r6g.xlarge.search",
                        "instanceCount": 3,
                        "dedicatedMasterEnabled": True,
                        "dedicatedMasterType": "m6g.large.search",
                        "dedicatedMasterCount": 3,
                        "warmEnabled": True,
                        "warmType": "ultrawarm1.medium.search",
                        "warmCount": 2,
                    },
                    "ebsOptions": {"ebsEnabled": True, "volumeSize": 500, "volumeType": "gp3"},
                },
            )
        ],
        expected_usd="1544.45",
        arithmetic="3 × r6g.xlarge.search 730 × $0.335 = 733.65; 3 masters m6g.large.search 730 × $0.128 = 280.32; "
        "2 × ultrawarm1.medium 730 × $0.238 = 347.48; 1,500 GB gp3 × $0.122 = 183.00",
        source="https://aws.amazon.com/blogs/big-data/choose-the-right-storage-tier-for-your-needs-in-amazon-"
        "opensearch-service/ (hot data nodes, dedicated masters, UltraWarm); "
        "https://aws.amazon.com/opensearch-service/pricing/",
    ),
    BudgetCase(
        name="ec2-fleet-behind-an-alb",
        resources=[
            res(
                "aws:ec2/launchTemplate:LaunchTemplate",
                "web",
                {"name": "web", "instanceType": "m7g.xlarge", "blockDeviceMappings": [{"ebs": {"volumeSize": 30}}]},
                tier="compute",
            ),
            res(
                "aws:autoscaling/group:Group",
                "web",
                {"desiredCapacity": 4, "minSize": 2, "maxSize": 8, "launchTemplate": {"name": "web"}},
                tier="compute",
            ),
            res("aws:ec2/instance:Instance", "batch", {"instanceType": "m7i.2xlarge"}, tier="compute"),
            alb("web"),
        ],
        expected_usd="810.69",
        arithmetic=f"4 × m7g.xlarge 730 × $0.1632 = 476.54; 4 × 30 GB gp3 × $0.08 = 9.60; "
        f"m7i.2xlarge 730 × $0.4032 = 294.34 + 8 GB gp3 root 0.64; {ALB_MONTH}",
        source="https://aws.amazon.com/ec2/pricing/on-demand/ (m7g, m7i Linux); "
        "https://aws.amazon.com/elasticloadbalancing/pricing/",
    ),
    BudgetCase(
        name="serverless-api-on-usage",
        resources=[
            res("aws:lambda/function:Function", "api", {"memorySize": 512, "runtime": "python3.12"}, tier="compute"),
            res("aws:apigatewayv2/api:Api", "http", {"protocolType": "HTTP"}, tier="compute"),
            res("aws:sfn/stateMachine:StateMachine", "orders", {"type": "STANDARD"}, tier="compute"),
            res("aws:sqs/queue:Queue", "jobs", tier="compute"),
        ],
        usage={
            "lambda": {"invocationsPerMonth": 3_000_000, "averageDurationMs": 1000},
            "apiGateway": {"requestsPerMonth": 3_000_000},
            "stepFunctions": {"transitionsPerMonth": 400_000},
        },
        expected_usd="39.00",
        arithmetic="Lambda 3 M × $0.20/M = 0.60 + 3 M × 1 s × 0.5 GB = 1.5 M GB-s × $0.0000166667 = 25.00; "
        "HTTP API 3 M × $1.00/M = 3.00; Step Functions 100,000 runs × 4 transitions × $0.025/1k = 10.00; "
        "SQS 1 M × $0.40/M = 0.40 (free tiers not deducted)",
        source="https://aws.amazon.com/lambda/pricing/ (example: 3 million invocations of a 512 MB function "
        "running 1 s); https://aws.amazon.com/step-functions/pricing/ (example: 4 state transitions, 100,000 "
        "executions); https://aws.amazon.com/api-gateway/pricing/",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_whole_stack_estimate_is_within_ten_percent_of_the_hand_computed_figure(case: BudgetCase) -> None:
    report = estimate(case.resources, "us-east-1", UsageProfile.from_config(case.usage))
    assert report.unpriced == (), report.unpriced
    expected = Decimal(case.expected_usd)
    off = abs(report.monthly_usd - expected) / expected
    assert off <= TOLERANCE, (report.monthly_usd, expected, case.arithmetic, case.source)


def test_the_cases_cover_eks_redshift_opensearch_ec2_fleets_and_serverless_usage() -> None:
    types = {resource["type"] for case in CASES for resource in case.resources}
    for needed in (
        "aws:eks/cluster:Cluster",
        "aws:redshift/cluster:Cluster",
        "aws:opensearch/domain:Domain",
        "aws:autoscaling/group:Group",
        "aws:lambda/function:Function",
    ):
        assert needed in types
