"""The observability tier: alarm topic, alarms for every tier present, dashboard, cost budget."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.config.observability import Budget as BudgetSettings
from components.config.observability import Observability as ObservabilitySettings
from components.observability.alarms import PERIOD_SECONDS, AlarmSpec, stack_alarms
from components.observability.budget import deny_on_exceed, monthly_budget
from components.observability.dashboard import dashboard_body
from components.observability.topic import alarm_topic
from components.outputs import CdnOutputs, ComputeOutputs, DataOutputs
from components.provider import EDGE_REGION


@dataclass(frozen=True, kw_only=True)
class EdgeTopicArgs:
    """Where CloudFront's alarm publishes when the stack is not in us-east-1: CloudFront's metrics
    exist only there, and an alarm publishes only to a topic of its own region."""

    provider: pulumi.ProviderResource
    key_arn: pulumi.Input[str]
    """A KMS key in us-east-1 whose policy has ``alarm_topic_statements`` for that region."""


@dataclass(frozen=True, kw_only=True)
class ObservabilityArgs:
    settings: ObservabilitySettings
    budget: BudgetSettings
    account: AwsAccount
    key_arn: pulumi.Input[str]
    """The stack key: the alarm topic is encrypted with it."""
    compute: ComputeOutputs | None = None
    data: DataOutputs | None = None
    cdn: CdnOutputs | None = None
    edge: EdgeTopicArgs | None = None

    def __post_init__(self) -> None:
        if self.cdn is not None and self.account.region != EDGE_REGION and self.edge is None:
            raise ValueError(
                f"ObservabilityArgs.edge: required for the CloudFront alarm of a stack in {self.account.region} "
                f"(CloudFront's metrics are in {EDGE_REGION})"
            )


def edge_topic(cdn: CdnOutputs, edge_provider: pulumi.ProviderResource) -> EdgeTopicArgs | None:
    """Where CloudFront's alarm publishes when the cdn tier made a us-east-1 key (stack outside us-east-1)."""
    if cdn.edge_key_arn is None:
        return None
    return EdgeTopicArgs(provider=edge_provider, key_arn=cdn.edge_key_arn)


def dashboard_name(project: str, stack: str) -> str:
    """``<project>-<stack>`` in the characters dashboard names accept (letters, digits, ``-``, ``_``)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", f"{project}-{stack}")[:255]


class Observability(pulumi.ComponentResource):
    """Alarm topic and subscriptions, CloudWatch alarms, the stack dashboard and its AWS budget."""

    topic_arn: pulumi.Output[str]
    alarm_arns: list[pulumi.Output[str]]
    budget_name: pulumi.Output[str]

    def __init__(self, name: str, args: ObservabilityArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("paved:observability:Observability", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        settings, account = args.settings, args.account

        topic = alarm_topic(
            f"{name}-alarms", key_arn=args.key_arn, account=account, emails=settings.alarm_emails, opts=child
        )
        specs = stack_alarms(
            compute=args.compute,
            database=args.data.database if args.data is not None else None,
            tables=args.data.tables if args.data is not None else {},
            cdn=args.cdn,
            limits=settings.alarms,
        )
        edge_topic_arn, edge_opts = topic.arn, child
        if args.edge is not None and any(spec.edge for spec in specs):
            edge_opts = child.merge(pulumi.ResourceOptions(provider=args.edge.provider))
            edge_topic_arn = alarm_topic(
                f"{name}-edge-alarms",
                key_arn=args.edge.key_arn,
                account=dataclasses.replace(account, region=EDGE_REGION),
                emails=settings.alarm_emails,
                opts=edge_opts,
            ).arn
        alarms = [
            _alarm(name, spec, edge_topic_arn if spec.edge else topic.arn, edge_opts if spec.edge else child)
            for spec in specs
        ]
        if settings.dashboard:
            in_region = account.region == EDGE_REGION
            regional = [alarm.arn for alarm, spec in zip(alarms, specs, strict=True) if in_region or not spec.edge]
            aws.cloudwatch.Dashboard(
                f"{name}-dashboard",
                dashboard_name=dashboard_name(pulumi.get_project(), pulumi.get_stack()),
                dashboard_body=dashboard_body(specs, regional, account.region),
                opts=child,
            )
        budget = monthly_budget(f"{name}-budget", settings=args.budget, topic_arn=topic.arn, opts=child)
        if args.budget.deny_on_exceed and args.compute is None:
            pulumi.log.warn("budget.denyOnExceed: no compute tier, so no role to deny; no budget action", self)
        elif args.budget.deny_on_exceed and args.compute is not None:
            deny_on_exceed(
                f"{name}-budget",
                budget=budget,
                role_arns=args.compute.role_arns,
                topic_arn=topic.arn,
                account=account,
                opts=child,
            )

        self.topic_arn = topic.arn
        self.alarm_arns = [alarm.arn for alarm in alarms]
        self.budget_name = budget.name
        self.register_outputs({"topicArn": self.topic_arn, "budgetName": self.budget_name})


def _alarm(
    name: str, spec: AlarmSpec, topic_arn: pulumi.Input[str], opts: pulumi.ResourceOptions
) -> aws.cloudwatch.MetricAlarm:
    return aws.cloudwatch.MetricAlarm(
        f"{name}-{spec.key}",
        alarm_description=spec.description,
        namespace=spec.namespace,
        metric_name=spec.metric,
        dimensions=dict(spec.dimensions),
        period=PERIOD_SECONDS,
        evaluation_periods=spec.evaluation_periods,
        datapoints_to_alarm=spec.evaluation_periods,
        threshold=spec.threshold,
        comparison_operator=spec.comparison,
        treat_missing_data="notBreaching",
        alarm_actions=[topic_arn],
        ok_actions=[topic_arn],
        statistic=None if spec.is_percentile else spec.statistic,
        extended_statistic=spec.statistic if spec.is_percentile else None,
        opts=opts,
    )
