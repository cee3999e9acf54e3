"""Mock outputs for the types the network and encryption tiers read back."""

from __future__ import annotations

from typing import Any

from tools.mock_outputs.base import MockContext, OutputsFor


def _vpc_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    zones = inputs.get("availabilityZoneNames") or [f"{ctx.region}{c}" for c in "abc"]
    ids = {
        kind: [f"subnet-{kind[:3]}{ctx.suffix(name + kind + zone, 10)}" for zone in zones]
        for kind in ("public", "private", "isolated")
    }
    return {
        "vpcId": f"vpc-{ctx.suffix(name, 17)}",
        "publicSubnetIds": ids["public"],
        "privateSubnetIds": ids["private"],
        "isolatedSubnetIds": ids["isolated"],
    }


def _kms_key_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    key_id = f"{ctx.suffix(name, 8)}-0000-4000-8000-{ctx.suffix(name + 'k', 12)}"
    return {"keyId": key_id, "arn": ctx.arn("kms", f"key/{key_id}")}


def _log_group_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    group = ctx.physical_name(name, inputs)
    return {"name": group, "arn": ctx.arn("logs", f"log-group:{group}")}


def _iam_role_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    role = ctx.physical_name(name, inputs)
    return {
        "name": role,
        "arn": ctx.arn("iam", f"role/{role}", regional=False),
        "uniqueId": "AROA" + ctx.suffix(name, 17).upper(),
    }


def _security_group_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    group_id = f"sg-{ctx.suffix(name, 17)}"
    return {
        "id": group_id,
        "arn": ctx.arn("ec2", f"security-group/{group_id}"),
        "name": ctx.physical_name(name, inputs),
    }


OUTPUTS: dict[str, OutputsFor] = {
    "awsx:ec2:Vpc": _vpc_outputs,
    "aws:kms/key:Key": _kms_key_outputs,
    "aws:cloudwatch/logGroup:LogGroup": _log_group_outputs,
    "aws:iam/role:Role": _iam_role_outputs,
    "aws:ec2/securityGroup:SecurityGroup": _security_group_outputs,
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": _security_group_outputs,
}
"""Resource type → extra outputs beyond the inputs. """
