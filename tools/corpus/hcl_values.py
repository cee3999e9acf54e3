"""Terraform expressions, as python-hcl2 serialises them, turned into the plain values the engine sees.

python-hcl2 (8.x, with its default quoting) leaves a string literal in its quotes (``'"x"'``),
writes an expression as ``'${…}'`` and a block as a dict marked ``__is_block__``. This module
evaluates what a static reading can know and stands in for the rest:

- literals, heredocs and templates (``"arn:${var.partition}:…"``), ``jsonencode(…)``,
  ``tolist``/``toset``;
- ``var.x`` → the variable's default; ``local.x`` → the local's value;
- a resource attribute (``aws_kms_key.k.arn``) → the referenced resource's own literal value of
  that attribute when it has one, else a placeholder that reads like the real output (an ARN for
  ``arn``/``*_arn``, ``<name>-id`` for ``id``, ``<type>.<name>.<attr>`` otherwise). The engine
  would know these values after a deployment, so policies treat them as known; each reference
  is recorded so the converter can give the property its dependency;
- ``data.aws_iam_policy_document.x.json`` → the rendered policy JSON (``policy_document``);
  ``data.aws_caller_identity.*.account_id``, ``data.aws_region.*.name``,
  ``data.aws_partition.*.partition`` → fixed example values;
- anything else (a variable without default, a conditional, a ``for`` expression, a function
  other than the above, ``each``/``count``/``module`` values) → ``UNKNOWN``, the engine's wire
  value for a value it cannot know during a preview: policies stay silent on it, as they must.

Inside a template, an unknown part is replaced by its own source text (quotes made single), so a
policy document built from a heredoc stays valid JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from pulumi_policy.proxy import UNKNOWN_STRING_VALUE

UNKNOWN: Final = UNKNOWN_STRING_VALUE
"""The engine's wire value for a property unknown during a preview."""

ACCOUNT_ID: Final = "123456789012"
REGION: Final = "us-east-1"

_REFERENCE: Final = re.compile(r"^[A-Za-z_][\w-]*(?:\.(?:[A-Za-z_*][\w-]*|\d+)|\[[^\[\]]*\])*$")
_PART: Final = re.compile(r"\.?([A-Za-z_*][\w-]*|\d+)|\[([^\[\]]*)\]")
_CALL: Final = re.compile(r"^([a-z_]+)\((.*)\)$", re.S)
_NUMBER: Final = re.compile(r"^-?\d+(\.\d+)?$")
_ESCAPES: Final = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_PASS_THROUGH: Final = frozenset({"tolist", "toset", "flatten"})
_FIXED_DATA: Final = {
    ("aws_caller_identity", "account_id"): ACCOUNT_ID,
    ("aws_region", "name"): REGION,
    ("aws_region", "id"): REGION,
    ("aws_partition", "partition"): "aws",
}
_META_KEYS: Final = frozenset({"__is_block__", "__start_line__", "__end_line__"})


def unquote_key(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] == '"' else key


def is_block_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) and v.get("__is_block__") for v in value)


@dataclass
class Scope:
    """What a file declares, for resolving references: variables, locals, resources, data sources."""

    variables: dict[str, Any] = field(default_factory=dict)
    locals: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    """``"<type>.<name>"`` → the resource's raw body."""
    data: dict[str, dict[str, Any]] = field(default_factory=dict)
    """``"<type>.<name>"`` → the data source's raw body."""
    render_data: Callable[[str, dict[str, Any], Evaluator], Any] | None = None
    """Renders a data source's ``json`` (the policy document); set by the converter."""


@dataclass
class Evaluator:
    """Evaluates raw python-hcl2 values in a scope; ``references`` collects the resources read."""

    scope: Scope
    references: set[str] = field(default_factory=set)
    data_sources: set[str] = field(default_factory=set)
    """``"data.<type>.<name>"`` of every data source read (its checks' verdicts carry over)."""
    _resolving: set[str] = field(default_factory=set)
    _in_text: int = 0
    """Above zero inside ``jsonencode``: an unknown part becomes its source text, not ``UNKNOWN``."""

    def value(self, raw: Any) -> Any:
        if isinstance(raw, bool | int | float) or raw is None:
            return raw
        if isinstance(raw, list):
            return [self.value(item) for item in raw]
        if isinstance(raw, dict):
            return {unquote_key(k): self.value(v) for k, v in raw.items() if k not in _META_KEYS}
        if isinstance(raw, str):
            return self._string(raw)
        return UNKNOWN

    def _string(self, raw: str) -> Any:
        if len(raw) >= 2 and raw[0] == raw[-1] == '"':
            return self.template(raw[1:-1])
        if raw.startswith("${") and raw.endswith("}") and _closing(raw, 2) == len(raw) - 1:
            return self.expression(raw[2:-1])
        return raw

    def template(self, body: str) -> Any:
        """A quoted string's content: escapes decoded, ``${…}`` interpolated, ``$${`` kept literal."""
        out: list[str] = []
        index = 0
        while index < len(body):
            char = body[index]
            if body.startswith("$${", index):
                out.append("${")
                index += 3
            elif body.startswith("${", index):
                end = _closing(body, index + 2)
                expression = body[index + 2 : end]
                value = self.expression(expression)
                if len(out) == 0 and end == len(body) - 1:
                    return value
                out.append(_as_text(value, expression))
                index = end + 1
            elif char == "\\" and index + 1 < len(body):
                index = _escape(body, index, out)
            else:
                out.append(char)
                index += 1
        return "".join(out)

    def expression(self, text: str) -> Any:
        value = self._expression(text.strip())
        if value == UNKNOWN and self._in_text:
            return text.strip().replace('"', "'")
        return value

    def _expression(self, text: str) -> Any:
        if text in ("true", "false"):
            return text == "true"
        if text == "null":
            return None
        if _NUMBER.match(text):
            return float(text) if "." in text else int(text)
        if _REFERENCE.match(text):
            return self.reference(text)
        call = _CALL.match(text)
        if call and _closing(text, len(call.group(1)) + 1, opening="(", closing=")") == len(text) - 1:
            return self._call(call.group(1), call.group(2))
        if text[:1] in "[{" and not text.startswith(("[for ", "{for ")):
            return self._literal(text)
        return UNKNOWN

    def _call(self, name: str, argument: str) -> Any:
        if name == "jsonencode":
            self._in_text += 1
            try:
                value = self._literal(argument)
            finally:
                self._in_text -= 1
            return UNKNOWN if value == UNKNOWN else json.dumps(value)
        if name in _PASS_THROUGH:
            return self._literal(argument)
        return UNKNOWN

    def _literal(self, text: str) -> Any:
        import hcl2

        try:
            parsed = hcl2.loads(f"v = {text}\n")
        except Exception:
            return UNKNOWN
        raw = parsed.get("v", UNKNOWN)
        if isinstance(raw, str) and raw.startswith("${"):
            inner = raw[2:-1].strip()
            return UNKNOWN if inner == text.strip() else self.value(raw)
        return self.value(raw)

    def reference(self, text: str) -> Any:
        parts = [name if name is not None and name != "" else index for name, index in _PART.findall(text)]
        head = parts[0]
        if head == "var":
            return self._variable(parts)
        if head == "local":
            return self._local(parts)
        if head == "data":
            return self._data(parts)
        if head in ("each", "count", "self", "path", "terraform", "module") or len(parts) < 2:
            return 0 if parts[:2] == ["count", "index"] else UNKNOWN
        return self._resource(parts)

    def _variable(self, parts: list[str]) -> Any:
        if len(parts) < 2 or parts[1] not in self.scope.variables:
            return UNKNOWN
        declared = self.scope.variables[parts[1]]
        if not isinstance(declared, dict) or "default" not in declared:
            return UNKNOWN
        return _walk(self.value(declared["default"]), parts[2:])

    def _local(self, parts: list[str]) -> Any:
        if len(parts) < 2 or parts[1] not in self.scope.locals or parts[1] in self._resolving:
            return UNKNOWN
        self._resolving.add(parts[1])
        try:
            value = self.value(self.scope.locals[parts[1]])
        finally:
            self._resolving.discard(parts[1])
        return _walk(value, parts[2:])

    def _data(self, parts: list[str]) -> Any:
        if len(parts) < 4:
            return UNKNOWN
        kind, name = parts[1], parts[2]
        self.data_sources.add(f"data.{kind}.{name}")
        attribute = _attribute(parts[3:]) or ""
        if (kind, attribute) in _FIXED_DATA:
            return _FIXED_DATA[(kind, attribute)]
        address = f"{kind}.{name}"
        body = self.scope.data.get(address)
        if body is not None and attribute == "json" and self.scope.render_data is not None:
            guard = f"data.{address}"
            if guard in self._resolving:
                return UNKNOWN
            self._resolving.add(guard)
            try:
                return self.scope.render_data(kind, body, self)
            finally:
                self._resolving.discard(guard)
        return UNKNOWN

    def _resource(self, parts: list[str]) -> Any:
        address = f"{parts[0]}.{parts[1]}"
        attribute = _attribute(parts[2:])
        body = self.scope.resources.get(address)
        if body is None:
            return UNKNOWN
        self.references.add(address)
        if attribute is None:
            return UNKNOWN
        own = body.get(attribute)
        if own is not None and not is_block_list(own) and address not in self._resolving:
            self._resolving.add(address)
            try:
                value = Evaluator(self.scope, set(), self.data_sources, self._resolving).value(own)
            finally:
                self._resolving.discard(address)
            if value is not UNKNOWN and isinstance(value, str | int | float | bool):
                return value
        return placeholder(parts[0], parts[1], attribute, body, self)


def placeholder(kind: str, name: str, attribute: str, body: Mapping[str, Any], evaluator: Evaluator) -> str:
    """A known value standing for an output: an ARN, an id, or ``<type>.<name>.<attribute>``."""
    physical = _physical_name(body, evaluator) or name
    if attribute == "arn" or attribute.endswith("_arn"):
        if kind == "aws_s3_bucket":
            return f"arn:aws:s3:::{physical}"
        service = kind.removeprefix("aws_").split("_")[0]
        return f"arn:aws:{service}:{REGION}:{ACCOUNT_ID}:{kind.removeprefix('aws_')}/{physical}"
    if attribute == "id":
        return physical if kind == "aws_s3_bucket" else f"{physical}-id"
    return f"{kind}.{name}.{attribute}"


def _physical_name(body: Mapping[str, Any], evaluator: Evaluator) -> str | None:
    for key in ("bucket", "name"):
        raw = body.get(key)
        if isinstance(raw, str) and raw.startswith('"') and "${" not in raw:
            value = evaluator.value(raw)
            if isinstance(value, str):
                return value
    return None


def _attribute(rest: list[str]) -> str | None:
    """The attribute named after a resource address, skipping ``[0]`` and ``*``."""
    for part in rest:
        if part != "*" and not part.isdigit() and not part.startswith('"'):
            return part
    return None


def _walk(value: Any, path: list[str]) -> Any:
    for part in path:
        if isinstance(value, dict) and unquote_key(part) in value:
            value = value[unquote_key(part)]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return UNKNOWN
    return value


def _as_text(value: Any, expression: str) -> str:
    if value == UNKNOWN or isinstance(value, list | dict):
        return expression.strip().replace('"', "'")
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _escape(body: str, index: int, out: list[str]) -> int:
    code = body[index + 1]
    if code in _ESCAPES:
        out.append(_ESCAPES[code])
        return index + 2
    if code == "u" and index + 6 <= len(body):
        out.append(chr(int(body[index + 2 : index + 6], 16)))
        return index + 6
    out.append("\\")
    return index + 1


def _closing(text: str, start: int, *, opening: str = "{", closing: str = "}") -> int:
    """The index of the bracket that closes the one opened just before ``start`` (strings skipped)."""
    depth = 1
    index = start
    in_string = False
    while index < len(text):
        char = text[index]
        if in_string:
            if char == "\\":
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return len(text)
