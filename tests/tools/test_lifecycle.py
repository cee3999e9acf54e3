"""The analyzer process never outlives a run: on success, bad input, Ctrl-C, SIGTERM, a pack that never
starts and a pack that crashes. (``conftest.no_process_survives`` checks after every test too.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.tools.conftest import marked_processes
from tools.evaluation import EvaluationError
from tools.pack_session import PackSession
from tools.program import REPO_ROOT


def _wait_for_analyzer(cli: subprocess.Popen[str], timeout: float = 30.0) -> int:
    """The pid of the policy pack the CLI started, once it runs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        packs = [pid for pid, command in marked_processes() if command.endswith("__main__.py") and pid != cli.pid]
        if packs:
            return packs[0]
        assert cli.poll() is None, "the CLI ended before starting the pack"
        time.sleep(0.02)
    raise AssertionError("the policy pack never started")


@pytest.mark.parametrize(
    ("signum", "code", "message"),
    [(signal.SIGINT, 130, "error: interrupted\n"), (signal.SIGTERM, 143, "error: terminated\n")],
    ids=["ctrl-c", "sigterm"],
)
def test_a_signal_mid_plan_stops_the_analyzer_and_exits_with_one_line(signum: int, code: int, message: str) -> None:
    cli = subprocess.Popen(
        [sys.executable, "-m", "tools.plan", "prod"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        pack = _wait_for_analyzer(cli)
        cli.send_signal(signum)
        out, err = cli.communicate(timeout=60)
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait()
    assert (cli.returncode, out, err) == (code, "", message)
    assert not Path(f"/proc/{pack}").exists() or pack not in [pid for pid, _ in marked_processes()]


def _pack(tmp_path: Path, main: str) -> Path:
    (tmp_path / "__main__.py").write_text(main)
    return tmp_path


def test_a_pack_that_never_prints_its_port_times_out_and_is_stopped(tmp_path: Path) -> None:
    pack_dir = _pack(tmp_path, "import time\ntime.sleep(120)\n")
    started = time.monotonic()
    with PackSession(stack="dev", project="paved", pack_dir=pack_dir, startup_timeout=1) as session:
        with pytest.raises(EvaluationError) as failure:
            session.ready()
        assert session.analyzer.pid is None or not session.analyzer.running
    assert str(failure.value) == "the policy pack failed to start: the policy pack printed no port within 1 s"
    assert time.monotonic() - started < 15


def test_a_pack_that_crashes_on_start_is_one_line(tmp_path: Path) -> None:
    pack_dir = _pack(tmp_path, "import sys\nsys.exit('the pack could not load its policies')\n")
    with (
        PackSession(stack="dev", project="paved", pack_dir=pack_dir) as session,
        pytest.raises(EvaluationError) as failure,
    ):
        session.ready()
    assert str(failure.value) == (
        "the policy pack failed to start: the policy pack did not start (printed ''): "
        "the pack could not load its policies"
    )


@pytest.mark.parametrize("wait_for_the_process", [True, False], ids=["once-it-runs", "at-once"])
def test_an_error_while_the_pack_starts_stops_it_without_waiting_for_its_port(
    tmp_path: Path, wait_for_the_process: bool
) -> None:
    pack_dir = _pack(tmp_path, "import time\ntime.sleep(120)\n")  # a pack that would never answer
    started = time.monotonic()
    with pytest.raises(RuntimeError), PackSession(stack="dev", project="paved", pack_dir=pack_dir, startup_timeout=60):
        deadline = time.monotonic() + 10
        while wait_for_the_process and not marked_processes() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise RuntimeError("the program failed while the pack was starting")
    assert time.monotonic() - started < 10
    assert marked_processes() == []


def test_the_marker_finds_this_sessions_processes() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"], env=dict(os.environ))
    try:
        deadline = time.monotonic() + 10  # /proc shows the environment once the child has exec'd
        while child.pid not in [pid for pid, _ in marked_processes()] and time.monotonic() < deadline:
            time.sleep(0.01)
        assert child.pid in [pid for pid, _ in marked_processes()]
    finally:
        child.kill()
        child.wait()
    assert child.pid not in [pid for pid, _ in marked_processes()]
