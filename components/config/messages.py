"""Pydantic's errors as stack-config messages: ``<key>: <what is wrong> (<what is accepted>)``."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from typing import Any, Union

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from components.config.base import PATTERN_MEANINGS
from components.config.stack import StackConfig


def describe_error(error: ErrorDetails, *, project: str) -> str:
    """One problem, keyed as in the stack file (``paved:data.tables[0].name``)."""
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
        meaning = PATTERN_MEANINGS.get(pattern, f"text matching {pattern}")
        return f"{key}: {value!r} is not accepted (expected {meaning})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        accepted = ", ".join(accepted_keys(loc))
        return f"{key}: expected an object with keys {accepted}, got {value!r}"
    if kind == "value_error":
        return f"{key}: {ctx.get('error', error['msg'])}"
    message = error["msg"].replace("Input should be", "must be")
    return f"{key}: {value!r} is not accepted ({message})"


def config_key(loc: tuple[int | str, ...], *, project: str) -> str:
    """The stack-file key for a pydantic error location: ``paved:data.tables[0].name``."""
    if not loc:
        return project
    head, *rest = loc
    path = "aws:region" if head == "region" else f"{project}:{head}"
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
        current = inner_model(field.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside ``X``, ``X | None`` or ``tuple[X, ...]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, tuple, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = inner_model(arg)
            if found is not None:
                return found
    return None
