"""The reference architectures (``Pulumi.example-*.yaml``) are valid stack configs paved can build."""

from __future__ import annotations

import base64
import hashlib

import pytest
import yaml
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from components.config.loader import EXAMPLE_SECRET_PLACEHOLDER, ConfigError, RawConfig, load_stack_config
from components.config.stack import StackConfig
from tests.conftest import stack_yaml_config
from tools.program import REPO_ROOT
from tools.stack_files import list_stacks, raw_config_from_mapping, read_stack_config

EXAMPLES = [stack for stack in list_stacks(REPO_ROOT) if stack.startswith("example-")]
EXAMPLE_PASSPHRASE = "paved-example"
"""The passphrase the example's placeholder secrets are encrypted with (documented in its stack file)."""
PASSPHRASE_ITERATIONS = 1_000_000
"""pulumi/pulumi v3.187.0 ``config.NewSymmetricCrypterFromPassphrase``: PBKDF2-SHA256, a 32-byte key."""


def example_config(stack: str) -> StackConfig:
    return load_stack_config(read_stack_config(REPO_ROOT, stack), stack=stack)


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
    assert config.secrets_set == {"googleClientSecret", "applePrivateKey"}


def test_serverless_api_example_without_its_secrets_is_refused_naming_them() -> None:
    config = stack_yaml_config("example-serverless-api")
    del config["paved:googleClientSecret"], config["paved:applePrivateKey"]
    with pytest.raises(ConfigError) as refused:
        load_stack_config(raw_config_from_mapping(config), stack="example-serverless-api")
    assert str(refused.value) == (
        "paved:googleClientSecret: required because auth.socialProviders configures that provider; set it with "
        "`pulumi config set --secret paved:googleClientSecret`; paved:applePrivateKey: required because "
        "auth.socialProviders configures that provider; set it with `pulumi config set --secret paved:applePrivateKey`"
    )


def test_serverless_api_example_previews_its_placeholder_secrets_but_never_deploys_them() -> None:
    offline = read_stack_config(REPO_ROOT, "example-serverless-api")
    decrypted = RawConfig(  # what `pulumi up` hands the program once the passphrase decrypted them
        values={
            **offline.values,
            "paved:googleClientSecret": EXAMPLE_SECRET_PLACEHOLDER,
            "paved:applePrivateKey": EXAMPLE_SECRET_PLACEHOLDER,
        },
        secret_keys=offline.secret_keys,
    )
    assert load_stack_config(decrypted, stack="example-serverless-api", deploying=False).secrets_set
    with pytest.raises(ConfigError) as refused:
        load_stack_config(decrypted, stack="example-serverless-api", deploying=True)
    assert str(refused.value).startswith(
        "paved:applePrivateKey: still the example's placeholder, which only plans and previews; set the real "
        "secret with `pulumi config set --secret paved:applePrivateKey` before `pulumi up`; paved:googleClientSecret:"
    )


def passphrase_decrypt(key: bytes, ciphertext: str) -> str:
    """The passphrase provider's ``DecryptValue``: ``v1:<nonce>:<ciphertext>``, AES-256-GCM."""
    version, nonce, sealed = ciphertext.split(":")
    assert version == "v1"
    return AESGCM(key).decrypt(base64.b64decode(nonce), base64.b64decode(sealed), None).decode()


def test_serverless_api_example_secrets_decrypt_with_the_documented_passphrase() -> None:
    document = yaml.safe_load((REPO_ROOT / "Pulumi.example-serverless-api.yaml").read_text())
    _, salt, check = document["encryptionsalt"].split(":", 2)
    key = hashlib.pbkdf2_hmac("sha256", EXAMPLE_PASSPHRASE.encode(), base64.b64decode(salt), PASSPHRASE_ITERATIONS, 32)
    assert passphrase_decrypt(key, check) == "pulumi"  # what the CLI checks a passphrase against
    secure = {
        name: value["secure"]
        for name, value in document["config"].items()
        if isinstance(value, dict) and set(value) == {"secure"}
    }
    assert {name: passphrase_decrypt(key, text) for name, text in secure.items()} == {
        "paved:googleClientSecret": EXAMPLE_SECRET_PLACEHOLDER,
        "paved:applePrivateKey": EXAMPLE_SECRET_PLACEHOLDER,
    }


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
