"""Fixtures for the offline tools' tests, and the guard that no analyzer process outlives a test.

Every process started from these tests (the CLIs in subprocesses, the policy pack they start)
inherits ``PAVED_TOOLS_TEST=<session id>``; after each test, no process carrying that marker may
still be running. The marker, not a process name, tells this session's processes apart from those of
anyone else using the machine.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import stack_plan
from tools.program import REPO_ROOT

MARKER_ENV = "PAVED_TOOLS_TEST"
MARKER = uuid.uuid4().hex


def marked_processes() -> list[tuple[int, str]]:
    """Live processes (not this one) started by this test session: (pid, command line)."""
    needle = f"{MARKER_ENV}={MARKER}".encode()
    found: list[tuple[int, str]] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            status = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        if needle in environ.split(b"\0") and status.rsplit(")", 1)[-1].split()[0] != "Z":
            found.append((int(entry.name), command))
    return found


@pytest.fixture(autouse=True, scope="session")
def _marked_environment() -> Iterator[None]:
    previous = os.environ.get(MARKER_ENV)
    os.environ[MARKER_ENV] = MARKER
    yield
    if previous is None:
        os.environ.pop(MARKER_ENV, None)
    else:
        os.environ[MARKER_ENV] = previous


@pytest.fixture(autouse=True)
def no_process_survives() -> Iterator[None]:
    """After every test: no analyzer (nor any other process this session started) is left running."""
    yield
    assert marked_processes() == []


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        document = json.loads(self.out)
        assert isinstance(document, dict)
        return document


def cli(*args: str, input_env: dict[str, str] | None = None) -> Result:
    """``python -m <args>`` in a fresh process from the repository root."""
    completed = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(input_env or {})},
        timeout=120,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def in_process(main: Callable[[list[str]], int], *args: str) -> Result:
    """A tool's ``main`` called in this process, stdout captured (stderr is left to capsys)."""
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        code = main(list(args))
    return Result(code, buffer.getvalue(), "")


def plan_json(stack: str) -> dict[str, Any]:
    """``tools.plan STACK --format json``'s object, from the session's evaluation."""
    document = json.loads(rendered(stack, "json"))
    assert isinstance(document, dict)
    return document


def rendered(stack: str, format_: str) -> str:
    """``tools.plan STACK --format FORMAT``'s output, from the session's evaluation (``stack_plan``)."""
    from tools.cli import emit

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        emit(stack_plan(stack), format_)
    return buffer.getvalue()


@pytest.fixture
def planned() -> Callable[[str], dict[str, Any]]:
    return plan_json
