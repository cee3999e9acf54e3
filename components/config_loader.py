"""Turn a stack's raw Pulumi config into a validated ``StackConfig``, or one clear error.

The raw config is what the engine hands the program: ``{"paved:network": "{...json...}",
"aws:region": "us-east-1", ...}``. Nothing here registers a resource, so a bad stack file fails
before anything is created.
"""

from __future__ import annotations

import contextlib
import json
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Union

import pulumi
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from components.config import _NAME, SECRET_KEYS, SECTIONS, StackConfig


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


def load_stack_config(raw: RawConfig, *, stack: str, project: str = "paved") -> StackConfig:
    """Validate ``raw`` into a ``StackConfig``; raise ``ConfigError`` naming the first bad key."""
    document: dict[str, Any] = {"stack": stack, "project": project}
    prefix = f"{project}:"
    for key, value in sorted(raw.values.items()):
        if not key.startswith(prefix):
            continue
        name = key[len(prefix) :]
        if name in SECRET_KEYS:
            if key not in raw.secret_keys:
                raise ConfigError(f"{key}: stored in plain text; set it with `pulumi config set --secret {key}`")
            continue
        if name not in SECTIONS:
            accepted = ", ".join(prefix + s for s in (*SECTIONS, *SECRET_KEYS))
            shown = key if name.isidentifier() else repr(key)
            raise ConfigError(f"{shown}: unknown key (accepted: {accepted})")
        document[name] = _parse_object(key, value)
    if "aws:region" in raw.values:
        document["region"] = raw.values["aws:region"]
    document["secrets_set"] = frozenset(name for name in SECRET_KEYS if f"{prefix}{name}" in raw.values)
    try:
        return StackConfig.model_validate(document)
    except ValidationError as error:
        raise ConfigError(describe_errors(error.errors(), project=project)) from None


def _parse_object(key: str, value: Any) -> Any:
    if isinstance(value, str):
        with contextlib.suppress(json.JSONDecodeError):
            value = json.loads(value)
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: expected an object of settings, got {value!r}")
    return value


# --- error messages -------------------------------------------------------------------------

_PATTERN_MEANINGS = {
    _NAME: "lowercase letters, digits and hyphens, 2 to 32 characters, starting with a letter",
}


def describe_errors(errors: list[ErrorDetails], *, project: str) -> str:
    """One line: the first problem, and how many more there are."""
    first = describe_error(errors[0], project=project)
    if len(errors) > 1:
        more = len(errors) - 1
        first += f" (and {more} more problem{'s' if more > 1 else ''} in the stack config)"
    return first


def describe_error(error: ErrorDetails, *, project: str) -> str:
    """``<key>: <what is wrong>, <what is accepted>`` for one pydantic error."""
    loc = tuple(error["loc"])
    key = config_key(loc, project=project)
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "missing":
        return f"{key}: required but not set"
    if kind == "extra_forbidden":
        accepted = ", ".join(accepted_keys(loc[:-1]))
        return f"{key}: unknown key (accepted: {accepted})"
    if kind == "literal_error":
        return f"{key}: {value!r} is not accepted (accepted: {ctx.get('expected')})"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern"))
        meaning = _PATTERN_MEANINGS.get(pattern, f"text matching {pattern}")
        return f"{key}: {value!r} is not accepted (expected {meaning})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        accepted = ", ".join(accepted_keys(loc))
        return f"{key}: expected an object with keys {accepted}, got {value!r}"
    if kind == "value_error":
        separator = ":" if not loc else ": "
        return f"{key}{separator}{ctx.get('error', error['msg'])}"
    message = error["msg"].replace("Input should be", "must be")
    return f"{key}: {value!r} is not accepted ({message})"


def config_key(loc: tuple[int | str, ...], *, project: str) -> str:
    """The stack-file key for a pydantic error location: ``paved:data.tables[0].name``."""
    if not loc:
        return project
    head, *rest = loc
    base = "aws:region" if head == "region" else f"{project}:{head}"
    path = base
    for part in rest:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.isidentifier():
            path += f".{part}"
        else:
            path += f"[{part!r}]"
    return path


def accepted_keys(loc: Iterable[int | str]) -> list[str]:
    """The camelCase keys the model at ``loc`` accepts, for 'unknown key' messages."""
    model = _model_at(StackConfig, tuple(loc))
    if model is None:
        return []
    return sorted(field.alias or name for name, field in model.model_fields.items())


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = _field_by_key(current, part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside ``X``, ``X | None`` or ``tuple[X, ...]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, tuple, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
