"""Every resource policy has a specification: a test that states its exact message as
``("<policy>", "<message>")`` (a baseline changed in one property; STYLE §9)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from paved_policies.policy import PavedPolicy
from paved_policies.registry import all_policies

TESTS = Path(__file__).resolve().parent.parent
SOURCES = "\n".join(
    path.read_text(encoding="utf-8")
    for path in sorted([*(TESTS / "policies").rglob("*.py"), TESTS / "cost" / "test_budget_policies.py"])
    if path.name != Path(__file__).name
)
RESOURCE_POLICIES = [policy for policy in all_policies() if policy.kind == "resource"]


@pytest.mark.parametrize("policy", RESOURCE_POLICIES, ids=[policy.name for policy in RESOURCE_POLICIES])
def test_every_resource_policy_has_a_test_stating_its_exact_message(policy: PavedPolicy) -> None:
    stated = re.compile(r'\(\s*"' + re.escape(policy.name) + r'",\s*(\(\s*)?f?"')
    assert stated.search(SOURCES), f"no test states a message of {policy.name} as (name, message)"
