"""``paved:network``: the VPC, its subnets, NAT gateways and flow logs."""

from __future__ import annotations

import ipaddress
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from components.config.base import LogRetentionDays, Model


class FlowLogs(Model):
    """VPC flow logs, always on, into a log group encrypted with the stack key."""

    retention_days: LogRetentionDays = Field(90, description="How long the flow log group keeps records.")
    traffic_type: Literal["ALL", "ACCEPT", "REJECT"] = Field("ALL", description="Which traffic is recorded.")


class Network(Model):
    """The VPC: public, private and isolated subnets in each availability zone."""

    cidr: str = Field("10.0.0.0/16", description="The VPC's IPv4 block: private (RFC 1918), prefix length /16 to /24.")
    availability_zones: Annotated[int, Field(ge=2, le=6)] = Field(
        3, description="How many availability zones the subnets span."
    )
    nat_strategy: Literal["none", "single", "per-az"] = Field(
        "per-az",
        description="NAT gateways for the private subnets: none, one for the VPC, or one per availability zone.",
    )
    subnet_prefix_length: Annotated[int, Field(ge=20, le=28)] = Field(
        24, description="The prefix length of every subnet; three subnets per zone must fit the VPC block."
    )
    flow_logs: FlowLogs = Field(FlowLogs(), description="VPC flow logs.")

    @field_validator("cidr")
    @classmethod
    def _cidr_is_private_block(cls, value: str) -> str:
        try:
            network = ipaddress.IPv4Network(value, strict=True)
        except ValueError:
            raise ValueError(f"{value!r} is not an IPv4 CIDR block such as 10.0.0.0/16") from None
        if not network.is_private or not 16 <= network.prefixlen <= 24:
            raise ValueError(f"{value!r} must be a private (RFC 1918) block with a prefix length from /16 to /24")
        return value

    @model_validator(mode="after")
    def _subnets_fit(self) -> Network:
        vpc_prefix = int(self.cidr.split("/")[1])
        needed = 3 * self.availability_zones
        if 2 ** (self.subnet_prefix_length - vpc_prefix) < needed:
            raise ValueError(
                f"subnetPrefixLength /{self.subnet_prefix_length} leaves room for fewer than the "
                f"{needed} subnets (public, private, isolated × {self.availability_zones} AZs) "
                f"in {self.cidr}; use a longer prefix or a bigger VPC"
            )
        return self
