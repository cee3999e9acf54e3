"""``python -m cost.refresh`` (run in ``policies/``): rebuild the price file from the AWS Price List API.

Every key of the price file maps to one Price List query (service code, attribute filters and the
usage type's ending); the on-demand price of the single product that matches becomes the entry, with
the API as its source and today as its date. A key the API does not answer keeps its entry and is
reported, so a refresh never loses a price; a key the Price List does not carry (``NOT_IN_PRICE_LIST``)
is kept with the reason. ``--regions`` adds regions, or fills a region the file has with the us-east-1
keys it lacks (a key the API does not answer there is left out, never copied at us-east-1's price).
Needs AWS credentials allowed ``pricing:GetProducts`` (the API's endpoint is in us-east-1).

Exit codes: 0 written (or checked with ``--dry-run``), 2 bad input or no credentials.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cost.pricebook import GLOBAL, PRICE_FILE, dump_price_document

PRICING_ENDPOINT_REGION = "us-east-1"
SOURCE = "AWS Price List API"
EXIT_OK = 0
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class PriceQuery:
    service_code: str
    filters: tuple[tuple[str, str], ...] = ()
    usagetype_suffix: str | None = None
    usagetype_contains: str | None = None
    """Case-insensitive part of the usage type (MSK's ``USE1-Kafka.m5.large`` names the broker type)."""

    def matches(self, product: Mapping[str, Any]) -> bool:
        usagetype = str(product.get("product", {}).get("attributes", {}).get("usagetype", ""))
        if self.usagetype_suffix is not None and not usagetype.endswith(self.usagetype_suffix):
            return False
        return self.usagetype_contains is None or self.usagetype_contains.lower() in usagetype.lower()


NOT_IN_PRICE_LIST = {
    "globalaccelerator.fixed": "the Price List has no product for the accelerator's fixed fee",
    "eks.cluster.extended": "the Price List had no product for EKS extended support when the entry was sourced",
    "redshift.serverless.rpu": "no verified Price List query for Redshift Serverless RPU-hours yet",
}
"""Keys whose price the Price List API does not carry: a refresh keeps them and says why."""


# --- which query answers which key -------------------------------------------------------------

_RDS_ENGINES = {
    "postgres": "PostgreSQL",
    "mysql": "MySQL",
    "aurora-postgresql": "Aurora PostgreSQL",
    "aurora-mysql": "Aurora MySQL",
}
_DEPLOYMENTS = {"single-az": "Single-AZ", "multi-az": "Multi-AZ"}
_RDS_VOLUMES = {
    "gp2": "General Purpose",
    "gp3": "General Purpose-GP3",
    "io1": "Provisioned IOPS",
    "io2": "Provisioned IOPS-IO2",
    "standard": "Magnetic",
}
_RDS_IOPS = {"gp3": "GP3-PIOPS", "io1": "PIOPS", "io2": "PIOPS-IO2"}
_CACHE_ENGINES = {"redis": "Redis", "valkey": "Valkey", "memcached": "Memcached"}
_S3_CLASSES = {
    "STANDARD": "TimedStorage-ByteHrs",
    "INTELLIGENT_TIERING": "TimedStorage-INT-FA-ByteHrs",
    "STANDARD_IA": "TimedStorage-SIA-ByteHrs",
    "ONEZONE_IA": "TimedStorage-ZIA-ByteHrs",
    "GLACIER_IR": "TimedStorage-GIR-ByteHrs",
    "GLACIER": "TimedStorage-GlacierByteHrs",
    "DEEP_ARCHIVE": "TimedStorage-GDA-ByteHrs",
}
_SEARCH_VOLUMES = {"gp2": "GP2", "gp3": "GP3", "io1": "PIOPS-Storage", "standard": "Magnetic"}
_KINESIS_OPERATIONS = {
    "shard": "shardHourStorage",
    "put-units": "PutRequest",
    "on-demand.stream": "OnDemandStreamHr",
    "on-demand.ingest": "OnDemandDataIngested",
    "on-demand.retrieval": "OnDemandDataRetrieval",
}
_CLOUDTRAIL_FAMILIES = {
    "data-events": "Management Tools - AWS CloudTrail Data Events Recorded",
    "management-events.copy": "Management Tools - AWS CloudTrail Paid Events Recorded",
}
_TRANSFER_USAGE = {"protocol": "ProtocolHours", "data": "UploadBytes"}
_DIRECTORY_TYPES = {"simple-ad": "Simple AD", "microsoft-ad": "Microsoft AD", "ad-connector": "AD Connector"}
_BACKUP_SOURCES = {"ebs": "EBS", "rds": "RDS", "aurora": "Aurora", "dynamodb": "DDB", "efs": "EFS", "s3": "S3"}

_BY_USAGE_TYPE: dict[str, tuple[str, str]] = {
    "ebs.snapshot.storage": ("AmazonEC2", "EBS:SnapshotUsage"),
    "ebs.gp3.iops": ("AmazonEC2", "EBS:VolumeP-IOPS.gp3"),
    "ebs.gp3.throughput": ("AmazonEC2", "EBS:VolumeP-Throughput.gp3"),
    "ebs.io1.iops": ("AmazonEC2", "EBS:VolumeP-IOPS.piops"),
    "ebs.io2.iops.tier1": ("AmazonEC2", "EBS:VolumeP-IOPS.io2"),
    "ebs.io2.iops.tier2": ("AmazonEC2", "EBS:VolumeP-IOPS.io2.tier2"),
    "ebs.io2.iops.tier3": ("AmazonEC2", "EBS:VolumeP-IOPS.io2.tier3"),
    "rds.backup.storage": ("AmazonRDS", "RDS:ChargedBackupUsage"),
    "rds.insights.advanced": ("AmazonRDS", "DatabaseInsights-Advanced-vCPU-Hours"),
    "aurora.serverless-v2.acu": ("AmazonRDS", "Aurora:ServerlessV2Usage"),
    "aurora.serverless-v2.acu.io-optimized": ("AmazonRDS", "Aurora:ServerlessV2IOOptimizedUsage"),
    "aurora.storage": ("AmazonRDS", "Aurora:StorageUsage"),
    "aurora.storage.io-optimized": ("AmazonRDS", "Aurora:IO-OptimizedStorageUsage"),
    "aurora.io": ("AmazonRDS", "Aurora:StorageIOUsage"),
    "aurora.backup.storage": ("AmazonRDS", "Aurora:BackupUsage"),
    "fargate.x86_64.vcpu": ("AmazonECS", "Fargate-vCPU-Hours:perCPU"),
    "fargate.x86_64.memory": ("AmazonECS", "Fargate-GB-Hours"),
    "fargate.arm64.vcpu": ("AmazonECS", "Fargate-ARM-vCPU-Hours:perCPU"),
    "fargate.arm64.memory": ("AmazonECS", "Fargate-ARM-GB-Hours"),
    "fargate.ephemeral-storage": ("AmazonECS", "Fargate-EphemeralStorage-GB-Hours"),
    "lambda.requests": ("AWSLambda", "Request"),
    "lambda.x86_64.duration": ("AWSLambda", "Lambda-GB-Second"),
    "lambda.arm64.duration": ("AWSLambda", "Lambda-GB-Second-ARM"),
    "apigateway.http.requests": ("AmazonApiGateway", "ApiGatewayHttpRequest"),
    "apigateway.rest.requests": ("AmazonApiGateway", "ApiGatewayRequest"),
    "apigateway.websocket.messages": ("AmazonApiGateway", "ApiGatewayMessage"),
    "apigateway.websocket.connection-minutes": ("AmazonApiGateway", "ApiGatewayMinute"),
    "elb.application.hours": ("AWSELB", "LoadBalancerUsage"),
    "elb.application.lcu": ("AWSELB", "LCUUsage"),
    "elb.network.hours": ("AWSELB", "LoadBalancerUsage"),
    "elb.network.lcu": ("AWSELB", "LCUUsage"),
    "vpc.nat.hours": ("AmazonEC2", "NatGateway-Hours"),
    "vpc.nat.data": ("AmazonEC2", "NatGateway-Bytes"),
    "vpc.public-ipv4": ("AmazonVPC", "PublicIPv4:InUseAddress"),
    "vpc.endpoint.interface.hours": ("AmazonVPC", "VpcEndpoint-Hours"),
    "vpc.endpoint.interface.data": ("AmazonVPC", "VpcEndpoint-Bytes"),
    "kms.key": ("awskms", "KMS-Keys"),
    "kms.requests": ("awskms", "KMS-Requests"),
    "secretsmanager.secret": ("AWSSecretsManager", "AWSSecretsManager-Secrets"),
    "secretsmanager.api": ("AWSSecretsManager", "AWSSecretsManager-APIRequest"),
    "cloudwatch.alarm.standard": ("AmazonCloudWatch", "CW:AlarmMonitorUsage"),
    "cloudwatch.alarm.high-resolution": ("AmazonCloudWatch", "CW:HighResAlarmMonitorUsage"),
    "cloudwatch.alarm.composite": ("AmazonCloudWatch", "CW:CompositeAlarmMonitorUsage"),
    "cloudwatch.dashboard": ("AmazonCloudWatch", "DashboardsUsageHour"),
    "cloudwatch.metric": ("AmazonCloudWatch", "CW:MetricMonitorUsage"),
    "logs.ingest.standard": ("AmazonCloudWatch", "DataProcessing-Bytes"),
    "logs.ingest.infrequent-access": ("AmazonCloudWatch", "DataProcessingIA-Bytes"),
    "logs.storage": ("AmazonCloudWatch", "TimedStorage-ByteHrs"),
    "logs.vended.s3": ("AmazonCloudWatch", "VendedLog-S3-Bytes"),
    "logs.vended.firehose": ("AmazonCloudWatch", "VendedLog-Firehose-Bytes"),
    "logs.vended.cloudwatch": ("AmazonCloudWatch", "VendedLog-Bytes"),
    "cognito.lite.mau": ("AmazonCognito", "CognitoUserPoolsLiteMAU"),
    "cognito.essentials.mau": ("AmazonCognito", "CognitoUserPoolsEssentialsMAU"),
    "cognito.plus.mau": ("AmazonCognito", "CognitoUserPoolsPlusMAU"),
    "dynamodb.on-demand.write": ("AmazonDynamoDB", "WriteRequestUnits"),
    "dynamodb.on-demand.read": ("AmazonDynamoDB", "ReadRequestUnits"),
    "dynamodb.ia.on-demand.write": ("AmazonDynamoDB", "IA-WriteRequestUnits"),
    "dynamodb.ia.on-demand.read": ("AmazonDynamoDB", "IA-ReadRequestUnits"),
    "dynamodb.storage": ("AmazonDynamoDB", "TimedStorage-ByteHrs"),
    "dynamodb.ia.storage": ("AmazonDynamoDB", "IA-TimedStorage-ByteHrs"),
    "dynamodb.pitr": ("AmazonDynamoDB", "TimedPITRStorage-ByteHrs"),
    "dynamodb.provisioned.wcu": ("AmazonDynamoDB", "WriteCapacityUnit-Hrs"),
    "dynamodb.provisioned.rcu": ("AmazonDynamoDB", "ReadCapacityUnit-Hrs"),
    "s3.requests.tier1": ("AmazonS3", "Requests-Tier1"),
    "s3.requests.tier2": ("AmazonS3", "Requests-Tier2"),
    "sns.publish": ("AmazonSNS", "Requests-Tier1"),
    "sns.delivery.email": ("AmazonSNS", "DeliveryAttempts-SMTP"),
    "sns.delivery.http": ("AmazonSNS", "DeliveryAttempts-HTTP"),
    "sqs.requests.standard": ("AWSQueueService", "Requests-RBP"),
    "sqs.requests.fifo": ("AWSQueueService", "Requests-FIFO-RBP"),
    "ecr.storage": ("AmazonECR", "TimedStorage-ByteHrs"),
    "ses.inbound.mail": ("AmazonSES", "Recipients-Inbound"),
    "ses.inbound.chunk": ("AmazonSES", "ReceivedChunk"),
    "waf.web-acl": ("awswaf", "WebACL"),
    "waf.rule": ("awswaf", "Rule"),
    "waf.requests": ("awswaf", "Request"),
    "cloudfront.transfer.us-eu": ("AmazonCloudFront", "US-DataTransfer-Out-Bytes"),
    "cloudfront.requests.https.us-eu": ("AmazonCloudFront", "US-Requests-Tier2-HTTPS"),
    "cloudfront.requests.http.us-eu": ("AmazonCloudFront", "US-Requests-Tier1"),
    "cloudfront.function": ("AmazonCloudFront", "Executions-CloudFrontFunctions"),
    "route53.hosted-zone": ("AmazonRoute53", "HostedZone"),
    "route53.queries": ("AmazonRoute53", "DNS-Queries"),
    "route53.health-check.aws": ("AmazonRoute53", "Health-Check-AWS"),
    "route53.health-check.other": ("AmazonRoute53", "Health-Check-NonAWS"),
    "eks.cluster.standard": ("AmazonEKS", "AmazonEKS-Hours:perCluster"),
    "docdb.storage": ("AmazonDocDB", "StorageUsage"),
    "docdb.io": ("AmazonDocDB", "StorageIOUsage"),
    "docdb.backup.storage": ("AmazonDocDB", "BackupUsage"),
    "sfn.standard.transitions": ("AmazonStates", "StateTransition"),
    "sfn.express.requests": ("AmazonStates", "StepFunctions-Request"),
    "sfn.express.duration": ("AmazonStates", "StepFunctions-GB-Second"),
    "elb.classic.hours": ("AWSELB", "LoadBalancerUsage"),
    "elb.classic.data": ("AWSELB", "DataProcessing-Bytes"),
    "efs.storage.standard": ("AmazonEFS", "TimedStorage-ByteHrs"),
    "efs.storage.one-zone": ("AmazonEFS", "TimedStorage-Z-ByteHrs"),
    "efs.provisioned-throughput": ("AmazonEFS", "ProvisionedTP-MiBpsHrs"),
    "cloudtrail.insight-events": ("AWSCloudTrail", "InsightsEvents"),
    "config.items": ("AWSConfig", "ConfigurationItemRecorded"),
    "config.rule-evaluations": ("AWSConfig", "ConfigRuleEvaluations"),
    "tgw.attachment": ("AmazonVPC", "TransitGateway-Hours"),
    "tgw.data": ("AmazonVPC", "TransitGateway-Bytes"),
    "rds.extended-support.yr1-2": ("AmazonRDS", "ExtendedSupport:Yr1-Yr2:PostgreSQL12"),
    "rds.extended-support.yr3": ("AmazonRDS", "ExtendedSupport:Yr3:PostgreSQL11"),
}
"""Keys answered by their usage type alone (its region prefix, e.g. ``EUW1-``, is ignored)."""

_PRODUCT_FAMILIES = {
    "elb.application": "Load Balancer-Application",
    "elb.network": "Load Balancer-Network",
    "elb.classic": "Load Balancer",
    "eks.cluster": "Compute",
    "docdb.storage": "Database Storage",
    "docdb.io": "System Operation",
    "docdb.backup": "Storage Snapshot",
    "efs.storage": "Storage",
    "efs.provisioned-throughput": "Provisioned Throughput",
    "config.items": "Management Tools - AWS Config",
    "config.rule-evaluations": "Management Tools - AWS Config Rules",
    "cloudtrail.insight-events": "Management Tools - AWS CloudTrail Insights Events",
    "vpc.endpoint": "VpcEndpoint",
    "vpc.nat": "NAT Gateway",
}


def query_for(key: str) -> PriceQuery | None:
    """The Price List query for a price key (without the region filter), or None if none is known."""
    for pattern, build in _PATTERNS:
        match = re.fullmatch(pattern, key)
        if match:
            return build(match.groupdict())
    if key in _BY_USAGE_TYPE:
        service, suffix = _BY_USAGE_TYPE[key]
        family = next((f for prefix, f in _PRODUCT_FAMILIES.items() if key.startswith(prefix)), None)
        filters = (("productFamily", family),) if family else ()
        return PriceQuery(service, filters, suffix)
    return None


_PATTERNS: list[tuple[str, Callable[[dict[str, str]], PriceQuery]]] = [
    (
        r"ec2\.instance\.(?P<type>.+)",
        lambda m: PriceQuery(
            "AmazonEC2",
            (
                ("instanceType", m["type"]),
                ("operatingSystem", "Linux"),
                ("tenancy", "Shared"),
                ("preInstalledSw", "NA"),
                ("capacitystatus", "Used"),
                ("licenseModel", "No License required"),
            ),
        ),
    ),
    (
        r"ebs\.(?P<volume>[a-z0-9]+)\.storage",
        lambda m: PriceQuery("AmazonEC2", (("productFamily", "Storage"), ("volumeApiName", m["volume"]))),
    ),
    (
        r"rds\.instance\.(?P<engine>postgres|mysql)\.(?P<cls>db\.[a-z0-9]+\.[a-z0-9]+)\.(?P<az>single-az|multi-az)",
        lambda m: PriceQuery(
            "AmazonRDS",
            (
                ("productFamily", "Database Instance"),
                ("instanceType", m["cls"]),
                ("databaseEngine", _RDS_ENGINES[m["engine"]]),
                ("deploymentOption", _DEPLOYMENTS[m["az"]]),
            ),
        ),
    ),
    (
        r"rds\.instance\.(?P<engine>aurora-postgresql|aurora-mysql)\.(?P<cls>db\.[a-z0-9]+\.[a-z0-9]+)",
        lambda m: PriceQuery(
            "AmazonRDS",
            (
                ("productFamily", "Database Instance"),
                ("instanceType", m["cls"]),
                ("databaseEngine", _RDS_ENGINES[m["engine"]]),
            ),
            f"InstanceUsage:{m['cls']}",
        ),
    ),
    (
        r"rds\.storage\.(?P<volume>[a-z0-9]+)\.(?P<az>single-az|multi-az)",
        lambda m: PriceQuery(
            "AmazonRDS",
            (
                ("productFamily", "Database Storage"),
                ("volumeType", _RDS_VOLUMES[m["volume"]]),
                ("deploymentOption", _DEPLOYMENTS[m["az"]]),
                ("databaseEngine", "PostgreSQL"),
            ),
        ),
    ),
    (
        r"rds\.iops\.(?P<volume>[a-z0-9]+)\.(?P<az>single-az|multi-az)",
        lambda m: PriceQuery(
            "AmazonRDS",
            (("productFamily", "Provisioned IOPS"), ("databaseEngine", "PostgreSQL")),
            f"RDS:{'Multi-AZ-' if m['az'] == 'multi-az' else ''}{_RDS_IOPS[m['volume']]}",
        ),
    ),
    (
        r"elasticache\.node\.(?P<engine>[a-z]+)\.(?P<type>cache\.[a-z0-9]+\.[a-z0-9]+)",
        lambda m: PriceQuery(
            "AmazonElastiCache",
            (
                ("productFamily", "Cache Instance"),
                ("instanceType", m["type"]),
                ("cacheEngine", _CACHE_ENGINES[m["engine"]]),
            ),
        ),
    ),
    (
        r"apigateway\.rest\.cache\.(?P<size>[0-9.]+)",
        lambda m: PriceQuery(
            "AmazonApiGateway", (("productFamily", "Amazon API Gateway Cache"), ("cacheMemorySizeGb", m["size"]))
        ),
    ),
    (
        r"redshift\.node\.(?P<type>[a-z0-9]+\.[a-z0-9]+)",
        lambda m: PriceQuery("AmazonRedshift", (("productFamily", "Compute Instance"), ("instanceType", m["type"]))),
    ),
    (
        r"opensearch\.instance\.(?P<type>.+\.search)",
        lambda m: PriceQuery(
            "AmazonES", (("productFamily", "Amazon OpenSearch Service Instance"), ("instanceType", m["type"]))
        ),
    ),
    (
        r"opensearch\.storage\.(?P<volume>[a-z0-9]+)",
        lambda m: PriceQuery(
            "AmazonES",
            (("productFamily", "Amazon OpenSearch Service Volume"), ("storageMedia", _SEARCH_VOLUMES[m["volume"]])),
        ),
    ),
    (
        r"opensearch\.iops\.io1",
        lambda m: PriceQuery(
            "AmazonES",
            (("productFamily", "Amazon OpenSearch Service Volume"), ("storageMedia", "PIOPS")),
            None,
            "ES:PIOPS",
        ),
    ),
    (
        r"redshift\.managed-storage",
        lambda m: PriceQuery("AmazonRedshift", (("productFamily", "Redshift Managed Storage"),)),
    ),
    (
        r"msk\.storage",
        lambda m: PriceQuery(
            "AmazonMSK", (("productFamily", "Managed Streaming for Apache Kafka (MSK)"), ("storageFamily", "GP2"))
        ),
    ),
    (
        r"msk\.broker\.(?P<type>kafka\.[a-z0-9]+\.[a-z0-9]+)",
        lambda m: PriceQuery(
            "AmazonMSK", (("productFamily", "Managed Streaming for Apache Kafka (MSK)"),), None, m["type"]
        ),
    ),
    (
        r"docdb\.instance\.(?P<cls>db\.[a-z0-9]+\.[a-z0-9]+)",
        lambda m: PriceQuery("AmazonDocDB", (("productFamily", "Database Instance"), ("instanceType", m["cls"]))),
    ),
    (
        r"kinesis\.(?P<what>shard|put-units|on-demand\.stream|on-demand\.ingest|on-demand\.retrieval)",
        lambda m: PriceQuery(
            "AmazonKinesis", (("productFamily", "Kinesis Streams"), ("operation", _KINESIS_OPERATIONS[m["what"]]))
        ),
    ),
    (
        r"eventbridge\.custom-events",
        lambda m: PriceQuery("AWSEvents", (("productFamily", "EventBridge"), ("eventType", "Custom Event"))),
    ),
    (
        r"cloudtrail\.(?P<what>data-events|management-events\.copy)",
        lambda m: PriceQuery("AWSCloudTrail", (("productFamily", _CLOUDTRAIL_FAMILIES[m["what"]]),)),
    ),
    (
        r"transfer\.(?P<what>protocol|data)",
        lambda m: PriceQuery("AWSTransfer", (("productFamily", "AWS Transfer Family"),), _TRANSFER_USAGE[m["what"]]),
    ),
    (
        r"directory\.(?P<kind>[a-z-]+)\.(?P<size>[a-z]+)",
        lambda m: PriceQuery(
            "AWSDirectoryService",
            (
                ("productFamily", "AWS Directory Service"),
                ("directoryType", _DIRECTORY_TYPES[m["kind"]]),
                ("directorySize", m["size"].capitalize()),
            ),
        ),
    ),
    (r"s3\.storage\.(?P<cls>[A-Z_]+)", lambda m: PriceQuery("AmazonS3", (), _S3_CLASSES[m["cls"]])),
    (
        r"backup\.storage\.(?P<source>[a-z0-9]+)",
        lambda m: PriceQuery("AWSBackup", (), f"WarmStorage-ByteHrs-{_BACKUP_SOURCES[m['source']]}"),
    ),
]


# --- reading the Price List --------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    usd: Decimal
    free: Decimal
    sku: str


class PriceListError(Exception):
    """The Price List answered, but not with exactly one usable on-demand price."""


def products(client: Any, query: PriceQuery, region: str) -> Iterator[dict[str, Any]]:
    """Every product of ``query`` in ``region`` (all pages), decoded."""
    filters = [{"Type": "TERM_MATCH", "Field": f, "Value": v} for f, v in query.filters]
    if region != GLOBAL:
        filters.append({"Type": "TERM_MATCH", "Field": "regionCode", "Value": region})
    request: dict[str, Any] = {
        "ServiceCode": query.service_code,
        "Filters": filters,
        "FormatVersion": "aws_v1",
        "MaxResults": 100,
    }
    while True:
        page = client.get_products(**request)
        for item in page.get("PriceList", []):
            yield json.loads(item) if isinstance(item, str) else item
        token = page.get("NextToken")
        if not token:
            return
        request = {**request, "NextToken": token}


def on_demand_price(product: Mapping[str, Any]) -> Found:
    """The first non-zero on-demand tier, and the free allowance of the $0 tiers before it."""
    terms = product.get("terms", {}).get("OnDemand", {})
    dimensions = [d for term in terms.values() for d in term.get("priceDimensions", {}).values()]
    if not dimensions:
        raise PriceListError("no on-demand price")
    try:
        ordered = sorted(dimensions, key=lambda d: Decimal(str(d.get("beginRange", "0"))))
        free = Decimal(0)
        for dimension in ordered:
            usd = Decimal(str(dimension["pricePerUnit"]["USD"]))
            if usd > 0:
                return Found(usd.normalize(), free, str(product.get("product", {}).get("sku", "")))
            end = str(dimension.get("endRange", "Inf"))
            free = Decimal(end) if end != "Inf" else free
    except (InvalidOperation, KeyError) as error:
        raise PriceListError(f"unreadable price dimension ({error})") from None
    raise PriceListError("only free tiers")


def find_price(client: Any, query: PriceQuery, region: str) -> Found:
    matches = [p for p in products(client, query, region) if query.matches(p)]
    if len(matches) != 1:
        raise PriceListError(f"{len(matches)} products match (expected 1)")
    return on_demand_price(matches[0])


# --- rebuilding the file -----------------------------------------------------------------------


@dataclass
class RefreshReport:
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """``region key: why`` for entries the API did not answer (their old price stays)."""


def refresh_document(
    document: Mapping[str, Any], client: Any, *, today: datetime.date, add_regions: Sequence[str] = ()
) -> tuple[dict[str, Any], RefreshReport]:
    """A new price document: every entry re-read from the Price List, new regions filled with us-east-1's keys."""
    regions: dict[str, dict[str, Any]] = {r: dict(e) for r, e in document["regions"].items()}
    for region in add_regions:
        target = regions.setdefault(region, {})
        for key, entry in regions["us-east-1"].items():
            target.setdefault(key, {**entry})
    report = RefreshReport()
    new_regions: dict[str, dict[str, Any]] = {}
    for region, entries in regions.items():
        new_entries: dict[str, Any] = {}
        for key, entry in entries.items():
            query = query_for(key)
            try:
                if key in NOT_IN_PRICE_LIST:
                    raise PriceListError(NOT_IN_PRICE_LIST[key])
                if query is None:
                    raise PriceListError("no Price List query for this key")
                found = find_price(client, query, region)
            except PriceListError as why:
                report.kept.append(f"{region} {key}: {why}")
                if key in document["regions"].get(region, {}):
                    new_entries[key] = entry
                continue
            new_entry = {
                "usd": f"{found.usd:f}",
                "unit": entry["unit"],
                "source": f"{SOURCE} {query.service_code} sku {found.sku}",
                "retrieved": today.isoformat(),
            }
            if found.free:
                new_entry["free"] = f"{found.free.normalize():f}"
            new_entries[key] = new_entry
            report.updated.append(f"{region} {key}")
        new_regions[region] = new_entries
    return {**document, "version": today.isoformat(), "regions": new_regions}, report


def main(argv: Sequence[str] | None = None, *, client: Any = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cost.refresh", description=__doc__)
    parser.add_argument("--file", type=Path, default=PRICE_FILE, help="price file to rebuild (default: the pack's)")
    parser.add_argument("--regions", default="", help="comma-separated regions to add, e.g. eu-central-1")
    parser.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    args = parser.parse_args(argv)
    try:
        document = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"error: {args.file}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if client is None:
        import boto3
        from botocore.exceptions import BotoCoreError, ClientError

        client = boto3.client("pricing", region_name=PRICING_ENDPOINT_REGION)
        errors: tuple[type[Exception], ...] = (BotoCoreError, ClientError)
    else:
        errors = ()
    add = [r.strip() for r in args.regions.split(",") if r.strip()]
    try:
        new_document, report = refresh_document(document, client, today=datetime.date.today(), add_regions=add)
    except errors as error:
        print(f"error: the Price List API refused: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for line in report.kept:
        print(f"kept {line}", file=sys.stderr)
    print(f"{len(report.updated)} prices updated, {len(report.kept)} kept")
    if not args.dry_run:
        args.file.write_text(dump_price_document(new_document), encoding="utf-8")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
