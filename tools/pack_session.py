"""The policy pack's analyzer process for one run of ``tools.plan`` or ``tools.check``.

Light on imports on purpose: the tools start the pack before importing the Pulumi SDK, the program
and the cost model, so the pack's own start-up (about half a second) overlaps theirs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from pathlib import Path

from tools import analyzer
from tools.errors import EvaluationError, Terminated

STARTUP_TIMEOUT = 30.0
"""Seconds the pack may take to print its port (it takes about half a second)."""
ORGANIZATION = "organization"
"""The organization name the CLI reports for a stack on a self-managed backend."""


class PackSession:
    """The policy pack's analyzer process, started in the background as soon as the stack is known.

    Starting the pack (a Python process that loads pulumi-policy and the policies) takes about half a
    second; ``tools.plan`` overlaps it with running the program. On exit — normal, error, Ctrl-C or
    SIGTERM — the start is awaited and the process stopped, so no analyzer outlives the session.
    """

    def __init__(
        self,
        *,
        stack: str,
        project: str,
        dry_run: bool = True,
        organization: str = ORGANIZATION,
        pack_dir: Path = analyzer.POLICIES_DIR,
        startup_timeout: float = STARTUP_TIMEOUT,
    ) -> None:
        self.stack, self.project, self.dry_run, self.organization = stack, project, dry_run, organization
        env = {
            "PULUMI_PROJECT": project,
            "PULUMI_STACK": stack,
            "PULUMI_ORGANIZATION": organization,
            "PULUMI_DRY_RUN": "true" if dry_run else "false",
        }
        self.analyzer = analyzer.Analyzer(pack_dir, env=env, startup_timeout=startup_timeout)
        self._failure: BaseException | None = None
        self._starter = threading.Thread(target=self._start, name="policy-pack-start", daemon=True)

    def _start(self) -> None:
        try:
            self.analyzer.start()
        except BaseException as error:  # handed to the caller by ready()
            self._failure = error

    def __enter__(self) -> PackSession:
        self._starter.start()
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if exc[0] is not None:
                self._abort_start()
            _join_through_interrupts(self._starter)
        finally:
            self.analyzer.close()

    def _abort_start(self) -> None:
        """Leaving on an error while the pack starts: stop it as soon as it exists, rather than wait
        for its port (the start then ends at once, on the closed pipe)."""
        while self._starter.is_alive():
            pid = self.analyzer.pid
            if pid is not None:
                with contextlib.suppress(OSError):
                    os.killpg(pid, signal.SIGTERM)
                return
            with contextlib.suppress(KeyboardInterrupt, Terminated):
                self._starter.join(0.01)

    def ready(self) -> analyzer.Analyzer:
        """The started analyzer; ``EvaluationError`` if it could not start."""
        self._starter.join()
        if self._failure is not None:
            raise EvaluationError(f"the policy pack failed to start: {first_line(self._failure)}")
        return self.analyzer


def _join_through_interrupts(thread: threading.Thread) -> None:
    """Wait for ``thread`` even through a second Ctrl-C: it may be launching the pack's process."""
    while thread.is_alive():
        with contextlib.suppress(KeyboardInterrupt, Terminated):
            thread.join()


def first_line(error: BaseException) -> str:
    """An error in one line: its first, and when that introduces the pack's stderr, the last of it."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    if lines[0].endswith(":") and len(lines) > 1:
        return f"{lines[0]} {lines[-1]}"
    return lines[0]
