"""The stack's CloudWatch dashboard: the alarms' states, then one graph per alarmed metric."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi

from components.observability.alarms import PERIOD_SECONDS, AlarmSpec
from components.provider import EDGE_REGION

WIDTH, HEIGHT, COLUMNS = 12, 6, 2
"""Grid cells of one graph; CloudWatch dashboards are 24 cells wide."""


def metric_widget(spec: AlarmSpec, region: str, index: int) -> dict[str, Any]:
    """A graph of the metric an alarm watches, with the alarm's threshold drawn on it."""
    metric: list[pulumi.Input[str]] = [spec.namespace, spec.metric]
    for name, value in spec.dimensions.items():
        metric += [name, value]
    return {
        "type": "metric",
        "x": (index % COLUMNS) * WIDTH,
        "y": HEIGHT + (index // COLUMNS) * HEIGHT,
        "width": WIDTH,
        "height": HEIGHT,
        "properties": {
            "title": spec.description,
            "region": EDGE_REGION if spec.edge else region,
            "metrics": [metric],
            "stat": spec.statistic,
            "period": PERIOD_SECONDS,
            "view": "timeSeries",
            "annotations": {"horizontal": [{"label": "alarm threshold", "value": spec.threshold}]},
        },
    }


def dashboard_body(
    specs: Sequence[AlarmSpec],
    alarm_arns: Sequence[pulumi.Input[str]],
    region: str,
) -> pulumi.Output[str]:
    """The dashboard's JSON body (``Output.json_dumps`` resolves the ARNs and dimension values)."""
    title = f"paved {pulumi.get_stack()}: alarms"
    status: dict[str, Any] = (
        {"type": "alarm", "properties": {"title": title, "alarms": list(alarm_arns)}}
        if alarm_arns
        else {"type": "text", "properties": {"markdown": f"## {title}\n\nNo tier of this stack has alarms."}}
    )
    status.update({"x": 0, "y": 0, "width": WIDTH * COLUMNS, "height": HEIGHT})
    widgets = [status, *(metric_widget(spec, region, index) for index, spec in enumerate(specs))]
    return pulumi.Output.json_dumps({"widgets": widgets})
