"""``python -m tools.plan STACK``: plan a stack offline — its resources by tier, the policy pack's
verdict and the monthly cost against the cap — with no cloud account.

Runs ``__main__.py`` for ``Pulumi.<STACK>.yaml`` under Pulumi mocks, then evaluates every registered
resource with the real policy pack (through the Pulumi analyzer interface) and the cost model.

Exit codes: 0 passed, 1 mandatory violations, 2 bad input or bad stack config (one line on stderr).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

from components.config.loader import ConfigError, RawConfig
from tools import REPO_ROOT
from tools.analysis_stream import AnalysisStream
from tools.cli import parser, run, run_process
from tools.errors import InputError
from tools.evaluation import Evaluation
from tools.pack_session import PackSession
from tools.pipeline import evaluate
from tools.policy_config import resolve_policy_config
from tools.program import ProgramError, Registration, run_program
from tools.snapshot import Snapshot, snapshot_of_run
from tools.stack_files import StackFileError, project_name, read_stack_config


def main(argv: Sequence[str] | None = None) -> int:
    options = parser("python -m tools.plan", __doc__)
    options.add_argument("stack", help="the stack to plan: reads Pulumi.<STACK>.yaml")
    return run(options.parse_args(argv), plan)


def plan(args: argparse.Namespace) -> Evaluation:
    stack: str = args.stack
    try:
        raw = read_stack_config(REPO_ROOT, stack)
    except StackFileError as error:
        raise InputError(str(error)) from None
    return plan_stack(stack, raw, args.policy_config)


def plan_stack(stack: str, raw: RawConfig, policy_config: Path | None = None, *, preview: bool = False) -> Evaluation:
    """The stack's program run under mocks with ``raw`` as its config, evaluated: what ``tools.plan``
    prints. The pack starts, and is configured, while the program runs."""
    try:
        project = project_name(REPO_ROOT)
    except StackFileError as error:
        raise InputError(str(error)) from None
    config = resolve_policy_config(stack, policy_config)
    with PackSession(stack=stack, project=project, policy_config=config, stack_config=raw.values) as session:
        stream = AnalysisStream(session)
        try:
            snapshot = program_snapshot(stack, project, raw, preview=preview, on_registration=stream.add)
        except InputError:
            session.raise_config_error()  # the CLI loads the pack, and refuses its config, before the program runs
            raise
        return evaluate(snapshot, session, stream)


def program_snapshot(
    stack: str,
    project: str,
    raw: RawConfig,
    *,
    preview: bool = False,
    on_registration: Callable[[Registration], None] | None = None,
) -> Snapshot:
    """Every resource ``__main__.py`` registers for the stack, run under mocks."""
    try:
        with contextlib.chdir(REPO_ROOT):  # as the Pulumi CLI runs a program: from its project directory
            run_ = run_program(raw, stack=stack, project=project, preview=preview, on_registration=on_registration)
    except ProgramError as error:
        if isinstance(error.cause, ConfigError):
            raise InputError(f"Pulumi.{stack}.yaml: {error}") from None
        raise
    return snapshot_of_run(run_, raw.values)


if __name__ == "__main__":
    run_process(main)
