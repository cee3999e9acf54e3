"""Managed access endpoints billed by the hour: Transfer Family servers and Directory Service directories."""

from __future__ import annotations

from decimal import Decimal

from cost.pricing.base import Context, Pricer, Props, Unpriceable
from cost.report import Charge
from cost.resources import Resource

TRANSFER_SERVER = "aws:transfer/server:Server"
DIRECTORY = "aws:directoryservice/directory:Directory"

DIRECTORY_KEYS = {
    ("SimpleAD", "Small"): "directory.simple-ad.small",
    ("SimpleAD", "Large"): "directory.simple-ad.large",
    ("MicrosoftAD", "Standard"): "directory.microsoft-ad.standard",
    ("MicrosoftAD", "Enterprise"): "directory.microsoft-ad.enterprise",
    ("ADConnector", "Small"): "directory.ad-connector.small",
}
DEFAULT_EDITION_NOTE = (
    "terraform-provider-aws aws_directory_service_directory: edition defaults to Enterprise, size to Large"
)
DOMAIN_CONTROLLERS = 2
"""Every directory runs two domain controllers, each billed by the hour."""


def transfer_server(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    protocols = [str(p) for p in props.entries("protocols")] or ["SFTP"]
    return [
        ctx.hourly(region, "transfer.protocol", f"protocols enabled ({', '.join(protocols)})", count=len(protocols)),
        ctx.usage_charge(region, "transfer.data", ("transfer", "dataGbPerMonth"), resource, "data transferred"),
    ]


def directory(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    kind = props.text("type", default="SimpleAD") or "SimpleAD"
    edition = props.text("edition") if kind == "MicrosoftAD" else props.text("size")
    edition = edition or ("Enterprise" if kind == "MicrosoftAD" else "Large")
    key = DIRECTORY_KEYS.get((kind, edition))
    if key is None:
        raise Unpriceable(f"{kind} {edition} directories are not in the price file")
    controllers = props.need_num("desiredNumberOfDomainControllers", default=DOMAIN_CONTROLLERS)
    label = f"{kind} {edition} domain controllers"
    return [ctx.hourly(ctx.region_of(resource), key, label, count=max(controllers, Decimal(DOMAIN_CONTROLLERS)))]


PRICERS: dict[str, Pricer] = {TRANSFER_SERVER: transfer_server, DIRECTORY: directory}
