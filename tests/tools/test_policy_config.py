"""Policy config files, read as `pulumi preview --policy-pack-config` reads them.

pulumi/pulumi pkg/v3.187.0, ``pkg/resource/analyzer/config.go`` (``parsePolicyPackConfig``,
``extractEnforcementLevel``); the messages are the CLI's, after the file's name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.errors import InputError
from tools.policy_config import PolicySetting, default_path, read_policy_config, resolve_policy_config


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.json"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "settings"),
    [
        ("", {}),
        ("  \n", {}),
        ("null", {}),
        ("{}", {}),
        ('{"all": "advisory"}', {"all": PolicySetting("advisory")}),
        ('{"p": "remediate"}', {"p": PolicySetting("remediate")}),
        ('{"p": {"enforcementLevel": "disabled"}}', {"p": PolicySetting("disabled")}),
        ('{"p": {"maxMonthlyUsd": 25}}', {"p": PolicySetting("", {"maxMonthlyUsd": 25})}),
        ('{"p": {"enforcementLevel": "mandatory", "x": [1]}}', {"p": PolicySetting("mandatory", {"x": [1]})}),
        ('{"p": {}}', {}),
        ('{"no-such-policy": "mandatory"}', {"no-such-policy": PolicySetting("mandatory")}),
    ],
    ids=[
        "empty-file",
        "blank-file",
        "json-null",
        "empty-object",
        "all-key",
        "level-string",
        "level-in-object",
        "properties-without-level",
        "level-taken-out-of-properties",
        "empty-entry-dropped",
        "unknown-policy-names-are-kept",
    ],
)
def test_what_the_cli_accepts_is_read_into_levels_and_properties(
    tmp_path: Path, text: str, settings: dict[str, PolicySetting]
) -> None:
    config = read_policy_config(_config(tmp_path, text))
    assert config.settings == settings


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('["all"]', "json: cannot unmarshal array into Go value of type map[string]interface {}"),
        ('"mandatory"', "json: cannot unmarshal string into Go value of type map[string]interface {}"),
        ("7", "json: cannot unmarshal number into Go value of type map[string]interface {}"),
        ('{"all": "strict"}', 'parsing enforcement level for "all": "strict" is not a valid enforcement level'),
        ('{"p": "Mandatory"}', 'parsing enforcement level for "p": "Mandatory" is not a valid enforcement level'),
        (
            '{"p": {"enforcementLevel": "off"}}',
            'parsing enforcement level for "p": "off" is not a valid enforcement level',
        ),
        (
            '{"p": {"enforcementLevel": 1}}',
            'parsing enforcement level for "p": 1 is not a valid enforcement level; must be a string',
        ),
        (
            '{"p": {"enforcementLevel": null}}',
            'parsing enforcement level for "p": <nil> is not a valid enforcement level; must be a string',
        ),
        ('{"p": 3}', 'parsing "p": 3 is not a valid value; must be a string or object'),
        ('{"p": 100000000}', 'parsing "p": 1e+08 is not a valid value; must be a string or object'),
        ('{"p": true}', 'parsing "p": true is not a valid value; must be a string or object'),
        ('{"p": null}', 'parsing "p": <nil> is not a valid value; must be a string or object'),
        ('{"p": ["a", 1.5]}', 'parsing "p": [a 1.5] is not a valid value; must be a string or object'),
        ('{"p": NaN}', "invalid character 'N' looking for beginning of value"),
        ("{", "not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"),
    ],
    ids=[
        "array",
        "string",
        "number",
        "bad-level-string",
        "levels-are-lower-case",
        "bad-level-in-object",
        "level-not-a-string",
        "level-null",
        "number-value",
        "number-printed-as-go-prints-it",
        "boolean-value",
        "null-value",
        "list-value",
        "nan-is-not-json",
        "syntax-error-keeps-line-and-column",
    ],
)
def test_what_the_cli_refuses_is_one_line_naming_the_file_with_the_clis_message(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(InputError) as failure:
        read_policy_config(path)
    assert str(failure.value) == f"policy config {path}: {message}"


def test_the_stack_default_is_used_only_when_it_exists(tmp_path: Path) -> None:
    assert default_path("dev").parts[-3:] == ("policies", "config", "dev.json")
    assert resolve_policy_config("no-such-stack-here", None).path is None
    explicit = _config(tmp_path, '{"all": "mandatory"}')
    assert resolve_policy_config("no-such-stack-here", explicit).settings == {"all": PolicySetting("mandatory")}


def test_a_missing_explicit_policy_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as failure:
        resolve_policy_config("dev", tmp_path / "missing.json")
    assert str(failure.value) == f"policy config {tmp_path / 'missing.json'}: no such file"


def test_a_missing_default_config_is_described_with_the_file_to_create() -> None:
    config = resolve_policy_config("staging", None)
    assert config.described("staging") == (
        "no policy config for stack staging (policies/config/staging.json does not exist; pass --policy-config)"
    )
