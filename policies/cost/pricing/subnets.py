"""Which subnet a resource is in: by the engine's recorded dependency, else by the subnet's id."""

from __future__ import annotations

from cost.pricing.base import Context
from cost.resources import Resource

SUBNET = "aws:ec2/subnet:Subnet"


def subnet_of(resource: Resource, ctx: Context, key: str = "subnetId") -> Resource | None:
    """The ``aws:ec2/subnet:Subnet`` that ``resource.<key>`` names, when it is in the stack."""
    for urn in resource.property_dependencies.get(key, ()):
        found = ctx.by_urn(urn)
        if found is not None and found.type == SUBNET:
            return found
    wanted = resource.props.get(key)
    if not isinstance(wanted, str) or not wanted:
        return None
    named = [s for s in ctx.of_type(SUBNET) if s.props.get("id") == wanted]
    return named[0] if len(named) == 1 else None
