"""Find and read a policy config file the way ``pulumi preview --policy-pack-config`` does.

The format is Pulumi's policy pack config file: a JSON object whose keys are policy names (or
``all``) and whose values are an enforcement level, or an object of config properties with an
optional ``enforcementLevel``. Like the CLI, an empty file means no config. A bad file is an
``InputError`` naming the file and the key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.errors import InputError

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = REPO_ROOT / "policies" / "config"
ENFORCEMENT_LEVELS = ("advisory", "mandatory", "remediate", "disabled")
ALL_POLICIES = "all"
"""The key that sets every policy's enforcement level."""


@dataclass(frozen=True)
class PolicyConfig:
    """A policy config as the pack's ``Configure`` call receives it, and the file it came from."""

    path: Path | None
    policies: dict[str, Any] = field(default_factory=dict)
    """Policy name → enforcement level string, or config object (``enforcementLevel`` optional)."""

    def enforcement_level(self, policy: str) -> str | None:
        entry = self.policies.get(policy)
        if isinstance(entry, dict):
            entry = entry.get("enforcementLevel")
        return entry if isinstance(entry, str) else None

    def properties(self, policy: str) -> dict[str, Any]:
        entry = self.policies.get(policy)
        if not isinstance(entry, dict):
            return {}
        return {key: value for key, value in entry.items() if key != "enforcementLevel"}


def default_path(stack: str) -> Path:
    return CONFIG_DIR / f"{stack}.json"


def resolve_policy_config(stack: str, explicit: Path | None) -> PolicyConfig:
    """``explicit`` when given (it must exist), else ``policies/config/<stack>.json`` when it exists."""
    if explicit is not None:
        return read_policy_config(explicit)
    path = default_path(stack)
    return read_policy_config(path) if path.is_file() else PolicyConfig(path=None)


def read_policy_config(path: Path) -> PolicyConfig:
    where = f"policy config {path}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{where}: is a directory, expected a JSON file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{where}: cannot be read ({error})") from None
    if not text.strip():
        return PolicyConfig(path=path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    if not isinstance(document, dict):
        raise InputError(f"{where}: expected a JSON object of policy names to settings")
    for name, entry in document.items():
        _check_entry(where, name, entry)
    return PolicyConfig(path=path, policies=document)


def _check_entry(where: str, name: str, entry: Any) -> None:
    accepted = ", ".join(repr(level) for level in ENFORCEMENT_LEVELS)
    if isinstance(entry, str):
        level: Any = entry
    elif isinstance(entry, dict):
        if "enforcementLevel" not in entry:
            return
        level = entry["enforcementLevel"]
    else:
        raise InputError(f"{where}: {name!r}: expected an enforcement level or an object of settings")
    if level not in ENFORCEMENT_LEVELS:
        raise InputError(f"{where}: {name!r}: {level!r} is not an enforcement level (accepted: {accepted})")
