"""The policy pack's analyzer process for one run of ``tools.plan`` or ``tools.check``, configured in the background.

The CLI loads the policy pack before it runs the program (``installAndLoadPolicyPlugins`` in
pulumi/pulumi ``pkg/engine/update.go``): start, ``GetAnalyzerInfo``, the policy config reconciled
and validated, ``Configure``. A session does the same on a thread as soon as the stack is known —
plus ``ConfigureStack`` — so that all of it overlaps the program's run under mocks, which takes
the main thread's time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tools import POLICY_PACK_DIR, REPO_ROOT, analyzer
from tools.errors import EvaluationError, InputError, Terminated
from tools.policy_config import PolicyConfig, PolicySetting
from tools.policy_reconcile import PolicyConfigRefusedError, configuration

STARTUP_TIMEOUT = 30.0
"""Seconds the pack may take to print its port (it takes about half a second)."""
ORGANIZATION = "organization"
"""The organization name the CLI reports for a stack on a self-managed backend."""


@dataclass(frozen=True)
class ConfiguredPack:
    """The pack, configured for the stack, and the settings its ``Configure`` received."""

    analyzer: analyzer.Analyzer
    settings: Mapping[str, PolicySetting]


class PackSession:
    """The policy pack's analyzer process, started and configured on a thread while the caller works.

    On exit — normal, error, Ctrl-C or SIGTERM — the thread is awaited and the process stopped, so no
    analyzer outlives the session.
    """

    def __init__(
        self,
        *,
        stack: str,
        project: str,
        policy_config: PolicyConfig | None = None,
        stack_config: Mapping[str, str] | None = None,
        dry_run: bool = True,
        organization: str = ORGANIZATION,
        pack_dir: Path = POLICY_PACK_DIR,
        startup_timeout: float = STARTUP_TIMEOUT,
    ) -> None:
        self.stack, self.project, self.dry_run, self.organization = stack, project, dry_run, organization
        self.policy_config = policy_config or PolicyConfig(path=None)
        self.stack_config = dict(stack_config or {})
        env = {
            "PULUMI_PROJECT": project,
            "PULUMI_STACK": stack,
            "PULUMI_ORGANIZATION": organization,
            "PULUMI_DRY_RUN": "true" if dry_run else "false",
        }
        self.analyzer = analyzer.Analyzer(pack_dir, env=env, startup_timeout=startup_timeout)
        self._settings: Mapping[str, PolicySetting] = {}
        self._failure: BaseException | None = None
        self._starter = threading.Thread(target=self._prepare, name="policy-pack-start", daemon=True)

    def _prepare(self) -> None:
        try:
            self.analyzer.start()
        except BaseException as error:  # handed to the caller by ready()
            self._failure = EvaluationError(f"the policy pack failed to start: {first_line(error)}")
            return
        try:
            self._settings = self._configure()
        except PolicyConfigRefusedError as error:
            self._failure = InputError(f"{self.policy_config.described(self.stack)}: {error}")
        except BaseException as error:
            self._failure = EvaluationError(f"the policy pack failed: {first_line(error)}")

    def _configure(self) -> Mapping[str, PolicySetting]:
        """What the CLI does once the pack is up: the config reconciled, validated and sent; then the stack."""
        pack = self.analyzer
        settings = configuration(
            pack.info(),
            self.policy_config.settings,
            pack_path=_as_given(pack.pack_dir),
            has_file=self.policy_config.path is not None,
        )
        if settings:
            pack.configure(settings)
        pack.configure_stack(
            stack=self.stack,
            project=self.project,
            organization=self.organization,
            dry_run=self.dry_run,
            config=self.stack_config,
        )
        return settings

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

    @property
    def configured(self) -> bool:
        """The pack is up and configured (without waiting for it)."""
        return not self._starter.is_alive() and self._failure is None and self.analyzer.running

    def ready(self) -> ConfiguredPack:
        """The started and configured pack: ``InputError`` for a policy config the CLI would refuse,
        ``EvaluationError`` when the pack could not start or be configured."""
        self._starter.join()
        if self._failure is not None:
            raise self._failure
        return ConfiguredPack(self.analyzer, self._settings)

    def raise_config_error(self) -> None:
        """Raise the policy config's ``InputError`` if it has one: the CLI reports it before the program's."""
        self._starter.join()
        if isinstance(self._failure, InputError):
            raise self._failure


def _as_given(pack_dir: Path) -> str:
    """The pack's path as the README's ``--policy-pack`` argument names it (relative to the project)."""
    try:
        return str(pack_dir.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(pack_dir)


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
