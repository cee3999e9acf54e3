"""The network tier: an awsx VPC with public, private and isolated subnets, flow logs, endpoints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws
import pulumi_awsx as awsx

from components.account import AwsAccount
from components.config.network import Network as NetworkSettings
from components.outputs import NetworkOutputs

NAT_STRATEGIES: dict[str, awsx.ec2.NatGatewayStrategy] = {
    "none": awsx.ec2.NatGatewayStrategy.NONE,
    "single": awsx.ec2.NatGatewayStrategy.SINGLE,
    "per-az": awsx.ec2.NatGatewayStrategy.ONE_PER_AZ,
}
"""paved's NAT strategy names → awsx's."""

GATEWAY_ENDPOINT_SERVICES = ("s3", "dynamodb")
"""Services reached through free gateway endpoints instead of a NAT gateway."""


@dataclass(frozen=True, kw_only=True)
class NetworkArgs:
    settings: NetworkSettings
    account: AwsAccount
    key_arn: pulumi.Input[str]


class Network(pulumi.ComponentResource):
    """VPC, subnets by kind, NAT per strategy, encrypted flow logs, gateway endpoints, and a
    locked-down default security group. Also holds the workload security group the compute
    tier runs in, so the data tier can admit it without a cycle between the two tiers."""

    vpc_id: pulumi.Output[str]
    public_subnet_ids: pulumi.Output[Sequence[str]]
    private_subnet_ids: pulumi.Output[Sequence[str]]
    isolated_subnet_ids: pulumi.Output[Sequence[str]]
    workload_security_group_id: pulumi.Output[str]
    flow_log_group_name: pulumi.Output[str]

    def __init__(self, name: str, args: NetworkArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("paved:network:Network", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        settings = args.settings
        self.availability_zones = self._pick_availability_zones(settings.availability_zones)

        vpc = awsx.ec2.Vpc(
            f"{name}-vpc",
            cidr_block=settings.cidr,
            availability_zone_names=self.availability_zones,
            subnet_strategy=awsx.ec2.SubnetAllocationStrategy.AUTO,
            subnet_specs=subnet_specs(settings.subnet_prefix_length),
            nat_gateways=awsx.ec2.NatGatewayConfigurationArgs(strategy=NAT_STRATEGIES[settings.nat_strategy]),
            enable_dns_hostnames=True,
            enable_dns_support=True,
            vpc_endpoint_strategy=awsx.ec2.VpcEndpointStrategy.AUTO,
            vpc_endpoint_specs=[
                awsx.ec2.VpcEndpointSpecArgs(
                    service_name=f"com.amazonaws.{args.account.region}.{service}",
                    vpc_endpoint_type="Gateway",
                )
                for service in GATEWAY_ENDPOINT_SERVICES
            ],
            opts=child.merge(pulumi.ResourceOptions(providers={"aws": self._aws_provider()})),
        )

        aws.ec2.DefaultSecurityGroup(f"{name}-default-sg", vpc_id=vpc.vpc_id, ingress=[], egress=[], opts=child)
        workload_sg = aws.ec2.SecurityGroup(
            f"{name}-workload-sg",
            vpc_id=vpc.vpc_id,
            description="paved compute tier: functions and tasks; rules are added by the tiers",
            revoke_rules_on_delete=True,
            opts=child,
        )
        log_group = self._flow_logs(name, args, vpc.vpc_id, child)

        self.vpc_id = vpc.vpc_id
        self.public_subnet_ids = vpc.public_subnet_ids
        self.private_subnet_ids = vpc.private_subnet_ids
        self.isolated_subnet_ids = vpc.isolated_subnet_ids
        self.workload_security_group_id = workload_sg.id
        self.flow_log_group_name = log_group.name
        self.outputs = NetworkOutputs(
            vpc_id=vpc.vpc_id,
            public_subnet_ids=vpc.public_subnet_ids,
            private_subnet_ids=vpc.private_subnet_ids,
            isolated_subnet_ids=vpc.isolated_subnet_ids,
            workload_security_group_id=workload_sg.id,
            vpc_cidr=settings.cidr,
            availability_zones=self.availability_zones,
            nat_strategy=settings.nat_strategy,
        )
        self.register_outputs(
            {
                "vpcId": self.vpc_id,
                "publicSubnetIds": self.public_subnet_ids,
                "privateSubnetIds": self.private_subnet_ids,
                "isolatedSubnetIds": self.isolated_subnet_ids,
                "workloadSecurityGroupId": self.workload_security_group_id,
            }
        )

    def _pick_availability_zones(self, count: int) -> list[str]:
        """The first ``count`` available, opt-in-free AZs of the region, in name order."""
        zones = aws.get_availability_zones(
            state="available",
            filters=[{"name": "opt-in-status", "values": ["opt-in-not-required"]}],
            opts=pulumi.InvokeOptions(parent=self),
        )
        names = sorted(zones.names)
        if len(names) < count:
            raise pulumi.RunError(
                f"paved:network.availabilityZones: {count} requested but the region offers "
                f"{len(names)} ({', '.join(names)})"
            )
        return names[:count]

    def _aws_provider(self) -> pulumi.ProviderResource:
        """The stack provider this tier was given; awsx needs it passed on explicitly."""
        provider = self.get_provider("aws:index:Provider")
        if provider is None:
            raise pulumi.RunError("Network needs the stack's AWS provider in opts.providers")
        return provider

    def _flow_logs(
        self,
        name: str,
        args: NetworkArgs,
        vpc_id: pulumi.Output[str],
        child: pulumi.ResourceOptions,
    ) -> aws.cloudwatch.LogGroup:
        account = args.account
        log_group = aws.cloudwatch.LogGroup(
            f"{name}-flow-logs",
            retention_in_days=args.settings.flow_logs.retention_days,
            kms_key_id=args.key_arn,
            opts=child,
        )
        role = aws.iam.Role(
            f"{name}-flow-logs-role",
            description="Lets VPC Flow Logs deliver this VPC's records to its log group",
            assume_role_policy=pulumi.Output.json_dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "vpc-flow-logs.amazonaws.com"},
                            "Action": "sts:AssumeRole",
                            "Condition": {
                                "StringEquals": {"aws:SourceAccount": account.account_id},
                                "ArnLike": {"aws:SourceArn": account.arn("ec2", "vpc-flow-log/*")},
                            },
                        }
                    ],
                }
            ),
            opts=child,
        )
        aws.iam.RolePolicy(
            f"{name}-flow-logs-delivery",
            role=role.id,
            policy=pulumi.Output.json_dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Action": [
                                "logs:CreateLogStream",
                                "logs:PutLogEvents",
                                "logs:DescribeLogStreams",
                            ],
                            "Resource": [
                                log_group.arn,
                                pulumi.Output.concat(log_group.arn, ":log-stream:*"),
                            ],
                        }
                    ],
                }
            ),
            opts=child,
        )
        aws.ec2.FlowLog(
            f"{name}-flow-log",
            vpc_id=vpc_id,
            traffic_type=args.settings.flow_logs.traffic_type,
            log_destination_type="cloud-watch-logs",
            log_destination=log_group.arn,
            iam_role_arn=role.arn,
            max_aggregation_interval=600,
            opts=child,
        )
        return log_group


def subnet_specs(prefix_length: int) -> list[awsx.ec2.SubnetSpecArgs]:
    """One public, one private and one isolated subnet per AZ, all of the same size."""
    return [
        awsx.ec2.SubnetSpecArgs(type=kind, cidr_mask=prefix_length)
        for kind in (
            awsx.ec2.SubnetType.PUBLIC,
            awsx.ec2.SubnetType.PRIVATE,
            awsx.ec2.SubnetType.ISOLATED,
        )
    ]
