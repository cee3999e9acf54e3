"""The config model's contract: total on odd input, secure by default, every key described."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from components.config.base import Model
from components.config.limits import NO_LIMITS
from components.config.loader import ConfigError, RawConfig, load_stack_config
from components.config.messages import inner_model
from components.config.stack import SECTIONS, StackConfig
from tests.conftest import stack_yaml_config
from tools.stack_files import StackFileError, raw_config_from_mapping


def models(model: type[BaseModel]) -> set[type[BaseModel]]:
    """``model`` and every model its keys hold."""
    found = {model}
    for field in model.model_fields.values():
        nested = inner_model(field.annotation)
        if nested is not None:
            found |= models(nested)
    return found


def test_every_key_of_every_section_has_a_description() -> None:
    undescribed = [
        f"{model.__name__}.{name}"
        for model in models(StackConfig)
        for name, field in model.model_fields.items()
        if model is not StackConfig or name in SECTIONS
        if not (field.description or "").strip()
    ]
    assert undescribed == []


def test_every_section_is_a_strict_model() -> None:
    for model in models(StackConfig) - {StackConfig}:
        assert issubclass(model, Model)
        assert model.model_config.get("extra") == "forbid", model.__name__


def minimal(**sections: Any) -> RawConfig:
    config: dict[str, Any] = {
        "aws:region": "us-east-1",
        "paved:tags": {"environment": "dev", "owner": "me", "costCenter": "cc-1"},
        "paved:budget": {"monthlyUsd": 10},
        "paved:cdn": {"enabled": False},
        **{f"paved:{key}": value for key, value in sections.items()},
    }
    return raw_config_from_mapping(config)


def problems(message: str) -> list[str]:
    """The problems a config error lists, each starting with its key."""
    return re.split(r"; (?=paved:|aws:)", message)


def load(raw: RawConfig) -> StackConfig:
    return load_stack_config(raw, stack="t", limits=NO_LIMITS)


def test_defaults_are_the_secure_values() -> None:
    config = load(minimal())
    assert config.protection.enabled is True
    assert config.network.nat_strategy == "per-az"
    assert config.network.availability_zones == 3
    assert config.data.postgres.backup_retention_days == 7
    assert config.auth.mfa == "optional"
    assert config.compute.serverless.architecture == "arm64"


def test_yaml_off_reads_as_off_for_mfa_and_threat_protection() -> None:
    config = load(minimal(auth={"mfa": False, "threatProtection": False}))
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
        load(minimal(**sections))
    except StackFileError as error:  # refused by the CLI's rules, as `pulumi preview` would
        message = str(error)
        assert "\n" not in message
        assert message.startswith("Stack 'test' with configuration key 'paved:"), message
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
        config = load(minimal(network=network))
    except ConfigError as error:
        assert all(problem.startswith("paved:network") for problem in problems(str(error))), str(error)
    else:
        assert 2 <= config.network.availability_zones <= 6
