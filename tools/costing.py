"""The cost model over a mocks run: registrations in the cost model's input shape, and the stack's policy config.

``resources_of(run)`` is the one conversion the tools share; ``estimate_run`` prices a run with the
usage profile of ``policies/config/<stack>.json`` (the same file the policy pack reads).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cost.estimator import DEFAULT_REGION, estimate
from cost.report import CostReport
from cost.resources import Resource, plain
from cost.usage import UsageProfile

from tools.program import REPO_ROOT, ProgramRun, Registration

COST_POLICY = "budget-monthly-cost-within-cap"
POLICY_CONFIG_DIR = REPO_ROOT / "policies" / "config"


def resource_of(registration: Registration) -> Resource:
    """One registration as the cost model's input (the provider of a remote component is in ``providers``)."""
    return Resource(
        type=registration.type,
        urn=registration.urn,
        props=plain(registration.inputs),
        parent=registration.parent,
        provider=registration.provider or registration.providers.get("aws", ""),
        dependencies=tuple(registration.dependencies),
        property_dependencies={key: tuple(urns) for key, urns in registration.property_dependencies.items()},
        custom=registration.custom,
    )


def resources_of(run: ProgramRun) -> list[Resource]:
    return [resource_of(registration) for registration in run.resources]


def policy_config(stack: str, path: Path | None = None) -> dict[str, Any]:
    """``policies/config/<stack>.json`` (or ``path``), or an empty config when there is none."""
    file = path or POLICY_CONFIG_DIR / f"{stack}.json"
    if not file.exists():
        return {}
    document = json.loads(file.read_text(encoding="utf-8"))
    return document if isinstance(document, dict) else {}


def estimate_run(run: ProgramRun, config: Mapping[str, Any] | None = None) -> CostReport:
    """The run's monthly cost, with the usage profile and region of the cost policy's config entry."""
    entry = (config if config is not None else policy_config(run.stack)).get(COST_POLICY) or {}
    usage = UsageProfile.from_config(entry.get("usage"))
    return estimate(resources_of(run), str(entry.get("region") or DEFAULT_REGION), usage)


def cap_of_config(config: Mapping[str, Any]) -> float | None:
    entry = config.get(COST_POLICY) or {}
    cap = entry.get("maxMonthlyUsd")
    return float(cap) if isinstance(cap, int | float) else None
