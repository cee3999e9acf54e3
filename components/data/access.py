"""Security groups for the data tier's servers: one port, admitted only from the workload group."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

from components.outputs import NetworkOutputs


def server_security_group(
    name: str,
    *,
    description: str,
    port: int,
    network: NetworkOutputs,
    opts: pulumi.ResourceOptions,
) -> aws.ec2.SecurityGroup:
    """A security group admitting TCP ``port`` only from the compute tier's workload group.

    The group has no inline rules and no egress (the provider removes AWS's default allow-all
    egress rule): a database or cache never opens connections. The matching egress rule on the
    workload group is added here too, so the pair is complete and owned by the tier that knows
    the port; no rule anywhere names a CIDR block. (AWS accepts only ``a-zA-Z0-9 ._-:/()#,@[]+=&;{}!$*``
    in security group and rule descriptions.)
    """
    group = aws.ec2.SecurityGroup(
        name,
        vpc_id=network.vpc_id,
        description=description,
        revoke_rules_on_delete=True,
        opts=opts,
    )
    aws.vpc.SecurityGroupIngressRule(
        f"{name}-from-workload",
        security_group_id=group.id,
        referenced_security_group_id=network.workload_security_group_id,
        ip_protocol="tcp",
        from_port=port,
        to_port=port,
        description=f"TCP {port} from the compute tier workload security group",
        opts=opts,
    )
    aws.vpc.SecurityGroupEgressRule(
        f"{name}-workload-egress",
        security_group_id=network.workload_security_group_id,
        referenced_security_group_id=group.id,
        ip_protocol="tcp",
        from_port=port,
        to_port=port,
        description=f"Workloads reach TCP {port} on {description}",
        opts=opts,
    )
    return group
