"""Bad observability and budget settings fail before any resource is registered."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import config_error, stack_yaml_config


def _change(stack: str, section: str, **values: Any) -> dict[str, Any]:
    config = stack_yaml_config(stack)
    config[section] = {**config.get(section, {}), **values}
    return config


CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "deny on exceed with nothing to deny",
        _change("dev", "paved:compute", mode="none"),
        "paved:budget.denyOnExceed: needs compute.mode 'serverless' or 'container' (it denies the compute tier's "
        "roles; with compute.mode 'none' there is no role to deny)",
    ),
    (
        "deny on exceed in prod",
        _change("prod", "paved:budget", denyOnExceed=True),
        "paved:budget.denyOnExceed: not allowed when tags.environment is 'prod' (it stops every role of the stack "
        "at the cap; it is a dev option)",
    ),
    (
        "more budget e-mails than AWS Budgets accepts",
        _change("dev", "paved:budget", alertEmails=[f"ops{i}@example.com" for i in range(11)]),
        "paved:budget.alertEmails: 11 addresses, but AWS Budgets notifies at most 10 (use alarm e-mails for more)",
    ),
    (
        "alarm e-mail that is not an address",
        _change("dev", "paved:observability", alarmEmails=["ops-at-example.com"]),
        "paved:observability.alarmEmails[0]: 'ops-at-example.com' is not accepted (expected an e-mail address)",
    ),
    (
        "cpu threshold above 100 percent",
        _change("dev", "paved:observability", alarms={"cpuPercent": 120}),
        "paved:observability.alarms.cpuPercent: 120 is not accepted (must be less than or equal to 100)",
    ),
    (
        "unknown alarm threshold",
        _change("dev", "paved:observability", alarms={"diskPercent": 90}),
        "paved:observability.alarms.diskPercent: unknown key (accepted: apiLatencyP99Ms, cdnErrorRatePercent, "
        "cpuPercent, databaseConnections, databaseFreeStorageGb, memoryPercent, serverErrors)",
    ),
]


@pytest.mark.parametrize("config, message", [(c, m) for _, c, m in CASES], ids=[name for name, _, _ in CASES])
def test_bad_observability_config_fails_with_one_clear_line_and_no_resources(
    config: dict[str, Any], message: str
) -> None:
    error, registered = config_error(config)
    assert error == message
    assert registered == 0
