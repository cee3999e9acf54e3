"""JSON Schema validation that reports what the Pulumi CLI reports: gojsonschema's walk and messages.

The CLI validates each policy's config with github.com/xeipuuv/gojsonschema v1.2.0 (pinned by
pulumi/pulumi ``pkg/go.mod`` at pkg/v3.187.0), so a rejected config is described in that library's
words: ``maxMonthlyUsd: Invalid type. Expected: number, given: string``. This module restates its
``validation.go`` (the order of the checks, the ``score`` that picks which ``anyOf``/``oneOf``
branch's errors are shown), ``locales.go`` (the message templates), ``result.go`` (``field:
description``, the field being the JSON path below ``(root)``) and ``format_checkers.go``.

Covered: ``type``, ``enum``, ``const``, ``properties``, ``required``, ``additionalProperties``,
``patternProperties``, ``propertyNames``, ``min/maxProperties``, ``dependencies``, ``items``
(one schema or a list, with ``additionalItems``), ``min/maxItems``, ``uniqueItems``, ``contains``,
``min/maxLength``, ``pattern``, ``format``, ``minimum``/``maximum`` (and draft 4's boolean
``exclusiveMinimum``/``exclusiveMaximum``), ``exclusiveMinimum``/``exclusiveMaximum``,
``multipleOf``, ``anyOf``, ``oneOf``, ``allOf``, ``not``, ``if``/``then``/``else``, boolean schemas.
Not covered: ``$ref`` (an error: no schema of the pack uses it). Regular expressions run on
Python's ``re`` rather than Go's RE2 (the same for the classes and anchors config schemas use).
Formats: ``date`` and ``date-time`` as Go's ``time.Parse``; other registered formats by the
``jsonschema`` package's checker; unregistered formats pass, as in gojsonschema.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from tools.go_format import go_float, go_json

ROOT = "(root)"
GO_FORMATS = frozenset(
    {
        "date",
        "time",
        "date-time",
        "hostname",
        "email",
        "idn-email",
        "ipv4",
        "ipv6",
        "uri",
        "uri-reference",
        "iri",
        "iri-reference",
        "uri-template",
        "uuid",
        "regex",
        "json-pointer",
        "relative-json-pointer",
    }
)
"""The formats gojsonschema v1.2.0 registers (``format_checkers.go``); any other format passes."""


class UnsupportedSchemaError(ValueError):
    """The schema uses a keyword this module does not restate (``$ref``)."""


@dataclass(frozen=True)
class SchemaError:
    """One gojsonschema ``ResultError``: where (``(root)``, ``(root).exemptions.0``…) and what."""

    context: tuple[str, ...]
    description: str

    @property
    def field(self) -> str:
        """``ResultErrorFields.Field()``: the context without its ``(root).`` prefix."""
        return ".".join(self.context).removeprefix(ROOT + ".")

    def __str__(self) -> str:
        """``ResultErrorFields.String()``: ``field: description``."""
        return f"{self.field}: {self.description}"


@dataclass
class _Result:
    errors: list[SchemaError] = field(default_factory=list)
    score: int = 0

    @property
    def valid(self) -> bool:
        return not self.errors

    def add(self, context: tuple[str, ...], description: str) -> None:
        """``addInternalError``: an error costs two points of score."""
        self.errors.append(SchemaError(context, description))
        self.score -= 2

    def merge(self, other: _Result) -> None:
        self.errors.extend(other.errors)
        self.score += other.score

    def increment(self) -> None:
        self.score += 1


def validate(schema: Mapping[str, Any] | bool, document: Any) -> list[SchemaError]:
    """Every error gojsonschema reports for ``document``, in the order it reports them."""
    result = _Result()
    _validate(schema, document, result, (ROOT,))
    return result.errors


def _sub(schema: Any, node: Any, context: tuple[str, ...]) -> _Result:
    """``subValidateWithContext``: a fresh result for one sub-schema."""
    result = _Result()
    _validate(schema, node, result, context)
    return result


def _types(schema: Mapping[str, Any]) -> list[str]:
    declared = schema.get("type")
    if declared is None:
        return []
    return [declared] if isinstance(declared, str) else list(declared)


def _type_text(types: Sequence[str]) -> str:
    return types[0] if len(types) == 1 else "[" + ",".join(types) + "]"


def _json_kind(node: Any) -> str:
    if node is None:
        return "null"
    if isinstance(node, bool):
        return "boolean"
    if isinstance(node, int | float):
        return "integer" if float(node).is_integer() else "number"
    if isinstance(node, list):
        return "array"
    if isinstance(node, Mapping):
        return "object"
    return "string"


def _type_matches(types: Sequence[str], kind: str) -> bool:
    return not types or kind in types or (kind == "integer" and "number" in types)


def _validate(schema: Any, node: Any, result: _Result, context: tuple[str, ...]) -> None:
    """``validateRecursive``."""
    if isinstance(schema, bool):
        if not schema:
            result.add(context, "False always fails validation")
        return
    if "$ref" in schema:
        raise UnsupportedSchemaError("a policy config schema with $ref cannot be validated offline")
    types, kind = _types(schema), _json_kind(node)
    if not _type_matches(types, kind):
        result.add(context, f"Invalid type. Expected: {_type_text(types)}, given: {kind}")
        return
    _validate_schema(schema, node, result, context)
    if kind in ("integer", "number"):
        _validate_number(schema, node, result, context)
    elif kind == "array":
        _validate_array(schema, node, result, context)
    elif kind == "object":
        _validate_object(schema, node, result, context)
    _validate_common(schema, node, result, context)
    if kind == "string":
        _validate_string(schema, node, result, context)
    if kind == "object":
        for name, child in (schema.get("properties") or {}).items():
            if name in node:
                _validate(child, node[name], result, (*context, name))
    result.increment()


def _best(results: Sequence[_Result]) -> _Result | None:
    """The failing result with the highest score, the first on a tie: the branch the user meant."""
    best: _Result | None = None
    for candidate in results:
        if best is None or candidate.score > best.score:
            best = candidate
    return best


def _validate_schema(schema: Mapping[str, Any], node: Any, result: _Result, context: tuple[str, ...]) -> None:
    """``validateSchema``: the combinators, dependencies and conditionals."""
    if schema.get("anyOf"):
        failed: list[_Result] = []
        for branch in schema["anyOf"]:
            outcome = _sub(branch, node, context)
            if outcome.valid:
                break
            failed.append(outcome)
        else:
            result.add(context, "Must validate at least one schema (anyOf)")
            best = _best(failed)
            if best is not None:
                result.merge(best)
    if schema.get("oneOf"):
        outcomes = [_sub(branch, node, context) for branch in schema["oneOf"]]
        passing = sum(outcome.valid for outcome in outcomes)
        if passing != 1:
            result.add(context, "Must validate one and only one schema (oneOf)")
            best = _best(outcomes) if passing == 0 else None
            if best is not None:
                result.merge(best)
    if schema.get("allOf"):
        outcomes = [_sub(branch, node, context) for branch in schema["allOf"]]
        for outcome in outcomes:
            result.merge(outcome)
        if not all(outcome.valid for outcome in outcomes):
            result.add(context, "Must validate all the schemas (allOf)")
    if "not" in schema and _sub(schema["not"], node, context).valid:
        result.add(context, "Must not validate the schema (not)")
    _validate_dependencies(schema, node, result, context)
    _validate_conditional(schema, node, result, context)
    result.increment()


def _validate_dependencies(schema: Mapping[str, Any], node: Any, result: _Result, context: tuple[str, ...]) -> None:
    if not schema.get("dependencies") or not isinstance(node, Mapping):
        return
    for key in node:
        dependency = schema["dependencies"].get(key)
        if isinstance(dependency, list):
            for needed in dependency:
                if needed not in node:
                    result.add(context, f"Has a dependency on {needed}")
        elif dependency is not None:
            _validate(dependency, node, result, context)


def _validate_conditional(schema: Mapping[str, Any], node: Any, result: _Result, context: tuple[str, ...]) -> None:
    if "if" not in schema:
        return
    condition = _sub(schema["if"], node, context).valid
    branch, message = ("then", "Must validate \"then\" as \"if\" was valid") if condition else (
        "else", "Must validate \"else\" as \"if\" was not valid")  # fmt: skip
    if branch in schema:
        outcome = _sub(schema[branch], node, context)
        if not outcome.valid:
            result.add(context, message)
            result.merge(outcome)


def _validate_common(schema: Mapping[str, Any], node: Any, result: _Result, context: tuple[str, ...]) -> None:
    """``validateCommon``: ``const`` and ``enum``, compared as JSON text."""
    field_name = SchemaError(context, "").field
    if "const" in schema and go_json(node) != go_json(schema["const"]):
        result.add(context, f"{field_name} does not match: {go_json(schema['const'])}")
    if schema.get("enum"):
        allowed = [go_json(item) for item in schema["enum"]]
        if go_json(node) not in allowed:
            result.add(context, f"{field_name} must be one of the following: {', '.join(allowed)}")
    result.increment()


def _validate_array(schema: Mapping[str, Any], node: list[Any], result: _Result, context: tuple[str, ...]) -> None:
    """``validateArray``."""
    _validate_items(schema, node, result, context)
    if "minItems" in schema and len(node) < int(schema["minItems"]):
        result.add(context, f"Array must have at least {int(schema['minItems'])} items")
    if "maxItems" in schema and len(node) > int(schema["maxItems"]):
        result.add(context, f"Array must have at most {int(schema['maxItems'])} items")
    if schema.get("uniqueItems"):
        seen: dict[str, int] = {}
        for index, item in enumerate(node):
            text = go_json(item)
            if text in seen:
                result.add(context, f"array items[{seen[text]},{index}] must be unique")
            seen[text] = index
    if "contains" in schema:
        _validate_contains(schema["contains"], node, result, context)
    result.increment()


def _validate_items(schema: Mapping[str, Any], node: list[Any], result: _Result, context: tuple[str, ...]) -> None:
    """``items`` as one schema for every item, or a list of schemas by position (then ``additionalItems``)."""
    items = schema.get("items")
    if isinstance(items, Mapping | bool):
        for index, item in enumerate(node):
            result.merge(_sub(items, item, (*context, str(index))))
        return
    if not isinstance(items, list) or not items:
        return
    for index, (item_schema, item) in enumerate(zip(items, node, strict=False)):
        result.merge(_sub(item_schema, item, (*context, str(index))))
    additional = schema.get("additionalItems")
    if len(items) >= len(node):
        return
    if additional is False:
        result.add(context, "No additional items allowed on array")
    elif isinstance(additional, Mapping):
        for index in range(len(items), len(node)):
            result.merge(_sub(additional, node[index], (*context, str(index))))


def _validate_contains(contains: Any, node: list[Any], result: _Result, context: tuple[str, ...]) -> None:
    failed: list[_Result] = []
    for index, item in enumerate(node):
        outcome = _sub(contains, item, (*context, str(index)))
        if outcome.valid:
            return
        failed.append(outcome)
    result.add(context, "At least one of the items must match")
    best = _best(failed)
    if best is not None:
        result.merge(best)


def _validate_object(
    schema: Mapping[str, Any], node: Mapping[str, Any], result: _Result, context: tuple[str, ...]
) -> None:
    """``validateObject``."""
    if "minProperties" in schema and len(node) < int(schema["minProperties"]):
        result.add(context, f"Must have at least {int(schema['minProperties'])} properties")
    if "maxProperties" in schema and len(node) > int(schema["maxProperties"]):
        result.add(context, f"Must have at most {int(schema['maxProperties'])} properties")
    for name in schema.get("required") or ():
        if name in node:
            result.increment()
        else:
            result.add(context, f"{name} is required")
    described = schema.get("properties") or {}
    additional = schema.get("additionalProperties", True)
    for key in node:
        matched = _validate_pattern_properties(schema, key, node[key], result, context)
        if key in described or matched:
            continue
        if additional is False:
            result.add(context, f"Additional property {key} is not allowed")
        elif isinstance(additional, Mapping):
            result.merge(_sub(additional, node[key], (*context, key)))
    if "propertyNames" in schema:
        for key in node:
            outcome = _sub(schema["propertyNames"], key, context)
            if not outcome.valid:
                result.add(context, f'Property name of "{key}" does not match')
                result.merge(outcome)
    result.increment()


def _validate_pattern_properties(
    schema: Mapping[str, Any], key: str, value: Any, result: _Result, context: tuple[str, ...]
) -> bool:
    matched = False
    for pattern, child in (schema.get("patternProperties") or {}).items():
        if re.search(pattern, key):
            matched = True
            result.merge(_sub(child, value, (*context, key)))
    if matched:
        result.increment()
    return matched


def _validate_string(schema: Mapping[str, Any], node: str, result: _Result, context: tuple[str, ...]) -> None:
    """``validateString``: lengths in runes, ``pattern`` anywhere in the string, ``format``."""
    if "minLength" in schema and len(node) < int(schema["minLength"]):
        result.add(context, f"String length must be greater than or equal to {int(schema['minLength'])}")
    if "maxLength" in schema and len(node) > int(schema["maxLength"]):
        result.add(context, f"String length must be less than or equal to {int(schema['maxLength'])}")
    if "pattern" in schema and not re.search(schema["pattern"], node):
        result.add(context, f"Does not match pattern '{schema['pattern']}'")
    if "format" in schema and not is_format(schema["format"], node):
        result.add(context, f"Does not match format '{schema['format']}'")
    result.increment()


def _exact(number: float) -> Fraction:
    """The number as gojsonschema compares it: the big.Rat of its JSON text."""
    return Fraction(number) if isinstance(number, int) else Fraction(repr(float(number)))


def _validate_number(schema: Mapping[str, Any], node: float, result: _Result, context: tuple[str, ...]) -> None:
    """``validateNumber``: bounds compared exactly, printed as Go prints a ``big.Float``."""
    value = _exact(node)
    if "multipleOf" in schema and (value / _exact(schema["multipleOf"])).denominator != 1:
        result.add(context, f"Must be a multiple of {go_float(float(schema['multipleOf']))}")
    maximum, exclusive_maximum = _bounds(schema, "maximum", "exclusiveMaximum")
    if maximum is not None and value > _exact(maximum):
        result.add(context, f"Must be less than or equal to {go_float(float(maximum))}")
    if exclusive_maximum is not None and value >= _exact(exclusive_maximum):
        result.add(context, f"Must be less than {go_float(float(exclusive_maximum))}")
    minimum, exclusive_minimum = _bounds(schema, "minimum", "exclusiveMinimum")
    if minimum is not None and value < _exact(minimum):
        result.add(context, f"Must be greater than or equal to {go_float(float(minimum))}")
    if exclusive_minimum is not None and value <= _exact(exclusive_minimum):
        result.add(context, f"Must be greater than {go_float(float(exclusive_minimum))}")
    if "format" in schema and schema["format"] in GO_FORMATS:
        result.add(context, f"Does not match format '{schema['format']}'")  # every registered checker wants a string
    result.increment()


def _bounds(schema: Mapping[str, Any], inclusive: str, exclusive: str) -> tuple[Any, Any]:
    """(inclusive bound, exclusive bound); draft 4's ``exclusiveX: true`` makes ``X`` exclusive."""
    bound, flag = schema.get(inclusive), schema.get(exclusive)
    if isinstance(flag, bool):
        return (None, bound) if flag else (bound, None)
    return bound, flag


_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATE_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_LEAP_YEAR_FOR_YEAR_ZERO = 2000
"""Go accepts year 0 (a leap year, like 2000); Python's ``date`` starts at year 1."""
HOURS, MINUTES = 24, 60


def is_format(name: str, value: str) -> bool:
    """``FormatCheckers.IsFormat``: unregistered formats pass."""
    if name == "date":
        return _DATE.fullmatch(value) is not None and _real_date(*value.split("-"))
    if name == "date-time":
        match = _DATE_TIME.fullmatch(value)
        if match is None or not _real_date(*match.group(1, 2, 3)):
            return False
        hour, minute, second = (int(part) for part in match.group(4, 5, 6))
        return hour < HOURS and minute < MINUTES and second < MINUTES
    if name not in GO_FORMATS:
        return True
    import jsonschema  # only for the formats the pack's schemas do not use

    return bool(jsonschema.FormatChecker().conforms(value, name))


def _real_date(year: str, month: str, day: str) -> bool:
    try:
        datetime.date(int(year) or _LEAP_YEAR_FOR_YEAR_ZERO, int(month), int(day))
    except ValueError:
        return False
    return True
