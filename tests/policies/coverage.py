"""What the pack covers, for the generic tests: every resource type a policy looks at."""

from __future__ import annotations

from functools import cache

from paved_policies import types as t
from paved_policies.policy import ANY_TYPE, PavedResourcePolicy, PavedStackPolicy
from paved_policies.registry import all_policies
from paved_policies.sdk_types import scan_inputs


def _tokens() -> set[str]:
    found: set[str] = set()
    for value in vars(t).values():
        if isinstance(value, str) and ":" in value:
            found.add(value)
        elif isinstance(value, tuple):
            found.update(item for item in value if isinstance(item, str))
    return found


ALL_TYPE_TOKENS = sorted(_tokens())
"""Every type token the pack names (targets and the resources that attach to them)."""

COVERED_TYPES = sorted(
    {
        type_
        for policy in all_policies()
        if isinstance(policy, PavedResourcePolicy | PavedStackPolicy)
        for type_ in policy.resource_types
        if type_ != ANY_TYPE
    }
)


@cache
def sdk_inputs() -> dict[str, tuple[str, ...]]:
    """Input property names per type, from the installed SDK (scanned once per test run)."""
    return scan_inputs()
