"""The network tier, as specified for dev and prod."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_config, stack_yaml_config
from tools.program import ProgramRun, Registration

VPC = "awsx:ec2:Vpc"
FLOW_LOG = "aws:ec2/flowLog:FlowLog"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
KMS_KEY = "aws:kms/key:Key"
DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"
PROVIDER = "pulumi:providers:aws"


def vpc(run: ProgramRun) -> Registration:
    return run.one(VPC, "network-vpc")


def test_dev_vpc_uses_its_cidr_and_two_azs(dev: ProgramRun) -> None:
    inputs = vpc(dev).inputs
    assert inputs["cidrBlock"] == "10.20.0.0/16"
    assert inputs["availabilityZoneNames"] == ["us-east-1a", "us-east-1b"]


def test_prod_vpc_spans_three_azs(prod: ProgramRun) -> None:
    inputs = vpc(prod).inputs
    assert inputs["cidrBlock"] == "10.30.0.0/16"
    assert inputs["availabilityZoneNames"] == ["us-east-1a", "us-east-1b", "us-east-1c"]


def test_dev_has_no_nat_gateway(dev: ProgramRun) -> None:
    assert vpc(dev).inputs["natGateways"] == {"strategy": "None"}


def test_prod_has_one_nat_gateway_per_az(prod: ProgramRun) -> None:
    assert vpc(prod).inputs["natGateways"] == {"strategy": "OnePerAz"}


@pytest.mark.parametrize("strategy, awsx_strategy", [("none", "None"), ("single", "Single"), ("per-az", "OnePerAz")])
def test_nat_strategy_comes_from_config(strategy: str, awsx_strategy: str) -> None:
    config = stack_yaml_config("dev")
    config["paved:network"]["natStrategy"] = strategy
    assert vpc(run_config(config)).inputs["natGateways"] == {"strategy": awsx_strategy}


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_vpc_has_public_private_and_isolated_subnets_with_explicit_strategy(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    inputs = vpc(request.getfixturevalue(run_name)).inputs
    assert inputs["subnetStrategy"] == "Auto"
    assert [spec["type"] for spec in inputs["subnetSpecs"]] == ["Public", "Private", "Isolated"]
    assert {spec["cidrMask"] for spec in inputs["subnetSpecs"]} == {24}


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_s3_and_dynamodb_are_reached_through_gateway_endpoints(run_name: str, request: pytest.FixtureRequest) -> None:
    inputs = vpc(request.getfixturevalue(run_name)).inputs
    assert inputs["vpcEndpointStrategy"] == "Auto"
    assert inputs["vpcEndpointSpecs"] == [
        {"serviceName": "com.amazonaws.us-east-1.s3", "vpcEndpointType": "Gateway"},
        {"serviceName": "com.amazonaws.us-east-1.dynamodb", "vpcEndpointType": "Gateway"},
    ]


def test_dev_exports_two_subnet_ids_of_each_kind(dev: ProgramRun) -> None:
    subnets = dev.outputs["subnetIds"]
    assert {kind: len(ids) for kind, ids in subnets.items()} == {"public": 2, "private": 2, "isolated": 2}
    assert dev.outputs["vpcId"].startswith("vpc-")


def test_prod_exports_three_subnet_ids_of_each_kind(prod: ProgramRun) -> None:
    assert {kind: len(ids) for kind, ids in prod.outputs["subnetIds"].items()} == {
        "public": 3,
        "private": 3,
        "isolated": 3,
    }


@pytest.mark.parametrize("run_name, retention", [("dev", 14), ("prod", 365)])
def test_flow_logs_capture_all_traffic_into_a_kms_encrypted_log_group(
    run_name: str, retention: int, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    flow_log = run.one(FLOW_LOG)
    log_group = run.one(LOG_GROUP, "network-flow-logs")
    key = run.one(KMS_KEY)
    assert flow_log.inputs["trafficType"] == "ALL"
    assert flow_log.inputs["logDestinationType"] == "cloud-watch-logs"
    assert flow_log.inputs["logDestination"] == log_group.outputs["arn"]
    assert flow_log.inputs["vpcId"] == run.outputs["vpcId"]
    assert log_group.inputs["kmsKeyId"] == key.outputs["arn"]
    assert log_group.inputs["retentionInDays"] == retention


def test_flow_log_role_trusts_only_this_accounts_flow_logs(dev: ProgramRun) -> None:
    role = dev.one("aws:iam/role:Role", "network-flow-logs-role")
    statement = json.loads(role.inputs["assumeRolePolicy"])["Statement"][0]
    assert statement["Principal"] == {"Service": "vpc-flow-logs.amazonaws.com"}
    assert statement["Condition"]["StringEquals"] == {"aws:SourceAccount": "123456789012"}
    assert statement["Condition"]["ArnLike"] == {"aws:SourceArn": "arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*"}


def test_flow_log_role_may_only_write_to_its_log_group(dev: ProgramRun) -> None:
    policy = json.loads(dev.one("aws:iam/rolePolicy:RolePolicy", "network-flow-logs-delivery").inputs["policy"])
    group_arn = dev.one(LOG_GROUP, "network-flow-logs").outputs["arn"]
    (statement,) = policy["Statement"]
    assert statement["Resource"] == [group_arn, f"{group_arn}:log-stream:*"]
    assert all(action.startswith("logs:") and "*" not in action for action in statement["Action"])


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_default_security_group_has_no_rules(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    default_sg = run.one(DEFAULT_SG)
    assert default_sg.inputs["ingress"] == []
    assert default_sg.inputs["egress"] == []
    assert default_sg.inputs["vpcId"] == run.outputs["vpcId"]


def test_stack_key_rotates_and_prod_key_is_protected(dev: ProgramRun, prod: ProgramRun) -> None:
    for run, protected, window in ((dev, False, 7), (prod, True, 30)):
        key = run.one(KMS_KEY)
        assert key.inputs["enableKeyRotation"] is True
        assert key.inputs["deletionWindowInDays"] == window
        assert key.protect is protected


@pytest.mark.parametrize("run_name, environment", [("dev", "dev"), ("prod", "prod")])
def test_provider_default_tags_carry_the_standard_tags(
    run_name: str, environment: str, request: pytest.FixtureRequest
) -> None:
    provider = request.getfixturevalue(run_name).one(PROVIDER)
    assert json.loads(provider.inputs["defaultTags"]) == {
        "tags": {"environment": environment, "project": "paved", "owner": "platform-team", "cost-center": "cc-1001"}
    }
    assert provider.inputs["region"] == "us-east-1"


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_every_aws_resource_is_tagged_through_the_stack_provider(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    provider_urn = run.one(PROVIDER).urn
    aws_resources = [r for r in run.resources if r.custom and r.type.startswith("aws:")]
    assert aws_resources, "the stack creates AWS resources"
    untagged = [r.name for r in aws_resources if r.provider_urn != provider_urn]
    assert untagged == []


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_awsx_children_get_the_stack_provider_through_providers(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    assert vpc(run).providers["aws"].startswith(run.one(PROVIDER).urn + "::")


def test_tag_values_follow_the_stack_config() -> None:
    config = stack_yaml_config("dev")
    config["paved:tags"] = {"environment": "staging", "owner": "team-a", "costCenter": "cc-42"}
    provider = run_config(config).one(PROVIDER)
    assert json.loads(provider.inputs["defaultTags"])["tags"] == {
        "environment": "staging",
        "project": "paved",
        "owner": "team-a",
        "cost-center": "cc-42",
    }


def test_tiers_are_components_that_parent_their_resources(dev: ProgramRun) -> None:
    network = dev.one("paved:network:Network", "network")
    assert vpc(dev).parent == network.urn
    assert dev.one(FLOW_LOG).parent == network.urn
    assert all(r.parent != "" for r in dev.resources if r.custom and not r.is_provider)
