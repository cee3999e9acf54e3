"""What ``tools.plan`` and ``tools.check`` share: options, evaluation, output and exit codes (DESIGN §7).

Exit codes: 0 passed (no mandatory violation), 1 mandatory violations, 2 bad input or bad stack
config — with one readable line on stderr and no traceback. Ctrl-C exits 130 and SIGTERM 143,
after the analyzer process is stopped: SIGTERM is turned into an exception, so every ``finally``
and context manager on the way out runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from tools.errors import EvaluationError, InputError, Terminated

if TYPE_CHECKING:
    from tools.evaluation import Evaluation

FORMATS = ("text", "json", "markdown")
EXIT_PASSED = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM
TRACEBACK_ENV = "PAVED_TRACEBACK"
"""Set to 1 to see the traceback of an unexpected error instead of its one-line summary."""


class OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"error: {message} (see {self.prog} --help)\n")


def parser(prog: str, description: str | None) -> OneLineParser:
    result = OneLineParser(prog=prog, description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    result.add_argument(
        "--format", choices=FORMATS, default="text", help="text (terminal), json (DESIGN §7) or markdown (PR comment)"
    )
    result.add_argument(
        "--policy-config",
        type=Path,
        metavar="FILE",
        help="policy config JSON (default: policies/config/<stack>.json when it exists)",
    )
    return result


def run(args: argparse.Namespace, evaluate: Callable[[argparse.Namespace], Evaluation]) -> int:
    """Evaluate what ``args`` name, print it in ``args.format``; the exit code."""
    try:
        with _sigterm_raises():
            evaluation = evaluate(args)
    except (InputError, EvaluationError) as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_INTERRUPTED)
    except Terminated:
        return fail("terminated", EXIT_TERMINATED)
    except Exception as error:
        if os.environ.get(TRACEBACK_ENV) == "1":
            raise
        summary = " ".join(str(error).split()) or type(error).__name__
        return fail(f"internal error: {summary} ({type(error).__name__}; {TRACEBACK_ENV}=1 shows the traceback)")
    emit(evaluation, args.format)
    return EXIT_PASSED if evaluation.passed else EXIT_VIOLATIONS


def emit(evaluation: Evaluation, format_: str) -> None:
    from tools.report import as_json, as_markdown
    from tools.report_text import print_text

    if format_ == "json":
        sys.stdout.write(json.dumps(as_json(evaluation), indent=2) + "\n")
    elif format_ == "markdown":
        sys.stdout.write(as_markdown(evaluation))
    else:
        print_text(evaluation)
    sys.stdout.flush()


def fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    """``message`` on one line of stderr (its lines joined; spaces inside a line kept, as the CLI's
    ``validating policy config: paved 0.1.0  <policy>: …`` has two)."""
    line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    print(f"error: {line}", file=sys.stderr)
    return code


def run_process(main: Callable[[], int]) -> NoReturn:
    """Run a tool's ``main`` as the whole process and exit with its code, without the garbage collector.

    Importing pulumi-aws's modules creates objects by the hundred thousand: the collector's passes over
    them took 0.8 s of ``tools.plan prod``'s 3.3 s, and its last passes at exit 0.9 s more after the
    output was printed. The run leaves little in cycles (peak memory grows by about 2 %), so the
    process runs with the collector off and freezes what it made before it exits (the OS frees it).
    Only the process pays this: ``main`` called from a test leaves the collector as it is.
    """
    gc.disable()
    code = main()
    gc.freeze()
    sys.exit(code)


@contextmanager
def _sigterm_raises() -> Iterator[None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
