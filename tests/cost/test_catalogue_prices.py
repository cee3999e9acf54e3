"""The catalogue's breadth: each new family priced within 1 % of its hand-computed list price (us-east-1, 730 h).

Unit prices and their sources are the price file's (``policies/cost/prices.json``); each case states its
arithmetic. Sizes the file does not list are derived by AWS's size normalization factors (``cost.sizes``).
"""

from __future__ import annotations

from typing import Any

import pytest
from cost.estimator import estimate
from cost.usage import UsageProfile

from tests.cost.conftest import price_one, res, within_one_percent

CASES: list[Any] = [
    pytest.param("aws:eks/cluster:Cluster", {"version": "1.33"}, None, "73.00", "730 h × $0.10", id="eks-standard"),
    pytest.param(
        "aws:eks/cluster:Cluster", {"version": "1.27"}, None, "438.00", "730 h × $0.60 extended", id="eks-extended"
    ),
    pytest.param(
        "aws:eks/cluster:Cluster",
        {"version": "1.27", "upgradePolicy": {"supportType": "STANDARD"}},
        None,
        "73.00",
        "STANDARD support type: upgraded, never billed extended",
        id="eks-standard-support-type",
    ),
    pytest.param(
        "aws:eks/nodeGroup:NodeGroup",
        {"instanceTypes": ["m5.large"], "scalingConfig": {"desiredSize": 3, "minSize": 1, "maxSize": 5}},
        None,
        "216.24",
        "3 × 730 h × $0.096 = 210.24; 3 × 20 GB gp2 × $0.10 = 6.00 (infracost eks_node_group_test.golden)",
        id="eks-node-group-m5-large",
    ),
    pytest.param(
        "aws:eks/nodeGroup:NodeGroup",
        {"instanceTypes": ["m7g.8xlarge"], "scalingConfig": {"desiredSize": 1}, "diskSize": 50},
        None,
        "958.09",
        "730 h × (16 × $0.0816 = $1.3056) = 953.09; 50 GB gp2 × $0.10 = 5.00",
        id="eks-node-group-size-derived",
    ),
    pytest.param(
        "aws:eks/fargateProfile:FargateProfile",
        {"selectors": [{"namespace": "default"}]},
        None,
        "9.01",
        "1 pod × 730 h × (0.25 vCPU × $0.04048 + 0.5 GB × $0.004445) = 7.39 + 1.62",
        id="eks-fargate-profile",
    ),
    pytest.param(
        "aws:redshift/cluster:Cluster",
        {"nodeType": "ra3.xlplus", "numberOfNodes": 2},
        None,
        "1587.96",
        "2 × 730 h × $1.086 = 1,585.56; 100 GB managed storage × $0.024 = 2.40",
        id="redshift-ra3-xlplus",
    ),
    pytest.param(
        "aws:redshift/cluster:Cluster",
        {"nodeType": "dc2.large", "clusterType": "single-node"},
        None,
        "182.50",
        "730 h × $0.25",
        id="redshift-dc2-single-node",
    ),
    pytest.param(
        "aws:redshiftserverless/workgroup:Workgroup",
        {"baseCapacity": 8},
        None,
        "90.00",
        "8 RPU × 30 active h × $0.375",
        id="redshift-serverless",
    ),
    pytest.param(
        "aws:opensearch/domain:Domain",
        {
            "clusterConfig": {
                "instanceType": "r6g.large.search",
                "instanceCount": 3,
                "dedicatedMasterEnabled": True,
                "dedicatedMasterType": "m6g.large.search",
                "dedicatedMasterCount": 3,
            },
            "ebsOptions": {"ebsEnabled": True, "volumeSize": 100, "volumeType": "gp3"},
        },
        None,
        "682.65",
        "3 × 730 × $0.167 = 365.73; masters 3 × 730 × $0.128 = 280.32; 300 GB gp3 × $0.122 = 36.60",
        id="opensearch-data-masters-gp3",
    ),
    pytest.param(
        "aws:elasticsearch/domain:Domain",
        {
            "clusterConfig": {
                "instanceType": "m5.large.elasticsearch",
                "instanceCount": 2,
                "warmEnabled": True,
                "warmType": "ultrawarm1.medium.elasticsearch",
                "warmCount": 2,
            },
            "ebsOptions": {"ebsEnabled": True, "volumeSize": 50, "volumeType": "gp2"},
        },
        None,
        "568.30",
        "2 × 730 × $0.142 = 207.32; UltraWarm 2 × 730 × $0.238 = 347.48; 100 GB gp2 × $0.135 = 13.50",
        id="elasticsearch-ultrawarm",
    ),
    pytest.param(
        "aws:msk/cluster:Cluster",
        {
            "numberOfBrokerNodes": 3,
            "brokerNodeGroupInfo": {
                "instanceType": "kafka.m5.large",
                "storageInfo": {"ebsStorageInfo": {"volumeSize": 100}},
            },
        },
        None,
        "489.90",
        "3 × 730 × ($10.08 / 48 = $0.21) = 459.90; 300 GB × $0.10 = 30.00",
        id="msk-m5-large-derived",
    ),
    pytest.param(
        "aws:kinesis/stream:Stream",
        {"shardCount": 2},
        None,
        "22.04",
        "2 shards × 730 × $0.015 = 21.90; 10 M PUT units × $0.014/M = 0.14",
        id="kinesis-provisioned",
    ),
    pytest.param(
        "aws:kinesis/stream:Stream",
        {"streamModeDetails": {"streamMode": "ON_DEMAND"}},
        None,
        "30.40",
        "730 × $0.04 = 29.20; 10 GB in × $0.08 = 0.80; 10 GB out × $0.04 = 0.40",
        id="kinesis-on-demand",
    ),
    pytest.param(
        "aws:docdb/clusterInstance:ClusterInstance",
        {"instanceClass": "db.r5.large"},
        None,
        "202.21",
        "730 × ($2.216 / 8 = $0.277)",
        id="docdb-r5-large-derived",
    ),
    pytest.param("aws:docdb/cluster:Cluster", {}, None, "3.00", "10 GB × $0.10 + 10 M I/O × $0.20/M", id="docdb"),
    pytest.param(
        "aws:sfn/stateMachine:StateMachine", {}, None, "2.50", "100,000 transitions × $0.025/1k", id="sfn-std"
    ),
    pytest.param(
        "aws:sfn/stateMachine:StateMachine",
        {"type": "EXPRESS"},
        None,
        "0.2042",
        "100,000 × $1/M = 0.10; 100,000 × 1 s × 0.0625 GB × $0.00001667 = 0.1042",
        id="sfn-express",
    ),
    pytest.param("aws:cloudwatch/eventBus:EventBus", {"name": "orders"}, None, "1.00", "1 M × $1/M", id="bus"),
    pytest.param(
        "aws:elb/loadBalancer:LoadBalancer",
        {"subnets": ["a", "b"]},
        None,
        "25.63",
        "730 × $0.025 = 18.25; 10 GB × $0.008 = 0.08; 2 public IPv4 × 730 × $0.005 = 7.30",
        id="classic-elb",
    ),
    pytest.param(
        "aws:efs/fileSystem:FileSystem",
        {"throughputMode": "provisioned", "provisionedThroughputInMibps": 10},
        None,
        "63.00",
        "10 GB × $0.30 = 3.00; 10 MiB/s × $6.00 = 60.00",
        id="efs-provisioned",
    ),
    pytest.param("aws:ebs/snapshot:Snapshot", {"volumeSize": 100}, None, "5.00", "100 GB × $0.05", id="snapshot"),
    pytest.param(
        "aws:cloudtrail/trail:Trail",
        {"eventSelectors": [{"dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]},
        None,
        "1.00",
        "management events: first copy free; 1 M data events × $0.10/100k",
        id="cloudtrail-data-events",
    ),
    pytest.param("aws:cfg/recorder:Recorder", {}, None, "3.00", "1,000 items × $0.003", id="config-recorder"),
    pytest.param("aws:cfg/rule:Rule", {}, None, "10.00", "10,000 evaluations × $0.001", id="config-rule"),
    pytest.param(
        "aws:globalaccelerator/accelerator:Accelerator", {}, None, "18.25", "730 h × $0.025", id="global-accelerator"
    ),
    pytest.param(
        "aws:transfer/server:Server", {}, None, "219.40", "SFTP 730 h × $0.30 + 10 GB × $0.04", id="transfer-sftp"
    ),
    pytest.param(
        "aws:directoryservice/directory:Directory",
        {"type": "MicrosoftAD", "edition": "Standard"},
        None,
        "87.60",
        "2 domain controllers × 730 h × $0.06",
        id="directory-microsoft-ad-standard",
    ),
    pytest.param(
        "aws:directoryservice/directory:Directory",
        {"type": "SimpleAD"},
        None,
        "219.00",
        "size defaults to Large: 2 × 730 h × $0.15",
        id="directory-simple-ad-default-large",
    ),
    pytest.param(
        "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
        {"transitGatewayId": "tgw-1", "vpcId": "vpc-1", "subnetIds": ["a"]},
        None,
        "36.70",
        "730 h × $0.05 = 36.50; 10 GB × $0.02 = 0.20",
        id="tgw-vpc-attachment",
    ),
    pytest.param(
        "aws:ec2/instance:Instance",
        {"instanceType": "m7g.16xlarge"},
        None,
        "1906.82",
        "730 × (32 × $0.0816 = $2.6112) = 1,906.18; 8 GB gp3 root × $0.08 = 0.64",
        id="ec2-size-derived",
    ),
]


@pytest.mark.parametrize(("type_", "props", "usage", "expected", "arithmetic"), CASES)
def test_new_family_is_priced_within_one_percent_of_its_list_price(
    type_: str, props: dict[str, Any], usage: dict[str, Any] | None, expected: str, arithmetic: str
) -> None:
    line = price_one(type_, props, usage=usage)
    assert within_one_percent(line.monthly_usd, expected), (line.monthly_usd, line.basis, arithmetic)


def test_a_derived_size_says_which_sourced_size_it_came_from() -> None:
    line = price_one("aws:ec2/instance:Instance", {"instanceType": "m7g.8xlarge"})
    assert "m7g.8xlarge Linux on-demand 730 h × $1.3056/h (= 2 × m7g.4xlarge $0.6528/h" in line.basis


def test_auto_scaling_group_prices_its_launch_template_instances() -> None:
    template = res(
        "aws:ec2/launchTemplate:LaunchTemplate",
        "lt",
        {"name": "nodes", "instanceType": "c7g.large", "blockDeviceMappings": [{"ebs": {"volumeSize": 30}}]},
        tier="compute",
    )
    group = res(
        "aws:autoscaling/group:Group",
        "ecs-capacity",
        {"desiredCapacity": 2, "minSize": 1, "maxSize": 4, "launchTemplate": {"name": "nodes"}},
        tier="compute",
    )
    report = estimate([template, group], "us-east-1", UsageProfile())
    line = next(line for line in report.lines if line.name == "ecs-capacity")
    # 2 × 730 h × $0.0725 = 105.85; 2 × 30 GB gp3 × $0.08 = 4.80
    assert within_one_percent(line.monthly_usd, "110.65"), line.basis
    assert "c7g.large Linux on-demand instances 2 × 730 h × $0.0725/h" in line.basis


@pytest.mark.parametrize(
    ("type_", "props", "reason"),
    [
        ("aws:eks/nodeGroup:NodeGroup", {"capacityType": "SPOT", "instanceTypes": ["m5.large"]}, "Spot node groups"),
        ("aws:opensearch/domain:Domain", {"clusterConfig": {}}, "instanceType is not set"),
        ("aws:ec2/instance:Instance", {"instanceType": "m7g.metal"}, "no price for ec2.instance.m7g.metal"),
        ("aws:docdb/clusterInstance:ClusterInstance", {"instanceClass": "db.t4g.medium"}, "no price for docdb"),
        ("aws:directoryservice/directory:Directory", {"type": "ADConnector", "size": "Large"}, "ADConnector Large"),
        ("aws:autoscaling/group:Group", {"desiredCapacity": 2}, "its instance type is not in the stack"),
    ],
)
def test_what_the_catalogue_cannot_price_is_listed_as_unpriced_with_the_reason(
    type_: str, props: dict[str, Any], reason: str
) -> None:
    report = estimate([res(type_, "it", props)])
    assert report.lines == ()
    assert reason in report.unpriced[0].reason


def test_a_new_family_in_a_region_the_file_has_not_filled_yet_is_unpriced_and_says_how_to_fill_it() -> None:
    report = estimate([res("aws:eks/cluster:Cluster", "west", {"region": "us-west-2"})])
    assert report.lines == ()
    assert report.unpriced[0].reason.endswith("`python -m cost.refresh --regions us-west-2` adds it")


def test_a_node_group_reads_its_instance_type_and_volumes_from_its_launch_template() -> None:
    template = res(
        "aws:ec2/launchTemplate:LaunchTemplate",
        "nodes-lt",
        {"instanceType": "r7g.large", "blockDeviceMappings": [{"ebs": {"volumeSize": 40, "volumeType": "gp3"}}]},
        tier="compute",
    )
    group = res(
        "aws:eks/nodeGroup:NodeGroup",
        "nodes",
        {"scalingConfig": {"desiredSize": 2}, "launchTemplate": {"id": "lt-1", "version": "1"}},
        tier="compute",
        propertyDependencies={"launchTemplate": [template["urn"]]},
    )
    line = next(line for line in estimate([template, group]).lines if line.name == "nodes")
    # 2 × 730 h × $0.1071 = 156.37; 2 × 40 GB gp3 × $0.08 = 6.40
    assert within_one_percent(line.monthly_usd, "162.77"), line.basis
    assert "r7g.large Linux on-demand nodes 2 × 730 h × $0.1071/h" in line.basis


@pytest.mark.parametrize(
    ("type_", "props", "figure"),
    [
        ("aws:cloudwatch/eventBus:EventBus", {"name": "orders"}, "eventBridge.customEventsPerMonth"),
        ("aws:sfn/stateMachine:StateMachine", {}, "stepFunctions.transitionsPerMonth"),
        ("aws:sfn/stateMachine:StateMachine", {"type": "EXPRESS"}, "stepFunctions.expressRequestsPerMonth"),
        ("aws:kinesis/stream:Stream", {"shardCount": 1}, "kinesis.putUnitsPerMonth"),
        ("aws:kinesis/stream:Stream", {"streamModeDetails": {"streamMode": "ON_DEMAND"}}, "kinesis.ingestGbPerMonth"),
        ("aws:redshift/cluster:Cluster", {"nodeType": "ra3.4xlarge"}, "redshift.managedStorageGb"),
        ("aws:redshiftserverless/workgroup:Workgroup", {}, "redshiftServerless.activeHoursPerMonth"),
        ("aws:docdb/cluster:Cluster", {}, "documentdb.ioRequestsPerMonth"),
        ("aws:efs/fileSystem:FileSystem", {}, "efs.storageGb"),
        ("aws:ebs/snapshot:Snapshot", {}, "ebsSnapshot.storageGb"),
        ("aws:cfg/recorder:Recorder", {}, "config.itemsPerMonth"),
        ("aws:cfg/rule:Rule", {}, "config.evaluationsPerMonth"),
        ("aws:transfer/server:Server", {}, "transfer.dataGbPerMonth"),
        ("aws:elb/loadBalancer:LoadBalancer", {"internal": True}, "loadBalancer.classicDataGbPerMonth"),
        ("aws:ec2transitgateway/vpcAttachment:VpcAttachment", {}, "transitGateway.dataGbPerMonth"),
        ("aws:eks/fargateProfile:FargateProfile", {}, "eksFargate"),
    ],
)
def test_a_usage_priced_line_names_the_usage_figure_it_used(type_: str, props: dict[str, Any], figure: str) -> None:
    assert f"[usage {figure}" in price_one(type_, props).basis


def test_a_usage_override_changes_the_figure_the_basis_names() -> None:
    line = price_one("aws:cloudwatch/eventBus:EventBus", {}, usage={"eventBridge": {"customEventsPerMonth": 5e6}})
    assert "custom events [usage eventBridge.customEventsPerMonth] 5,000,000 event × $1.00/M" in line.basis
