"""Values printed the way Go prints them, so that the offline tools repeat the Pulumi CLI's messages.

The CLI formats config values with ``fmt``'s ``%v`` and ``%q`` verbs (Go 1.24, ``fmt/print.go``,
``strconv/ftoa.go``, ``strconv/quote.go``), and the JSON values it formats are what
``encoding/json`` decodes into ``interface{}``: ``float64``, ``string``, ``bool``, ``nil``,
``[]interface{}`` and ``map[string]interface{}``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

SHORTEST_G_EXPONENT_LIMIT = 6
"""``strconv.FormatFloat(f, 'g', -1, 64)`` switches to ``%e`` at a decimal exponent of 6 or more."""
SMALLEST_G_EXPONENT = -4
"""... and below -4."""


def go_float(value: float) -> str:
    """``strconv.FormatFloat(value, 'g', -1, 64)``: what ``%v`` prints for a ``float64``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if value == 0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    sign = "-" if value < 0 else ""
    shortest = Decimal(repr(abs(value))).normalize()
    digits = "".join(str(digit) for digit in shortest.as_tuple().digits)
    point = len(digits) + int(shortest.as_tuple().exponent)
    """Where the decimal point goes, counted from the first digit."""
    exponent = point - 1
    if exponent < SMALLEST_G_EXPONENT or exponent >= SHORTEST_G_EXPONENT_LIMIT:
        mantissa = digits[0] + (f".{digits[1:]}" if len(digits) > 1 else "")
        return f"{sign}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return f"{sign}{digits}{'0' * (point - len(digits))}"
    return f"{sign}{digits[:point]}.{digits[point:]}"


def go_value(value: Any) -> str:
    """``fmt.Sprintf("%v", value)`` for a value ``encoding/json`` decoded (map keys sorted, as ``fmt`` does)."""
    if value is None:
        return "<nil>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return go_float(float(value))
    if isinstance(value, list):
        return "[" + " ".join(go_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "map[" + " ".join(f"{key}:{go_value(value[key])}" for key in sorted(value)) + "]"
    return str(value)


_QUOTE_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}
ASCII_LIMIT = 0x80
BASIC_PLANE_LIMIT = 0x10000


def go_quote(text: str) -> str:
    """``strconv.Quote(text)``: what ``%q`` prints for a string."""
    out = ['"']
    for char in text:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        elif char in _QUOTE_ESCAPES:
            out.append(_QUOTE_ESCAPES[char])
        elif ord(char) < ASCII_LIMIT:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < BASIC_PLANE_LIMIT:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    out.append('"')
    return "".join(out)


_JSON_HTML_ESCAPED = "<>&\u2028\u2029"
"""What ``encoding/json`` writes as ``\\uXXXX`` inside strings, beyond what JSON requires."""


def go_json(value: Any) -> str:
    """``json.Marshal(value)`` for a decoded JSON value: compact, map keys sorted, whole floats without ``.0``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        number = float(value)
        return str(int(number)) if number.is_integer() and abs(number) < 1e21 else repr(number)
    if isinstance(value, str):
        escaped = json.dumps(value, ensure_ascii=False)
        for char, code in (
            ("<", "\\u003c"),
            (">", "\\u003e"),
            ("&", "\\u0026"),
            ("\u2028", "\\u2028"),
            ("\u2029", "\\u2029"),
        ):
            escaped = escaped.replace(char, code)
        return escaped
    if isinstance(value, list):
        return "[" + ",".join(go_json(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{go_json(str(key))}:{go_json(value[key])}" for key in sorted(value)) + "}"
    return go_json(str(value))
