"""The policy config the CLI hands the pack's ``Configure``: defaults merged, then validated as the CLI does.

Restates pulumi/pulumi at pkg/v3.187.0 (the minimum CLI the README names):

- ``pkg/resource/analyzer/config.go``: ``createConfigWithDefaults``, ``ReconcilePolicyPackConfig``,
  ``applyConfig``, ``validatePolicyPackConfig``, ``validatePolicyConfig``, ``convertSchema``;
- ``sdk/go/common/resource/plugin/analyzer_plugin.go``: ``GetAnalyzerInfo`` (when the pack supports
  config, every policy's schema gains an ``enforcementLevel`` property) and ``Configure`` (every
  entry needs a valid level);
- ``pkg/engine/update.go``, ``installAndLoadPolicyPlugins``: how the errors are reported.

The rules, in the CLI's order:

1. Every policy starts at its default enforcement level with the ``default`` of each property of its
   config schema.
2. The pack's initial config, then the file's settings, are applied: an ``all`` key that has a level
   sets every policy's level (its properties go nowhere); then each key sets its own level, if it has
   one, and overlays its properties.
3. A key that names no policy is kept and sent (the pack ignores it), but it must carry a level of
   its own: ``configuring policy pack "paved" at "policies": invalid enforcement level ""``.
4. Each policy's merged properties are validated against ``{"type": "object", "properties": …,
   "required": …}`` with gojsonschema (``tools.json_schema``). Every error is reported, sorted, as
   ``validating policy config: <pack> <version>  <policy>: <field>: <error>`` (the CLI prints one per
   line and fails with ``validating policy config``; here they share one line, joined by ``; ``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tools.analyzer.model import AnalyzerInfo, PolicyInfo
from tools.go_format import go_quote
from tools.json_schema import ROOT, validate
from tools.policy_config import ALL_POLICIES, ENFORCEMENT_LEVELS, PolicySetting


class PolicyConfigRefusedError(ValueError):
    """The CLI would refuse this policy config; the message is the CLI's."""


def configuration(
    info: AnalyzerInfo, given: Mapping[str, PolicySetting], *, pack_path: str, has_file: bool = True
) -> dict[str, PolicySetting]:
    """What the CLI sends to ``Configure`` for ``given``; ``PolicyConfigRefusedError`` where the CLI refuses it."""
    if not info.supports_config:
        if has_file:
            raise PolicyConfigRefusedError(
                f"policy pack {go_quote(info.name)} at {go_quote(pack_path)} does not support config"
            )
        return {}
    reconciled = reconcile(info, given)
    for setting in reconciled.values():
        if setting.level not in ENFORCEMENT_LEVELS:
            raise PolicyConfigRefusedError(
                f"configuring policy pack {go_quote(info.name)} at {go_quote(pack_path)}: "
                f"invalid enforcement level {go_quote(setting.level)}"
            )
    return reconciled


def reconcile(info: AnalyzerInfo, given: Mapping[str, PolicySetting]) -> dict[str, PolicySetting]:
    """``ReconcilePolicyPackConfig``: defaults, the initial config, ``given``; then validated."""
    result = _apply(_apply(_defaults(info), info.initial_config), given)
    errors = sorted(
        f"validating policy config: {info.name} {info.version}  {error}" for error in validation_errors(info, result)
    )
    if errors:
        raise PolicyConfigRefusedError("; ".join(errors))
    return result


def _defaults(info: AnalyzerInfo) -> dict[str, PolicySetting]:
    """``createConfigWithDefaults``."""
    return {
        policy.name: PolicySetting(policy.enforcement, _schema_defaults(policy)) for policy in info.policies.values()
    }


def _schema_defaults(policy: PolicyInfo) -> dict[str, Any]:
    properties = (policy.config_schema or {}).get("properties") or {}
    return {key: schema["default"] for key, schema in properties.items() if "default" in schema}


def _apply(result: dict[str, PolicySetting], given: Mapping[str, PolicySetting]) -> dict[str, PolicySetting]:
    """``applyConfig``."""
    applied = dict(result)
    everything = given.get(ALL_POLICIES)
    if everything is not None and everything.level in ENFORCEMENT_LEVELS:
        applied = {name: PolicySetting(everything.level, setting.properties) for name, setting in applied.items()}
    for name, setting in given.items():
        current = applied.get(name, PolicySetting())
        applied[name] = PolicySetting(
            setting.level if setting.level in ENFORCEMENT_LEVELS else current.level,
            {**current.properties, **setting.properties},
        )
    return applied


def validation_errors(info: AnalyzerInfo, config: Mapping[str, PolicySetting]) -> list[str]:
    """``validatePolicyPackConfig``: ``<policy>: <error>`` for every schema error of every policy."""
    errors: list[str] = []
    for policy in sorted(info.policies.values(), key=lambda policy: policy.name):
        if policy.config_schema is None:
            continue
        setting = config.get(policy.name)
        properties = dict(setting.properties) if setting is not None else {}
        for error in validate(object_schema(policy.config_schema), properties):
            errors.append(f"{policy.name}: {str(error).removeprefix(ROOT + ': ')}")
    return errors


def object_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """``convertSchema``: a policy's config schema as the JSON schema of an object."""
    result: dict[str, Any] = {"type": "object"}
    if schema.get("properties"):
        result["properties"] = schema["properties"]
    if schema.get("required"):
        result["required"] = schema["required"]
    return result
