"""Run the observability tier alone over given tier outputs (``tier_program.py``)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from tests.conftest import stack_yaml_config
from tools.program import ProgramRun, Registration, run_program
from tools.stack_files import raw_config_from_mapping

PROGRAM = Path(__file__).with_name("tier_program.py")
ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm"


def run_tier(
    tiers: str = "", *, stack: str = "dev", changes: dict[str, Any] | None = None, region: str | None = None
) -> ProgramRun:
    """The observability tier of ``stack``'s config (with ``changes`` per section) over ``tiers``."""
    return _run(tiers, stack, json.dumps(changes or {}, sort_keys=True), region)


@cache
def _run(tiers: str, stack: str, changes: str, region: str | None) -> ProgramRun:
    config = stack_yaml_config(stack)
    for section, values in json.loads(changes).items():
        config[section] = {**config.get(section, {}), **values}
    if region is not None:
        config["aws:region"] = region
    config["fixture:tiers"] = tiers
    return run_program(raw_config_from_mapping(config), stack=stack, program=PROGRAM)


def alarms(run: ProgramRun) -> dict[str, Registration]:
    """Alarms by their key (the logical name without the ``observability-`` prefix)."""
    return {alarm.name.removeprefix("observability-"): alarm for alarm in run.of_type(ALARM)}
