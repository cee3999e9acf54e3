"""The compute tier's network rules: what functions and tasks may reach, and who may reach them.

Functions and tasks run in the network tier's workload security group, which starts with no rules.
The data tier adds egress to the database and cache ports; this tier adds only:

* functions in the VPC: 443 to the S3 and DynamoDB prefix lists (the VPC's gateway endpoints);
* 443 to anywhere, through the NAT gateway(s), where workloads call public endpoints: tasks (ECR,
  CloudWatch Logs, Secrets Manager, the identity provider's JWKS), and functions that read the
  cache's token from Secrets Manager;
* ingress from the load balancer's group on the container port (container mode) — from nothing else.
"""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

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
