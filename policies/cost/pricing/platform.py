"""Platform services: KMS, Secrets Manager, CloudWatch, Cognito, SNS, SQS, SES inbound."""

from __future__ import annotations

from decimal import Decimal

from cost.pricing.base import Context, Pricer, Props, Unpriceable, no_charge, quantity_text
from cost.report import Charge
from cost.resources import Resource

KMS_KEY = "aws:kms/key:Key"
KMS_REPLICA_KEY = "aws:kms/replicaKey:ReplicaKey"
SECRET = "aws:secretsmanager/secret:Secret"
METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm"
COMPOSITE_ALARM = "aws:cloudwatch/compositeAlarm:CompositeAlarm"
DASHBOARD = "aws:cloudwatch/dashboard:Dashboard"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
LOG_METRIC_FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter"
USER_POOL = "aws:cognito/userPool:UserPool"
SNS_TOPIC = "aws:sns/topic:Topic"
SNS_SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription"
SQS_QUEUE = "aws:sqs/queue:Queue"
SES_RECEIPT_RULE = "aws:ses/receiptRule:ReceiptRule"
BUDGET_ACTION = "aws:budgets/budgetAction:BudgetAction"
LOG_DELIVERY = "aws:cloudwatch/logDelivery:LogDelivery"
LOG_DELIVERY_DESTINATION = "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination"

VENDED_LOG_DESTINATIONS = {"s3": "s3", "logs": "cloudwatch", "firehose": "firehose"}
"""The service of a destination ARN → the vended-logs delivery price it takes."""

HIGH_RESOLUTION_PERIOD = 60
NEVER_EXPIRING_LOG_MONTHS = Decimal(12)
"""How many months of a never-expiring log group's data the estimate stores (it grows without end)."""
ANOMALY_BAND_EXTRA_METRICS = 2
"""An anomaly detection alarm is billed as three metrics: the metric and the band's two bounds."""


def kms_key(resource: Resource, ctx: Context) -> list[Charge]:
    region = ctx.region_of(resource)
    requests = ctx.use("kms", "requestsPerMonth", resource)
    rotating = Props(resource.props).flag("enableKeyRotation")
    rotation = " (each of the first two rotations adds $1/month)" if rotating else ""
    return [
        ctx.charge(region, "kms.key", Decimal(1), f"customer managed key{rotation}"),
        ctx.charge(region, "kms.requests", requests, "symmetric requests"),
    ]


def secret(resource: Resource, ctx: Context) -> list[Charge]:
    region = ctx.region_of(resource)
    calls = ctx.use("secretsManager", "apiCallsPerMonth", resource)
    return [
        ctx.charge(region, "secretsmanager.secret", Decimal(1), "secret"),
        ctx.charge(region, "secretsmanager.api", calls, "API calls"),
    ]


def metric_alarm(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    queries = [Props(q) for q in props.entries("metricQueries")]
    metrics = sum(1 for q in queries if q.get("metric")) or 1
    bands = sum(1 for q in queries if "ANOMALY_DETECTION_BAND" in (q.text("expression") or ""))
    metrics += ANOMALY_BAND_EXTRA_METRICS * bands
    periods = [props.num("period")] + [q.num("metric", "period") for q in queries]
    high_resolution = any(p is not None and p < HIGH_RESOLUTION_PERIOD for p in periods)
    key = "cloudwatch.alarm.high-resolution" if high_resolution else "cloudwatch.alarm.standard"
    kind = "high-resolution" if high_resolution else "standard"
    return [ctx.charge(ctx.region_of(resource), key, Decimal(metrics), f"{kind} alarm on")]


def composite_alarm(resource: Resource, ctx: Context) -> list[Charge]:
    return [ctx.charge(ctx.region_of(resource), "cloudwatch.alarm.composite", Decimal(1), "composite alarm")]


def dashboard(resource: Resource, ctx: Context) -> list[Charge]:
    return [ctx.charge(ctx.region_of(resource), "cloudwatch.dashboard", Decimal(1), "dashboard")]


def log_group(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    ingest = ctx.use("logs", "ingestGbPerMonth", resource)
    log_class = props.text("logGroupClass") or "STANDARD"
    if log_class == "DELIVERY":
        raise Unpriceable("the DELIVERY log class is not in the price file")
    retention = props.num("retentionInDays", default=0) or Decimal(0)
    months = retention * 12 / Decimal(365) if retention else NEVER_EXPIRING_LOG_MONTHS
    kept = f"kept {quantity_text(retention)} days" if retention else "never expires: 12 months counted"
    ingest_key = "logs.ingest.infrequent-access" if log_class == "INFREQUENT_ACCESS" else "logs.ingest.standard"
    return [
        ctx.charge(region, ingest_key, ingest, f"{log_class.lower().replace('_', ' ')} ingestion"),
        ctx.charge(region, "logs.storage", (ingest * months).quantize(Decimal("0.01")), f"storage ({kept})"),
    ]


def log_metric_filter(resource: Resource, ctx: Context) -> list[Charge]:
    return [ctx.charge(ctx.region_of(resource), "cloudwatch.metric", Decimal(1), "custom metric")]


def user_pool(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    tier = str(props.text("userPoolTier") or "ESSENTIALS").lower()
    security = props.text("userPoolAddOns", "advancedSecurityMode") or "OFF"
    why = f"{tier.capitalize()} tier"
    if security != "OFF" and tier != "plus":
        tier, why = "plus", f"Plus tier (threat protection {security})"
    users = ctx.use("cognito", "monthlyActiveUsers", resource)
    return [ctx.charge(ctx.region_of(resource), f"cognito.{tier}.mau", users, why)]


def sns_topic(resource: Resource, ctx: Context) -> list[Charge]:
    publishes = ctx.use("sns", "publishesPerMonth", resource)
    return [ctx.charge(ctx.region_of(resource), "sns.publish", publishes, "publishes")]


def sns_subscription(resource: Resource, ctx: Context) -> list[Charge]:
    protocol = Props(resource.props).need_text("protocol")
    deliveries = ctx.use("sns", "publishesPerMonth", resource)
    region = ctx.region_of(resource)
    if protocol in ("email", "email-json"):
        return [ctx.charge(region, "sns.delivery.email", deliveries, "email deliveries")]
    if protocol in ("http", "https"):
        return [ctx.charge(region, "sns.delivery.http", deliveries, "HTTP deliveries")]
    if protocol in ("sqs", "lambda", "firehose"):
        return no_charge(f"no charge ({protocol} deliveries are free)")
    raise Unpriceable(f"{protocol} deliveries are not in the price file")


def sqs_queue(resource: Resource, ctx: Context) -> list[Charge]:
    fifo = Props(resource.props).flag("fifoQueue")
    requests = ctx.use("sqs", "requestsPerMonth", resource)
    key = "sqs.requests.fifo" if fifo else "sqs.requests.standard"
    return [ctx.charge(ctx.region_of(resource), key, requests, "FIFO requests" if fifo else "requests")]


def ses_receipt_rule(resource: Resource, ctx: Context) -> list[Charge]:
    region = ctx.region_of(resource)
    mails = ctx.use("ses", "inboundMailsPerMonth", resource)
    return [
        ctx.charge(region, "ses.inbound.mail", mails, "inbound mails"),
        ctx.charge(region, "ses.inbound.chunk", mails, "incoming 256 KB chunks (one per mail)"),
    ]


def log_delivery(resource: Resource, ctx: Context) -> list[Charge]:
    """Vended logs (e.g. CloudFront standard logs v2) billed per GB delivered, by destination kind."""
    props = Props(resource.props)
    kind = "s3" if props.entries("s3DeliveryConfigurations") else _destination_kind(resource, ctx)
    destination = _destination(resource, ctx)
    if destination is not None and Props(destination.props).text("outputFormat") == "parquet":
        raise Unpriceable("Parquet conversion of delivered logs is not in the price file")
    delivered = ctx.use("logs", "deliveredGbPerMonth", resource)
    return [ctx.charge(ctx.region_of(resource), f"logs.vended.{kind}", delivered, f"vended logs delivered to {kind}")]


def _destination(delivery: Resource, ctx: Context) -> Resource | None:
    for urn in delivery.property_dependencies.get("deliveryDestinationArn", ()):
        found = ctx.by_urn(urn)
        if found is not None and found.type == LOG_DELIVERY_DESTINATION:
            return found
    return None


def _destination_kind(delivery: Resource, ctx: Context) -> str:
    destination = _destination(delivery, ctx)
    if destination is None:
        raise Unpriceable("its delivery destination is not in the stack (cannot tell S3, CloudWatch or Firehose)")
    props = Props(destination.props)
    declared = (props.text("deliveryDestinationType") or "").lower()
    arn = props.text("deliveryDestinationConfiguration", "destinationResourceArn") or ""
    service = arn.split(":")[2] if arn.count(":") >= 2 else ""
    kind = {"cwl": "cloudwatch", "fh": "firehose", "s3": "s3"}.get(declared) or VENDED_LOG_DESTINATIONS.get(service)
    if kind is None:
        raise Unpriceable(f"unknown delivery destination {arn or declared!r}")
    return kind


def budget_action(resource: Resource, ctx: Context) -> list[Charge]:
    return no_charge("no charge (an account's first two action-enabled budgets are free)")


PRICERS: dict[str, Pricer] = {
    KMS_KEY: kms_key,
    KMS_REPLICA_KEY: kms_key,
    SECRET: secret,
    METRIC_ALARM: metric_alarm,
    COMPOSITE_ALARM: composite_alarm,
    DASHBOARD: dashboard,
    LOG_GROUP: log_group,
    LOG_METRIC_FILTER: log_metric_filter,
    USER_POOL: user_pool,
    SNS_TOPIC: sns_topic,
    SNS_SUBSCRIPTION: sns_subscription,
    SQS_QUEUE: sqs_queue,
    SES_RECEIPT_RULE: ses_receipt_rule,
    BUDGET_ACTION: budget_action,
    LOG_DELIVERY: log_delivery,
}
