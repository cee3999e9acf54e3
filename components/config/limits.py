"""The limits a stack's config shares with its policy config, read from ``policies/config/<stack>.json``.

The policy config is the one source of these values: the pack reads it (``pulumi preview
--policy-pack-config``), and the program reads the same file from the repository, so the config
rules refuse a stack config that the pack would then refuse on these values (DESIGN §3: no
deploy-time surprises). The pack stays self-contained; it never imports this.

Only mandatory limits are enforced here (an advisory policy warns, it does not stop a plan), and
none whose entry lists ``exemptions`` (the pack decides which resources those spare). For
entries the file leaves out, the pack's own defaults apply; ``PACK_DEFAULTS`` mirrors them, and a
test compares the mirror with the pack's policies. The file is read as the Pulumi CLI reads a
policy pack config (pulumi/pulumi v3.187.0 ``pkg/resource/analyzer/config.go``
``parsePolicyPackConfig`` and ``applyConfig``): each entry is an enforcement level or an object
with ``enforcementLevel`` and properties; an ``all`` entry sets every policy's level first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

POLICY_CONFIG_DIR = Path(__file__).resolve().parents[2] / "policies" / "config"

BACKUP_POLICY = "backup-retention-minimum"
FAMILIES_POLICY = "budget-instance-families-allowed"
CAP_POLICIES = ("budget-monthly-cost-within-cap", "budget-resource-present")
MANDATORY = "mandatory"
ADVISORY = "advisory"
ENFORCEMENT_LEVELS = ("advisory", "mandatory", "remediate", "disabled")


@dataclass(frozen=True)
class PackDefault:
    """What the pack does with a policy the policy config leaves out."""

    enforcement: str
    properties: Mapping[str, Any]


PACK_DEFAULTS: Mapping[str, PackDefault] = {
    BACKUP_POLICY: PackDefault(ADVISORY, {"minimumDays": 7}),
    FAMILIES_POLICY: PackDefault(
        MANDATORY, {"allowedInstanceFamilies": ["t4g", "m7g", "r7g", "c7g", "m6g", "r6g", "c6g", "db.serverless"]}
    ),
    CAP_POLICIES[0]: PackDefault(MANDATORY, {}),
    CAP_POLICIES[1]: PackDefault(MANDATORY, {}),
}
"""The pack's default enforcement level and properties of each policy read here (tested against the pack)."""


class PolicyConfigError(ValueError):
    """The policy config file cannot be read; the message names the file and the entry."""


@dataclass(frozen=True)
class Cap:
    policy: str
    monthly_usd: Decimal


@dataclass(frozen=True)
class PolicyLimits:
    """The mandatory limits of one stack's policy config; ``None``/empty where none applies."""

    source: str
    """Where they come from, as users name it: ``policies/config/prod.json``."""
    backup_minimum_days: int | None = None
    allowed_families: tuple[str, ...] | None = None
    caps: tuple[Cap, ...] = ()


NO_LIMITS = PolicyLimits(source="")
"""A stack without a policy config file: the pack then runs on its defaults, which the config does not check."""


def limits_for_stack(stack: str, directory: Path = POLICY_CONFIG_DIR) -> PolicyLimits:
    """The limits of ``policies/config/<stack>.json``, or ``NO_LIMITS`` when the stack has none."""
    path = directory / f"{stack}.json"
    if not path.is_file():
        return NO_LIMITS
    source = f"{directory.parent.name}/{directory.name}/{path.name}"
    return limits_from_document(_read(path, source), source)


def limits_from_document(document: Mapping[str, Any], source: str) -> PolicyLimits:
    """The mandatory limits of a parsed policy config."""
    entries = effective_entries(document, source)
    backup = entries[BACKUP_POLICY]
    families = entries[FAMILIES_POLICY]
    return PolicyLimits(
        source=source,
        backup_minimum_days=_whole_days(backup, source) if backup.enforcement == MANDATORY else None,
        allowed_families=_families(families, source) if families.enforcement == MANDATORY else None,
        caps=tuple(
            Cap(policy, _cap(entries[policy], source))
            for policy in CAP_POLICIES
            if entries[policy].enforcement == MANDATORY and "maxMonthlyUsd" in entries[policy].properties
        ),
    )


@dataclass(frozen=True)
class Entry:
    policy: str
    enforcement: str
    properties: Mapping[str, Any]


def effective_entries(document: Mapping[str, Any], source: str) -> dict[str, Entry]:
    """Each policy read here with the pack's defaults, then ``all``, then its own entry applied; an entry
    with exemptions counts as advisory here, as the pack alone knows which resources they spare."""
    everything = _parse_entry("all", document.get("all", {}), source)[0]
    entries: dict[str, Entry] = {}
    for policy, default in PACK_DEFAULTS.items():
        level, properties = _parse_entry(policy, document.get(policy, {}), source)
        enforcement = level or everything or default.enforcement
        entries[policy] = Entry(
            policy=policy,
            enforcement=ADVISORY if properties.get("exemptions") else enforcement,
            properties={**default.properties, **properties},
        )
    return entries


def _parse_entry(policy: str, value: Any, source: str) -> tuple[str | None, dict[str, Any]]:
    if isinstance(value, str):
        return _level(policy, value, source), {}
    if not isinstance(value, dict):
        raise PolicyConfigError(f"{source}: {policy}: {value!r} is not a valid value; must be a string or object")
    properties = dict(value)
    level = properties.pop("enforcementLevel", None)
    return (None if level is None else _level(policy, level, source)), properties


def _level(policy: str, value: Any, source: str) -> str:
    if value not in ENFORCEMENT_LEVELS:
        raise PolicyConfigError(
            f"{source}: {policy}.enforcementLevel: {value!r} is not a valid enforcement level "
            f"(accepted: {', '.join(ENFORCEMENT_LEVELS)})"
        )
    return str(value)


def _whole_days(entry: Entry, source: str) -> int:
    value = entry.properties.get("minimumDays")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PolicyConfigError(f"{source}: {entry.policy}.minimumDays: {value!r} is not a number of days")
    return int(-(-value // 1))  # a minimum of 7.5 days needs 8 whole days


def _families(entry: Entry, source: str) -> tuple[str, ...]:
    value = entry.properties.get("allowedInstanceFamilies")
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        raise PolicyConfigError(
            f"{source}: {entry.policy}.allowedInstanceFamilies: {value!r} is not a list of instance families"
        )
    return tuple(value)


def _cap(entry: Entry, source: str) -> Decimal:
    value = entry.properties["maxMonthlyUsd"]
    try:
        cap = Decimal(str(value))
    except InvalidOperation:
        cap = Decimal("NaN")
    if isinstance(value, bool) or not cap.is_finite() or cap <= 0:
        raise PolicyConfigError(f"{source}: {entry.policy}.maxMonthlyUsd: {value!r} is not a positive number of USD")
    return cap


def _read(path: Path, source: str) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise PolicyConfigError(f"{source}: not valid JSON (line {error.lineno})") from None
    if not isinstance(document, dict):
        raise PolicyConfigError(f"{source}: expected an object of policy entries")
    return document


def family_of(instance_class: str) -> str:
    """The family an instance class belongs to: ``db.t4g.micro`` → ``db.t4g``, ``t4g.micro`` → ``t4g``."""
    service, _, rest = instance_class.partition(".")
    if service in ("db", "cache") and rest:
        return f"{service}.{rest.split('.')[0]}"
    return service


def is_allowed(instance_class: str, families: tuple[str, ...]) -> bool:
    """Whether an allowed family covers the class: ``t4g`` covers every service's t4g, ``db.t4g`` only RDS's."""
    family = family_of(instance_class)
    _, _, bare = family.rpartition(".")
    return family in families or (family != bare and bare in families)
