"""The reference architectures (``Pulumi.example-*.yaml``) are valid stack configs paved can build."""

from __future__ import annotations

import pytest

from components.config import StackConfig
from components.config_loader import ConfigError, RawConfig, load_stack_config
from tools.program import REPO_ROOT
from tools.stack_files import list_stacks, read_stack_config

EXAMPLES = [stack for stack in list_stacks(REPO_ROOT) if stack.startswith("example-")]
SECRETS_SET_BY_THE_USER = {
    "example-serverless-api": ("paved:googleClientSecret", "paved:applePrivateKey"),
}


def example_config(stack: str) -> StackConfig:
    raw = read_stack_config(REPO_ROOT, stack)
    secrets = SECRETS_SET_BY_THE_USER.get(stack, ())
    with_secrets = RawConfig(
        values={**raw.values, **dict.fromkeys(secrets, "[secret]")},
        secret_keys=raw.secret_keys | frozenset(secrets),
    )
    return load_stack_config(with_secrets, stack=stack)


def test_there_is_one_example_per_reference_architecture() -> None:
    assert EXAMPLES == [
        "example-container-platform",
        "example-private-fargate",
        "example-serverless-api",
        "example-site-mail",
        "example-small-service",
    ]


@pytest.mark.parametrize("stack", EXAMPLES)
def test_example_is_a_valid_stack_config(stack: str) -> None:
    config = example_config(stack)
    assert config.stack == stack
    assert config.budget.monthly_usd > 0


def test_serverless_api_example_uses_social_sign_in_and_groups() -> None:
    config = example_config("example-serverless-api")
    assert config.compute.mode == "serverless"
    assert config.auth.social_providers.google is not None
    assert config.auth.social_providers.apple is not None
    assert config.auth.groups == ("students", "instructors", "admins")
    assert [t.name for t in config.data.tables] == ["progress", "flashcards"]


def test_serverless_api_example_refuses_to_run_until_its_secrets_are_set() -> None:
    with pytest.raises(ConfigError, match=r"^paved:googleClientSecret: required"):
        load_stack_config(read_stack_config(REPO_ROOT, "example-serverless-api"), stack="example-serverless-api")


def test_container_examples_run_multi_az_with_a_cache_or_a_custom_domain() -> None:
    platform = example_config("example-container-platform")
    assert platform.compute.container.min_tasks == 3
    assert platform.data.postgres.multi_az and platform.data.cache.enabled
    fargate = example_config("example-private-fargate")
    assert fargate.network.nat_strategy == "per-az"
    assert fargate.network.availability_zones == 2
    assert fargate.cdn.domain is not None and fargate.cdn.waf.enabled


def test_site_mail_example_has_no_compute_or_database_but_forwards_mail() -> None:
    config = example_config("example-site-mail")
    assert config.compute.mode == "none"
    assert config.data.postgres.enabled is False
    assert config.mail.enabled and config.mail.forward_to == ("owner@example.com",)
    assert config.budget.monthly_usd == 5


def test_small_service_example_is_one_task_and_one_database() -> None:
    config = example_config("example-small-service")
    assert (config.compute.container.min_tasks, config.compute.container.max_tasks) == (1, 2)
    assert config.data.postgres.engine == "instance"
    assert config.data.postgres.multi_az is False
