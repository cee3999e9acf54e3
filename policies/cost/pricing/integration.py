"""Application integration billed by use: EventBridge event buses and Step Functions state machines."""

from __future__ import annotations

from decimal import Decimal

from cost.pricing.base import Context, Pricer, Props, no_charge, quantity_text
from cost.report import Charge
from cost.resources import Resource

EVENT_BUS = "aws:cloudwatch/eventBus:EventBus"
STATE_MACHINE = "aws:sfn/stateMachine:StateMachine"
EXPRESS_MINIMUM_MEMORY_MB = Decimal(64)
"""Express workflows are billed for at least 64 MB of memory (Step Functions pricing page)."""


def event_bus(resource: Resource, ctx: Context) -> list[Charge]:
    if Props(resource.props).text("name") == "default":
        return no_charge("no charge (the default bus carries AWS service events, which are free)")
    usage = ("eventBridge", "customEventsPerMonth")
    return [ctx.usage_charge(ctx.region_of(resource), "eventbridge.custom-events", usage, resource, "custom events")]


def state_machine(resource: Resource, ctx: Context) -> list[Charge]:
    region = ctx.region_of(resource)
    if Props(resource.props).text("type", default="STANDARD") == "EXPRESS":
        requests = ctx.use("stepFunctions", "expressRequestsPerMonth", resource)
        duration_s = ctx.use("stepFunctions", "expressDurationMs", resource) / Decimal(1000)
        memory_gb = max(ctx.use("stepFunctions", "expressMemoryMb", resource), EXPRESS_MINIMUM_MEMORY_MB) / 1024
        gb_seconds = requests * duration_s * memory_gb
        label = (
            f"duration {quantity_text(requests)} × {quantity_text(duration_s)} s × {quantity_text(memory_gb)} GB "
            "[usage stepFunctions.expressRequestsPerMonth, expressDurationMs, expressMemoryMb] ="
        )
        usage = ("stepFunctions", "expressRequestsPerMonth")
        return [
            ctx.usage_charge(region, "sfn.express.requests", usage, resource, "express requests"),
            ctx.charge(region, "sfn.express.duration", gb_seconds, label),
        ]
    usage = ("stepFunctions", "transitionsPerMonth")
    return [ctx.usage_charge(region, "sfn.standard.transitions", usage, resource, "state transitions")]


PRICERS: dict[str, Pricer] = {EVENT_BUS: event_bus, STATE_MACHINE: state_machine}
