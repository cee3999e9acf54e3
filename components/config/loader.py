"""Turn a stack's raw Pulumi config into a validated ``StackConfig``, or one error listing every problem.

The raw config is what the engine hands the program: ``{"paved:network": "{...json...}",
"aws:region": "us-east-1", ...}``, with the project's defaults from ``Pulumi.yaml`` already merged
in by the CLI (``paved:mail`` is ``"{}"`` when a stack leaves it out; a secret key the stack does
not set is ``""``). Three passes, each reporting all it finds: the keys themselves, each section's
settings (the models), then the rules between sections and the limits of the stack's policy
config. Nothing here registers a resource, so a bad stack file fails before anything is created.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pulumi
from pydantic import ValidationError

from components.config import rules
from components.config.limits import PolicyConfigError, PolicyLimits, limits_for_stack
from components.config.messages import describe_error
from components.config.stack import SECRET_KEYS, SECTIONS, StackConfig

EXAMPLE_SECRET_PLACEHOLDER = "placeholder-set-the-real-secret"
"""What the example stacks' committed ``secure:`` values decrypt to: they plan and preview, never deploy."""


class ConfigError(pulumi.RunError):
    """A stack config problem. A ``RunError``, so the Pulumi CLI prints it without a traceback."""


@dataclass(frozen=True)
class RawConfig:
    """The engine's view of a stack's config: full keys to values, and which keys are secret."""

    values: Mapping[str, Any]
    secret_keys: frozenset[str] = frozenset()


def read_pulumi_config() -> RawConfig:
    """The running program's config, as the Pulumi language host set it."""
    from pulumi.runtime import config as runtime_config

    values = {**runtime_config.get_config_env(), **runtime_config.CONFIG.get()}
    secret = set(runtime_config.get_config_secret_keys_env()) | set(runtime_config._SECRET_KEYS.get())
    return RawConfig(values=values, secret_keys=frozenset(secret))


def load_stack_config(
    raw: RawConfig,
    *,
    stack: str,
    project: str = "paved",
    limits: PolicyLimits | None = None,
    deploying: bool = False,
) -> StackConfig:
    """Validate ``raw`` into a ``StackConfig``; raise ``ConfigError`` naming every bad key.

    ``limits`` defaults to the stack's policy config (``policies/config/<stack>.json``);
    ``deploying`` (``pulumi up``, not a preview) also refuses the examples' placeholder secrets.
    """
    document = StackDocument(project=project)
    document.read(raw, deploying=deploying)
    try:
        config = StackConfig.model_validate({"stack": stack, "project": project, **document.values})
    except ValidationError as error:
        document.problems += [
            describe_error(detail, project=project)
            for detail in error.errors()
            if detail["loc"][0] not in document.unreadable
        ]
        raise ConfigError("; ".join(document.problems)) from None
    if document.problems:
        raise ConfigError("; ".join(document.problems))
    found = [f"{project}:{problem}" for problem in rules.problems(config, _limits(stack, limits))]
    if found:
        raise ConfigError("; ".join(found))
    return config


def _limits(stack: str, limits: PolicyLimits | None) -> PolicyLimits:
    if limits is not None:
        return limits
    try:
        return limits_for_stack(stack)
    except PolicyConfigError as error:
        raise ConfigError(str(error)) from None


@dataclass
class StackDocument:
    """The project's keys of a raw config, as the model's input, and what is wrong with the keys."""

    project: str
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    """Sections whose value is not an object: their problem is reported here, not by the model."""

    def read(self, raw: RawConfig, *, deploying: bool) -> None:
        prefix = f"{self.project}:"
        secrets_set: set[str] = set()
        for key, value in sorted(raw.values.items()):
            if not key.startswith(prefix):
                continue
            name = key[len(prefix) :]
            if name in SECRET_KEYS:
                if self._secret_is_set(key, value, raw.secret_keys, deploying=deploying):
                    secrets_set.add(name)
            elif name in SECTIONS:
                self._section(key, name, value)
            else:
                accepted = ", ".join(prefix + s for s in (*SECTIONS, *SECRET_KEYS))
                shown = key if name.isidentifier() else repr(key)
                self.problems.append(f"{shown}: unknown key (accepted: {accepted})")
        if "aws:region" in raw.values:
            self.values["region"] = raw.values["aws:region"]
        self.values["secrets_set"] = frozenset(secrets_set)

    def _secret_is_set(self, key: str, value: Any, secret_keys: frozenset[str], *, deploying: bool) -> bool:
        """Set when encrypted; ``""`` (the project default) is unset; anything else in plain text is refused."""
        if key not in secret_keys:
            if value != "":
                self.problems.append(f"{key}: stored in plain text; set it with `pulumi config set --secret {key}`")
            return False
        if deploying and value == EXAMPLE_SECRET_PLACEHOLDER:
            self.problems.append(
                f"{key}: still the example's placeholder, which only plans and previews; set the real secret "
                f"with `pulumi config set --secret {key}` before `pulumi up`"
            )
        return True

    def _section(self, key: str, name: str, value: Any) -> None:
        if isinstance(value, str):
            with contextlib.suppress(json.JSONDecodeError):
                value = json.loads(value)
        if isinstance(value, dict):
            self.values[name] = value
            return
        self.unreadable.append(name)
        self.problems.append(f"{key}: expected an object of settings, got {value!r}")
