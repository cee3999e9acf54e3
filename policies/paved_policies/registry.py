"""Every policy of the pack, found where it is defined.

A policy is registered by being defined: ``all_policies()`` imports every module under the packages
in ``POLICY_PACKAGES`` and takes each module-level ``define_policy`` constant it finds. There is no
list to keep: a new concern module, or a new policy in an existing one, is in the pack as soon as it
is written. (``tests/policies/test_registry.py`` reads the sources independently and checks that every
definition is in the pack and every policy of the pack is a definition.)

The pack runs the policies by category (``CATEGORIES``), then by name; the exemption listing runs
last, after every other policy has applied its exemptions. ``policies/__main__.py`` turns the list
into the ``PolicyPack``; the tests, the README's coverage table and the offline tools read the same
list. Modules under these packages must import without side effects.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator
from functools import cache
from types import ModuleType
from typing import Final

from paved_policies.policy import CATEGORIES, Declared, PavedPolicy

POLICY_PACKAGES: Final = ("paved_policies", "cost.budget_policies")
"""Where policies are defined: a package (every module in it) or a single module."""


def policy_modules() -> Iterator[ModuleType]:
    """Every module of ``POLICY_PACKAGES``, imported."""
    for name in POLICY_PACKAGES:
        root = importlib.import_module(name)
        yield root
        if hasattr(root, "__path__"):
            for info in pkgutil.walk_packages(root.__path__, prefix=f"{name}."):
                yield importlib.import_module(info.name)


def collect(modules: Iterable[ModuleType], *, last: PavedPolicy) -> tuple[PavedPolicy, ...]:
    """The policies defined at module level in ``modules``, by category then name, and ``last`` last.

    ``ValueError`` if two policies share a name.
    """
    found: dict[int, PavedPolicy] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Declared) and value is not last:
                found.setdefault(id(value), value)  # type: ignore[arg-type]
    policies = sorted(found.values(), key=lambda policy: (CATEGORIES.index(policy.category), policy.name))
    names = [policy.name for policy in (*policies, last)]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ValueError(f"policy names must be unique; defined more than once: {', '.join(twice)}")
    return (*policies, last)


@cache
def _pack() -> tuple[PavedPolicy, ...]:
    from paved_policies.exemption_listing import policy_exemptions

    return collect(policy_modules(), last=policy_exemptions)


def all_policies() -> list[PavedPolicy]:
    """Every policy, in the order the pack runs them; the exemption listing last."""
    return list(_pack())


def policy_named(name: str) -> PavedPolicy:
    """The pack's policy called ``name``; ``KeyError`` naming the known ones if there is none."""
    for policy in _pack():
        if policy.name == name:
            return policy
    raise KeyError(f"no policy named {name!r} in the pack")


def covered_types() -> list[str]:
    """Every resource type some policy declares (``*`` aside), sorted."""
    return sorted({type_ for policy in _pack() for type_ in policy.resource_types} - {"*"})
