"""Account governance billed by use: CloudTrail trails and AWS Config recorders and rules."""

from __future__ import annotations

from decimal import Decimal

from cost.pricing.base import Context, Pricer, Props
from cost.report import Charge
from cost.resources import Resource

TRAIL = "aws:cloudtrail/trail:Trail"
CONFIG_RECORDER = "aws:cfg/recorder:Recorder"
CONFIG_RULE = "aws:cfg/rule:Rule"


def trail(resource: Resource, ctx: Context) -> list[Charge]:
    """The first copy of management events is free (assumed: this trail is the account's first); data and
    Insights events are billed per event."""
    props = Props(resource.props)
    region = ctx.region_of(resource)
    charges = [Charge(Decimal(0), "management events: first copy free")]
    selectors = props.entries("eventSelectors") + props.entries("advancedEventSelectors")
    if any(Props(s).entries("dataResources") or Props(s).entries("fieldSelectors") for s in selectors):
        usage = ("cloudtrail", "dataEventsPerMonth")
        charges.append(ctx.usage_charge(region, "cloudtrail.data-events", usage, resource, "data events"))
    if props.entries("insightSelectors"):
        usage = ("cloudtrail", "insightEventsPerMonth")
        charges.append(ctx.usage_charge(region, "cloudtrail.insight-events", usage, resource, "Insights events"))
    return charges


def config_recorder(resource: Resource, ctx: Context) -> list[Charge]:
    usage = ("config", "itemsPerMonth")
    return [ctx.usage_charge(ctx.region_of(resource), "config.items", usage, resource, "configuration items")]


def config_rule(resource: Resource, ctx: Context) -> list[Charge]:
    usage = ("config", "evaluationsPerMonth")
    return [ctx.usage_charge(ctx.region_of(resource), "config.rule-evaluations", usage, resource, "rule evaluations")]


PRICERS: dict[str, Pricer] = {TRAIL: trail, CONFIG_RECORDER: config_recorder, CONFIG_RULE: config_rule}
