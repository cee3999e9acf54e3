"""What surrounds the distribution: the assets bucket policy, access logs, WAF, custom domain, us-east-1."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from tests.cdn.conftest import run_tier
from tests.conftest import run_config, stack_yaml_config
from tools.program import ProgramRun, Registration

ACCOUNT = "123456789012"
DISTRIBUTION = "aws:cloudfront/distribution:Distribution"
WEB_ACL = "aws:wafv2/webAcl:WebAcl"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
CERTIFICATE = "aws:acm/certificate:Certificate"
RECORD = "aws:route53/record:Record"
PROVIDER = "pulumi:providers:aws"
DOMAIN = {"name": "app.example.com", "hostedZoneId": "Z0123456789EXAMPLE"}


def distribution(run: ProgramRun) -> Registration:
    return run.one(DISTRIBUTION, "cdn-distribution")


def statements(document: str) -> dict[str, dict[str, Any]]:
    return {s["Sid"]: s for s in json.loads(document)["Statement"]}


@cache
def with_region(region: str, stack: str = "prod") -> ProgramRun:
    config = stack_yaml_config(stack)
    config["aws:region"] = region
    return run_config(config, stack=stack)


# --- assets bucket policy -------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_assets_bucket_is_readable_only_by_this_distribution_and_only_over_tls(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    assets = run.one("aws:s3/bucket:Bucket", "data-assets")
    policy = run.one("aws:s3/bucketPolicy:BucketPolicy", "cdn-assets-policy")
    assert policy.inputs["bucket"] == assets.id
    found = statements(policy.inputs["policy"])
    assert set(found) == {"DenyInsecureTransport", "DenyOutdatedTls", "CloudFrontReadsThroughOriginAccessControl"}
    assert found["DenyInsecureTransport"]["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    read = found["CloudFrontReadsThroughOriginAccessControl"]
    assert read["Effect"] == "Allow"
    assert read["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert read["Action"] == "s3:GetObject"
    assert read["Resource"] == f"{assets.outputs['arn']}/*"
    assert read["Condition"] == {"StringEquals": {"aws:SourceArn": distribution(run).outputs["arn"]}}
    assert [s for s in found.values() if s["Effect"] == "Allow"] == [read]


def test_the_assets_bucket_policy_stays_with_the_retained_prod_bucket(dev: ProgramRun, prod: ProgramRun) -> None:
    assert prod.one("aws:s3/bucket:Bucket", "data-assets").retain_on_delete is True
    assert prod.one("aws:s3/bucketPolicy:BucketPolicy", "cdn-assets-policy").retain_on_delete is True
    assert dev.one("aws:s3/bucketPolicy:BucketPolicy", "cdn-assets-policy").retain_on_delete is False


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_the_data_tier_leaves_the_assets_bucket_policy_to_the_cdn_tier(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    assets = run.one("aws:s3/bucket:Bucket", "data-assets")
    writers = [p.name for p in run.of_type("aws:s3/bucketPolicy:BucketPolicy") if p.inputs["bucket"] == assets.id]
    assert writers == ["cdn-assets-policy"]


# --- access logs ----------------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_standard_logs_v2_go_to_the_logs_bucket_under_cloudfront(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    source = run.one("aws:cloudwatch/logDeliverySource:LogDeliverySource")
    destination = run.one("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination")
    delivery = run.one("aws:cloudwatch/logDelivery:LogDelivery")
    logs = run.one("aws:s3/bucket:Bucket", "data-logs")
    assert (source.inputs["logType"], source.inputs["resourceArn"]) == ("ACCESS_LOGS", distribution(run).outputs["arn"])
    assert destination.inputs["deliveryDestinationConfiguration"] == {
        "destinationResourceArn": f"{logs.outputs['arn']}/cloudfront"
    }
    assert destination.inputs["outputFormat"] == "w3c"
    assert delivery.inputs["deliverySourceName"] == source.outputs["name"]
    assert delivery.inputs["deliveryDestinationArn"] == destination.outputs["arn"]
    assert delivery.inputs["s3DeliveryConfigurations"] == [
        {"suffixPath": "{DistributionId}/{yyyy}/{MM}/{dd}/{HH}", "enableHiveCompatiblePath": False}
    ]
    assert {r.provider_urn for r in (source, destination, delivery)} == {run.one(PROVIDER, "aws").urn}


def test_the_logs_bucket_lets_cloudfront_log_delivery_write_under_the_same_prefix(dev: ProgramRun) -> None:
    logs = dev.one("aws:s3/bucket:Bucket", "data-logs")
    policy = next(p for p in dev.of_type("aws:s3/bucketPolicy:BucketPolicy") if p.inputs["bucket"] == logs.id)
    write = statements(policy.inputs["policy"])["CloudFrontLogsWrite"]
    destination = dev.one("aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination")
    prefix = destination.inputs["deliveryDestinationConfiguration"]["destinationResourceArn"]
    assert write["Resource"] == f"{prefix}/*"


# --- WAF ------------------------------------------------------------------------------------


def test_prod_distribution_is_behind_a_cloudfront_scoped_web_acl(prod: ProgramRun) -> None:
    acl = prod.one(WEB_ACL)
    assert distribution(prod).inputs["webAclId"] == acl.outputs["arn"]
    assert acl.inputs["scope"] == "CLOUDFRONT"
    assert acl.inputs["defaultAction"] == {"allow": {}}
    assert acl.outputs["arn"].startswith(f"arn:aws:wafv2:us-east-1:{ACCOUNT}:global/webacl/")


def test_web_acl_rate_limits_each_ip_then_applies_the_aws_managed_rule_groups(prod: ProgramRun) -> None:
    rules = sorted(prod.one(WEB_ACL).inputs["rules"], key=lambda rule: rule["priority"])
    assert [rule["name"] for rule in rules] == [
        "rate-limit-per-ip",
        "AWSManagedRulesAmazonIpReputationList",
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
    ]
    rate = rules[0]
    assert rate["action"] == {"block": {}}
    assert rate["statement"]["rateBasedStatement"] == {
        "limit": 2000,
        "aggregateKeyType": "IP",
        "evaluationWindowSec": 300,
    }
    for managed in rules[1:]:
        assert managed["statement"]["managedRuleGroupStatement"] == {"vendorName": "AWS", "name": managed["name"]}
        assert managed["overrideAction"] == {"none": {}}
    for rule in rules:
        assert rule["visibilityConfig"]["cloudwatchMetricsEnabled"] is True
        assert rule["visibilityConfig"]["sampledRequestsEnabled"] is True


def test_rate_limit_comes_from_config() -> None:
    run = run_tier(stack="prod", cdn={"waf": {"enabled": True, "rateLimitPer5Min": 500}})
    rate = next(rule for rule in run.one(WEB_ACL).inputs["rules"] if rule["name"] == "rate-limit-per-ip")
    assert rate["statement"]["rateBasedStatement"]["limit"] == 500


def test_waf_logs_to_an_encrypted_aws_waf_logs_group_with_the_configured_retention(prod: ProgramRun) -> None:
    group = prod.one(LOG_GROUP, "cdn-waf-logs")
    logging = prod.one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration")
    assert group.inputs["namePrefix"].startswith("aws-waf-logs-")
    assert group.inputs["kmsKeyId"] == prod.one("aws:kms/key:Key", "encryption-key").outputs["arn"]
    assert group.inputs["retentionInDays"] == 90
    assert logging.inputs["resourceArn"] == prod.one(WEB_ACL).outputs["arn"]
    assert logging.inputs["logDestinationConfigs"] == [group.outputs["arn"]]


def test_waf_log_delivery_is_allowed_only_for_this_accounts_log_group(prod: ProgramRun) -> None:
    group = prod.one(LOG_GROUP, "cdn-waf-logs")
    policy = prod.one("aws:cloudwatch/logResourcePolicy:LogResourcePolicy")
    (statement,) = json.loads(policy.inputs["policyDocument"])["Statement"]
    assert statement["Principal"] == {"Service": "delivery.logs.amazonaws.com"}
    assert statement["Action"] == ["logs:CreateLogStream", "logs:PutLogEvents"]
    assert statement["Resource"] == f"{group.outputs['arn']}:log-stream:*"
    assert statement["Condition"] == {
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
        "ArnLike": {"aws:SourceArn": f"arn:aws:logs:us-east-1:{ACCOUNT}:*"},
    }
    logging = prod.one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration")
    assert policy.urn in logging.dependencies


def test_dev_has_no_waf(dev: ProgramRun) -> None:
    assert dev.of_type(WEB_ACL) == []
    assert "webAclId" not in distribution(dev).inputs


# --- custom domain --------------------------------------------------------------------------


def test_custom_domain_gets_a_dns_validated_us_east_1_certificate_and_tls_1_2_2021() -> None:
    run = run_tier(stack="prod", cdn={"domain": DOMAIN})
    certificate = run.one(CERTIFICATE)
    validation = run.one("aws:acm/certificateValidation:CertificateValidation")
    record = run.one(RECORD, "cdn-certificate-validation-record")
    (option,) = certificate.outputs["domainValidationOptions"]
    assert (certificate.inputs["domainName"], certificate.inputs["validationMethod"]) == ("app.example.com", "DNS")
    assert certificate.outputs["arn"].startswith(f"arn:aws:acm:us-east-1:{ACCOUNT}:certificate/")
    assert record.inputs["zoneId"] == "Z0123456789EXAMPLE"
    assert (record.inputs["name"], record.inputs["type"]) == (option["resourceRecordName"], "CNAME")
    assert record.inputs["records"] == [option["resourceRecordValue"]]
    assert validation.inputs == {
        "certificateArn": certificate.outputs["arn"],
        "validationRecordFqdns": [record.outputs["fqdn"]],
    }
    inputs = distribution(run).inputs
    assert inputs["aliases"] == ["app.example.com"]
    assert inputs["viewerCertificate"] == {
        "acmCertificateArn": certificate.outputs["arn"],
        "sslSupportMethod": "sni-only",
        "minimumProtocolVersion": "TLSv1.2_2021",
    }


def test_custom_domain_points_ipv4_and_ipv6_alias_records_at_the_distribution() -> None:
    run = run_tier(stack="prod", cdn={"domain": DOMAIN})
    target = distribution(run).outputs
    aliases = {r.inputs["type"]: r.inputs for r in run.of_type(RECORD) if "aliases" in r.inputs}
    assert sorted(aliases) == ["A", "AAAA"]
    for record in aliases.values():
        assert (record["zoneId"], record["name"]) == ("Z0123456789EXAMPLE", "app.example.com")
        assert record["aliases"] == [
            {"name": target["domainName"], "zoneId": "Z2FDTNDATAQYW2", "evaluateTargetHealth": False}
        ]
    assert run.outputs["url"] == "https://app.example.com"


# --- us-east-1 ------------------------------------------------------------------------------


def test_in_us_east_1_the_stack_provider_serves_cloudfronts_regional_pieces(prod: ProgramRun) -> None:
    assert [p.name for p in prod.of_type(PROVIDER)] == ["aws"]
    stack = prod.one(PROVIDER, "aws").urn
    for resource in (prod.one(WEB_ACL), prod.one(LOG_GROUP, "cdn-waf-logs")):
        assert resource.provider_urn == stack


def test_outside_us_east_1_a_second_provider_with_the_same_tags_serves_them() -> None:
    run = with_region("eu-west-1")
    stack, edge = run.one(PROVIDER, "aws"), run.one(PROVIDER, "aws-us-east-1")
    assert stack.inputs["region"] == "eu-west-1"
    assert edge.inputs["region"] == "us-east-1"
    assert json.loads(edge.inputs["defaultTags"]) == json.loads(stack.inputs["defaultTags"])
    for resource in (
        run.one(WEB_ACL),
        run.one(LOG_GROUP, "cdn-waf-logs"),
        run.one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"),
        run.one("aws:cloudwatch/logDeliverySource:LogDeliverySource"),
        run.one("aws:cloudwatch/logDelivery:LogDelivery"),
        run.one("aws:kms/key:Key", "cdn-edge-key"),
    ):
        assert resource.provider_urn == edge.urn, resource.name
    assert distribution(run).provider_urn == stack.urn
    assert run.one("aws:s3/bucketPolicy:BucketPolicy", "cdn-assets-policy").provider_urn == stack.urn


def test_outside_us_east_1_waf_logs_and_cloudfront_alarms_use_a_protected_us_east_1_key() -> None:
    run = with_region("eu-west-1")
    key = run.one("aws:kms/key:Key", "cdn-edge-key")
    policy = statements(key.inputs["policy"])
    assert key.protect is True
    assert key.inputs["enableKeyRotation"] is True
    assert key.outputs["arn"].startswith("arn:aws:kms:us-east-1:")
    assert policy["CloudWatchLogsEncryptsThisAccountsLogGroups"]["Principal"] == {
        "Service": "logs.us-east-1.amazonaws.com"
    }
    assert "CloudFrontDecryptsOriginObjects" not in policy
    assert run.one(LOG_GROUP, "cdn-waf-logs").inputs["kmsKeyId"] == key.outputs["arn"]
    edge_topic = run.one("aws:sns/topic:Topic", "observability-edge-alarms")
    assert edge_topic.inputs["kmsMasterKeyId"] == key.outputs["arn"]
    alarm = run.one("aws:cloudwatch/metricAlarm:MetricAlarm", "observability-cdn-5xx-rate")
    assert alarm.inputs["alarmActions"] == [edge_topic.outputs["arn"]]


def test_in_us_east_1_there_is_no_second_key(prod: ProgramRun) -> None:
    assert [key.name for key in prod.of_type("aws:kms/key:Key")] == ["encryption-key"]
