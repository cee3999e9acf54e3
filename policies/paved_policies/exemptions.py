"""Exemptions: a named policy skips a resource, for a stated reason, until a date.

Pulumi hands each policy only its own config, so exemptions live under the policy they exempt
from, in the standard policy-config file::

    "s3-bucket-versioning-enabled": {
        "enforcementLevel": "mandatory",
        "exemptions": [
            {"name": "legacy-*", "reason": "migrated in ticket OPS-42", "expires": "2026-03-31"},
            {"urn": "urn:pulumi:prod::paved::aws:s3/bucket:Bucket::scratch", "reason": "...", "expires": "..."}
        ]
    }

``urn`` matches one resource exactly; ``name`` is a glob (``fnmatch``) over resource names. An
exemption is active through its ``expires`` day (UTC). While active, the policy's violations for the
matching resources are withheld, and the ``policy-exemptions`` policy lists the exemption as an
advisory so it stays visible. Once expired, the exemption is itself reported as a violation of the
exempted policy, at that policy's enforcement level, and withholds nothing.

``EXEMPTIONS_SCHEMA`` is part of every policy's config schema: the Pulumi CLI (and
``tools.analyzer``) validates the config against it before the pack is configured, so an exemption
without a reason or with a bad date fails before any resource is analyzed. ``parse_exemptions``
checks the same rules again inside the pack and raises ``ExemptionError`` naming the policy, the
entry and the field.
"""

from __future__ import annotations

import datetime
import fnmatch
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

EXEMPTIONS_SCHEMA: Final[dict[str, Any]] = {
    "type": "array",
    "description": "Resources this policy skips: each with urn (exact) or name (glob), reason and expires.",
    "items": {
        "type": "object",
        "properties": {
            "urn": {"type": "string", "pattern": "^urn:pulumi:"},
            "name": {"type": "string", "minLength": 1},
            "reason": {"type": "string", "minLength": 1, "pattern": "\\S"},
            "expires": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        },
        "required": ["reason", "expires"],
        "oneOf": [{"required": ["urn"]}, {"required": ["name"]}],
        "additionalProperties": False,
    },
}
"""JSON schema of a policy's ``exemptions`` config property."""


class ExemptionError(ValueError):
    """An exemption in the policy config is malformed."""


@dataclass(frozen=True)
class Exemption:
    policy: str
    index: int
    reason: str
    expires: datetime.date
    urn: str | None = None
    name: str | None = None

    @property
    def target(self) -> str:
        return f"urn {self.urn}" if self.urn is not None else f"name {self.name!r}"

    def matches(self, urn: str) -> bool:
        if self.urn is not None:
            return urn == self.urn
        return self.name is not None and fnmatch.fnmatchcase(resource_name(urn), self.name)

    def expired(self, today: datetime.date) -> bool:
        return today > self.expires

    def describe(self) -> str:
        return f"exemption #{self.index + 1} of '{self.policy}' for {self.target} (until {self.expires}): {self.reason}"


def resource_name(urn: str) -> str:
    """The resource name: the last ``::`` part of a URN."""
    return urn.rsplit("::", 1)[-1]


def today() -> datetime.date:
    """Today in UTC, the day exemptions expire against."""
    return datetime.datetime.now(datetime.UTC).date()


def parse_exemptions(policy: str, raw: Any) -> tuple[Exemption, ...]:
    """The policy's ``exemptions`` config as ``Exemption``s; ``ExemptionError`` if malformed."""
    if raw is None:
        return ()
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise ExemptionError(f"{policy}.exemptions: must be a list of objects, got {type(raw).__name__}")
    return tuple(_parse_one(policy, index, entry) for index, entry in enumerate(raw))


def _parse_one(policy: str, index: int, entry: Any) -> Exemption:
    where = f"{policy}.exemptions[{index}]"
    if not isinstance(entry, Mapping):
        raise ExemptionError(f"{where}: must be an object with urn or name, reason and expires")
    unknown = sorted(set(entry) - {"urn", "name", "reason", "expires"})
    if unknown:
        raise ExemptionError(f"{where}: unknown field(s) {', '.join(unknown)} (accepted: urn, name, reason, expires)")
    urn, name = entry.get("urn"), entry.get("name")
    if (urn is None) == (name is None):
        raise ExemptionError(f"{where}: give exactly one of urn (a resource URN) or name (a name pattern)")
    if urn is not None and (not isinstance(urn, str) or not urn.startswith("urn:pulumi:")):
        raise ExemptionError(f"{where}.urn: {urn!r} is not a URN (urn:pulumi:<stack>::<project>::<type>::<name>)")
    if name is not None and (not isinstance(name, str) or not name):
        raise ExemptionError(f"{where}.name: must be a non-empty name or glob pattern such as 'legacy-*'")
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise ExemptionError(f"{where}.reason: required — say why the resource is exempt (and a ticket)")
    expires = entry.get("expires")
    try:
        if not isinstance(expires, str) or len(expires) != 10:
            raise ValueError
        day = datetime.date.fromisoformat(expires)
    except ValueError:
        raise ExemptionError(f"{where}.expires: {expires!r} is not a date in YYYY-MM-DD form") from None
    return Exemption(policy=policy, index=index, reason=reason.strip(), expires=day, urn=urn, name=name)


def first_match(exemptions: Sequence[Exemption], urn: str) -> Exemption | None:
    """The first exemption that matches the URN; an active one wins over an expired one."""
    found = [exemption for exemption in exemptions if exemption.matches(urn)]
    if not found:
        return None
    day = today()
    return next((exemption for exemption in found if not exemption.expired(day)), found[0])


@dataclass
class _Seen:
    exemption: Exemption
    urns: set[str] = field(default_factory=set)
    withheld: int = 0


class ExemptionLedger:
    """What this pack process has seen of exemptions, for the advisory listing.

    The CLI starts one pack process per preview or update and sends every resource before the
    stack, so by ``AnalyzeStack`` the ledger holds every exemption of every policy that ran.
    Requests may arrive on several threads; the ledger is locked.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, int], _Seen] = {}

    def configured(self, exemptions: Sequence[Exemption]) -> None:
        with self._lock:
            for exemption in exemptions:
                key = (exemption.policy, exemption.index)
                if key not in self._seen or self._seen[key].exemption != exemption:
                    self._seen[key] = _Seen(exemption)

    def applied(self, exemption: Exemption, urn: str, *, withheld: int) -> None:
        with self._lock:
            seen = self._seen.setdefault((exemption.policy, exemption.index), _Seen(exemption))
            seen.urns.add(urn)
            seen.withheld += withheld

    def active(self) -> list[tuple[Exemption, list[str], int]]:
        """Every exemption seen that has not expired: the exemption, the URNs it matched, and
        how many violations it withheld."""
        day = today()
        with self._lock:
            return [
                (seen.exemption, sorted(seen.urns), seen.withheld)
                for _, seen in sorted(self._seen.items())
                if not seen.exemption.expired(day)
            ]

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()


LEDGER: Final = ExemptionLedger()
"""The process-wide ledger the policy wrappers write and ``policy-exemptions`` reads."""
