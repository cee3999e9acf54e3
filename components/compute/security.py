"""The compute tier's network rules: what functions and tasks may reach, and who may reach them.

Functions and tasks run in the network tier's workload security group, which starts with no rules.
The data tier adds egress to the database and cache ports; this tier adds only:

* 443 to the S3 and DynamoDB prefix lists (the VPC's gateway endpoints), always;
* 443 to anywhere when the stack has a NAT gateway and its workloads call public AWS endpoints
  (tasks: ECR, CloudWatch Logs, Secrets Manager, the identity provider's JWKS);
* 443 to a Secrets Manager interface endpoint when a function must read a secret and there is no NAT;
* ingress from the load balancer's group on the container port (container mode) — from nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.compute import iam
from components.outputs import NetworkOutputs

HTTPS = 443
GATEWAY_SERVICES = ("s3", "dynamodb")
CLOUDFRONT_ORIGIN_FACING = "com.amazonaws.global.cloudfront.origin-facing"
"""CloudFront's managed prefix list of origin-facing addresses (counts as 55 rules: one rule per group fits)."""


def prefix_list_id(name: str, parent: pulumi.Resource) -> pulumi.Output[str]:
    found = aws.ec2.get_managed_prefix_list_output(name=name, opts=pulumi.InvokeOutputOptions(parent=parent))
    return found.id


def gateway_endpoint_egress(name: str, network: NetworkOutputs, region: str, parent: pulumi.Resource) -> None:
    """HTTPS from workloads to S3 and DynamoDB through the VPC's gateway endpoints."""
    for service in GATEWAY_SERVICES:
        aws.vpc.SecurityGroupEgressRule(
            f"{name}-to-{service}",
            security_group_id=network.workload_security_group_id,
            prefix_list_id=prefix_list_id(f"com.amazonaws.{region}.{service}", parent),
            ip_protocol="tcp",
            from_port=HTTPS,
            to_port=HTTPS,
            description=f"HTTPS to {service} through the gateway endpoint",
            opts=pulumi.ResourceOptions(parent=parent),
        )


def public_endpoint_egress(name: str, network: NetworkOutputs, reason: str, parent: pulumi.Resource) -> None:
    """HTTPS from workloads to public AWS endpoints through the NAT gateway(s)."""
    aws.vpc.SecurityGroupEgressRule(
        f"{name}-to-https",
        security_group_id=network.workload_security_group_id,
        cidr_ipv4="0.0.0.0/0",
        ip_protocol="tcp",
        from_port=HTTPS,
        to_port=HTTPS,
        description=f"HTTPS through the NAT gateway: {reason}",
        opts=pulumi.ResourceOptions(parent=parent),
    )


def secrets_manager_endpoint(
    name: str,
    *,
    network: NetworkOutputs,
    account: AwsAccount,
    subnet_ids: pulumi.Input[Sequence[str]],
    secret_arns: Sequence[pulumi.Input[str]],
    parent: pulumi.Resource,
) -> aws.ec2.VpcEndpoint:
    """An interface endpoint for Secrets Manager that serves only GetSecretValue on these secrets."""
    child = pulumi.ResourceOptions(parent=parent)
    group = aws.ec2.SecurityGroup(
        f"{name}-sg",
        vpc_id=network.vpc_id,
        description="paved compute tier: Secrets Manager endpoint, HTTPS from workloads only",
        revoke_rules_on_delete=True,
        opts=child,
    )
    aws.vpc.SecurityGroupIngressRule(
        f"{name}-from-workload",
        security_group_id=group.id,
        referenced_security_group_id=network.workload_security_group_id,
        ip_protocol="tcp",
        from_port=HTTPS,
        to_port=HTTPS,
        description="HTTPS from the compute tier workload security group",
        opts=child,
    )
    aws.vpc.SecurityGroupEgressRule(
        f"{name}-workload-egress",
        security_group_id=network.workload_security_group_id,
        referenced_security_group_id=group.id,
        ip_protocol="tcp",
        from_port=HTTPS,
        to_port=HTTPS,
        description="HTTPS to the Secrets Manager endpoint",
        opts=child,
    )
    policy = iam.document(
        [
            {
                "Sid": "OnlyThisStacksSecrets",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "secretsmanager:GetSecretValue",
                "Resource": list(secret_arns),
                "Condition": {"StringEquals": {"aws:PrincipalAccount": account.account_id}},
            }
        ]
    )
    return aws.ec2.VpcEndpoint(
        name,
        vpc_id=network.vpc_id,
        service_name=f"com.amazonaws.{account.region}.secretsmanager",
        vpc_endpoint_type="Interface",
        private_dns_enabled=True,
        subnet_ids=subnet_ids,
        security_group_ids=[group.id],
        policy=policy,
        opts=child,
    )
