"""logging: flow logs, access logs and CloudTrail leave a trail, and every log group expires."""

from __future__ import annotations

import pytest
from paved_policies import types as t
from paved_policies.testing import UNKNOWN, Baseline, StackResource

from tests.policies.baselines import (
    ALB_LOAD_BALANCER,
    API_GATEWAY_STAGE,
    API_GATEWAY_V2_STAGE,
    CLOUDTRAIL,
    LOAD_BALANCER,
    LOG_GROUP,
)
from tests.policies.stack_baseline import (
    KMS_RULES,
    attached,
    bucket_resources,
    changed,
    compliant_stack,
    stack_violations,
    without,
)


@pytest.mark.parametrize("baseline", [LOAD_BALANCER, ALB_LOAD_BALANCER], ids=["lb", "alb"])
def test_load_balancer_without_access_logs_is_reported(baseline: Baseline) -> None:
    assert baseline.violations(without=["accessLogs"]) == [
        ("lb-access-logs-enabled", "Load balancer does not write access logs.")
    ]


def test_gateway_load_balancer_has_no_access_logs_to_write() -> None:
    assert LOAD_BALANCER.violations({"loadBalancerType": "gateway"}, without=["accessLogs"]) == []


@pytest.mark.parametrize("baseline", [API_GATEWAY_STAGE, API_GATEWAY_V2_STAGE], ids=["rest", "http"])
def test_api_stage_without_access_logs_is_reported(baseline: Baseline) -> None:
    assert baseline.violations(without=["accessLogSettings"]) == [
        ("apigateway-access-logs", "API Gateway stage writes no access logs.")
    ]


def test_api_stage_access_log_settings_unknown_during_preview_are_not_reported() -> None:
    assert API_GATEWAY_V2_STAGE.violations({"accessLogSettings": UNKNOWN}) == []


def test_cloudtrail_with_logging_turned_off_is_reported() -> None:
    assert CLOUDTRAIL.violations({"enableLogging": False}) == [
        ("cloudtrail-logging-and-validation", "CloudTrail trail has logging turned off.")
    ]


def test_cloudtrail_without_log_file_validation_is_reported() -> None:
    assert CLOUDTRAIL.violations(without=["enableLogFileValidation"]) == [
        (
            "cloudtrail-logging-and-validation",
            "CloudTrail trail does not validate log files (enableLogFileValidation defaults to false).",
        )
    ]


def test_log_group_that_never_expires_is_reported() -> None:
    expected = [("log-group-retention-set", "Log group never expires its events (retentionInDays is not set).")]
    assert LOG_GROUP.violations(without=["retentionInDays"]) == expected
    assert LOG_GROUP.violations({"retentionInDays": 0}) == expected


def test_vpc_without_a_flow_log_is_reported() -> None:
    assert stack_violations(without(compliant_stack(), "vpc-flow-log")) == [
        ("vpc-flow-logs-enabled", "vpc: VPC has no flow log.")
    ]


def test_flow_log_on_an_awsx_vpc_covers_it_and_its_child_vpc() -> None:
    resources = [
        *without(compliant_stack(), "vpc", "vpc-flow-log"),
        StackResource(t.AWSX_VPC, "net"),
        StackResource(t.VPC, "net-vpc", parent="net"),
        attached(t.FLOW_LOG, "net-flow-log", "net", {"trafficType": "ALL"}, prop="vpcId"),
    ]
    assert stack_violations(resources) == []


def test_awsx_vpc_without_a_flow_log_is_reported_once_on_the_component() -> None:
    resources = [
        *without(compliant_stack(), "vpc", "vpc-flow-log"),
        StackResource(t.AWSX_VPC, "net"),
        StackResource(t.VPC, "net-vpc", parent="net"),
    ]
    assert stack_violations(resources) == [("vpc-flow-logs-enabled", "net: VPC has no flow log.")]


def test_cloudfront_without_access_logs_is_reported() -> None:
    assert stack_violations(without(compliant_stack(), "cdn-logs")) == [
        ("cloudfront-access-logs-enabled", "cdn: CloudFront distribution writes no access logs.")
    ]


def test_cloudfront_with_a_legacy_logging_config_passes() -> None:
    legacy = {"loggingConfig": {"bucket": "paved-logs.s3.amazonaws.com", "prefix": "cdn/"}}
    assert stack_violations(changed(without(compliant_stack(), "cdn-logs"), "cdn", legacy)) == []


def test_bucket_without_server_access_logs_is_reported() -> None:
    scratch = bucket_resources("scratch", sse_rules=KMS_RULES, logs_to=None)
    assert stack_violations([*compliant_stack(), *scratch]) == [
        ("s3-bucket-access-logs", "scratch: S3 bucket writes no server access logs.")
    ]


def test_bucket_with_inline_legacy_logging_passes() -> None:
    scratch = bucket_resources("scratch", sse_rules=KMS_RULES, logs_to=None)
    inline = changed(scratch, "scratch", {"logging": {"targetBucket": "paved-logs", "targetPrefix": "scratch/"}})
    assert stack_violations([*compliant_stack(), *inline]) == []


def test_bucket_logging_unknown_during_preview_is_not_reported() -> None:
    scratch = changed(bucket_resources("scratch", sse_rules=KMS_RULES, logs_to=None), "scratch", {"logging": UNKNOWN})
    assert stack_violations([*compliant_stack(), *scratch]) == []
