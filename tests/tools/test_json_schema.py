"""JSON Schema validation in gojsonschema v1.2.0's words, as the Pulumi CLI reports a policy config error.

Each case restates a check of gojsonschema's ``validation.go`` with its template from ``locales.go``,
rendered as ``ResultErrorFields.String()``: ``<field>: <description>``, the field being the path
below ``(root)``.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.json_schema import UnsupportedSchemaError, is_format, validate


def messages(schema: dict[str, Any] | bool, document: Any) -> list[str]:
    return [str(error) for error in validate(schema, document)]


def obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


@pytest.mark.parametrize(
    ("schema", "document", "expected"),
    [
        (obj(n={"type": "number"}), {"n": "7"}, ["n: Invalid type. Expected: number, given: string"]),
        (obj(s={"type": "string"}), {"s": 5}, ["s: Invalid type. Expected: string, given: integer"]),
        (obj(s={"type": "string"}), {"s": 5.5}, ["s: Invalid type. Expected: string, given: number"]),
        (obj(i={"type": "integer"}), {"i": 7.0}, []),
        (obj(i={"type": "integer"}), {"i": 7.5}, ["i: Invalid type. Expected: integer, given: number"]),
        (obj(n={"type": "number"}), {"n": None}, ["n: Invalid type. Expected: number, given: null"]),
        (obj(b={"type": "boolean"}), {"b": "true"}, ["b: Invalid type. Expected: boolean, given: string"]),
        (obj(a={"type": "array"}), {"a": {}}, ["a: Invalid type. Expected: array, given: object"]),
        (obj(o={"type": "object"}), {"o": [1]}, ["o: Invalid type. Expected: object, given: array"]),
        (obj(u={"type": ["string", "null"]}), {"u": 1}, ["u: Invalid type. Expected: [string,null], given: integer"]),
        ({"type": "object"}, [], ["(root): Invalid type. Expected: object, given: array"]),
    ],
    ids=[
        "number-given-string",
        "string-given-integer",
        "string-given-number",
        "whole-float-is-an-integer",
        "integer-given-number",
        "number-given-null",
        "boolean-given-string",
        "array-given-object",
        "object-given-array",
        "several-types",
        "root",
    ],
)
def test_a_value_of_the_wrong_type_names_the_expected_and_the_given_type(
    schema: dict[str, Any], document: Any, expected: list[str]
) -> None:
    assert messages(schema, document) == expected


@pytest.mark.parametrize(
    ("schema", "document", "expected"),
    [
        ({"minimum": 1}, 0, "Must be greater than or equal to 1"),
        ({"minimum": 0.5}, 0.25, "Must be greater than or equal to 0.5"),
        ({"maximum": 35}, 36, "Must be less than or equal to 35"),
        ({"exclusiveMinimum": 0}, 0, "Must be greater than 0"),
        ({"exclusiveMaximum": 10}, 10, "Must be less than 10"),
        ({"minimum": 5, "exclusiveMinimum": True}, 5, "Must be greater than 5"),
        ({"maximum": 1000000}, 2000000, "Must be less than or equal to 1e+06"),
        ({"multipleOf": 0.5}, 0.7, "Must be a multiple of 0.5"),
        ({"minLength": 1}, "", "String length must be greater than or equal to 1"),
        ({"maxLength": 2}, "héé", "String length must be less than or equal to 2"),
        ({"pattern": "^[0-9]{12}$"}, "12345", "Does not match pattern '^[0-9]{12}$'"),
        ({"format": "date"}, "2999-13-45", "Does not match format 'date'"),
        ({"format": "date"}, 20240101, "Does not match format 'date'"),
        ({"minItems": 1}, [], "Array must have at least 1 items"),
        ({"maxItems": 1}, [1, 2], "Array must have at most 1 items"),
        ({"uniqueItems": True}, ["a", "b", "a"], "array items[0,2] must be unique"),
        ({"minProperties": 1}, {}, "Must have at least 1 properties"),
        ({"maxProperties": 1}, {"a": 1, "b": 2}, "Must have at most 1 properties"),
        ({"enum": ["advisory", "mandatory"]}, "strict", '(root) must be one of the following: "advisory", "mandatory"'),
        ({"const": 7}, 8, "(root) does not match: 7"),
        ({"not": {"type": "string"}}, "x", "Must not validate the schema (not)"),
        ({"dependencies": {"a": ["b"]}}, {"a": 1}, "Has a dependency on b"),
        (False, 1, "False always fails validation"),
    ],
)
def test_each_keyword_fails_with_gojsonschemas_message(
    schema: dict[str, Any] | bool, document: Any, expected: str
) -> None:
    assert messages(schema, document) == [f"(root): {expected}"]


def test_the_field_is_the_path_below_the_root_through_properties_and_items() -> None:
    schema = obj(
        exemptions={
            "type": "array",
            "items": {
                "type": "object",
                "required": ["reason"],
                "additionalProperties": False,
                "properties": {"reason": {"type": "string", "minLength": 1}},
            },
        }
    )
    document = {"exemptions": [{"reason": "ok"}, {"reason": "", "extra": 1}, {}]}
    assert messages(schema, document) == [
        "exemptions.1: Additional property extra is not allowed",
        "exemptions.1.reason: String length must be greater than or equal to 1",
        "exemptions.2: reason is required",
    ]


def test_an_enum_error_names_its_field_twice_as_gojsonschema_does() -> None:
    schema = obj(enforcementLevel={"type": "string", "enum": ["advisory", "mandatory"]})
    assert messages(schema, {"enforcementLevel": "off"}) == [
        'enforcementLevel: enforcementLevel must be one of the following: "advisory", "mandatory"'
    ]


def test_one_of_with_no_match_adds_the_errors_of_the_branch_the_document_comes_closest_to() -> None:
    schema = {"oneOf": [{"required": ["a", "b"]}, {"required": ["c"]}]}
    assert messages(schema, {"a": 1}) == [
        "(root): Must validate one and only one schema (oneOf)",
        "(root): b is required",
    ]
    assert messages(schema, {}) == ["(root): Must validate one and only one schema (oneOf)", "(root): c is required"]


def test_one_of_with_two_matches_fails_without_branch_errors() -> None:
    schema = {"oneOf": [{"required": ["urn"]}, {"required": ["name"]}]}
    assert messages(schema, {"urn": "u", "name": "n"}) == ["(root): Must validate one and only one schema (oneOf)"]
    assert messages(schema, {"urn": "u"}) == []


def test_any_of_and_all_of() -> None:
    any_of = {"anyOf": [{"type": "string"}, {"type": "number", "minimum": 10}]}
    assert messages(any_of, "x") == []
    assert messages(any_of, 3) == [
        "(root): Must validate at least one schema (anyOf)",
        "(root): Must be greater than or equal to 10",
    ]
    all_of = {"allOf": [{"minimum": 1}, {"maximum": 2}]}
    assert messages(all_of, 3) == [
        "(root): Must be less than or equal to 2",
        "(root): Must validate all the schemas (allOf)",
    ]


def test_if_then_else() -> None:
    schema = {"if": {"type": "string"}, "then": {"minLength": 2}, "else": {"minimum": 0}}
    assert messages(schema, "a") == [
        '(root): Must validate "then" as "if" was valid',
        "(root): String length must be greater than or equal to 2",
    ]
    assert messages(schema, -1) == [
        '(root): Must validate "else" as "if" was not valid',
        "(root): Must be greater than or equal to 0",
    ]


def test_items_by_position_additional_items_contains_pattern_properties_and_property_names() -> None:
    assert messages({"items": [{"type": "string"}], "additionalItems": False}, ["a", "b"]) == [
        "(root): No additional items allowed on array"
    ]
    assert messages({"contains": {"type": "string"}}, [1, 2]) == [
        "(root): At least one of the items must match",
        "0: Invalid type. Expected: string, given: integer",
    ]
    assert messages({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False}, {"x-a": 1}) == [
        "x-a: Invalid type. Expected: string, given: integer"
    ]
    assert messages({"propertyNames": {"pattern": "^[a-z]+$"}}, {"A": 1}) == [
        '(root): Property name of "A" does not match',
        "(root): Does not match pattern '^[a-z]+$'",
    ]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2024-02-29", True),
        ("2023-02-29", False),
        ("0000-02-29", True),
        ("2024-1-01", False),
        ("2024-01-01T00:00:00Z", False),
        ("２０２４-01-01", False),
    ],
)
def test_a_date_is_what_gos_time_parse_accepts_for_2006_01_02(value: str, valid: bool) -> None:
    assert is_format("date", value) is valid


def test_date_times_and_unregistered_formats() -> None:
    assert is_format("date-time", "2024-01-01T10:00:00.5+02:00")
    assert not is_format("date-time", "2024-01-01 10:00:00Z")
    assert is_format("no-such-format", "anything")


def test_a_reference_is_refused_rather_than_passed() -> None:
    with pytest.raises(UnsupportedSchemaError):
        validate({"$ref": "#/definitions/x"}, 1)


EXEMPTION_LIKE = {
    "type": "object",
    "properties": {
        "minimumDays": {"type": "number", "minimum": 1, "maximum": 35},
        "requiredTags": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "exemptions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "oneOf": [{"required": ["urn"]}, {"required": ["name"]}],
                "required": ["reason", "expires"],
                "properties": {
                    "urn": {"type": "string", "pattern": "^urn:pulumi:"},
                    "name": {"type": "string", "minLength": 1},
                    "reason": {"type": "string", "pattern": "\\S"},
                    "expires": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                },
            },
        },
    },
    "required": ["minimumDays"],
}
"""The keywords paved's policy config schemas use, in one schema."""

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 50),
    st.floats(-5, 50, allow_nan=False),
    st.sampled_from(["", " ", "x", "urn:pulumi:a", "2999-01-01", "2999-02-30", "soon"]),
)
_exemption = st.dictionaries(st.sampled_from(["urn", "name", "reason", "expires", "ticket"]), _scalars, max_size=5)
_documents = st.fixed_dictionaries(
    {},
    optional={
        "minimumDays": _scalars,
        "requiredTags": st.one_of(_scalars, st.lists(_scalars, max_size=3)),
        "exemptions": st.one_of(_scalars, st.lists(_exemption, max_size=3)),
        "other": _scalars,
    },
)


@settings(max_examples=300, deadline=None)
@given(_documents)
def test_what_is_valid_agrees_with_the_jsonschema_packages_draft_7(document: dict[str, Any]) -> None:
    reference = jsonschema.Draft7Validator(EXEMPTION_LIKE, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert (validate(EXEMPTION_LIKE, document) == []) is reference.is_valid(document)
