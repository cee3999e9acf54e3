"""The throwaway PostgreSQL never outlives the test run, even when the run is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
START_AND_HANG = """
import sys, time
from tests.app.postgres import Cluster
cluster = Cluster()
cluster.start()
print(cluster.root, flush=True)
time.sleep(120)
"""


def test_a_killed_test_run_leaves_no_server_behind() -> None:
    run = subprocess.Popen(
        [sys.executable, "-c", START_AND_HANG], cwd=REPO, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert run.stdout is not None
        root = Path(run.stdout.readline().strip())
        pid = int((root / "data" / "postmaster.pid").read_text().split()[0])
        os.kill(pid, 0)  # the server runs
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait(timeout=10)
    deadline = time.monotonic() + 30
    while (root.exists() or running(pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not root.exists()
    assert not running(pid), f"postgres {pid} still runs"


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for its parent to collect it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"
