"""What the offline tools evaluate: one stack's resources as the engine would see them.

``tools.plan`` builds a ``Snapshot`` from a program run under mocks, ``tools.check`` from a
``pulumi stack export`` or ``pulumi preview --json`` file (``tools.readers``). Either way each
resource is a ``tools.program.Registration`` — the one resource model the analyzer driver and the
cost model consume.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tools.errors import InputError

if TYPE_CHECKING:  # tools.program imports the Pulumi SDK: keep this module light for tools.check
    from tools.program import ProgramRun, Registration

__all__ = ["PROGRAM_SOURCE", "InputError", "Snapshot", "Urn", "parse_urn", "snapshot_of_run"]

PROGRAM_SOURCE = "program"
"""The ``source`` of a snapshot built by running ``__main__.py`` under mocks."""


@dataclass(frozen=True)
class Urn:
    """``urn:pulumi:<stack>::<project>::<qualified type>::<name>``."""

    stack: str
    project: str
    qualified_type: str
    name: str

    @property
    def type(self) -> str:
        """The resource's own type: the last element of the parent type chain."""
        return self.qualified_type.rsplit("$", 1)[-1]


def parse_urn(urn: str) -> Urn | None:
    """The parts of a Pulumi URN, or None when ``urn`` is not one (a name may itself contain ``::``)."""
    if not urn.startswith("urn:pulumi:"):
        return None
    parts = urn[len("urn:pulumi:") :].split("::", 3)
    if len(parts) != 4 or not all(parts[:3]):
        return None
    return Urn(stack=parts[0], project=parts[1], qualified_type=parts[2], name=parts[3])


@dataclass(frozen=True)
class Snapshot:
    """One stack's resources (the root stack resource excluded) and where they came from."""

    stack: str
    project: str
    source: str
    """``program`` for a run under mocks, else the path of the file read."""
    resources: list[Registration]
    config: Mapping[str, str] = field(default_factory=dict)
    """The stack's config as the CLI hands it to the pack (``ConfigureStack``); may be empty."""
    dry_run: bool = True
    """True for a preview (program runs and preview files), False for a stack export."""


def snapshot_of_run(run: ProgramRun, config: Mapping[str, str]) -> Snapshot:
    return Snapshot(
        stack=run.stack,
        project=run.project,
        source=PROGRAM_SOURCE,
        resources=list(run.resources),
        config=dict(config),
        dry_run=True,
    )
