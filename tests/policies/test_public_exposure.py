"""public-exposure: nothing answers the internet unless meant to, and then only on 80/443 through a
load balancer or CloudFront."""

from __future__ import annotations

import pytest
from paved_policies import types as t
from paved_policies.testing import UNKNOWN, Baseline, StackResource

from tests.policies.baselines import (
    ACCOUNT,
    DEFAULT_SECURITY_GROUP,
    DMS_REPLICATION_INSTANCE,
    EBS_SNAPSHOT_BLOCK_PUBLIC_ACCESS,
    EC2_AMI_LAUNCH_PERMISSION,
    EC2_IMAGE_BLOCK_PUBLIC_ACCESS,
    EC2_INSTANCE,
    EC2_LAUNCH_TEMPLATE,
    EKS_CLUSTER,
    ELASTICSEARCH_DOMAIN_POLICY,
    LAMBDA_FUNCTION_URL,
    MQ_BROKER,
    NEPTUNE_CLUSTER_INSTANCE,
    OPENSEARCH_DOMAIN,
    RDS_CLUSTER_INSTANCE,
    RDS_CLUSTER_SNAPSHOT,
    RDS_INSTANCE,
    RDS_SNAPSHOT,
    REDSHIFT_CLUSTER,
    REDSHIFT_SERVERLESS_WORKGROUP,
    S3_BUCKET,
    S3_BUCKET_ACL,
    S3_BUCKET_ACL_V2,
    S3_OBJECT_V2,
    SAGEMAKER_NOTEBOOK,
    SECURITY_GROUP,
    SECURITY_GROUP_INGRESS_RULE,
    SECURITY_GROUP_RULE,
    document,
)
from tests.policies.stack_baseline import WEB_INGRESS, attached, changed, compliant_stack, stack_violations, without

# --- security groups --------------------------------------------------------------------------


def ingress(protocol: str, low: int, high: int, **cidrs: list[str]) -> dict[str, object]:
    return {"protocol": protocol, "fromPort": low, "toPort": high, **cidrs}


def test_ssh_open_to_the_internet_is_reported() -> None:
    rules = [ingress("tcp", 22, 22, cidrBlocks=["0.0.0.0/0"])]
    assert SECURITY_GROUP.violations({"ingress": rules}) == [
        (
            "security-group-no-public-ingress",
            "Security group admits 0.0.0.0/0 on port(s) 22; only 80 and 443 may be open to the internet.",
        )
    ]


def test_every_protocol_open_to_the_ipv6_internet_is_reported_as_every_port() -> None:
    rules = [ingress("-1", 0, 0, ipv6CidrBlocks=["::/0"])]
    assert DEFAULT_SECURITY_GROUP.violations({"ingress": rules}) == [
        (
            "security-group-no-public-ingress",
            "Security group admits ::/0 on port(s) 0-65535; only 80 and 443 may be open to the internet.",
        )
    ]


def test_a_port_range_spanning_80_to_443_is_reported() -> None:
    rules = [ingress("tcp", 80, 443, cidrBlocks=["0.0.0.0/0"])]
    assert SECURITY_GROUP.violations({"ingress": rules}) == [
        (
            "security-group-no-public-ingress",
            "Security group admits 0.0.0.0/0 on port(s) 80-443; only 80 and 443 may be open to the internet.",
        )
    ]


def test_https_open_to_the_internet_is_allowed_on_the_group_itself() -> None:
    assert SECURITY_GROUP.violations({"ingress": WEB_INGRESS}) == []


def test_open_ingress_rule_resource_is_reported() -> None:
    changes = {"fromPort": 5432, "toPort": 5432, "cidrBlocks": ["0.0.0.0/0"]}
    assert SECURITY_GROUP_RULE.violations(changes) == [
        (
            "security-group-no-public-ingress",
            "Security group admits 0.0.0.0/0 on port(s) 5432; only 80 and 443 may be open to the internet.",
        )
    ]


def test_open_egress_rule_resource_is_not_ingress() -> None:
    assert SECURITY_GROUP_RULE.violations({"type": "egress", "cidrBlocks": ["0.0.0.0/0"]}) == []


def test_open_vpc_ingress_rule_is_reported() -> None:
    assert SECURITY_GROUP_INGRESS_RULE.violations({"fromPort": 3389, "toPort": 3389, "cidrIpv4": "0.0.0.0/0"}) == [
        (
            "security-group-no-public-ingress",
            "Security group admits 0.0.0.0/0 on port(s) 3389; only 80 and 443 may be open to the internet.",
        )
    ]


def test_open_rule_with_a_port_unknown_during_preview_is_not_reported() -> None:
    rules = [ingress("tcp", 22, 22, cidrBlocks=["0.0.0.0/0"]) | {"fromPort": UNKNOWN}]
    assert SECURITY_GROUP.violations({"ingress": rules}) == []


def test_web_open_group_used_by_an_instance_is_reported() -> None:
    instance = attached(t.EC2_INSTANCE, "box", "alb-sg", {"instanceType": "t4g.micro"}, prop="vpcSecurityGroupIds")
    assert stack_violations([*compliant_stack(), instance]) == [
        (
            "security-group-web-ports-only-on-load-balancers",
            "box: aws:ec2/instance:Instance uses a security group open to the internet on 80/443 (alb-sg); only "
            "load balancers and CloudFront origins may.",
        )
    ]


def test_web_open_rule_resource_joins_to_its_group_and_reports_the_service_using_it() -> None:
    rule = attached(
        t.SECURITY_GROUP_INGRESS_RULE,
        "web-https",
        "app-sg",
        {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "cidrIpv4": "0.0.0.0/0"},
        prop="securityGroupId",
    )
    service = StackResource(
        "aws:ecs/service:Service",
        "svc",
        {"networkConfiguration": {"securityGroups": [UNKNOWN]}},
        dependencies=["app-sg"],
    )
    resources = [*compliant_stack(), StackResource(t.SECURITY_GROUP, "app-sg"), rule, service]
    assert stack_violations(resources) == [
        (
            "security-group-web-ports-only-on-load-balancers",
            "svc: aws:ecs/service:Service uses a security group open to the internet on 80/443 (app-sg); only "
            "load balancers and CloudFront origins may.",
        )
    ]


def test_egress_rule_of_the_load_balancer_group_is_not_a_use_of_it() -> None:
    egress = attached(
        t.SECURITY_GROUP_EGRESS_RULE,
        "alb-to-tasks",
        "alb-sg",
        {"ipProtocol": "tcp", "fromPort": 8080, "toPort": 8080},
        prop="securityGroupId",
    )
    assert stack_violations([*compliant_stack(), egress]) == []


# --- databases --------------------------------------------------------------------------------

PUBLIC_DATABASE = ("database-not-publicly-accessible", "The database or broker is publicly accessible.")


@pytest.mark.parametrize(
    "baseline",
    [
        RDS_INSTANCE,
        RDS_CLUSTER_INSTANCE,
        NEPTUNE_CLUSTER_INSTANCE,
        REDSHIFT_CLUSTER,
        REDSHIFT_SERVERLESS_WORKGROUP,
        DMS_REPLICATION_INSTANCE,
        MQ_BROKER,
    ],
    ids=lambda baseline: baseline.type,
)
def test_publicly_accessible_database_or_broker_is_reported(baseline: Baseline) -> None:
    assert baseline.violations({"publiclyAccessible": True}) == [PUBLIC_DATABASE]


def test_publicly_accessible_rds_instance_is_reported() -> None:
    assert RDS_INSTANCE.violations({"publiclyAccessible": "true"}) == [PUBLIC_DATABASE]


def test_rds_instance_without_the_setting_is_private_by_default() -> None:
    assert RDS_INSTANCE.violations(without=["publiclyAccessible"]) == []


# --- S3 ---------------------------------------------------------------------------------------


def test_bucket_with_a_public_canned_acl_is_reported() -> None:
    assert S3_BUCKET.violations({"acl": "public-read"}) == [("s3-no-public-acl", "Grants the public ACL public-read.")]


@pytest.mark.parametrize("baseline", [S3_BUCKET_ACL, S3_BUCKET_ACL_V2], ids=["acl", "acl-v2"])
def test_bucket_acl_granting_all_users_is_reported(baseline: Baseline) -> None:
    grants = [
        {
            "permission": "READ",
            "grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"},
        }
    ]
    policy = {"owner": {"id": "owner"}, "grants": grants}
    assert baseline.violations({"accessControlPolicy": policy}, without=["acl"]) == [
        ("s3-no-public-acl", "Grants access to AllUsers or AuthenticatedUsers.")
    ]


def test_object_readable_by_any_authenticated_aws_user_is_reported() -> None:
    assert S3_OBJECT_V2.violations({"acl": "authenticated-read"}) == [
        ("s3-no-public-acl", "Grants the public ACL authenticated-read.")
    ]


def test_public_access_block_with_a_flag_off_is_reported_on_the_block() -> None:
    resources = changed(compliant_stack(), "data-pab", {"blockPublicPolicy": False})
    assert stack_violations(resources) == [
        ("s3-bucket-public-access-block", "data-pab: Public access block leaves a flag off; set all four to true.")
    ]


def test_bucket_without_a_public_access_block_is_reported() -> None:
    assert stack_violations(without(compliant_stack(), "logs-pab")) == [
        ("s3-bucket-public-access-block", "logs: S3 bucket has no public access block.")
    ]


def test_account_public_access_block_covers_every_bucket() -> None:
    account = StackResource(
        t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK,
        "account",
        dict.fromkeys(("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"), True),
    )
    assert stack_violations([*without(compliant_stack(), "data-pab", "logs-pab"), account]) == []


# --- snapshots and images ---------------------------------------------------------------------


def test_ami_shared_with_every_account_is_reported() -> None:
    assert EC2_AMI_LAUNCH_PERMISSION.violations({"group": "all"}, without=["accountId"]) == [
        ("no-public-snapshots-or-images", "Shares the AMI with every AWS account (group all).")
    ]


@pytest.mark.parametrize("baseline", [RDS_SNAPSHOT, RDS_CLUSTER_SNAPSHOT], ids=["instance", "cluster"])
def test_rds_snapshot_shared_with_every_account_is_reported(baseline: Baseline) -> None:
    assert baseline.violations({"sharedAccounts": [ACCOUNT, "all"]}) == [
        ("no-public-snapshots-or-images", "Shares the RDS snapshot with every AWS account (sharedAccounts all).")
    ]


@pytest.mark.parametrize(
    "baseline", [EBS_SNAPSHOT_BLOCK_PUBLIC_ACCESS, EC2_IMAGE_BLOCK_PUBLIC_ACCESS], ids=["snapshots", "images"]
)
def test_unblocking_public_sharing_for_the_region_is_reported(baseline: Baseline) -> None:
    assert baseline.violations({"state": "unblocked"}) == [
        ("no-public-snapshots-or-images", "Turns off the region's block on public sharing (state unblocked).")
    ]


# --- endpoints --------------------------------------------------------------------------------


def test_eks_public_endpoint_open_to_the_internet_by_default_is_reported() -> None:
    assert EKS_CLUSTER.violations({"vpcConfig": {"subnetIds": ["subnet-1"]}}) == [
        (
            "eks-endpoint-restricted",
            "EKS API endpoint is public to the whole internet (publicAccessCidrs defaults to 0.0.0.0/0).",
        )
    ]


def test_eks_public_endpoint_limited_to_named_ranges_passes() -> None:
    config = {"subnetIds": ["subnet-1"], "endpointPublicAccess": True, "publicAccessCidrs": ["203.0.113.0/24"]}
    assert EKS_CLUSTER.violations({"vpcConfig": config}) == []


def test_function_url_without_auth_is_reported() -> None:
    assert LAMBDA_FUNCTION_URL.violations({"authorizationType": "NONE"}) == [
        ("lambda-function-url-requires-auth", "Lambda function URL has authorizationType NONE: anyone can invoke it.")
    ]


def test_opensearch_domain_outside_a_vpc_is_reported() -> None:
    assert OPENSEARCH_DOMAIN.violations(without=["vpcOptions"]) == [
        ("opensearch-domain-not-public", "OpenSearch domain has a public endpoint (no vpcOptions).")
    ]


def test_opensearch_access_policy_open_to_anyone_is_reported() -> None:
    grant = document({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "*"})
    assert ELASTICSEARCH_DOMAIN_POLICY.violations({"accessPolicies": grant}) == [
        ("opensearch-domain-not-public", "OpenSearch access policy grants any principal without a condition.")
    ]


def test_instance_with_a_public_ip_is_reported() -> None:
    assert EC2_INSTANCE.violations({"associatePublicIpAddress": True}) == [
        ("ec2-instance-no-public-ip", "EC2 instance gets a public IP address.")
    ]


def test_launch_template_giving_instances_a_public_ip_is_reported() -> None:
    interfaces = [{"associatePublicIpAddress": "true", "subnetId": "subnet-public-1"}]
    assert EC2_LAUNCH_TEMPLATE.violations({"networkInterfaces": interfaces}) == [
        ("ec2-instance-no-public-ip", "Launch template gives instances a public IP address.")
    ]


def test_notebook_with_direct_internet_access_by_default_is_reported() -> None:
    assert SAGEMAKER_NOTEBOOK.violations(without=["directInternetAccess"]) == [
        (
            "sagemaker-notebook-no-direct-internet",
            "SageMaker notebook instance has direct internet access (directInternetAccess defaults to Enabled).",
        )
    ]
