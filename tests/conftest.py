"""Shared fixtures: run paved's program under Pulumi mocks for a stack file or a config dict.

``run_stack("dev")`` runs ``Pulumi.dev.yaml``; ``run_config({...})`` runs a config written in the
test. Both return a ``ProgramRun``: every registered resource (type, name, URN, parent, inputs,
provider, dependencies, protect…) and the stack outputs. Both read the config as the Pulumi CLI
would hand it over (``tools.stack_files``): what the CLI refuses never reaches the program.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import pytest

from tools.program import REPO_ROOT, ProgramError, ProgramRun, run_program
from tools.stack_files import StackFileError, raw_config_from_mapping, read_stack_config

if TYPE_CHECKING:
    from tools.evaluation import Evaluation


@cache
def _stack_run(stack: str) -> ProgramRun:
    return run_program(read_stack_config(REPO_ROOT, stack), stack=stack)


@cache
def stack_plan(stack: str) -> Evaluation:
    """What ``tools.plan STACK`` evaluates (``plan_stack``: the program, the pack, the cost model), once a session."""
    from tools.plan import plan_stack

    return plan_stack(stack, read_stack_config(REPO_ROOT, stack))


def stack_yaml_config(stack: str) -> dict[str, Any]:
    """A stack file's config as a plain dict, for tests that change one key of it."""
    import yaml

    document = yaml.safe_load((REPO_ROOT / f"Pulumi.{stack}.yaml").read_text())
    return copy.deepcopy(document["config"])


def run_config(config: dict[str, Any], *, stack: str = "test", secret_keys: set[str] | None = None) -> ProgramRun:
    """Run the program with ``config`` (full keys, plain values) as the stack's config."""
    return run_program(raw_config_from_mapping(config, secret_keys, stack=stack), stack=stack)


def config_error(config: dict[str, Any], *, secret_keys: set[str] | None = None) -> tuple[str, int]:
    """The message a bad config fails with — the CLI's or the program's — and how many resources were
    registered before it (none when the CLI refused it: the program never ran)."""
    with pytest.raises((ProgramError, StackFileError)) as failure:
        run_config(config, secret_keys=secret_keys)
    registered = failure.value.resources if isinstance(failure.value, ProgramError) else []
    return str(failure.value), len(registered)


@pytest.fixture(scope="session")
def dev() -> ProgramRun:
    return _stack_run("dev")


@pytest.fixture(scope="session")
def prod() -> ProgramRun:
    return _stack_run("prod")


@pytest.fixture(scope="session")
def run_stack() -> Callable[[str], ProgramRun]:
    return _stack_run
