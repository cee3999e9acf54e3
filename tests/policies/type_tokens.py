"""The type tokens the generic tests draw from: every token ``paved_policies.types`` names (the types
policies look at and the resources that attach to them), and each type's inputs in the installed SDK."""

from __future__ import annotations

from functools import cache

from paved_policies import types as t
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
"""Every type token the pack names."""


@cache
def sdk_inputs() -> dict[str, tuple[str, ...]]:
    """Input property names per type, from the installed SDK (scanned once per test run)."""
    return scan_inputs()
