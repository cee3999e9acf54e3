"""The usage profile: how much a stack is used, for the services billed by use rather than by the hour.

A profile is a set of sections (``lambda``, ``dynamodb``, ``s3`` …), each a few numbers that apply to
every resource of that kind (per function, per table, per bucket …). It lives in the policy config,
in the ``budget-monthly-cost-within-cap`` entry under ``usage``; any number can be overridden there,
for the whole stack (``usage.<section>.<key>``) or for one resource by its logical name
(``usage.resources.<name>.<section>.<key>``). ``DEFAULTS`` below is the baseline; the README's table
is generated from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

_D = Decimal


@dataclass(frozen=True)
class Setting:
    default: Decimal
    description: str


DEFAULTS: dict[str, dict[str, Setting]] = {
    "time": {"hoursPerMonth": Setting(_D(730), "hours in a month, for everything billed by the hour")},
    "lambda": {
        "invocationsPerMonth": Setting(_D(1_000_000), "invocations per function"),
        "averageDurationMs": Setting(_D(100), "average billed duration per invocation, ms"),
    },
    "apiGateway": {"requestsPerMonth": Setting(_D(1_000_000), "requests per HTTP, REST or WebSocket API")},
    "loadBalancer": {
        "averageLcu": Setting(_D(1), "average load balancer capacity units per load balancer"),
        "classicDataGbPerMonth": Setting(_D(10), "GB processed per classic load balancer"),
    },
    "nat": {"dataGbPerMonth": Setting(_D(10), "GB processed per NAT gateway")},
    "vpcEndpoint": {"dataGbPerMonth": Setting(_D(1), "GB processed per interface endpoint")},
    "cloudfront": {
        "requestsPerMonth": Setting(_D(1_000_000), "HTTPS requests per distribution (also per CloudFront function)"),
        "transferGbPerMonth": Setting(_D(10), "GB sent to viewers per distribution"),
    },
    "waf": {"requestsPerMonth": Setting(_D(1_000_000), "requests inspected per web ACL")},
    "dynamodb": {
        "writesPerMonth": Setting(_D(1_000_000), "write request units per table (each GSI adds as many)"),
        "readsPerMonth": Setting(_D(5_000_000), "read request units per table"),
        "storageGb": Setting(_D(1), "GB stored per table (also the PITR backup size)"),
    },
    "s3": {
        "storageGb": Setting(_D(5), "GB stored per bucket (Standard)"),
        "putRequestsPerMonth": Setting(_D(10_000), "PUT, COPY, POST and LIST requests per bucket"),
        "getRequestsPerMonth": Setting(_D(100_000), "GET and other requests per bucket"),
    },
    "logs": {
        "ingestGbPerMonth": Setting(_D(1), "GB ingested per log group (stored for its retention)"),
        "deliveredGbPerMonth": Setting(
            _D(1), "GB delivered per log delivery (vended logs: CloudFront standard logs v2)"
        ),
    },
    "database": {
        "activeHoursPerMonth": Setting(
            _D(730), "hours a serverless database is active (Aurora Serverless v2 with min capacity 0 pauses otherwise)"
        ),
        "averageAcu": Setting(_D(1), "average Aurora capacity units while active"),
        "storageGb": Setting(_D(10), "GB stored per Aurora cluster"),
        "ioRequestsPerMonth": Setting(_D(10_000_000), "I/O requests per Aurora Standard cluster"),
        "backupGbBeyondFree": Setting(
            _D(0), "backup storage beyond the free amount (100 % of the database's storage), per database"
        ),
    },
    "cognito": {"monthlyActiveUsers": Setting(_D(1_000), "monthly active users per user pool")},
    "kms": {"requestsPerMonth": Setting(_D(100_000), "API requests per key")},
    "secretsManager": {"apiCallsPerMonth": Setting(_D(10_000), "API calls per secret")},
    "sns": {"publishesPerMonth": Setting(_D(1_000), "messages published per topic (each delivered per subscription)")},
    "sqs": {"requestsPerMonth": Setting(_D(1_000_000), "requests per queue")},
    "ecr": {"storageGb": Setting(_D(2), "GB of images per repository")},
    "backup": {"storageGb": Setting(_D(20), "GB of recovery points per backup vault")},
    "route53": {"queriesPerMonth": Setting(_D(1_000_000), "standard queries per hosted zone (alias queries are free)")},
    "ses": {"inboundMailsPerMonth": Setting(_D(1_000), "mails received per receipt rule")},
    "eksFargate": {
        "podsPerProfile": Setting(_D(1), "pods running per EKS Fargate profile"),
        "vcpuPerPod": Setting(_D("0.25"), "vCPU per Fargate pod"),
        "memoryGbPerPod": Setting(_D("0.5"), "GB of memory per Fargate pod"),
    },
    "redshift": {"managedStorageGb": Setting(_D(100), "GB of RA3 managed storage per cluster")},
    "redshiftServerless": {
        "activeHoursPerMonth": Setting(
            _D(30), "hours a Redshift Serverless workgroup runs queries at its base capacity"
        )
    },
    "kinesis": {
        "putUnitsPerMonth": Setting(_D(10_000_000), "25 KB PUT payload units per provisioned stream"),
        "ingestGbPerMonth": Setting(_D(10), "GB written per on-demand stream"),
        "retrievalGbPerMonth": Setting(_D(10), "GB read per on-demand stream"),
    },
    "stepFunctions": {
        "transitionsPerMonth": Setting(_D(100_000), "state transitions per standard state machine"),
        "expressRequestsPerMonth": Setting(_D(100_000), "executions per express state machine"),
        "expressDurationMs": Setting(_D(1_000), "average duration of an express execution, ms"),
        "expressMemoryMb": Setting(_D(64), "memory billed per express execution, MB (64 at least)"),
    },
    "eventBridge": {"customEventsPerMonth": Setting(_D(1_000_000), "custom events published per event bus")},
    "efs": {"storageGb": Setting(_D(10), "GB stored per file system")},
    "ebsSnapshot": {"storageGb": Setting(_D(10), "GB per snapshot whose volume size is not in the stack")},
    "documentdb": {
        "storageGb": Setting(_D(10), "GB stored per DocumentDB cluster"),
        "ioRequestsPerMonth": Setting(_D(10_000_000), "I/O requests per DocumentDB cluster"),
    },
    "cloudtrail": {
        "dataEventsPerMonth": Setting(_D(1_000_000), "data events recorded per trail with data event selectors"),
        "insightEventsPerMonth": Setting(_D(10_000), "Insights events per trail with Insights enabled"),
    },
    "config": {
        "itemsPerMonth": Setting(_D(1_000), "configuration items recorded per recorder"),
        "evaluationsPerMonth": Setting(_D(10_000), "evaluations per Config rule"),
    },
    "transfer": {"dataGbPerMonth": Setting(_D(10), "GB uploaded and downloaded per Transfer Family server")},
    "transitGateway": {"dataGbPerMonth": Setting(_D(10), "GB processed per transit gateway VPC attachment")},
    "containerInsights": {
        "metricsPerCluster": Setting(_D(30), "custom metrics Container Insights publishes per ECS cluster"),
        "logGbPerCluster": Setting(_D(1), "GB of performance log events per ECS cluster"),
    },
}
"""Section → key → default, per resource of that kind."""


class UsageError(ValueError):
    """A usage profile in the policy config is malformed; the message names the key."""


@dataclass(frozen=True)
class UsageProfile:
    values: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    """Stack-wide overrides of ``DEFAULTS``."""
    per_resource: Mapping[str, Mapping[str, Mapping[str, Decimal]]] = field(default_factory=dict)
    """Logical resource name → section → key → value."""

    def get(self, section: str, key: str, resource_name: str = "") -> Decimal:
        own = self.per_resource.get(resource_name, {}).get(section, {})
        if key in own:
            return own[key]
        stack = self.values.get(section, {})
        if key in stack:
            return stack[key]
        return DEFAULTS[section][key].default

    @property
    def hours(self) -> Decimal:
        return self.get("time", "hoursPerMonth")

    @classmethod
    def from_config(cls, config: Mapping[str, Any] | None) -> UsageProfile:
        """A profile from the policy config's ``usage`` object; raises ``UsageError`` naming a bad key."""
        if not config:
            return cls()
        if not isinstance(config, Mapping):
            raise UsageError("usage: must be an object of sections")
        values = {
            section: _section(f"usage.{section}", section, body)
            for section, body in config.items()
            if section != "resources"
        }
        resources = config.get("resources") or {}
        if not isinstance(resources, Mapping):
            raise UsageError("usage.resources: must be an object keyed by logical resource name")
        per_resource = {
            str(name): {
                section: _section(f"usage.resources.{name}.{section}", section, body)
                for section, body in _sections(f"usage.resources.{name}", sections).items()
            }
            for name, sections in resources.items()
        }
        return cls(values=values, per_resource=per_resource)


def _sections(where: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise UsageError(f"{where}: must be an object of sections ({', '.join(DEFAULTS)})")
    return value


def _section(where: str, section: str, body: Any) -> dict[str, Decimal]:
    if section not in DEFAULTS:
        raise UsageError(f"{where}: unknown section (accepted: {', '.join(DEFAULTS)}, resources)")
    if not isinstance(body, Mapping):
        raise UsageError(f"{where}: must be an object ({', '.join(DEFAULTS[section])})")
    result: dict[str, Decimal] = {}
    for key, value in body.items():
        if key not in DEFAULTS[section]:
            raise UsageError(f"{where}.{key}: unknown key (accepted: {', '.join(DEFAULTS[section])})")
        result[key] = _number(f"{where}.{key}", value)
    return result


def _number(where: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise UsageError(f"{where}: {value!r} is not a number")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise UsageError(f"{where}: {value!r} is not a number") from None
    if not number.is_finite() or number < 0:
        raise UsageError(f"{where}: {value!r} must be zero or more")
    return number


def usage_json_schema() -> dict[str, Any]:
    """The JSON schema of the ``usage`` object, for the policy's ``config_schema``."""
    sections = {
        section: {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                key: {"type": "number", "minimum": 0, "description": setting.description}
                for key, setting in settings.items()
            },
        }
        for section, settings in DEFAULTS.items()
    }
    return {
        "type": "object",
        "description": "Baseline usage per resource for the services billed by use; see policies/cost/README.md.",
        "additionalProperties": False,
        "properties": {
            **sections,
            "resources": {
                "type": "object",
                "description": "Overrides for one resource, by logical name: {name: {section: {key: number}}}.",
                "additionalProperties": {"type": "object", "additionalProperties": False, "properties": sections},
            },
        },
    }


def defaults_markdown() -> str:
    """The README's table of defaults (a test fails when the README drifts from it)."""
    rows = ["| key | default | per … / meaning |", "|---|---|---|"]
    for section, settings in DEFAULTS.items():
        for key, setting in settings.items():
            rows.append(f"| `{section}.{key}` | {setting.default:,} | {setting.description} |")
    return "\n".join(rows)
