"""Joining resources in stack policies: which resource does this one point at?

During a real preview a new resource's id is unknown, so ``bucket=bucket.id`` reaches the engine as
an unknown string — but the engine also records that the ``bucket`` property depends on the bucket
resource. Joins therefore follow, in order: the property's dependencies, the property's known value
matched against the targets' identifiers (stack exports, mocks), and a lone dependency of the target
type. Every index is built once per stack policy run, so a join costs O(1) per resource.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from pulumi_policy import PolicyResource

from paved_policies.props import get
from paved_policies.unknown import UNKNOWN

IDENTIFIER_PROPS = ("id", "arn", "bucket", "name", "vpcId", "keyId")
"""Properties whose values name a resource in another resource's reference to it."""


class UnresolvedError(Exception):
    """A reference that is unknown and cannot be followed (the join cannot tell)."""


class StackIndex:
    """The stack's resources by type and by identifier, built once per stack policy run."""

    def __init__(self, resources: Sequence[PolicyResource]) -> None:
        self.resources = resources
        self._by_type: dict[str, list[PolicyResource]] = defaultdict(list)
        for resource in resources:
            self._by_type[resource.resource_type].append(resource)
        self._identifiers: dict[frozenset[str], dict[str, list[PolicyResource]]] = {}

    def of_types(self, types: Iterable[str]) -> list[PolicyResource]:
        found: list[PolicyResource] = []
        for type_ in types:
            found.extend(self._by_type.get(type_, ()))
        return found

    def _identifier_index(self, types: Collection[str]) -> dict[str, list[PolicyResource]]:
        key = frozenset(types)
        index = self._identifiers.get(key)
        if index is None:
            index = defaultdict(list)
            for resource in self.of_types(key):
                for prop in IDENTIFIER_PROPS:
                    value = get(resource.props, prop)
                    if isinstance(value, str) and value:
                        index[value].append(resource)
            self._identifiers[key] = index
        return index

    def referenced(self, resource: PolicyResource, prop: str, types: Collection[str]) -> list[PolicyResource]:
        """The resources of ``types`` that ``resource.<prop>`` points at.

        Raises ``UnresolvedError`` when the property is unknown and neither dependencies nor
        identifiers tell which resource it is.
        """
        by_dependency = [d for d in resource.property_dependencies.get(prop) or () if d.resource_type in types]
        if by_dependency:
            return by_dependency
        value = get(resource.props, prop)
        if isinstance(value, str) and value:
            by_identifier = self._identifier_index(types).get(value, [])
            if by_identifier:
                return list(by_identifier)
        lone = [d for d in resource.dependencies if d.resource_type in types]
        if len(lone) == 1 and (value is UNKNOWN or not resource.property_dependencies):
            return lone
        if value is UNKNOWN:
            raise UnresolvedError(f"{resource.urn}: {prop} is unknown")
        return []


def ancestors(resource: PolicyResource) -> list[PolicyResource]:
    """The parent chain, nearest first."""
    chain: list[PolicyResource] = []
    parent = resource.parent
    while parent is not None and len(chain) < 64:
        chain.append(parent)
        parent = parent.parent
    return chain
