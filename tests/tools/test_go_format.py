"""Values printed as Go prints them (``strconv.FormatFloat(f, 'g', -1, 64)``, ``fmt``'s ``%v``, ``strconv.Quote``),
so that the tools repeat the Pulumi CLI's messages."""

from __future__ import annotations

from typing import Any

import pytest

from tools.go_format import go_float, go_json, go_quote, go_value


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (3.0, "3"),
        (1.5, "1.5"),
        (123456.0, "123456"),
        (1234567.0, "1.234567e+06"),
        (100000000.0, "1e+08"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (-2.5, "-2.5"),
        (0.0, "0"),
        (float("inf"), "+Inf"),
    ],
)
def test_floats_are_printed_in_shortest_g_form(value: float, printed: str) -> None:
    assert go_float(value) == printed


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (None, "<nil>"),
        (True, "true"),
        (7, "7"),
        ("text", "text"),
        ([1, "a", None], "[1 a <nil>]"),
        ({"b": 2, "a": [True]}, "map[a:[true] b:2]"),
    ],
)
def test_decoded_json_values_are_printed_as_percent_v(value: Any, printed: str) -> None:
    assert go_value(value) == printed


def test_strings_are_quoted_as_strconv_quote() -> None:
    assert go_quote('a"b\\c') == '"a\\"b\\\\c"'
    assert go_quote("tab\there\x01é") == '"tab\\there\\x01é"'


def test_json_is_compact_with_sorted_keys_whole_numbers_and_html_escapes() -> None:
    assert go_json({"b": "<x>", "a": [1.0, 2.5, None, False]}) == '{"a":[1,2.5,null,false],"b":"\\u003cx\\u003e"}'
