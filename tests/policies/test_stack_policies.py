"""Stack policies join resources through property dependencies, dependencies, then known ids."""

from __future__ import annotations

import json

from paved_policies.registry import all_policies
from paved_policies.testing import UNKNOWN, StackResource, stack_args, violations

POLICY = {policy.name: policy for policy in all_policies()}
BUCKET = "aws:s3/bucket:Bucket"
SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
SSE_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"
PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy"
VERSIONING = "aws:s3/bucketVersioning:BucketVersioning"
LOGGING = "aws:s3/bucketLogging:BucketLogging"
VPC = "aws:ec2/vpc:Vpc"
AWSX_VPC = "awsx:ec2:Vpc"
FLOW_LOG = "aws:ec2/flowLog:FlowLog"
SG = "aws:ec2/securityGroup:SecurityGroup"

KMS_RULES: list[dict[str, object]] = [
    {"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": "k"}, "bucketKeyEnabled": True}
]
AES_RULES: list[dict[str, object]] = [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "AES256"}}]
TLS_ONLY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }
        ],
    }
)
ALL_BLOCKED = dict.fromkeys(("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"), True)


def sse(name: str, bucket: str, rules: list[dict[str, object]], type_: str = SSE) -> StackResource:
    """An SSE configuration pointing at ``bucket`` as in a preview: id unknown, dependency known."""
    return StackResource(type_, name, {"bucket": UNKNOWN, "rules": rules}, property_dependencies={"bucket": [bucket]})


def test_bucket_without_sse_configuration_is_reported() -> None:
    args = stack_args(
        [StackResource(BUCKET, "data"), StackResource(BUCKET, "logs"), sse("logs-sse", "logs", KMS_RULES)]
    )
    assert violations(POLICY["s3-bucket-server-side-encryption"], args) == [
        "data: S3 bucket has no server-side encryption configuration."
    ]


def test_sse_configuration_found_through_the_property_dependency_while_the_id_is_unknown() -> None:
    args = stack_args([StackResource(BUCKET, "data"), sse("data-sse", "data", KMS_RULES)])
    assert violations(POLICY["s3-bucket-server-side-encryption"], args) == []
    assert violations(POLICY["s3-bucket-encrypted-with-kms"], args) == []


def test_sse_configuration_found_by_known_bucket_id_without_dependencies() -> None:
    args = stack_args(
        [
            StackResource(BUCKET, "data", {"bucket": "data-1a2b3c"}),
            StackResource(SSE_V2, "data-sse", {"bucket": "data-1a2b3c", "rules": AES_RULES}),
        ]
    )
    assert violations(POLICY["s3-bucket-server-side-encryption"], args) == []
    assert violations(POLICY["s3-bucket-encrypted-with-kms"], args) == [
        "data: S3 bucket is encrypted with AES256, not a KMS key (aws:kms)."
    ]


def test_sse_configuration_found_through_a_lone_dependency() -> None:
    args = stack_args(
        [
            StackResource(BUCKET, "data"),
            StackResource(SSE, "data-sse", {"bucket": UNKNOWN, "rules": KMS_RULES}, dependencies=["data"]),
        ]
    )
    assert violations(POLICY["s3-bucket-server-side-encryption"], args) == []


def test_unresolvable_unknown_reference_never_yields_a_violation() -> None:
    args = stack_args(
        [StackResource(BUCKET, "data"), StackResource(SSE, "mystery-sse", {"bucket": UNKNOWN, "rules": AES_RULES})]
    )
    assert violations(POLICY["s3-bucket-server-side-encryption"], args) == []
    assert violations(POLICY["s3-bucket-encrypted-with-kms"], args) == []


def test_inline_legacy_sse_configuration_counts() -> None:
    inline = {
        "serverSideEncryptionConfiguration": {
            "rule": {"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}}
        }
    }
    args = stack_args([StackResource(BUCKET, "data", inline)])
    assert violations(POLICY["s3-bucket-server-side-encryption"], args) == []
    assert violations(POLICY["s3-bucket-encrypted-with-kms"], args) == []


def test_bucket_without_tls_only_policy_is_reported_and_with_one_passes() -> None:
    policy = StackResource(
        BUCKET_POLICY,
        "data-policy",
        {"bucket": UNKNOWN, "policy": TLS_ONLY},
        property_dependencies={"bucket": ["data"]},
    )
    args = stack_args([StackResource(BUCKET, "data"), StackResource(BUCKET, "other"), policy])
    assert violations(POLICY["s3-bucket-tls-only"], args) == [
        "other: S3 bucket has no bucket policy denying requests without TLS (aws:SecureTransport)."
    ]


def test_bucket_policy_document_unknown_during_preview_is_not_reported() -> None:
    policy = StackResource(
        BUCKET_POLICY, "data-policy", {"bucket": UNKNOWN, "policy": UNKNOWN}, property_dependencies={"bucket": ["data"]}
    )
    assert violations(POLICY["s3-bucket-tls-only"], stack_args([StackResource(BUCKET, "data"), policy])) == []


def test_public_access_block_missing_or_partial_is_reported() -> None:
    partial = StackResource(
        PAB,
        "a-pab",
        {**ALL_BLOCKED, "bucket": UNKNOWN, "blockPublicPolicy": False},
        property_dependencies={"bucket": ["a"]},
    )
    full = StackResource(PAB, "b-pab", {**ALL_BLOCKED, "bucket": UNKNOWN}, property_dependencies={"bucket": ["b"]})
    args = stack_args(
        [StackResource(BUCKET, "a"), StackResource(BUCKET, "b"), StackResource(BUCKET, "c"), partial, full]
    )
    assert violations(POLICY["s3-bucket-public-access-block"], args) == [
        "a-pab: Public access block leaves a flag off; set all four to true.",
        "c: S3 bucket has no public access block.",
    ]


def test_account_public_access_block_covers_every_bucket() -> None:
    account = StackResource("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", ALL_BLOCKED)
    assert violations(POLICY["s3-bucket-public-access-block"], stack_args([StackResource(BUCKET, "a"), account])) == []


def test_versioning_by_resource_or_inline() -> None:
    enabled = StackResource(
        VERSIONING,
        "a-v",
        {"bucket": UNKNOWN, "versioningConfiguration": {"status": "Enabled"}},
        property_dependencies={"bucket": ["a"]},
    )
    suspended = StackResource(
        VERSIONING,
        "b-v",
        {"bucket": UNKNOWN, "versioningConfiguration": {"status": "Suspended"}},
        property_dependencies={"bucket": ["b"]},
    )
    inline = StackResource(BUCKET, "c", {"versioning": {"enabled": True}})
    args = stack_args(
        [StackResource(BUCKET, "a"), StackResource(BUCKET, "b"), inline, StackResource(BUCKET, "d"), enabled, suspended]
    )
    assert violations(POLICY["s3-bucket-versioning-enabled"], args) == [
        "b: S3 bucket is not versioned: an overwrite or delete loses the object.",
        "d: S3 bucket is not versioned: an overwrite or delete loses the object.",
    ]


def test_access_logs_required_except_on_the_log_bucket() -> None:
    logging = StackResource(
        LOGGING,
        "data-logging",
        {"bucket": UNKNOWN, "targetBucket": UNKNOWN},
        property_dependencies={"bucket": ["data"], "targetBucket": ["logs"]},
    )
    args = stack_args(
        [StackResource(BUCKET, "data"), StackResource(BUCKET, "logs"), StackResource(BUCKET, "scratch"), logging]
    )
    assert violations(POLICY["s3-bucket-access-logs"], args) == ["scratch: S3 bucket writes no server access logs."]


def test_vpc_without_flow_log_is_reported() -> None:
    args = stack_args([StackResource(VPC, "vpc", {"cidrBlock": "10.0.0.0/16"})])
    assert violations(POLICY["vpc-flow-logs-enabled"], args) == ["vpc: VPC has no flow log."]


def test_flow_log_on_an_awsx_vpc_covers_it_and_its_child_vpc() -> None:
    flow_log = StackResource(
        FLOW_LOG, "flow", {"vpcId": UNKNOWN, "trafficType": "ALL"}, property_dependencies={"vpcId": ["net"]}
    )
    args = stack_args([StackResource(AWSX_VPC, "net"), StackResource(VPC, "net-vpc", parent="net"), flow_log])
    assert violations(POLICY["vpc-flow-logs-enabled"], args) == []


def test_awsx_vpc_without_flow_log_is_reported_once() -> None:
    args = stack_args([StackResource(AWSX_VPC, "net"), StackResource(VPC, "net-vpc", parent="net")])
    assert violations(POLICY["vpc-flow-logs-enabled"], args) == ["net: VPC has no flow log."]


def test_cloudfront_logs_by_legacy_config_or_log_delivery() -> None:
    cf = "aws:cloudfront/distribution:Distribution"
    delivery = StackResource(
        "aws:cloudwatch/logDeliverySource:LogDeliverySource",
        "cdn-logs",
        {"resourceArn": UNKNOWN},
        property_dependencies={"resourceArn": ["b"]},
    )
    args = stack_args(
        [
            StackResource(cf, "a", {"loggingConfig": {"bucket": "logs.s3.amazonaws.com"}}),
            StackResource(cf, "b"),
            StackResource(cf, "c"),
            delivery,
        ]
    )
    assert violations(POLICY["cloudfront-access-logs-enabled"], args) == [
        "c: CloudFront distribution writes no access logs."
    ]


def test_web_open_security_group_on_an_instance_is_reported_but_not_on_a_load_balancer() -> None:
    web = {"ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]}]}
    args = stack_args(
        [
            StackResource(SG, "web", web),
            StackResource(
                "aws:lb/loadBalancer:LoadBalancer",
                "alb",
                {"securityGroups": [UNKNOWN]},
                property_dependencies={"securityGroups": ["web"]},
            ),
            StackResource(
                "aws:ec2/instance:Instance",
                "box",
                {"vpcSecurityGroupIds": [UNKNOWN]},
                property_dependencies={"vpcSecurityGroupIds": ["web"]},
            ),
        ]
    )
    assert violations(POLICY["security-group-web-ports-only-on-load-balancers"], args) == [
        "box: aws:ec2/instance:Instance uses a security group open to the internet on 80/443 (web); "
        "only load balancers and CloudFront origins may."
    ]


def test_egress_rule_of_a_web_open_load_balancer_group_is_not_a_use_of_it() -> None:
    web = {"ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]}]}
    egress = StackResource(
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        "alb-to-tasks",
        {"securityGroupId": UNKNOWN, "ipProtocol": "tcp", "fromPort": 8080, "toPort": 8080},
        property_dependencies={"securityGroupId": ["web"]},
    )
    alb = StackResource(
        "aws:lb/loadBalancer:LoadBalancer",
        "alb",
        {"securityGroups": [UNKNOWN]},
        property_dependencies={"securityGroups": ["web"]},
    )
    args = stack_args([StackResource(SG, "web", web), alb, egress])
    assert violations(POLICY["security-group-web-ports-only-on-load-balancers"], args) == []


def test_web_open_rule_resource_joins_to_its_group() -> None:
    rule = StackResource(
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "web-https",
        {"securityGroupId": UNKNOWN, "ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "cidrIpv4": "0.0.0.0/0"},
        property_dependencies={"securityGroupId": ["web"]},
    )
    task = StackResource(
        "aws:ecs/service:Service", "svc", {"networkConfiguration": {"securityGroups": [UNKNOWN]}}, dependencies=["web"]
    )
    args = stack_args([StackResource(SG, "web"), rule, task])
    assert [v.split(":")[0] for v in violations(POLICY["security-group-web-ports-only-on-load-balancers"], args)] == [
        "svc"
    ]


def test_log_delivery_target_bucket_may_use_sse_s3_but_others_need_kms() -> None:
    logging = StackResource(
        LOGGING,
        "data-logging",
        {"bucket": UNKNOWN, "targetBucket": UNKNOWN},
        property_dependencies={"bucket": ["data"], "targetBucket": ["logs"]},
    )
    args = stack_args(
        [
            StackResource(BUCKET, "data"),
            StackResource(BUCKET, "logs"),
            sse("data-sse", "data", AES_RULES),
            sse("logs-sse", "logs", AES_RULES),
            logging,
        ]
    )
    assert violations(POLICY["s3-bucket-encrypted-with-kms"], args) == [
        "data: S3 bucket is encrypted with AES256, not a KMS key (aws:kms)."
    ]


def test_load_balancer_access_log_bucket_may_use_sse_s3() -> None:
    balancer = StackResource(
        "aws:lb/loadBalancer:LoadBalancer",
        "alb",
        {"accessLogs": {"bucket": UNKNOWN, "enabled": True}},
        property_dependencies={"accessLogs": ["logs"]},
    )
    args = stack_args([StackResource(BUCKET, "logs"), sse("logs-sse", "logs", AES_RULES), balancer])
    assert violations(POLICY["s3-bucket-encrypted-with-kms"], args) == []
