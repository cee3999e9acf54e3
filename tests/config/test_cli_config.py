"""The Pulumi CLI's config rules (``tools/cli_config.py``, restated from pulumi/pulumi v3.187.0): one table per
rule, each case a project declaration and a stack value with the CLI's exact answer; then the repository's
own files, and ``tools.plan`` refusing what the CLI refuses with the CLI's message and exit code 2."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

import pytest
import yaml

from components.config.stack import REQUIRED_SECTIONS, SECRET_KEYS, SECTIONS
from tests.conftest import stack_yaml_config
from tools import cli_config
from tools.cli_config import SECRET_PLACEHOLDER, CliConfigError, merge_config, project_declarations, stack_values
from tools.program import REPO_ROOT
from tools.stack_files import StackFileError, list_stacks, raw_config_from_mapping, read_stack_config

PROJECT = {"name": "proj", "runtime": "python"}


def merged(declarations: dict[str, Any], stack: dict[str, Any], *, secure: tuple[str, ...] = ()) -> dict[str, str]:
    """The config the CLI hands the program of stack ``s`` in project ``proj``, or its error."""
    declared = project_declarations({**PROJECT, "config": declarations})
    values = stack_values("proj", stack, secure_keys=secure)
    return merge_config("s", "proj", declared, values).values


def refusal(declarations: dict[str, Any], stack: dict[str, Any], *, secure: tuple[str, ...] = ()) -> str:
    with pytest.raises(CliConfigError) as refused:
        merged(declarations, stack, secure=secure)
    return str(refused.value)


# --- mergeConfig: a project-namespaced key with neither default nor value must be set ---------------

MISSING: list[tuple[str, dict[str, Any], dict[str, Any], str]] = [
    ("one key", {"proj:a": {"type": "string"}}, {}, "Stack 's' is missing configuration value 'proj:a'"),
    (
        "two keys, sorted, joined by and",
        {"proj:b": {"type": "string"}, "proj:a": {"type": "object"}},
        {},
        "Stack 's' is missing configuration values 'proj:a' and 'proj:b'",
    ),
    (
        "four keys, commas then and",
        {f"proj:{k}": {"type": "string"} for k in "dcba"},
        {},
        "Stack 's' is missing configuration values 'proj:a', 'proj:b', 'proj:c' and 'proj:d'",
    ),
    (
        "a key declared without its namespace",
        {"a": {"type": "string"}},
        {},
        "Stack 's' is missing configuration value 'a'",
    ),
    (
        "a secret is required like any key",
        {"proj:k": {"type": "string", "secret": True}},
        {},
        "Stack 's' is missing configuration value 'proj:k'",
    ),
]


@pytest.mark.parametrize(("declarations", "stack", "message"), [c[1:] for c in MISSING], ids=[c[0] for c in MISSING])
def test_a_declared_key_without_default_or_value_must_be_set(
    declarations: dict[str, Any], stack: dict[str, Any], message: str
) -> None:
    assert refusal(declarations, stack) == message


def test_the_issue_13_refusal_is_reproduced_from_the_old_declarations() -> None:
    old = {  # Pulumi.yaml before issue 13: typed sections and secrets, no defaults
        **{f"paved:{section}": {"type": "object"} for section in SECTIONS},
        **{f"paved:{key}": {"type": "string", "secret": True} for key in SECRET_KEYS},
    }
    declared = project_declarations({"name": "paved", "runtime": "python", "config": old})
    values = stack_values("paved", stack_yaml_config("dev"))
    with pytest.raises(CliConfigError) as refused:
        merge_config("dev", "paved", declared, values)
    assert str(refused.value) == (
        "Stack 'dev' is missing configuration values 'paved:applePrivateKey', 'paved:googleClientSecret', "
        "'paved:mail' and 'paved:microsoftClientSecret'"
    )


# --- validateStackConfigValue: a secret must be encrypted, then every typed value of its type ---------

SECRETS: list[tuple[str, dict[str, Any], dict[str, Any], tuple[str, ...], str | None]] = [
    (
        "plain value for a secret",
        {"proj:k": {"type": "string", "secret": True}},
        {"proj:k": "hunter2"},
        (),
        "Stack 's' with configuration key 'proj:k' must be encrypted as it's secret",
    ),
    (
        "secret checked before its type",
        {"proj:k": {"type": "integer", "secret": True}},
        {"proj:k": "x"},
        (),
        "Stack 's' with configuration key 'proj:k' must be encrypted as it's secret",
    ),
    ("encrypted value", {"proj:k": {"type": "string", "secret": True}}, {"proj:k": {"secure": "v1:a:b"}}, (), None),
    (
        "secret set as a test's secret key",
        {"proj:k": {"type": "string", "secret": True}},
        {"proj:k": "x"},
        ("proj:k",),
        None,
    ),
    ("secret declared without a type is still secret", {"proj:k": {"secret": True}}, {"proj:k": "x"}, (), None),
]


@pytest.mark.parametrize(
    ("declarations", "stack", "secure", "message"), [c[1:] for c in SECRETS], ids=[c[0] for c in SECRETS]
)
def test_a_secret_key_must_be_encrypted(
    declarations: dict[str, Any], stack: dict[str, Any], secure: tuple[str, ...], message: str | None
) -> None:
    if message is None:
        assert merged(declarations, stack, secure=secure)["proj:k"] in (SECRET_PLACEHOLDER, "x")
    else:
        assert refusal(declarations, stack, secure=secure) == message


TYPES: list[tuple[str, dict[str, Any], Any, str | None]] = [
    ("object given an object", {"type": "object"}, {"a": 1}, None),
    ("object given text", {"type": "object"}, "big", "must be of type 'object'"),
    ("object given a number", {"type": "object"}, 3, "must be of type 'object'"),
    ("object given a list", {"type": "object"}, [1], "must be of type 'object'"),
    ("object left empty", {"type": "object"}, None, "must be of type 'object'"),
    ("string left empty", {"type": "string"}, None, "must be of type 'string'"),
    ("string given a number: the text '5'", {"type": "string"}, 5, None),
    ("string given an object", {"type": "string"}, {"a": 1}, "must be of type 'string'"),
    ("integer given a whole number", {"type": "integer"}, 7, None),
    ("integer given a fraction", {"type": "integer"}, 7.5, "must be of type 'integer'"),
    ("integer given digits as text", {"type": "integer"}, "42", None),
    ("integer given words", {"type": "integer"}, "three", "must be of type 'integer'"),
    ("boolean given true", {"type": "boolean"}, True, None),
    ("boolean given the text false", {"type": "boolean"}, "false", None),
    ("boolean given yes", {"type": "boolean"}, "yes", "must be of type 'boolean'"),
    ("array of strings", {"type": "array", "items": {"type": "string"}}, ["a", "b"], None),
    (
        "array with a number",
        {"type": "array", "items": {"type": "string"}},
        ["a", 1],
        "must be of type 'array<string>'",
    ),
    (
        "array of arrays of integers",
        {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}},
        [[1, 2], [3.5]],
        "must be of type 'array<array<integer>>'",
    ),
]


@pytest.mark.parametrize(("declaration", "value", "problem"), [c[1:] for c in TYPES], ids=[c[0] for c in TYPES])
def test_a_typed_value_must_be_of_its_declared_type(
    declaration: dict[str, Any], value: Any, problem: str | None
) -> None:
    if problem is None:
        assert "proj:k" in merged({"proj:k": declaration}, {"proj:k": value})
    else:
        assert (
            refusal({"proj:k": declaration}, {"proj:k": value})
            == f"Stack 's' with configuration key 'proj:k' {problem}"
        )


def test_the_first_invalid_value_in_key_order_wins_over_missing_keys() -> None:
    declarations = {"proj:a": {"type": "string"}, "proj:b": {"type": "object"}, "proj:c": {"type": "object"}}
    assert refusal(declarations, {"proj:c": "x", "proj:b": "y"}) == (
        "Stack 's' with configuration key 'proj:b' must be of type 'object'"
    )


# --- defaults and project-level values are merged in ------------------------------------------------

MERGES: list[tuple[str, dict[str, Any], dict[str, Any], str, str]] = [
    (
        "an object default reaches the program as JSON",
        {"proj:k": {"type": "object", "default": {}}},
        {},
        "proj:k",
        "{}",
    ),
    ("a text default", {"proj:k": {"type": "string", "default": "x"}}, {}, "proj:k", "x"),
    (
        "a secret's default is plain text",
        {"proj:k": {"type": "string", "secret": True, "default": ""}},
        {},
        "proj:k",
        "",
    ),
    ("a boolean default as the CLI prints it", {"proj:k": {"type": "boolean", "default": True}}, {}, "proj:k", "true"),
    ("a shorthand default", {"proj:k": 3}, {}, "proj:k", "3"),
    ("another namespace's value", {"aws:region": {"value": "eu-west-1"}}, {}, "aws:region", "eu-west-1"),
    (
        "a list value as JSON",
        {"pulumi:disable-default-providers": {"value": ["aws"]}},
        {},
        "pulumi:disable-default-providers",
        '["aws"]',
    ),
    ("the stack's value wins", {"proj:k": {"type": "string", "default": "x"}}, {"proj:k": "y"}, "proj:k", "y"),
    (
        "the stack's object as JSON",
        {"proj:k": {"type": "object", "default": {}}},
        {"k": {"b": 2.0, "a": [1]}},
        "proj:k",
        '{"a":[1],"b":2}',
    ),
    ("an undeclared key passes through", {}, {"other:k": 5}, "other:k", "5"),
]


@pytest.mark.parametrize(("declarations", "stack", "key", "value"), [c[1:] for c in MERGES], ids=[c[0] for c in MERGES])
def test_defaults_and_project_values_are_merged_in(
    declarations: dict[str, Any], stack: dict[str, Any], key: str, value: str
) -> None:
    assert merged(declarations, stack)[key] == value


def test_a_value_the_stack_encrypts_is_secret_and_unknown_offline() -> None:
    declarations = project_declarations({**PROJECT, "config": {"proj:k": {"type": "string", "secret": True}}})
    result = merge_config("s", "proj", declarations, stack_values("proj", {"proj:k": {"secure": "v1:a:b"}}))
    assert (result.values["proj:k"], result.secret_keys) == (SECRET_PLACEHOLDER, frozenset({"proj:k"}))


# --- Project.Validate: what a declaration may say ---------------------------------------------------

PROJECT_RULES: list[tuple[str, dict[str, Any], str]] = [
    (
        "both default and value",
        {"proj:k": {"default": "a", "value": "b"}},
        "project config 'proj:k' cannot have both a 'default' and 'value' attribute",
    ),
    (
        "an array without items",
        {"proj:k": {"type": "array"}},
        "The configuration key 'proj:k' declares an array but does not specify the underlying type via the "
        "'items' attribute",
    ),
    (
        "a default of another type",
        {"proj:k": {"type": "object", "default": "x"}},
        "The default value specified for configuration key 'proj:k' is not of the expected type 'object'",
    ),
    (
        "a typed key of another namespace",
        {"aws:region": {"type": "string", "value": "x"}},
        "Configuration key 'aws:region' is not namespaced by the project and should not define a type",
    ),
    (
        "a default for another namespace",
        {"aws:region": {"default": "x"}},
        "Configuration key 'aws:region' is not namespaced by the project and should not define a default value. "
        "Did you mean to use the 'value' attribute instead of 'default'?",
    ),
    (
        "another namespace without a value",
        {"aws:region": {"description": "x"}},
        "Configuration key 'aws:region' is namespaced and must provide an attribute 'value'",
    ),
]


@pytest.mark.parametrize(("declarations", "message"), [c[1:] for c in PROJECT_RULES], ids=[c[0] for c in PROJECT_RULES])
def test_a_malformed_declaration_is_refused_when_the_project_loads(declarations: dict[str, Any], message: str) -> None:
    with pytest.raises(CliConfigError) as refused:
        project_declarations({**PROJECT, "config": declarations})
    assert str(refused.value) == f"could not unmarshal 'Pulumi.yaml': {message}"


# --- keys and encrypted values --------------------------------------------------------------------

KEYS: list[tuple[str, str, str | None]] = [
    ("namespaced", "aws:region", "aws:region"),
    ("old config module form", "aws:config:region", "aws:region"),
    ("a bare key takes the project's namespace", "region", "proj:region"),
    ("three colons", "a:b:c:d", None),
    ("two colons without config", "a:b:c", None),
]


@pytest.mark.parametrize(("key", "read_as"), [c[1:] for c in KEYS], ids=[c[0] for c in KEYS])
def test_a_stack_key_is_namespace_and_name(key: str, read_as: str | None) -> None:
    if read_as is not None:
        assert list(stack_values("proj", {key: "x"})) == [read_as]
        return
    with pytest.raises(CliConfigError) as refused:
        stack_values("proj", {key: "x"})
    assert str(refused.value) == (
        f"could not parse {key} as a configuration key (configuration keys should be of the form `<namespace>:<name>`)"
    )


NONCE = "AAAAAAAAAAAAAAAA"  # 12 bytes, base64
CIPHERTEXTS: list[tuple[str, str, str | None]] = [
    ("the passphrase provider's form", f"v1:{NONCE}:c2VhbGVk", None),
    ("two parts", "v1:c2VhbGVk", "bad value"),
    ("another version", f"v2:{NONCE}:c2VhbGVk", "unknown value version"),
    ("not base64", "v1:!!!:c2VhbGVk", "bad value: illegal base64 data"),
    ("a short nonce", "v1:AAAA:c2VhbGVk", "bad value: nonce size is incorrect"),
]


@pytest.mark.parametrize(("ciphertext", "problem"), [c[1:] for c in CIPHERTEXTS], ids=[c[0] for c in CIPHERTEXTS])
def test_with_a_passphrase_salt_every_secure_value_is_a_passphrase_ciphertext(
    ciphertext: str, problem: str | None
) -> None:
    config = {"proj:k": {"secure": ciphertext}}
    stack = {"encryptionsalt": f"v1:c2FsdA==:v1:{NONCE}:c2VhbGVk", "config": config}
    if problem is None:
        cli_config.check_passphrase_ciphertexts(stack, config, file="Pulumi.s.yaml")
        return
    with pytest.raises(CliConfigError) as refused:
        cli_config.check_passphrase_ciphertexts(stack, config, file="Pulumi.s.yaml")
    assert str(refused.value) == f"Pulumi.s.yaml: proj:k: cannot be decrypted by the passphrase provider ({problem})"


# --- the repository's files -------------------------------------------------------------------------


@pytest.mark.parametrize("stack", list_stacks(REPO_ROOT))
def test_every_stack_file_passes_the_cli(stack: str) -> None:
    raw = read_stack_config(REPO_ROOT, stack)
    assert raw.values["paved:tags"].startswith("{")
    assert raw.values["pulumi:disable-default-providers"] == '["aws"]'


@pytest.mark.parametrize("section", [s for s in SECTIONS if s not in REQUIRED_SECTIONS])
def test_a_stack_may_leave_out_any_optional_section(section: str) -> None:
    config = {
        key: value for key, value in stack_yaml_config("example-serverless-api").items() if key != f"paved:{section}"
    }
    raw = raw_config_from_mapping(config, stack="s")
    assert raw.values[f"paved:{section}"] == "{}"


def test_a_stack_without_sign_in_reads_the_secrets_as_not_set() -> None:
    raw = read_stack_config(REPO_ROOT, "dev")
    assert {key: raw.values[f"paved:{key}"] for key in SECRET_KEYS} == dict.fromkeys(SECRET_KEYS, "")
    assert not raw.secret_keys & {f"paved:{key}" for key in SECRET_KEYS}


@pytest.mark.parametrize("section", REQUIRED_SECTIONS)
def test_a_stack_without_a_required_section_is_refused_as_the_cli_refuses_it(section: str) -> None:
    config = {key: value for key, value in stack_yaml_config("dev").items() if key != f"paved:{section}"}
    with pytest.raises(StackFileError) as refused:
        raw_config_from_mapping(config, stack="dev")
    assert str(refused.value) == f"Stack 'dev' is missing configuration value 'paved:{section}'"


def test_pulumi_yaml_declares_only_what_the_cli_accepts() -> None:
    document = yaml.safe_load((REPO_ROOT / "Pulumi.yaml").read_text())
    declared = project_declarations(document)
    assert {key for key in declared if key.startswith("paved:")} == {f"paved:{k}" for k in (*SECTIONS, *SECRET_KEYS)}


def test_plan_exits_2_with_the_cli_message_when_a_required_key_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tools.plan

    shutil.copy(REPO_ROOT / "Pulumi.yaml", tmp_path / "Pulumi.yaml")
    config = {key: value for key, value in stack_yaml_config("dev").items() if key != "paved:budget"}
    (tmp_path / "Pulumi.broken.yaml").write_text(yaml.safe_dump({"config": config}))
    monkeypatch.setattr(tools.plan, "REPO_ROOT", tmp_path)
    stderr = io.StringIO()
    with redirect_stderr(stderr):
        code = tools.plan.main(["broken", "--format", "json"])
    assert (code, stderr.getvalue()) == (2, "error: Stack 'broken' is missing configuration value 'paved:budget'\n")
