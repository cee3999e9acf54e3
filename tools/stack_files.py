"""Read Pulumi.yaml and Pulumi.<stack>.yaml the way the Pulumi CLI hands config to a program.

The CLI merges project-level config (``value``/``default`` in Pulumi.yaml) under the stack's own
keys and passes every value as a string (objects and lists as JSON). Encrypted values
(``secure: ...``) cannot be decrypted offline: they arrive as a placeholder, marked secret.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from components.config_loader import RawConfig

SECRET_PLACEHOLDER = "[secret]"
"""What an encrypted config value reads as offline."""


class StackFileError(Exception):
    """A stack or project file is missing or malformed; the message is one readable line."""


def project_name(root: Path) -> str:
    return str(_read_yaml(root / "Pulumi.yaml").get("name", ""))


def stack_file(root: Path, stack: str) -> Path:
    return root / f"Pulumi.{stack}.yaml"


def read_stack_config(root: Path, stack: str) -> RawConfig:
    """The raw config the CLI would pass for ``stack``: project values and defaults, then the stack's."""
    project = _read_yaml(root / "Pulumi.yaml")
    path = stack_file(root, stack)
    if not path.is_file():
        raise StackFileError(f"{path.name}: no such stack file (stacks here: {', '.join(list_stacks(root))})")
    stack_doc = _read_yaml(path)
    stack_config = stack_doc.get("config") or {}
    if not isinstance(stack_config, dict):
        raise StackFileError(f"{path.name}: 'config' must be a mapping of keys to values")
    name = str(project.get("name", ""))
    values: dict[str, Any] = {}
    secret: set[str] = set()
    for key, declaration in (project.get("config") or {}).items():
        full_key = key if ":" in key else f"{name}:{key}"
        if isinstance(declaration, dict) and ("value" in declaration or "default" in declaration):
            values[full_key] = declaration.get("value", declaration.get("default"))
        elif not isinstance(declaration, dict):
            values[full_key] = declaration
    for key, value in stack_config.items():
        full_key = key if ":" in key else f"{name}:{key}"
        if _is_secure(value):
            secret.add(full_key)
        values[full_key] = SECRET_PLACEHOLDER if _is_secure(value) else value
    return RawConfig(
        values={key: as_config_string(value) for key, value in values.items()},
        secret_keys=frozenset(secret),
    )


def raw_config_from_mapping(config: dict[str, Any], secret_keys: set[str] | None = None) -> RawConfig:
    """A RawConfig from a plain dict (as tests write it), values encoded as the CLI would."""
    return RawConfig(
        values={key: as_config_string(value) for key, value in config.items()},
        secret_keys=frozenset(secret_keys or ()),
    )


def list_stacks(root: Path) -> list[str]:
    return sorted(p.name[len("Pulumi.") : -len(".yaml")] for p in root.glob("Pulumi.*.yaml"))


def as_config_string(value: Any) -> str:
    """A config value as the CLI passes it to a program: strings as-is, the rest as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, default=_plain)


def _plain(value: Any) -> Any:
    raise StackFileError(f"config value {value!r} is not plain YAML data")


def _is_secure(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"secure"}


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StackFileError(f"{path.name}: file not found") from None
    except OSError as error:
        raise StackFileError(f"{path.name}: cannot be read ({error.strerror})") from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise StackFileError(f"{path.name}: not valid YAML{where}") from None
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise StackFileError(f"{path.name}: expected a mapping at the top level")
    return document
