"""Policy config, as the Pulumi CLI reads, reconciles and validates it before ``Configure``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tools.analyzer.model import ENFORCEMENT_LEVELS, AnalyzerInfo, PolicyConfigError


def load_policy_config(path: Path) -> dict[str, Any]:
    """A policy-config file (``{"all": ..., "<policy>": "<level>" | {...}}``); ``PolicyConfigError``
    names the file and key on any problem."""
    try:
        document = json.loads(path.read_text(encoding="utf-8")) if path.read_text(encoding="utf-8").strip() else {}
    except OSError as error:
        raise PolicyConfigError(f"{path}: cannot read ({error.strerror})") from None
    except json.JSONDecodeError as error:
        raise PolicyConfigError(f"{path}: not valid JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(document, dict):
        raise PolicyConfigError(f"{path}: must be a JSON object of policy names")
    try:
        parse_policy_config(document)
    except PolicyConfigError as error:
        raise PolicyConfigError(f"{path}: {error}") from None
    return document


def parse_policy_config(config: Mapping[str, Any]) -> dict[str, tuple[str | None, dict[str, Any]]]:
    """Each key → (enforcement level or None, properties), as the CLI parses a config file."""
    parsed: dict[str, tuple[str | None, dict[str, Any]]] = {}
    for key, value in config.items():
        if isinstance(value, str):
            parsed[key] = (_level(key, value), {})
        elif isinstance(value, Mapping):
            properties = dict(value)
            level = properties.pop("enforcementLevel", None)
            parsed[key] = (_level(key, level) if level is not None else None, properties)
        else:
            raise PolicyConfigError(f"{key}: {value!r} is not valid; must be an enforcement level or an object")
    return parsed


def _level(key: str, value: Any) -> str:
    if not isinstance(value, str) or value not in ENFORCEMENT_LEVELS:
        raise PolicyConfigError(
            f"{key}.enforcementLevel: {value!r} is not an enforcement level ({', '.join(ENFORCEMENT_LEVELS)})"
        )
    return value


def reconcile_policy_config(info: AnalyzerInfo, config: Mapping[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """The config the CLI sends to ``Configure``: each policy's default level and schema defaults,
    then ``all``'s level, then each given key; validated against each policy's config schema."""
    given = parse_policy_config(config)
    result: dict[str, tuple[str, dict[str, Any]]] = {}
    for policy in info.policies.values():
        defaults = {
            key: schema["default"]
            for key, schema in (policy.config_schema.get("properties") or {}).items()
            if isinstance(schema, Mapping) and "default" in schema
        }
        result[policy.name] = (policy.enforcement, defaults)
    all_level = given.get("all", (None, {}))[0]
    if all_level is not None:
        result = {name: (all_level, properties) for name, (_, properties) in result.items()}
    for key, (level, properties) in given.items():
        current_level, current = result.get(key, (all_level or "advisory", {}))
        result[key] = (level or current_level, {**current, **properties})
    _validate(info, result)
    return result


def _validate(info: AnalyzerInfo, config: Mapping[str, tuple[str, dict[str, Any]]]) -> None:
    import jsonschema

    problems: list[str] = []
    for policy in info.policies.values():
        schema = policy.config_schema
        if not schema.get("properties") and not schema.get("required"):
            continue
        document: dict[str, Any] = {"type": "object", "properties": dict(schema.get("properties") or {})}
        if schema.get("required"):
            document["required"] = list(schema["required"])
        validator = jsonschema.Draft7Validator(document, format_checker=jsonschema.FormatChecker())
        for error in sorted(validator.iter_errors(config.get(policy.name, ("", {}))[1]), key=str):
            where = ".".join(str(part) for part in error.absolute_path)
            problems.append(f"{policy.name}{'.' + where if where else ''}: {error.message}")
    if problems:
        raise PolicyConfigError("invalid policy config: " + "; ".join(problems))
