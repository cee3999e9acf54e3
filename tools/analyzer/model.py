"""The analyzer's data model: resources as the engine hands them over, violations, policy info."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pulumi.runtime.proto import analyzer_pb2

REPO_ROOT: Final = Path(__file__).resolve().parent.parent.parent
POLICIES_DIR: Final = REPO_ROOT / "policies"

ENFORCEMENT_LEVELS: Final = ("advisory", "mandatory", "remediate", "disabled")
CATEGORIES: Final = (
    "encryption-at-rest",
    "encryption-in-transit",
    "iam-least-privilege",
    "public-exposure",
    "data-protection",
    "logging",
    "tagging",
    "cost",
)
_LEVEL_TO_PROTO: Final = {
    "advisory": analyzer_pb2.ADVISORY,
    "mandatory": analyzer_pb2.MANDATORY,
    "remediate": analyzer_pb2.REMEDIATE,
    "disabled": analyzer_pb2.DISABLED,
}
_PROTO_TO_LEVEL: Final = {value: key for key, value in _LEVEL_TO_PROTO.items()}
_PROTO_TO_SEVERITY: Final = {
    analyzer_pb2.POLICY_SEVERITY_UNSPECIFIED: "",
    analyzer_pb2.POLICY_SEVERITY_LOW: "low",
    analyzer_pb2.POLICY_SEVERITY_MEDIUM: "medium",
    analyzer_pb2.POLICY_SEVERITY_HIGH: "high",
    analyzer_pb2.POLICY_SEVERITY_CRITICAL: "critical",
}
_MAX_MESSAGE: Final = 400 * 1024 * 1024


class AnalyzerError(RuntimeError):
    """The pack could not be started, answered with an error, or timed out."""


class PolicyConfigError(ValueError):
    """The policy config is malformed or does not match the pack's config schemas (as the CLI rejects it)."""


@dataclass(frozen=True)
class ProviderRef:
    """The provider a resource is created with, as the analyzer sees it."""

    type: str
    name: str
    urn: str
    properties: Mapping[str, Any] = field(default_factory=dict)
    """The provider's inputs on the wire: non-string values are JSON strings (``defaultTags``)."""


@dataclass
class AnalyzerResource:
    """One resource as the engine hands it to analyzers."""

    urn: str
    type: str
    name: str
    properties: Mapping[str, Any]
    """The engine's camelCase properties; wire forms (unknown sentinels, secret objects) are kept."""
    parent: str = ""
    dependencies: Sequence[str] = ()
    property_dependencies: Mapping[str, Sequence[str]] = field(default_factory=dict)
    provider: ProviderRef | None = None
    protect: bool = False
    retain_on_delete: bool = False
    delete_before_replace: bool | None = None
    ignore_changes: Sequence[str] = ()
    additional_secret_outputs: Sequence[str] = ()
    aliases: Sequence[str] = ()
    custom: bool = True


@dataclass(frozen=True)
class Violation:
    """One diagnostic from the pack."""

    policy: str
    enforcement: str
    """``mandatory``, ``advisory``, ``remediate`` or ``disabled``."""
    urn: str
    """The resource's URN ('' for a stack-level violation)."""
    resource_type: str
    message: str
    """What is wrong here (the policy's description is kept apart in ``description``)."""
    severity: str
    category: str
    description: str = ""

    @property
    def mandatory(self) -> bool:
        return self.enforcement == "mandatory"

    def as_json(self) -> dict[str, str]:
        return {
            "policy": self.policy,
            "enforcement": self.enforcement,
            "urn": self.urn,
            "resource_type": self.resource_type,
            "message": self.message,
            "severity": self.severity,
            "category": self.category,
        }


@dataclass(frozen=True)
class PolicyInfo:
    name: str
    description: str
    enforcement: str
    severity: str
    tags: tuple[str, ...]
    remediation_steps: str
    config_schema: Mapping[str, Any]
    """``{"properties": {...}, "required": [...]}`` as the pack declares it."""
    kind: str
    """``resource`` or ``stack``."""

    @property
    def category(self) -> str:
        return next((tag for tag in self.tags if tag in CATEGORIES), "")


@dataclass(frozen=True)
class AnalyzerInfo:
    name: str
    version: str
    policies: Mapping[str, PolicyInfo]
