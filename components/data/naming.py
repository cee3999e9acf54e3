"""Physical names the data tier must choose itself (AWS wants them up front): final snapshots."""

from __future__ import annotations

import re

import pulumi


def final_snapshot_identifier(project: str, stack: str, name: str) -> str:
    """A valid, per-stack DB snapshot identifier: letters, digits and single hyphens, from a letter."""
    words = [w for w in re.split(r"[^a-z0-9]+", f"{project}-{stack}-{name}-final".lower()) if w]
    identifier = "-".join(words)
    if not identifier[0].isalpha():
        identifier = f"db-{identifier}"
    return identifier[:255].rstrip("-")


def stack_final_snapshot(name: str) -> str:
    """The final snapshot identifier of the resource ``name`` in the running stack."""
    return final_snapshot_identifier(pulumi.get_project(), pulumi.get_stack(), name)
