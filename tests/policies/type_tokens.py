"""The type tokens the generic tests draw from: every token ``paved_policies.types`` names (the types
policies look at and the resources that attach to them), and each type's inputs in the installed SDK."""

from __future__ import annotations

import re
from functools import cache

from paved_policies import types as t
from paved_policies.sdk_types import scan_inputs

_TOKEN = re.compile(r"[a-z0-9-]+:[A-Za-z0-9/]+:[A-Za-z0-9]+")


def _tokens() -> set[str]:
    found: set[str] = set()
    for name, value in vars(t).items():
        if name.startswith("_"):
            continue
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str) and _TOKEN.fullmatch(item):
                found.add(item)
    return found


ALL_TYPE_TOKENS = sorted(_tokens())
"""Every type token the pack names."""


@cache
def sdk_inputs() -> dict[str, tuple[str, ...]]:
    """Input property names per type, from the installed SDK (scanned once per test run)."""
    return scan_inputs()
