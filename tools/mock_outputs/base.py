"""Shared pieces of the mocks: the mock context, default outputs, and account-level data sources."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

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
"""Account-level data sources every tier may call."""


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
