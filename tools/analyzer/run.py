"""One call for a whole analysis: start, configure, analyze every resource and the stack, stop."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.analyzer.driver import Analyzer
from tools.analyzer.model import (
    POLICIES_DIR,
    AnalyzerResource,
    Violation,
)
from tools.analyzer.policy_config import load_policy_config


@dataclass(frozen=True)
class Analysis:
    """Everything one analysis produced."""

    stack: str
    resources: int
    violations: list[Violation]
    startup_seconds: float
    seconds: float

    @property
    def mandatory(self) -> list[Violation]:
        return [violation for violation in self.violations if violation.mandatory]

    @property
    def passed(self) -> bool:
        return not self.mandatory


def analyze_resources(
    resources: Sequence[AnalyzerResource],
    *,
    stack: str,
    project: str,
    policy_config: Mapping[str, Any] | None = None,
    organization: str = "organization",
    dry_run: bool = True,
    pack_dir: Path = POLICIES_DIR,
    python: str | None = None,
) -> Analysis:
    """Start the pack, configure it, analyze every resource and the stack, stop the pack."""
    started = time.perf_counter()
    env = {"PULUMI_PROJECT": project, "PULUMI_STACK": stack, "PULUMI_DRY_RUN": "true" if dry_run else "false"}
    with Analyzer(pack_dir, python=python, env={**env, "PULUMI_ORGANIZATION": organization}) as pack:
        pack.configure(policy_config)
        pack.configure_stack(stack=stack, project=project, organization=organization, dry_run=dry_run)
        violations = pack.analyze_all(resources)
        startup = pack.startup_seconds
    return Analysis(
        stack=stack,
        resources=len(resources),
        violations=violations,
        startup_seconds=startup,
        seconds=time.perf_counter() - started,
    )


def default_policy_config(stack: str, pack_dir: Path = POLICIES_DIR) -> dict[str, Any]:
    """``policies/config/<stack>.json`` when it exists, else no config (every policy's default)."""
    path = pack_dir / "config" / f"{stack}.json"
    return load_policy_config(path) if path.exists() else {}
