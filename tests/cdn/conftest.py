"""Run the cdn tier alone over given data and compute outputs (``tier_program.py``)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from tests.conftest import stack_yaml_config
from tools.program import ProgramRun, run_program
from tools.stack_files import raw_config_from_mapping

PROGRAM = Path(__file__).with_name("tier_program.py")


def run_tier(api: str = "serverless", *, stack: str = "dev", cdn: dict[str, Any] | None = None) -> ProgramRun:
    """The cdn tier of ``stack``'s config (``cdn`` merged into ``paved:cdn``) over an ``api`` origin."""
    return _run(api, stack, json.dumps(cdn or {}, sort_keys=True))


@cache
def _run(api: str, stack: str, cdn: str) -> ProgramRun:
    config = stack_yaml_config(stack)
    config["paved:cdn"] = {**config["paved:cdn"], **json.loads(cdn)}
    config["fixture:api"] = api
    return run_program(raw_config_from_mapping(config), stack=stack, program=PROGRAM)
