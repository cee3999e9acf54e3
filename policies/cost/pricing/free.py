"""Types priced at $0 only under a condition (public certificates, standard parameters): a pricer each.

Types that never cost anything by themselves are data, not code: ``known_free.json`` (``cost.known_free``).
"""

from __future__ import annotations

from cost.pricing.base import Context, Pricer, Props, Unpriceable, no_charge
from cost.report import Charge
from cost.resources import Resource


def acm_certificate(resource: Resource, ctx: Context) -> list[Charge]:
    if Props(resource.props).text("certificateAuthorityArn"):
        raise Unpriceable("private certificates (AWS Private CA) are not in the price file")
    return no_charge("no charge (public certificate)")


def ssm_parameter(resource: Resource, ctx: Context) -> list[Charge]:
    if Props(resource.props).text("tier", default="Standard") != "Standard":
        raise Unpriceable("advanced and intelligent-tiering parameters are not in the price file")
    return no_charge("no charge (standard parameter)")


PRICERS: dict[str, Pricer] = {
    "aws:acm/certificate:Certificate": acm_certificate,
    "aws:ssm/parameter:Parameter": ssm_parameter,
}
