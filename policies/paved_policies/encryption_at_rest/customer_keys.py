"""encryption-at-rest, customer-managed keys: where AWS encrypts with a key of its own unless told
otherwise, paved prefers the stack's customer-managed key (a house rule: advisory outside prod,
issue 19). Which property takes the key on each type, and what AWS uses without one, is data
(``data/customer_keys.json``): adding a type or updating a default is a change there.

The pack's older per-service rules (``cloudwatch-log-group-encrypted-with-kms`` …) keep their ids;
this rule covers every other type the data lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies.policy import ENCRYPTION_AT_REST, Equivalents, Report, define_policy
from paved_policies.props import at, each_at, items, truth
from paved_policies.unknown import UNKNOWN, Unknown

KEYS_FILE: Final = Path(__file__).resolve().parent.parent / "data" / "customer_keys.json"

_AWS_MANAGED_ALIAS: Final = re.compile(r"(^|[:/])alias/aws/")


def names_aws_managed_key(value: object) -> bool:
    """Whether a key property names an AWS managed key by its alias (``alias/aws/sns``, or its ARN)."""
    return isinstance(value, str) and _AWS_MANAGED_ALIAS.search(value) is not None


def key_problem(key: str, value: object) -> str | None:
    """What is wrong with a key property's value, ``None`` if it names a customer key (or is unknown)."""
    if value is UNKNOWN:
        return None
    if value is None or value == "":
        return f"{key} is not set"
    if names_aws_managed_key(value):
        return f"{key} names the AWS managed key {value}"
    return None


@dataclass(frozen=True)
class KeySpec:
    """One place a type takes a customer-managed key (an entry of ``data/customer_keys.json``)."""

    type: str
    what: str
    key: str
    each: str | None
    when: dict[str, Any] | None
    selector: dict[str, Any] | None
    includes: dict[str, Any] | None
    unless: tuple[str, ...]
    required: bool
    rules: tuple[str, ...]

    @classmethod
    def from_json(cls, entry: dict[str, Any]) -> KeySpec:
        return cls(
            type=entry["type"],
            what=entry["what"],
            key=entry["key"],
            each=entry.get("each"),
            when=entry.get("when"),
            selector=entry.get("selector"),
            includes=entry.get("includes"),
            unless=tuple(entry.get("unless", ())),
            required=entry.get("required", True),
            rules=tuple(entry["rules"]),
        )


@cache
def key_specs() -> tuple[KeySpec, ...]:
    document = json.loads(KEYS_FILE.read_text(encoding="utf-8"))
    return tuple(KeySpec.from_json(entry) for entry in document["entries"])


@cache
def specs_by_type() -> dict[str, tuple[KeySpec, ...]]:
    found: dict[str, list[KeySpec]] = {}
    for spec in key_specs():
        found.setdefault(spec.type, []).append(spec)
    return {type_: tuple(specs) for type_, specs in found.items()}


def _applies(condition: dict[str, Any] | None, scope: object) -> bool | None:
    """Whether a ``when`` condition holds on ``scope``; ``None`` if it cannot be known."""
    if condition is None:
        return True
    value = at(scope, condition["path"])
    if value is UNKNOWN:
        return None
    if "equals" in condition:
        expected = condition["equals"]
        return truth(value) is expected if isinstance(expected, bool) else value == expected
    if "in" in condition:
        return value in condition["in"]
    if "not_in" in condition:
        return value not in condition["not_in"]
    if condition.get("present"):
        return value is not None
    if condition.get("not_empty"):
        return bool(items(value)) if not isinstance(value, dict) else bool(value)
    raise ValueError(f"{KEYS_FILE.name}: unknown condition {condition!r}")


def _selector_problem(selector: dict[str, Any] | None, scope: object) -> str | None:
    if selector is None:
        return None
    value = at(scope, selector["path"])
    if value is UNKNOWN or value in selector["customer"]:
        return None
    return f"{selector['path']} is {value if value not in (None, '') else 'not set'}"


def _includes_problem(includes: dict[str, Any] | None, scope: object) -> str | None:
    if includes is None:
        return None
    listed = at(scope, includes["path"])
    if listed is UNKNOWN or UNKNOWN in items(listed):
        return None
    if includes["value"] in items(listed):
        return None
    return f"{includes['path']} does not include {includes['value']}"


def scope_problem(spec: KeySpec, scope: object) -> str | None:
    """Why ``scope`` (the resource, or one item of ``spec.each``) lacks a customer key, or ``None``."""
    if scope is UNKNOWN or any(at(scope, path) not in (None, UNKNOWN) for path in spec.unless):
        return None
    if _applies(spec.when, scope) is not True:
        return None
    problem = _selector_problem(spec.selector, scope) or _includes_problem(spec.includes, scope)
    if problem is not None:
        return problem
    value = at(scope, spec.key)
    if not spec.required and value in (None, ""):
        return None
    return key_problem(spec.key, value)


def spec_problem(spec: KeySpec, props: object) -> str | None:
    """Why the resource lacks the customer key ``spec`` describes, or ``None``."""
    if spec.each is None:
        return scope_problem(spec, props)
    scopes = each_at(props, spec.each)
    if isinstance(scopes, Unknown):
        return None
    for index, scope in enumerate(scopes):
        problem = scope_problem(spec, scope)
        if problem is not None:
            return f"{spec.each}[{index}].{problem}"
    return None


def _customer_key(args: ResourceValidationArgs, report: Report) -> None:
    for spec in specs_by_type().get(args.resource_type, ()):
        problem = spec_problem(spec, args.props)
        if problem is not None:
            report(f"{spec.what}: not encrypted with a customer-managed KMS key ({problem}).")


def _rule_ids(prefix: str, specs: Iterable[KeySpec]) -> tuple[str, ...]:
    return tuple(sorted({rule for spec in specs for rule in spec.rules if rule.startswith(prefix)}))


encrypted_with_customer_managed_key = define_policy(
    name="encrypted-with-customer-managed-key",
    description=(
        "Checks that resources AWS would encrypt with a key of its own name a customer-managed KMS key "
        "instead (data/customer_keys.json: where each type takes it, and AWS's default)."
    ),
    validate=_customer_key,
    resource_types=sorted(specs_by_type()),
    category=ENCRYPTION_AT_REST,
    severity=Severity.LOW,
    remediation_steps=(
        "Set the key property the message names to a customer-managed KMS key (the stack key, "
        "components/encryption.py), so its key policy scopes and CloudTrail records every use. A house "
        "rule: advisory outside prod (policies/config/dev.json)."
    ),
    equivalents=Equivalents(
        cdk_nag=_rule_ids("AwsSolutions-", key_specs()),
        checkov=_rule_ids("CKV", key_specs()),
    ),
    house_rule=True,
)
