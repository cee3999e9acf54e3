"""Reading a public rule test suite out of a git mirror: one ``SourceScenario`` per Terraform module.

A scenario carries the Terraform text, where it came from, and the suite's own verdicts on the
rule it tests: by resource address (Checkov's tests list the passing and failing addresses) or by
line (KICS's expected results give the line of each finding; a negative file passes entirely).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path


@dataclass
class SourceScenario:
    suite: str
    group: str
    """The fixture file the scenario goes to (one per source test)."""
    rule: str
    """The inventory id of the rule the source test is about."""
    name: str
    paths: list[str]
    text: str
    verdicts: dict[str, str] = field(default_factory=dict)
    """Resource address → ``"pass"``/``"fail"`` for ``rule``, as the suite states it."""
    failing_lines: list[int] = field(default_factory=list)
    """Lines of the text where the suite expects a finding of ``rule`` (KICS)."""
    all_pass: bool = False
    """Every resource of the text passes ``rule`` (a KICS negative file)."""


@dataclass(frozen=True)
class GitTree:
    """Read-only access to one commit of a bare git mirror."""

    git_dir: Path
    commit: str = "HEAD"

    def resolved(self) -> str:
        return self._git("rev-parse", self.commit).strip()

    def files(self, under: str) -> list[str]:
        return _files(self.git_dir, self.commit, under)

    def read(self, path: str) -> str:
        return self._git("show", f"{self.commit}:{path}")

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args], capture_output=True, text=True, check=True
        ).stdout


@cache
def _files(git_dir: Path, commit: str, under: str) -> list[str]:
    listing = subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "-r", "--name-only", commit, under],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in listing.splitlines() if line]
