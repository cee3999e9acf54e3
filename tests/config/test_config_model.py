"""The config model's contract: declared in Pulumi.yaml, total on odd input, secure by default."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from components.config import SECRET_KEYS, SECTIONS, StackConfig
from components.config_loader import ConfigError, RawConfig, load_stack_config
from tests.conftest import stack_yaml_config
from tools.program import REPO_ROOT
from tools.stack_files import raw_config_from_mapping


def project_config_declarations() -> dict[str, Any]:
    return dict(yaml.safe_load((REPO_ROOT / "Pulumi.yaml").read_text())["config"])


def test_pulumi_yaml_declares_every_section_as_an_object() -> None:
    declarations = project_config_declarations()
    for section in SECTIONS:
        assert declarations[f"paved:{section}"]["type"] == "object", section
        assert declarations[f"paved:{section}"]["description"]


def test_pulumi_yaml_declares_every_secret_as_a_secret_string() -> None:
    declarations = project_config_declarations()
    for key in SECRET_KEYS:
        assert declarations[f"paved:{key}"] == {**declarations[f"paved:{key}"], "type": "string", "secret": True}


def test_pulumi_yaml_declares_nothing_the_model_does_not_read() -> None:
    declared = {key for key in project_config_declarations() if key.startswith("paved:")}
    assert declared == {f"paved:{name}" for name in (*SECTIONS, *SECRET_KEYS)}


def test_pulumi_yaml_disables_the_default_aws_provider() -> None:
    assert project_config_declarations()["pulumi:disable-default-providers"] == {"value": ["aws"]}


def minimal(**sections: Any) -> RawConfig:
    config: dict[str, Any] = {
        "aws:region": "us-east-1",
        "paved:tags": {"environment": "dev", "owner": "me", "costCenter": "cc-1"},
        "paved:budget": {"monthlyUsd": 10},
        "paved:cdn": {"enabled": False},
        **{f"paved:{key}": value for key, value in sections.items()},
    }
    return raw_config_from_mapping(config)


def test_defaults_are_the_secure_values() -> None:
    config = load_stack_config(minimal(), stack="t")
    assert config.protection.enabled is True
    assert config.network.nat_strategy == "per-az"
    assert config.network.availability_zones == 3
    assert config.data.postgres.backup_retention_days == 7
    assert config.auth.mfa == "optional"
    assert config.compute.serverless.architecture == "arm64"


def test_yaml_off_reads_as_off_for_mfa_and_threat_protection() -> None:
    config = load_stack_config(minimal(auth={"mfa": False, "threatProtection": False}), stack="t")
    assert (config.auth.mfa, config.auth.threat_protection) == ("off", "off")


def test_stack_files_parse_into_the_model() -> None:
    dev = load_stack_config(raw_config_from_mapping(stack_yaml_config("dev")), stack="dev")
    prod = load_stack_config(raw_config_from_mapping(stack_yaml_config("prod")), stack="prod")
    assert isinstance(dev, StackConfig) and isinstance(prod, StackConfig)
    assert (dev.is_prod, prod.is_prod) == (False, True)
    assert dev.standard_tags == {
        "environment": "dev",
        "project": "paved",
        "owner": "platform-team",
        "cost-center": "cc-1001",
    }


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
section_keys = st.sampled_from([*SECTIONS, "unknown", "region"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(section_keys, json_values, max_size=4))
def test_any_config_either_loads_or_fails_with_one_line_naming_a_key(sections: dict[str, Any]) -> None:
    try:
        load_stack_config(minimal(**sections), stack="t")
    except ConfigError as error:
        message = str(error)
        assert "\n" not in message
        assert message.startswith(("paved:", "aws:region")), message


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["cidr", "availabilityZones", "natStrategy", "subnetPrefixLength", "flowLogs"]), json_values
    )
)
def test_odd_network_sections_never_crash_the_loader(network: dict[str, Any]) -> None:
    try:
        config = load_stack_config(minimal(network=network), stack="t")
    except ConfigError as error:
        assert str(error).startswith("paved:network")
    else:
        assert 2 <= config.network.availability_zones <= 6
