"""Pulumi mocks that answer like AWS would: realistic ids, ARNs and outputs, and data-source calls.

Used by the test harness and by ``tools.plan``: the program runs unchanged, and every value a
tier reads back (ARNs, subnet ids, endpoints) looks like what AWS returns, so policies and
assertions see real shapes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import pulumi

ACCOUNT_ID = "123456789012"
"""The account every mocked ARN belongs to."""

OutputsFor = Callable[["MockContext", str, dict[str, Any]], dict[str, Any]]


class MockContext:
    """What an output builder knows: the region and a stable suffix per resource."""

    def __init__(self, region: str) -> None:
        self.region = region

    def suffix(self, name: str, length: int = 7) -> str:
        return hashlib.sha256(name.encode()).hexdigest()[:length]

    def physical_name(self, name: str, inputs: dict[str, Any], key: str = "name") -> str:
        """The resource's own name input, or an auto-name like Pulumi's ``<name>-<random>``."""
        given = inputs.get(key)
        return str(given) if given else f"{name}-{self.suffix(name)}"

    def arn(self, service: str, resource: str, *, regional: bool = True, account: bool = True) -> str:
        region = self.region if regional else ""
        owner = ACCOUNT_ID if account else ""
        return f"arn:aws:{service}:{region}:{owner}:{resource}"


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
"""Resource type → extra outputs beyond the inputs. Tiers add the types they read back."""


def resource_id(type_: str, name: str, ctx: MockContext) -> str:
    return f"{name}-{ctx.suffix(type_ + name, 8)}"


def default_outputs(ctx: MockContext, type_: str, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """Outputs every AWS resource has: an ARN of its service, and its own inputs echoed back."""
    package, module, kind = [*type_.split(":"), "", ""][:3]
    if package != "aws":
        return {}
    service = module.split("/")[0]
    return {"arn": ctx.arn(service, f"{kind.lower()}/{ctx.physical_name(name, inputs)}")}


# --- data sources -------------------------------------------------------------------------------

CallFor = Callable[[MockContext, dict[str, Any]], dict[str, Any]]


def _availability_zones(ctx: MockContext, args: dict[str, Any]) -> dict[str, Any]:
    names = [f"{ctx.region}{letter}" for letter in "abcdef"]
    return {"names": names, "zoneIds": [f"use1-az{i}" for i in range(1, 7)], "id": ctx.region}


def _policy_document(ctx: MockContext, args: dict[str, Any]) -> dict[str, Any]:
    document = render_policy_document(args)
    return {"json": json.dumps(document), "minifiedJson": json.dumps(document, separators=(",", ":"))}


CALLS: dict[str, CallFor] = {
    "aws:index/getCallerIdentity:getCallerIdentity": lambda ctx, args: {
        "accountId": ACCOUNT_ID,
        "arn": f"arn:aws:iam::{ACCOUNT_ID}:user/ci",
        "userId": "AIDAEXAMPLE",
        "id": ACCOUNT_ID,
    },
    "aws:index/getPartition:getPartition": lambda ctx, args: {
        "partition": "aws",
        "dnsSuffix": "amazonaws.com",
        "reverseDnsPrefix": "com.amazonaws",
        "id": "aws",
    },
    "aws:index/getRegion:getRegion": lambda ctx, args: {
        "name": ctx.region,
        "region": ctx.region,
        "id": ctx.region,
        "endpoint": f"ec2.{ctx.region}.amazonaws.com",
    },
    "aws:index/getAvailabilityZones:getAvailabilityZones": _availability_zones,
    "aws:iam/getPolicyDocument:getPolicyDocument": _policy_document,
}
"""Invoke token → result. Tiers add the data sources they call."""


def render_policy_document(args: dict[str, Any]) -> dict[str, Any]:
    """What ``aws.iam.get_policy_document`` returns for its arguments (as the provider renders it)."""
    statements = []
    for statement in args.get("statements") or []:
        rendered: dict[str, Any] = {}
        if statement.get("sid"):
            rendered["Sid"] = statement["sid"]
        rendered["Effect"] = statement.get("effect") or "Allow"
        for key, out in (
            ("actions", "Action"),
            ("notActions", "NotAction"),
            ("resources", "Resource"),
            ("notResources", "NotResource"),
        ):
            values = statement.get(key)
            if values:
                rendered[out] = values[0] if len(values) == 1 else sorted(values)
        for key, out in (("principals", "Principal"), ("notPrincipals", "NotPrincipal")):
            principals = statement.get(key)
            if principals:
                rendered[out] = {
                    p["type"]: (p["identifiers"][0] if len(p["identifiers"]) == 1 else sorted(p["identifiers"]))
                    for p in principals
                }
        conditions: dict[str, dict[str, Any]] = {}
        for condition in statement.get("conditions") or []:
            values = condition["values"]
            conditions.setdefault(condition["test"], {})[condition["variable"]] = (
                values[0] if len(values) == 1 else values
            )
        if conditions:
            rendered["Condition"] = conditions
        statements.append(rendered)
    return {"Version": args.get("version") or "2012-10-17", "Statement": statements}


class AwsMocks(pulumi.runtime.Mocks):
    """Mocks for a paved program: inputs echoed, realistic outputs added, data sources answered."""

    def __init__(self, region: str) -> None:
        self.context = MockContext(region)

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        inputs = dict(args.inputs)
        builder = OUTPUTS.get(args.typ)
        if args.typ.startswith("pulumi:providers:"):
            return f"{args.name}-provider-id", inputs
        if not args.custom:
            # Components: a remote one (awsx) returns its own output shape, never its inputs.
            return None, builder(self.context, args.name, inputs) if builder else {}
        outputs = {**default_outputs(self.context, args.typ, args.name, inputs), **inputs}
        if builder is not None:
            outputs.update(builder(self.context, args.name, inputs))
        return outputs.pop("id", None) or resource_id(args.typ, args.name, self.context), outputs

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:  # type: ignore[override]
        handler = CALLS.get(args.token)
        if handler is None:
            raise NotImplementedError(f"no mock for data source {args.token}; add it to tools/mocks.py CALLS")
        return handler(self.context, dict(args.args))
