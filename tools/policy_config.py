"""Find and read a policy config file the way ``pulumi preview --policy-pack-config FILE`` reads it.

Restates pulumi/pulumi at pkg/v3.187.0 (the minimum CLI the README names):
``pkg/resource/analyzer/config.go`` — ``LoadPolicyPackConfigFromFile``, ``parsePolicyPackConfig``,
``extractEnforcementLevel`` — and ``sdk/go/common/apitype/policy.go`` (``EnforcementLevel.IsValid``).
The file is a JSON object of policy name (or ``all``) → an enforcement level, or an object of
properties with an optional ``enforcementLevel``. The CLI's rules, with its messages:

- an empty (or blank) file is no config; so is JSON ``null`` (Go decodes it into a nil map);
- a document that is not an object: ``json: cannot unmarshal array into Go value of type map[string]interface {}``;
- a string value must be a level: ``parsing enforcement level for "all": "strict" is not a valid enforcement level``;
- an object's ``enforcementLevel`` must be a string and a level (``... 1 is not a valid enforcement level;
  must be a string``); it is taken out of the properties;
- any other value: ``parsing "p": 3 is not a valid value; must be a string or object``;
- an entry with neither a level nor properties (``{}``) is dropped.

Where several keys are bad the CLI names one at random (Go map order); this names the first in the
file. JSON syntax errors keep Python's line and column rather than Go's wording. Merging in the
policies' defaults and validating against their schemas needs the pack: ``tools.policy_reconcile``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools import POLICY_CONFIG_DIR, REPO_ROOT
from tools.errors import InputError, read_json_text
from tools.go_format import go_quote, go_value

ENFORCEMENT_LEVELS = ("advisory", "mandatory", "remediate", "disabled")
"""``apitype.EnforcementLevel``'s valid values."""
ALL_POLICIES = "all"
"""The key whose enforcement level applies to every policy of the pack."""
ENFORCEMENT_LEVEL_KEY = "enforcementLevel"
GO_JSON_KINDS = {list: "array", str: "string", bool: "bool", int: "number", float: "number"}
"""What ``json.UnmarshalTypeError`` calls a JSON value of each kind."""


class PolicyConfigParseError(ValueError):
    """The document is not a policy config; the message is the CLI's."""


@dataclass(frozen=True)
class PolicySetting:
    """One key's setting, as the CLI's ``plugin.AnalyzerPolicyConfig``."""

    level: str = ""
    """An enforcement level, or ``""`` when the key sets none."""
    properties: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PolicyConfig:
    """A policy config file as the CLI parsed it, and where it came from."""

    path: Path | None
    settings: Mapping[str, PolicySetting] = field(default_factory=dict)

    def properties(self, policy: str) -> Mapping[str, Any]:
        setting = self.settings.get(policy)
        return setting.properties if setting is not None else {}

    def described(self, stack: str) -> str:
        """How messages name this config: the file, or the default file that does not exist."""
        if self.path is not None:
            return f"policy config {self.path}"
        default = default_path(stack).relative_to(REPO_ROOT)
        return f"no policy config for stack {stack} ({default} does not exist; pass --policy-config)"


def default_path(stack: str) -> Path:
    return POLICY_CONFIG_DIR / f"{stack}.json"


def resolve_policy_config(stack: str, explicit: Path | None) -> PolicyConfig:
    """``explicit`` when given (it must exist), else ``policies/config/<stack>.json`` when it exists."""
    if explicit is not None:
        return read_policy_config(explicit)
    path = default_path(stack)
    return read_policy_config(path) if path.is_file() else PolicyConfig(path=None)


def read_policy_config(path: Path) -> PolicyConfig:
    """The file's settings; ``InputError`` naming the file, with the CLI's message, when it is not a config."""
    where = f"policy config {path}"
    text = read_json_text(path, where)
    try:
        return PolicyConfig(path=path, settings=parse_policy_config(text))
    except PolicyConfigParseError as error:
        raise InputError(f"{where}: {error}") from None


def parse_policy_config(text: str) -> dict[str, PolicySetting]:
    """``parsePolicyPackConfig``: the settings in a policy config file's text."""
    if not text.strip():
        return {}
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise PolicyConfigParseError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    return settings_of(document)


def _no_constant(name: str) -> Any:
    """Go's JSON has no NaN or Infinity: its scanner stops at their first letter."""
    if name.startswith("-"):
        raise PolicyConfigParseError("invalid character 'I' in numeric literal")
    raise PolicyConfigParseError(f"invalid character {name[0]!r} looking for beginning of value")


def settings_of(document: Any) -> dict[str, PolicySetting]:
    """The settings in a decoded policy config document (``None`` is no config, as for the CLI)."""
    if document is None:
        return {}
    if not isinstance(document, Mapping):
        kind = GO_JSON_KINDS.get(type(document), "value")
        raise PolicyConfigParseError(f"json: cannot unmarshal {kind} into Go value of type map[string]interface {{}}")
    settings: dict[str, PolicySetting] = {}
    for key, value in document.items():
        setting = _setting(key, value)
        if setting.level or setting.properties:  # "Don't bother including empty configs."
            settings[key] = setting
    return settings


def _setting(key: str, value: Any) -> PolicySetting:
    if isinstance(value, str):
        if value not in ENFORCEMENT_LEVELS:
            raise PolicyConfigParseError(
                f"parsing enforcement level for {go_quote(key)}: {go_quote(value)} is not a valid enforcement level"
            )
        return PolicySetting(level=value)
    if isinstance(value, Mapping):
        properties = dict(value)
        return PolicySetting(level=_extract_level(key, properties), properties=properties)
    raise PolicyConfigParseError(
        f"parsing {go_quote(key)}: {go_value(value)} is not a valid value; must be a string or object"
    )


def _extract_level(key: str, properties: dict[str, Any]) -> str:
    """``extractEnforcementLevel``: the object's level, removed from its properties."""
    if ENFORCEMENT_LEVEL_KEY not in properties:
        return ""
    level = properties.pop(ENFORCEMENT_LEVEL_KEY)
    prefix = f"parsing enforcement level for {go_quote(key)}"
    if not isinstance(level, str):
        raise PolicyConfigParseError(f"{prefix}: {go_value(level)} is not a valid enforcement level; must be a string")
    if level not in ENFORCEMENT_LEVELS:
        raise PolicyConfigParseError(f"{prefix}: {go_quote(level)} is not a valid enforcement level")
    return level
