"""``paved:observability`` and ``paved:budget``: alarms, their topic, the dashboard and the AWS budget."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from components.config.base import Email, LogRetentionDays, Model

BUDGET_EMAIL_LIMIT = 10
"""AWS Budgets notifies at most 10 e-mail subscribers per notification."""


class AlarmThresholds(Model):
    """When the stack's CloudWatch alarms fire; each alarm looks at 5-minute periods."""

    cpu_percent: Annotated[int, Field(ge=10, le=100)] = Field(
        80, description="ECS service and database CPU, average over the period."
    )
    memory_percent: Annotated[int, Field(ge=10, le=100)] = Field(
        80, description="ECS service memory, average over the period."
    )
    server_errors: Annotated[int, Field(ge=1, le=1_000_000)] = Field(
        5, description="HTTP API, load balancer and target 5xx responses per period."
    )
    api_latency_p99_ms: Annotated[int, Field(ge=10, le=60_000)] = Field(3000, description="HTTP API p99 latency.")
    database_connections: Annotated[int, Field(ge=1, le=100_000)] = Field(
        80, description="Open database connections (t4g.micro allows about 110)."
    )
    database_free_storage_gb: Annotated[float, Field(gt=0, le=65_536)] = Field(
        2.0, description="Free storage of an RDS instance; free local (temporary) storage of an Aurora instance."
    )
    cdn_error_rate_percent: Annotated[float, Field(gt=0, le=100)] = Field(
        5.0, description="CloudFront responses with a 5xx status, percent of requests."
    )


class Observability(Model):
    """The alarm topic, alarms for every tier present, log retention and the dashboard."""

    alarm_emails: Annotated[tuple[Email, ...], Field(max_length=20)] = Field(
        (), description="Addresses subscribed to the alarm topic (each confirms by e-mail)."
    )
    log_retention_days: LogRetentionDays = Field(
        30, description="Retention of log groups with no setting of their own."
    )
    dashboard: bool = Field(True, description="Whether the stack has a CloudWatch dashboard of its alarms.")
    alarms: AlarmThresholds = Field(AlarmThresholds(), description="Alarm thresholds.")


class Budget(Model):
    """The stack's monthly AWS Budgets cost budget, with 50/80/100 % notifications."""

    monthly_usd: Annotated[float, Field(gt=0, le=1_000_000)] = Field(
        description="The budget in USD a month; at most the cap (`maxMonthlyUsd`) of the stack's policy config."
    )
    alert_emails: tuple[Email, ...] = Field(
        (), description="Addresses the budget notifies (at most 10; the alarm topic is notified too)."
    )
    deny_on_exceed: bool = Field(
        False, description="Dev only: at the cap, a budget action denies the compute tier's roles everything."
    )

    @field_validator("alert_emails")
    @classmethod
    def _at_most_ten(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(value) > BUDGET_EMAIL_LIMIT:
            raise ValueError(
                f"{len(value)} addresses, but AWS Budgets notifies at most 10 (use alarm e-mails for more)"
            )
        return value
