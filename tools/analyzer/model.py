"""The analyzer's data model: resources as the engine hands them over, violations, policy info.

Light on imports on purpose (no Pulumi SDK): ``tools.check`` builds these before the pack is up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from tools.policy_config import PolicySetting

MANDATORY: Final = "mandatory"
ADVISORY: Final = "advisory"
UNCATEGORIZED: Final = "uncategorized"
"""The category of a violation whose policy carries none of the pack's category tags."""


class AnalyzerError(RuntimeError):
    """The pack could not be started, answered with an error, or timed out."""


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
    """One policy violation the pack reported, with its policy's category and severity."""

    policy: str
    enforcement: str
    """``mandatory`` or ``advisory`` (DESIGN §7): only a mandatory violation fails the run."""
    urn: str
    """The resource's URN; empty for a stack-wide violation not tied to one resource."""
    resource_type: str
    message: str
    """What is wrong here (the policy's description is not repeated)."""
    category: str = UNCATEGORIZED
    """The policy's category tag (``encryption-at-rest``, ``iam-least-privilege``, ``cost``…)."""
    severity: str = ""

    @property
    def mandatory(self) -> bool:
        return self.enforcement == MANDATORY


@dataclass(frozen=True)
class PolicyInfo:
    """One policy as ``GetAnalyzerInfo`` describes it."""

    name: str
    description: str
    enforcement: str
    severity: str
    tags: tuple[str, ...]
    remediation_steps: str
    config_schema: Mapping[str, Any] | None
    """``{"properties": {...}, "required": [...]}`` as the CLI holds it (``enforcementLevel`` injected);
    None when the pack does not support config."""
    kind: str
    """``resource`` or ``stack``."""
    category: str = UNCATEGORIZED


@dataclass(frozen=True)
class AnalyzerInfo:
    """The pack as ``GetAnalyzerInfo`` describes it (the version from ``PulumiPolicy.yaml`` when set, as the CLI)."""

    name: str
    version: str
    policies: Mapping[str, PolicyInfo]
    supports_config: bool = True
    initial_config: Mapping[str, PolicySetting] = field(default_factory=dict)
