"""How a paved policy is declared: one factory, ``define_policy``, for resource and stack policies alike.

A concern module declares module-level validator functions and, for each, a constant::

    <policy_id> = define_policy(
        name="<kebab-case-id>",
        description="Checks that <what holds>.",
        validate=_<validator>,
        resource_types=[t.<TYPE>],
        category=<CATEGORY>,
        severity=Severity.<LEVEL>,
        remediation_steps="<the paved setting that fixes it>",
        equivalents=Equivalents(cdk_nag=("AwsSolutions-<id>",), checkov=("CKV_AWS_<n>",)),
    )

That is all: defining the constant at module level under ``paved_policies`` (or in
``cost.budget_policies``) puts it in the pack (``registry``), and the README's coverage table is
generated from its fields (``coverage``). The factory gives every policy the same wrapping
(``wrapping``): its validator only sees the resource types it covers and exemptions apply; the
default enforcement follows the category, and ``exemptions`` is part of its config schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, overload

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    ResourceValidationPolicy,
    Severity,
    StackValidationPolicy,
)

from paved_policies.exemptions import EXEMPTIONS_SCHEMA
from paved_policies.wrapping import (
    ANY_TYPE,
    Report,
    ResourceValidator,
    StackValidator,
    covers,
    resource_validator,
    stack_validator,
)

__all__ = [
    "ANY_TYPE",
    "CATEGORIES",
    "COST",
    "DATA_PROTECTION",
    "ENCRYPTION_AT_REST",
    "ENCRYPTION_IN_TRANSIT",
    "IAM_LEAST_PRIVILEGE",
    "LOGGING",
    "MANDATORY_BY_DEFAULT",
    "PUBLIC_EXPOSURE",
    "RESOURCE",
    "STACK",
    "TAGGING",
    "Declared",
    "Equivalents",
    "PavedPolicy",
    "PavedResourcePolicy",
    "PavedStackPolicy",
    "Report",
    "ResourceValidator",
    "StackValidator",
    "config_schema",
    "default_enforcement",
    "define_policy",
]

ENCRYPTION_AT_REST: Final = "encryption-at-rest"
ENCRYPTION_IN_TRANSIT: Final = "encryption-in-transit"
IAM_LEAST_PRIVILEGE: Final = "iam-least-privilege"
PUBLIC_EXPOSURE: Final = "public-exposure"
DATA_PROTECTION: Final = "data-protection"
LOGGING: Final = "logging"
TAGGING: Final = "tagging"
COST: Final = "cost"

CATEGORIES: Final = (
    ENCRYPTION_AT_REST,
    ENCRYPTION_IN_TRANSIT,
    IAM_LEAST_PRIVILEGE,
    PUBLIC_EXPOSURE,
    DATA_PROTECTION,
    LOGGING,
    TAGGING,
    COST,
)
"""Every policy carries exactly one of these in its ``tags``; the pack runs them in this order."""

MANDATORY_BY_DEFAULT: Final = frozenset(
    {ENCRYPTION_AT_REST, ENCRYPTION_IN_TRANSIT, IAM_LEAST_PRIVILEGE, PUBLIC_EXPOSURE, COST}
)
"""Encryption, IAM and exposure (issue 3), and the budget caps (cost: DESIGN §5, issue 7)."""

RESOURCE: Final = "resource"
"""``kind`` of a policy that validates one resource at a time (``Analyze``)."""
STACK: Final = "stack"
"""``kind`` of a policy that validates the whole stack at once (``AnalyzeStack``)."""


def default_enforcement(category: str) -> EnforcementLevel:
    """Mandatory for encryption, IAM, exposure and budget; advisory for the rest (overridable per stack)."""
    return EnforcementLevel.MANDATORY if category in MANDATORY_BY_DEFAULT else EnforcementLevel.ADVISORY


_RULE_IDS: Final = {
    "awsguard": re.compile(r"[a-z0-9]+(-[a-z0-9]+)*"),
    "cdk_nag": re.compile(r"AwsSolutions-[A-Z0-9]+[0-9]+"),
    "checkov": re.compile(r"CKV2?_AWS_[0-9]+"),
}


@dataclass(frozen=True)
class Equivalents:
    """The rules of other rule sets that check the same thing, by id (empty: none known).

    ``awsguard``: pulumi-policy-aws (AWSGuard) policy names; ``cdk_nag``: cdk-nag AwsSolutions rule
    ids; ``checkov``: Checkov check ids. A malformed id fails the declaration.
    """

    awsguard: tuple[str, ...] = ()
    cdk_nag: tuple[str, ...] = ()
    checkov: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for rule_set, pattern in _RULE_IDS.items():
            ids = getattr(self, rule_set)
            if isinstance(ids, str):
                raise TypeError(f"Equivalents.{rule_set}: give a tuple of ids, not the string {ids!r}")
            for rule in ids:
                if not pattern.fullmatch(rule):
                    raise ValueError(f"Equivalents.{rule_set}: {rule!r} is not an id of the form {pattern.pattern}")


class Declared:
    """What every paved policy knows besides the SDK's fields: its kind, category, covered types
    and equivalents. Mixed into the SDK's policy classes, so the pack serves them as usual."""

    kind: str
    category: str
    resource_types: frozenset[str]
    types_label: str | None
    """How the coverage table names the types when they are ``*`` (e.g. "every taggable type")."""
    equivalents: Equivalents
    exemptible: bool
    house_rule: bool
    """A preference of paved's beyond a secure AWS default (a customer-managed key where AWS already
    encrypts with its own): advisory outside prod (issue 19), so the configs of non-prod stacks set it
    advisory and an audit of a foreign stack can find it here."""

    def applies_to(self, resource_type: str) -> bool:
        return covers(self.resource_types, resource_type)


class PavedResourcePolicy(Declared, ResourceValidationPolicy):
    """A resource policy declared with ``define_policy``."""


class PavedStackPolicy(Declared, StackValidationPolicy):
    """A stack policy declared with ``define_policy``."""


PavedPolicy = PavedResourcePolicy | PavedStackPolicy


def config_schema(
    properties: Mapping[str, dict[str, Any]] | None = None, *, exemptible: bool = True
) -> PolicyConfigSchema:
    """A policy's config schema: its own properties, and ``exemptions`` unless it cannot be exempted."""
    own = dict(properties or {})
    return PolicyConfigSchema(properties={"exemptions": EXEMPTIONS_SCHEMA, **own} if exemptible else own)


@overload
def define_policy(
    *,
    name: str,
    description: str,
    validate: ResourceValidator,
    resource_types: Iterable[str],
    category: str,
    severity: Severity,
    remediation_steps: str,
    kind: Literal["resource"] = ...,
    equivalents: Equivalents = ...,
    config: Mapping[str, dict[str, Any]] | None = ...,
    types_label: str | None = ...,
    exemptible: bool = ...,
    house_rule: bool = ...,
) -> PavedResourcePolicy: ...


@overload
def define_policy(
    *,
    name: str,
    description: str,
    validate: StackValidator,
    resource_types: Iterable[str],
    category: str,
    severity: Severity,
    remediation_steps: str,
    kind: Literal["stack"],
    equivalents: Equivalents = ...,
    config: Mapping[str, dict[str, Any]] | None = ...,
    types_label: str | None = ...,
    exemptible: bool = ...,
    house_rule: bool = ...,
) -> PavedStackPolicy: ...


def define_policy(
    *,
    name: str,
    description: str,
    validate: ResourceValidator | StackValidator,
    resource_types: Iterable[str],
    category: str,
    severity: Severity,
    remediation_steps: str,
    kind: Literal["resource", "stack"] = RESOURCE,
    equivalents: Equivalents = Equivalents(),
    config: Mapping[str, dict[str, Any]] | None = None,
    types_label: str | None = None,
    exemptible: bool = True,
    house_rule: bool = False,
) -> PavedPolicy:
    """A paved policy.

    ``resource_types``: the types it looks at (resource policies) or reports on (stack policies);
    ``[ANY_TYPE]`` for all. ``config``: JSON schemas of the policy's own config properties.
    ``exemptible=False`` only for the exemption listing itself. ``house_rule=True`` marks a
    preference beyond a secure AWS default (``Declared.house_rule``).
    """
    types = frozenset(resource_types)
    if not types:
        raise ValueError(f"{name}: declare the resource types it covers (or [ANY_TYPE])")
    if category not in CATEGORIES:
        raise ValueError(f"{name}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    common: dict[str, Any] = {
        "name": name,
        "description": description,
        "enforcement_level": default_enforcement(category),
        "config_schema": config_schema(config, exemptible=exemptible),
        "severity": severity,
        "tags": [category],
        "remediation_steps": remediation_steps,
    }
    policy: PavedPolicy
    if kind == RESOURCE:
        wrapped = resource_validator(name, types, validate, exemptible=exemptible)  # type: ignore[arg-type]
        policy = PavedResourcePolicy(validate=wrapped, **common)
    elif kind == STACK:
        policy = PavedStackPolicy(
            validate=stack_validator(name, types, validate, exemptible=exemptible),  # type: ignore[arg-type]
            **common,
        )
    else:
        raise ValueError(f"{name}: kind {kind!r} is not {RESOURCE!r} or {STACK!r}")
    policy.kind = kind
    policy.category = category
    policy.resource_types = types
    policy.types_label = types_label
    policy.equivalents = equivalents
    policy.exemptible = exemptible
    policy.house_rule = house_rule
    return policy
