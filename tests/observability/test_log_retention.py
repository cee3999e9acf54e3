"""Every log group the stack creates expires and is encrypted: nothing is kept (and billed) forever.

This guards all tiers at once: a tier that adds a log group without a retention period or without
the stack key fails here, for dev, prod and the variants with tiers switched off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

import pytest

from components.config.base import LogRetentionDays
from tests.conftest import run_config, stack_yaml_config
from tools.program import ProgramRun

LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
KMS_KEY = "aws:kms/key:Key"
ACCEPTED = set(get_args(LogRetentionDays))


def _without(section: str) -> Callable[[], ProgramRun]:
    def run() -> ProgramRun:
        config: dict[str, Any] = stack_yaml_config("dev")
        config[section] = {"enabled": False}
        if section == "paved:auth":
            config["paved:compute"]["jwt"] = {"issuer": "https://login.example.com/", "audience": ["paved-api"]}
        return run_config(config)

    return run


@pytest.mark.parametrize("variant", ["dev", "prod", "dev without cdn", "dev without auth"])
def test_every_log_group_has_a_retention_period_and_the_stack_key(variant: str, request: pytest.FixtureRequest) -> None:
    runs: dict[str, Callable[[], ProgramRun]] = {
        "dev without cdn": _without("paved:cdn"),
        "dev without auth": _without("paved:auth"),
    }
    run: ProgramRun = runs[variant]() if variant in runs else request.getfixturevalue(variant)
    keys = {key.outputs["arn"] for key in run.of_type(KMS_KEY)}
    groups = run.of_type(LOG_GROUP)
    assert groups, "the stack has log groups"
    for group in groups:
        assert group.inputs.get("retentionInDays") in ACCEPTED, group.name
        assert group.inputs.get("kmsKeyId") in keys, group.name
