"""Read ``Pulumi.yaml`` and ``Pulumi.<stack>.yaml`` as the Pulumi CLI does, and hand over the config it would
hand the program — or refuse, with the CLI's message, what the CLI would refuse (``tools.cli_config``).

Every path to the program goes through here: ``tools.plan``, ``tools.readme_costs`` and the test harness
(``tests/conftest.py``), whether the stack's config comes from a stack file or from a test's dict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from components.config.loader import RawConfig
from tools import cli_config
from tools.cli_config import CliConfigError

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILE = "Pulumi.yaml"
OFFLINE_UNREADABLE = ("environment",)
"""Stack file keys the offline tools cannot resolve: ESC environments need Pulumi Cloud."""


class StackFileError(Exception):
    """A stack or project file is missing, malformed or refused by the CLI's rules; one readable line."""


def project_name(root: Path) -> str:
    try:
        return cli_config.project_name(_read_yaml(root / PROJECT_FILE))
    except CliConfigError as error:
        raise StackFileError(str(error)) from None


def stack_file(root: Path, stack: str) -> Path:
    return root / f"Pulumi.{stack}.yaml"


def read_stack_config(root: Path, stack: str) -> RawConfig:
    """The config ``pulumi preview -s <stack>`` would pass the program, after the CLI's validation."""
    path = stack_file(root, stack)
    if not path.is_file():
        raise StackFileError(f"{path.name}: no such stack file (stacks here: {', '.join(list_stacks(root))})")
    document = _read_yaml(path)
    for key in OFFLINE_UNREADABLE:
        if key in document:
            raise StackFileError(f"{path.name}: '{key}' (Pulumi ESC) cannot be resolved offline")
    config = document.get("config") or {}
    if not isinstance(config, dict):
        raise StackFileError(f"{path.name}: 'config' must be a mapping of keys to values")
    try:
        cli_config.check_passphrase_ciphertexts(document, config, file=path.name)
    except CliConfigError as error:
        raise StackFileError(str(error)) from None
    return _merged(root, stack, config, ())


def raw_config_from_mapping(
    config: Mapping[str, Any], secret_keys: Iterable[str] | None = None, *, stack: str = "test", root: Path = ROOT
) -> RawConfig:
    """The config the CLI would pass for a stack file holding ``config`` (as tests write it, plain values);
    ``secret_keys`` are the keys the stack file would hold encrypted."""
    return _merged(root, stack, config, secret_keys or ())


def list_stacks(root: Path) -> list[str]:
    return sorted(p.name[len("Pulumi.") : -len(".yaml")] for p in root.glob("Pulumi.*.yaml"))


def _merged(root: Path, stack: str, config: Mapping[str, Any], secret_keys: Iterable[str]) -> RawConfig:
    try:
        project_document = _read_yaml(root / PROJECT_FILE)
        project = cli_config.project_name(project_document)
        declarations = cli_config.project_declarations(project_document)
        values = cli_config.stack_values(project, config, secure_keys=secret_keys)
        merged = cli_config.merge_config(stack, project, declarations, values)
    except CliConfigError as error:
        raise StackFileError(str(error)) from None
    return RawConfig(values=merged.values, secret_keys=merged.secret_keys)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
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
