"""Policy config files, read as `pulumi preview --policy-pack-config` reads them.

Format (Pulumi docs, "Configuring policy packs"; pulumi/pulumi ``parsePolicyPackConfig``): a JSON
object of policy name (or ``all``) → an enforcement level, or an object of settings with an optional
``enforcementLevel``; an empty file is no config.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.policy_config import default_path, read_policy_config, resolve_policy_config
from tools.snapshot import InputError

LEVELS = "(accepted: 'advisory', 'mandatory', 'remediate', 'disabled')"


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.json"
    path.write_text(text)
    return path


def test_levels_and_settings_are_read_per_policy(tmp_path: Path) -> None:
    path = _config(
        tmp_path,
        '{"all": "advisory", "s3-bucket-encrypted-with-kms": "mandatory",'
        ' "budget-monthly-cost-within-cap": {"enforcementLevel": "mandatory", "maxMonthlyUsd": 25}}',
    )
    config = read_policy_config(path)
    assert config.path == path
    assert config.enforcement_level("all") == "advisory"
    assert config.enforcement_level("s3-bucket-encrypted-with-kms") == "mandatory"
    assert config.enforcement_level("budget-monthly-cost-within-cap") == "mandatory"
    assert config.properties("budget-monthly-cost-within-cap") == {"maxMonthlyUsd": 25}
    assert config.enforcement_level("unknown-policy") is None


def test_an_empty_file_is_no_config_as_for_the_cli(tmp_path: Path) -> None:
    assert read_policy_config(_config(tmp_path, "\n")).policies == {}


def test_the_stack_default_is_used_only_when_it_exists(tmp_path: Path) -> None:
    assert default_path("dev").parts[-3:] == ("policies", "config", "dev.json")
    assert resolve_policy_config("no-such-stack-here", None).path is None
    explicit = _config(tmp_path, '{"all": "mandatory"}')
    assert resolve_policy_config("no-such-stack-here", explicit).policies == {"all": "mandatory"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"),
        ('["all"]', "expected a JSON object of policy names to settings"),
        ('{"all": "strict"}', f"'all': 'strict' is not an enforcement level {LEVELS}"),
        ('{"p": {"enforcementLevel": 1}}', f"'p': 1 is not an enforcement level {LEVELS}"),
        ('{"p": 3}', "'p': expected an enforcement level or an object of settings"),
    ],
)
def test_an_invalid_policy_config_is_one_line_naming_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(InputError) as failure:
        read_policy_config(path)
    assert str(failure.value) == f"policy config {path}: {expected}"


def test_a_missing_explicit_policy_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as failure:
        resolve_policy_config("dev", tmp_path / "missing.json")
    assert str(failure.value) == f"policy config {tmp_path / 'missing.json'}: no such file"
