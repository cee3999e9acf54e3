"""A bad stack config fails before any resource is registered, with one line naming the key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from components.catalog import RDS_INSTANCE_CLASSES
from tests.conftest import config_error, stack_yaml_config

Change = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Change:
    def change(config: dict[str, Any]) -> None:
        key, *rest = path.split(".")
        if not rest:
            config[key] = value
            return
        target = config[key]
        for part in rest[:-1]:
            target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
        target[rest[-1]] = value

    return change


def _drop(path: str) -> Change:
    def change(config: dict[str, Any]) -> None:
        key, *rest = path.split(".")
        if not rest:
            del config[key]
            return
        target = config[key]
        for part in rest[:-1]:
            target = target[part]
        del target[rest[-1]]

    return change


CASES: list[tuple[str, Change, str]] = [
    (
        "unknown nat strategy",
        _set("paved:network.natStrategy", "sometimes"),
        "paved:network.natStrategy: 'sometimes' is not accepted (accepted: 'none', 'single' or 'per-az')",
    ),
    (
        "misspelt key inside a section",
        _set("paved:network.natStrategyy", "none"),
        "paved:network.natStrategyy: unknown key (accepted: availabilityZones, cidr, flowLogs, natStrategy, "
        "subnetPrefixLength)",
    ),
    (
        "unknown section",
        _set("paved:netwrok", {"cidr": "10.0.0.0/16"}),
        "paved:netwrok: unknown key (accepted: paved:tags, paved:protection, paved:network, paved:compute, paved:data, "
        "paved:cdn, paved:auth, paved:mail, paved:observability, paved:budget, paved:googleClientSecret, "
        "paved:microsoftClientSecret, paved:applePrivateKey)",
    ),
    (
        "too many availability zones",
        _set("paved:network.availabilityZones", 7),
        "paved:network.availabilityZones: 7 is not accepted (must be less than or equal to 6)",
    ),
    (
        "a single availability zone",
        _set("paved:network.availabilityZones", 1),
        "paved:network.availabilityZones: 1 is not accepted (must be greater than or equal to 2)",
    ),
    (
        "public CIDR",
        _set("paved:network.cidr", "8.8.0.0/16"),
        "paved:network.cidr: '8.8.0.0/16' must be a private (RFC 1918) block with a prefix length from /16 to /24",
    ),
    (
        "not a CIDR",
        _set("paved:network.cidr", "10.0.0.0/33"),
        "paved:network.cidr: '10.0.0.0/33' is not an IPv4 CIDR block such as 10.0.0.0/16",
    ),
    (
        "log retention CloudWatch does not offer",
        _set("paved:network.flowLogs.retentionDays", 10),
        "paved:network.flowLogs.retentionDays: 10 is not accepted (accepted: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, "
        "180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653)",
    ),
    (
        "unknown instance class",
        _set("paved:data.postgres.instanceClass", "db.t9.huge"),
        "paved:data.postgres.instanceClass: 'db.t9.huge' is not a known instance class (db.t4g.micro, db.t4g.small, "
        "db.t4g.medium, db.t4g.large, db.t3.micro, db.t3.small, db.t3.medium, db.t3.large, db.m7g.large, "
        "db.m7g.xlarge, db.m7g.2xlarge, db.m7g.4xlarge, db.m7g.8xlarge, db.m7g.12xlarge, db.m7g.16xlarge, "
        "db.m6g.large, db.m6g.xlarge, db.m6g.2xlarge, db.m6g.4xlarge, db.m6g.8xlarge, db.m6g.12xlarge, "
        "db.m6g.16xlarge, db.r7g.large, db.r7g.xlarge, db.r7g.2xlarge, db.r7g.4xlarge, db.r7g.8xlarge, "
        "db.r7g.12xlarge, db.r7g.16xlarge, db.r6g.large, db.r6g.xlarge, db.r6g.2xlarge, db.r6g.4xlarge, "
        "db.r6g.8xlarge, db.r6g.12xlarge, db.r6g.16xlarge, db.m7i.large, db.m7i.xlarge, db.m7i.2xlarge, "
        "db.m7i.4xlarge, db.m7i.8xlarge, db.m7i.12xlarge, db.m7i.16xlarge, db.r7i.large, db.r7i.xlarge, "
        "db.r7i.2xlarge, db.r7i.4xlarge, db.r7i.8xlarge, db.r7i.12xlarge, db.r7i.16xlarge)",
    ),
    (
        "unknown region",
        _set("aws:region", "us-central-9"),
        "aws:region: 'us-central-9' is not a known AWS region (us-east-1, us-east-2, us-west-1, us-west-2, "
        "ca-central-1, ca-west-1, sa-east-1, mx-central-1, eu-west-1, eu-west-2, eu-west-3, eu-central-1, "
        "eu-central-2, eu-north-1, eu-south-1, eu-south-2, ap-south-1, ap-south-2, ap-northeast-1, ap-northeast-2, "
        "ap-northeast-3, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ap-southeast-5, "
        "ap-southeast-7, ap-east-1, me-south-1, me-central-1, il-central-1, af-south-1)",
    ),
    (
        "missing region",
        _drop("aws:region"),
        "aws:region: required but not set",
    ),
    (
        "missing budget",
        _drop("paved:budget"),
        "Stack 'test' is missing configuration value 'paved:budget'",
    ),
    (
        "missing owner tag",
        _drop("paved:tags.owner"),
        "paved:tags.owner: required but not set",
    ),
    (
        "unknown environment",
        _set("paved:tags.environment", "qa"),
        "paved:tags.environment: 'qa' is not accepted (accepted: 'dev', 'test', 'staging' or 'prod')",
    ),
    (
        "section that is not an object",
        _set("paved:network", "big"),
        "Stack 'test' with configuration key 'paved:network' must be of type 'object'",
    ),
    (
        "availability zones that are not a number",
        _set("paved:network.availabilityZones", "three"),
        "paved:network.availabilityZones: 'three' is not accepted (must be a valid integer, unable to parse "
        "string as an integer)",
    ),
    (
        "negative budget",
        _set("paved:budget.monthlyUsd", -5),
        "paved:budget.monthlyUsd: -5 is not accepted (must be greater than 0)",
    ),
    (
        "bucket name with capitals",
        _set("paved:data.buckets.0.name", "Assets"),
        "paved:data.buckets[0].name: 'Assets' is not accepted (expected lowercase letters, digits and hyphens, "
        "2 to 32 characters, starting with a letter)",
    ),
    (
        "subnets that do not fit the VPC",
        _set("paved:network.cidr", "10.20.0.0/24"),
        "paved:network: subnetPrefixLength /24 leaves room for fewer than the 6 subnets (public, private, "
        "isolated × 2 AZs) in 10.20.0.0/24; use a longer prefix or a bigger VPC",
    ),
    (
        "dev settings in prod",
        _set("paved:tags.environment", "prod"),
        "paved:protection.enabled: must be true when tags.environment is 'prod' (production data is never left "
        "unprotected); paved:data.postgres.multiAz: must be true when tags.environment is 'prod' (a standby in a "
        "second AZ; with Aurora, a reader that takes over); paved:budget.denyOnExceed: not allowed when "
        "tags.environment is 'prod' (it stops every role of the stack at the cap; it is a dev option); "
        "paved:auth.callbackUrls: 'http://localhost:3000/callback' is not allowed in prod (accepted: https:// URLs "
        "of the deployed app); paved:auth.logoutUrls: 'http://localhost:3000/' is not allowed in prod (accepted: "
        "https:// URLs of the deployed app)",
    ),
    (
        "fargate memory that does not fit the cpu",
        _set("paved:compute.container", {"cpu": 256, "memoryMb": 4096}),
        "paved:compute.container: memoryMb 4096 is not valid with cpu 256 on Fargate (accepted: 512, 1024, 2048)",
    ),
    (
        "cdn without an assets bucket",
        _set("paved:data.buckets", [{"name": "logs", "purpose": "logs"}]),
        "paved:data.buckets: cdn.enabled needs a bucket with purpose 'assets' to serve",
    ),
    (
        "two log buckets",
        _set("paved:data.buckets", [{"name": "logs", "purpose": "logs"}, {"name": "logs2", "purpose": "logs"}]),
        "paved:data: at most one bucket may have purpose 'logs' (found ['logs', 'logs2'])",
    ),
    (
        "uploads bucket without versioning",
        _set("paved:data.buckets.1.versioning", False),
        "paved:data.buckets[1]: bucket 'uploads' holds user data (uploads); versioning cannot be false",
    ),
    (
        "api without any JWT issuer",
        _set("paved:auth.enabled", False),
        "paved:compute.jwt: required when auth.enabled is false (the API always checks JWTs; give issuer and audience)",
    ),
    (
        "social provider without its secret",
        _set("paved:auth.socialProviders", {"google": {"clientId": "abc.apps.googleusercontent.com"}}),
        "paved:googleClientSecret: required because auth.socialProviders configures that provider; set it with "
        "`pulumi config set --secret paved:googleClientSecret`",
    ),
    (
        "secret stored in plain text",
        _set("paved:googleClientSecret", "hunter2"),
        "Stack 'test' with configuration key 'paved:googleClientSecret' must be encrypted as it's secret",
    ),
    (
        "mail stored in a bucket that does not exist",
        _set(
            "paved:mail",
            {
                "enabled": True,
                "domain": "example.com",
                "hostedZoneId": "Z0123EXAMPLE",
                "forwardTo": ["me@example.com"],
                "bucket": "inbox",
            },
        ),
        "paved:mail.bucket: 'inbox' is not a data.buckets entry with purpose 'data' or 'uploads' (accepted: uploads)",
    ),
    (
        "mfa value that is not a mode",
        _set("paved:auth.mfa", "sometimes"),
        "paved:auth.mfa: 'sometimes' is not accepted (accepted: 'off', 'optional' or 'required')",
    ),
]


@pytest.mark.parametrize("change, message", [(c, m) for _, c, m in CASES], ids=[name for name, _, _ in CASES])
def test_bad_config_fails_with_one_clear_line_and_no_resources(change: Change, message: str) -> None:
    config = stack_yaml_config("dev")
    change(config)
    error, registered = config_error(config)
    assert error == message
    assert "\n" not in error
    assert registered == 0


def test_every_problem_of_every_section_is_listed_in_one_line() -> None:
    config = stack_yaml_config("dev")
    config["paved:network"]["natStrategy"] = "sometimes"
    config["paved:network"]["availabilityZones"] = 9
    config["paved:data"]["postgres"]["instanceClass"] = "db.t9.huge"
    config["paved:budget"]["alertEmails"] = ["not-an-address"]
    error, registered = config_error(config)
    assert error.split("; paved:") == [
        "paved:network.availabilityZones: 9 is not accepted (must be less than or equal to 6)",
        "network.natStrategy: 'sometimes' is not accepted (accepted: 'none', 'single' or 'per-az')",
        f"data.postgres.instanceClass: 'db.t9.huge' is not a known instance class ({', '.join(RDS_INSTANCE_CLASSES)})",
        "budget.alertEmails[0]: 'not-an-address' is not accepted (expected an e-mail address)",
    ]
    assert registered == 0


def test_every_broken_rule_between_sections_is_listed_at_once() -> None:
    config = stack_yaml_config("dev")
    config["paved:cdn"]["enabled"] = True
    config["paved:data"]["buckets"] = []
    config["paved:auth"]["enabled"] = False
    error, registered = config_error(config)
    assert error.split("; paved:") == [
        "paved:compute.jwt: required when auth.enabled is false (the API always checks JWTs; give issuer and audience)",
        "data.buckets: cdn.enabled needs a bucket with purpose 'assets' to serve",
        "data.buckets: cdn.enabled needs a bucket with purpose 'logs' for access logs",
    ]
    assert registered == 0


def test_secret_set_with_secret_flag_is_accepted() -> None:
    from tests.conftest import run_config

    config = stack_yaml_config("dev")
    config["paved:auth"]["socialProviders"] = {"google": {"clientId": "abc.apps.googleusercontent.com"}}
    config["paved:googleClientSecret"] = "[secret]"
    run = run_config(config, secret_keys={"paved:googleClientSecret"})
    assert run.resources


def test_config_error_is_a_pulumi_run_error_so_the_cli_prints_no_traceback() -> None:
    import pulumi

    from components.config.loader import ConfigError

    assert issubclass(ConfigError, pulumi.RunError)
