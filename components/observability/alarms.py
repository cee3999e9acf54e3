"""Which CloudWatch alarms each tier gets: pure specifications, built from the tiers' outputs.

One function per tier part returns ``AlarmSpec``s; the component turns each into a
``MetricAlarm`` and a dashboard graph. Every alarm looks at 5-minute periods and treats missing
data as fine: an idle dev stack (a paused database, a function nobody calls) is not an incident.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pulumi

from components.config.observability import AlarmThresholds
from components.outputs import CdnOutputs, ComputeOutputs, DatabaseOutputs, TableOutputs

PERIOD_SECONDS = 300
GIB = 1024**3

ABOVE = "GreaterThanThreshold"
AT_LEAST = "GreaterThanOrEqualToThreshold"
BELOW = "LessThanThreshold"


@dataclass(frozen=True)
class AlarmSpec:
    """One alarm on one metric."""

    key: str
    """Unique within the stack, plain text: the alarm's logical name is ``<component>-<key>``."""
    description: str
    namespace: str
    metric: str
    dimensions: Mapping[str, pulumi.Input[str]]
    threshold: float
    comparison: str = AT_LEAST
    statistic: str = "Sum"
    """A statistic (``Sum``, ``Average``, ``Minimum``…) or a percentile (``p99``)."""
    evaluation_periods: int = 1
    edge: bool = False
    """CloudFront metrics exist only in us-east-1, so the alarm is created there."""

    @property
    def is_percentile(self) -> bool:
        return self.statistic.startswith("p")


def serverless_alarms(compute: ComputeOutputs, limits: AlarmThresholds) -> list[AlarmSpec]:
    """Errors and throttles of every function; 5xx and p99 latency of the HTTP API."""
    specs: list[AlarmSpec] = []
    for index, function in enumerate(compute.function_names):
        for metric, what in (("Errors", "invocations failed"), ("Throttles", "invocations were throttled")):
            specs.append(
                AlarmSpec(
                    key=f"function-{index}-{metric.lower()}",
                    description=f"Lambda: {what} (function {index} of the compute tier)",
                    namespace="AWS/Lambda",
                    metric=metric,
                    dimensions={"FunctionName": function},
                    threshold=1,
                )
            )
    if compute.http_api_id is not None:
        api: dict[str, pulumi.Input[str]] = {
            "ApiId": compute.http_api_id,
            "Stage": compute.http_api_stage or "$default",
        }
        specs += [
            AlarmSpec(
                key="api-5xx",
                description=f"HTTP API: more than {limits.server_errors} 5xx responses in 5 minutes",
                namespace="AWS/ApiGateway",
                metric="5xx",
                dimensions=api,
                threshold=limits.server_errors,
                comparison=ABOVE,
            ),
            AlarmSpec(
                key="api-latency",
                description=f"HTTP API: p99 latency above {limits.api_latency_p99_ms} ms",
                namespace="AWS/ApiGateway",
                metric="Latency",
                dimensions=api,
                threshold=limits.api_latency_p99_ms,
                comparison=ABOVE,
                statistic="p99",
                evaluation_periods=2,
            ),
        ]
    return specs


def container_alarms(compute: ComputeOutputs, limits: AlarmThresholds) -> list[AlarmSpec]:
    """Load balancer and target 5xx, unhealthy targets, ECS service CPU and memory."""
    specs: list[AlarmSpec] = []
    if compute.load_balancer_arn_suffix is not None:
        balancer = {"LoadBalancer": compute.load_balancer_arn_suffix}
        specs += [
            AlarmSpec(
                key="alb-5xx",
                description=f"Load balancer: more than {limits.server_errors} 5xx responses of its own in 5 minutes",
                namespace="AWS/ApplicationELB",
                metric="HTTPCode_ELB_5XX_Count",
                dimensions=balancer,
                threshold=limits.server_errors,
                comparison=ABOVE,
            ),
            AlarmSpec(
                key="alb-target-5xx",
                description=f"Load balancer: more than {limits.server_errors} 5xx responses from tasks in 5 minutes",
                namespace="AWS/ApplicationELB",
                metric="HTTPCode_Target_5XX_Count",
                dimensions=balancer,
                threshold=limits.server_errors,
                comparison=ABOVE,
            ),
        ]
        if compute.target_group_arn_suffix is not None:
            specs.append(
                AlarmSpec(
                    key="alb-unhealthy-targets",
                    description="Load balancer: a target stayed unhealthy for 5 minutes",
                    namespace="AWS/ApplicationELB",
                    metric="UnHealthyHostCount",
                    dimensions={**balancer, "TargetGroup": compute.target_group_arn_suffix},
                    threshold=1,
                    statistic="Minimum",
                )
            )
    if compute.cluster_name is not None and compute.service_name is not None:
        service = {"ClusterName": compute.cluster_name, "ServiceName": compute.service_name}
        specs += [
            AlarmSpec(
                key=f"ecs-{label}",
                description=f"ECS service: average {label} above {threshold} % for 10 minutes",
                namespace="AWS/ECS",
                metric=metric,
                dimensions=service,
                threshold=threshold,
                comparison=ABOVE,
                statistic="Average",
                evaluation_periods=2,
            )
            for metric, label, threshold in (
                ("CPUUtilization", "cpu", limits.cpu_percent),
                ("MemoryUtilization", "memory", limits.memory_percent),
            )
        ]
    return specs


def database_alarms(database: DatabaseOutputs, limits: AlarmThresholds) -> list[AlarmSpec]:
    """CPU, free storage and connections of the PostgreSQL instance or Aurora cluster."""
    aurora = database.engine == "aurora-serverless"
    dimensions = {("DBClusterIdentifier" if aurora else "DBInstanceIdentifier"): database.identifier}
    storage_metric, storage_label = (
        ("FreeLocalStorage", "free local storage") if aurora else ("FreeStorageSpace", "free storage")
    )
    return [
        AlarmSpec(
            key="database-cpu",
            description=f"Database: average CPU above {limits.cpu_percent} % for 10 minutes",
            namespace="AWS/RDS",
            metric="CPUUtilization",
            dimensions=dimensions,
            threshold=limits.cpu_percent,
            comparison=ABOVE,
            statistic="Average",
            evaluation_periods=2,
        ),
        AlarmSpec(
            key="database-free-storage",
            description=f"Database: {storage_label} below {limits.database_free_storage_gb:g} GiB",
            namespace="AWS/RDS",
            metric=storage_metric,
            dimensions=dimensions,
            threshold=limits.database_free_storage_gb * GIB,
            comparison=BELOW,
            statistic="Minimum",
        ),
        AlarmSpec(
            key="database-connections",
            description=f"Database: more than {limits.database_connections} open connections",
            namespace="AWS/RDS",
            metric="DatabaseConnections",
            dimensions=dimensions,
            threshold=limits.database_connections,
            comparison=ABOVE,
            statistic="Maximum",
        ),
    ]


def table_alarms(tables: Mapping[str, TableOutputs]) -> list[AlarmSpec]:
    """Read and write throttling of every DynamoDB table (on-demand tables throttle at their peak limits)."""
    return [
        AlarmSpec(
            key=f"table-{name}-{kind.lower()}-throttles",
            description=f"DynamoDB table {name}: {kind.lower()} requests throttled",
            namespace="AWS/DynamoDB",
            metric=f"{kind}ThrottleEvents",
            dimensions={"TableName": table.name},
            threshold=1,
        )
        for name, table in tables.items()
        for kind in ("Read", "Write")
    ]


def cdn_alarms(cdn: CdnOutputs, limits: AlarmThresholds) -> list[AlarmSpec]:
    """CloudFront's 5xx error rate (a percentage CloudFront computes per distribution)."""
    return [
        AlarmSpec(
            key="cdn-5xx-rate",
            description=f"CloudFront: over {limits.cdn_error_rate_percent:g} % of responses are 5xx for 10 minutes",
            namespace="AWS/CloudFront",
            metric="5xxErrorRate",
            dimensions={"DistributionId": cdn.distribution_id, "Region": "Global"},
            threshold=limits.cdn_error_rate_percent,
            comparison=ABOVE,
            statistic="Average",
            evaluation_periods=2,
            edge=True,
        )
    ]


def stack_alarms(
    *,
    compute: ComputeOutputs | None,
    database: DatabaseOutputs | None,
    tables: Mapping[str, TableOutputs],
    cdn: CdnOutputs | None,
    limits: AlarmThresholds,
) -> list[AlarmSpec]:
    """Every alarm for the tiers that are present."""
    specs: list[AlarmSpec] = []
    if compute is not None:
        specs += (
            serverless_alarms(compute, limits) if compute.mode == "serverless" else container_alarms(compute, limits)
        )
    if database is not None:
        specs += database_alarms(database, limits)
    specs += table_alarms(tables)
    if cdn is not None:
        specs += cdn_alarms(cdn, limits)
    _check_unique(specs)
    return specs


def _check_unique(specs: Sequence[AlarmSpec]) -> None:
    keys = [spec.key for spec in specs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"alarm keys repeat: {keys}")
