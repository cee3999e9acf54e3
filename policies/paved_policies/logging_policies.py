"""logging: traffic and access leave a trail — flow logs, access logs, CloudTrail — and every log
group expires. Advisory by default."""

from __future__ import annotations

from pulumi_policy import PolicyResource, ResourceValidationArgs, Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.joins import StackIndex, UnresolvedError, ancestors
from paved_policies.policy import LOGGING, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, items, number, truth
from paved_policies.unknown import UNKNOWN


def _covered(stack: StackIndex, sources: list[PolicyResource], prop: str, types: tuple[str, ...]) -> set[str] | None:
    """URNs that ``prop`` of some source points at; ``None`` if some reference cannot be resolved."""
    covered: set[str] = set()
    for source in sources:
        try:
            covered.update(target.urn for target in stack.referenced(source, prop, types))
        except UnresolvedError:
            return None
    return covered


def _vpc_flow_logs(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    vpcs = stack.of_types([t.VPC, t.AWSX_VPC])
    if not vpcs:
        return
    flow_logs = stack.of_types([t.FLOW_LOG])
    covered = _covered(stack, flow_logs, "vpcId", (t.VPC, t.AWSX_VPC))
    if covered is None:
        return
    for vpc in vpcs:
        if vpc.urn in covered or any(parent.urn in covered for parent in ancestors(vpc)):
            continue
        if vpc.resource_type == t.VPC and any(parent.resource_type == t.AWSX_VPC for parent in ancestors(vpc)):
            continue  # reported once, on the awsx component that owns it
        report("VPC has no flow log.", vpc.urn)


vpc_flow_logs_enabled = define_policy(
    name="vpc-flow-logs-enabled",
    kind=STACK,
    description="Checks that every VPC has a flow log.",
    validate=_vpc_flow_logs,
    resource_types=[t.VPC, t.AWSX_VPC],
    category=LOGGING,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "paved's network tier adds a flow log to its VPC (paved:network.flowLogs sets retention and traffic type)."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-VPC7",), checkov=("CKV2_AWS_11",)),
)


def _lb_access_logs(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    kind = get(props, "loadBalancerType")
    if kind is UNKNOWN or str(kind or "application") == "gateway":
        return
    if truth(get(props, "accessLogs", "enabled"), default=False) is False:
        report("Load balancer does not write access logs.")


lb_access_logs_enabled = define_policy(
    name="lb-access-logs-enabled",
    description="Checks that application and network load balancers write access logs.",
    validate=_lb_access_logs,
    resource_types=t.LOAD_BALANCERS,
    category=LOGGING,
    severity=Severity.LOW,
    remediation_steps=(
        "Set accessLogs: {enabled: true, bucket: <logs bucket>} (paved's container mode uses the logs bucket)."
    ),
    equivalents=Equivalents(awsguard=("elb-logging-enabled",), cdk_nag=("AwsSolutions-ELB2",), checkov=("CKV_AWS_91",)),
)


def _cloudfront_logs(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    distributions = stack.of_types([t.CLOUDFRONT_DISTRIBUTION])
    if not distributions:
        return
    delivered = _covered(stack, stack.of_types([t.LOG_DELIVERY_SOURCE]), "resourceArn", (t.CLOUDFRONT_DISTRIBUTION,))
    if delivered is None:
        return
    for distribution in distributions:
        logging = get(distribution.props, "loggingConfig")
        if logging is UNKNOWN or (logging is not None and get(logging, "bucket") is not None):
            continue
        if distribution.urn not in delivered:
            report("CloudFront distribution writes no access logs.", distribution.urn)


cloudfront_access_logs_enabled = define_policy(
    name="cloudfront-access-logs-enabled",
    kind=STACK,
    description=(
        "Checks that CloudFront distributions write access logs (legacy loggingConfig or a CloudWatch log "
        "delivery source)."
    ),
    validate=_cloudfront_logs,
    resource_types=[t.CLOUDFRONT_DISTRIBUTION],
    category=LOGGING,
    severity=Severity.LOW,
    remediation_steps="paved's cdn tier logs to the logs bucket; otherwise set loggingConfig or add a log delivery.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-CFR3",), checkov=("CKV_AWS_86",)),
)


def _s3_access_logs(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    buckets = stack.of_types(t.S3_BUCKETS)
    if not buckets:
        return
    loggings = stack.of_types(t.S3_LOGGINGS)
    logged = _covered(stack, loggings, "bucket", t.S3_BUCKETS)
    targets = _covered(stack, loggings, "targetBucket", t.S3_BUCKETS)
    if logged is None or targets is None:
        return
    for bucket in buckets:
        inline = [get(bucket.props, "logging"), *items(get(bucket.props, "loggings"))]
        if any(entry is UNKNOWN or (entry is not None and get(entry, "targetBucket") is not None) for entry in inline):
            continue
        if bucket.urn in logged or bucket.urn in targets:
            continue  # a log bucket does not log to itself
        report("S3 bucket writes no server access logs.", bucket.urn)


s3_bucket_access_logs = define_policy(
    name="s3-bucket-access-logs",
    kind=STACK,
    description="Checks that every S3 bucket except the log bucket writes server access logs.",
    validate=_s3_access_logs,
    resource_types=t.S3_BUCKETS,
    category=LOGGING,
    severity=Severity.LOW,
    remediation_steps="paved:data.buckets needs a bucket with purpose logs; every other bucket logs to it.",
    equivalents=Equivalents(
        awsguard=("s3-bucket-logging-enabled",), cdk_nag=("AwsSolutions-S1",), checkov=("CKV_AWS_18",)
    ),
)


def _api_access_logs(args: ResourceValidationArgs, report: Report) -> None:
    settings = get(args.props, "accessLogSettings")
    if settings is UNKNOWN:
        return
    if settings is None or get(settings, "destinationArn") is None:
        report("API Gateway stage writes no access logs.")


apigateway_access_logs = define_policy(
    name="apigateway-access-logs",
    description="Checks that API Gateway REST and HTTP API stages write access logs.",
    validate=_api_access_logs,
    resource_types=[t.API_GATEWAY_STAGE, t.API_GATEWAY_V2_STAGE],
    category=LOGGING,
    severity=Severity.LOW,
    remediation_steps="Set accessLogSettings.destinationArn to a log group (paved's serverless mode does).",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-APIG1",), checkov=("CKV_AWS_76",)),
)


def _cloudtrail(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if truth(get(props, "enableLogging"), default=True) is False:
        report("CloudTrail trail has logging turned off.")
    if truth(get(props, "enableLogFileValidation"), default=False) is False:
        report("CloudTrail trail does not validate log files (enableLogFileValidation defaults to false).")


cloudtrail_logging_and_validation = define_policy(
    name="cloudtrail-logging-and-validation",
    description="Checks that CloudTrail trails log and validate their log files.",
    validate=_cloudtrail,
    resource_types=[t.CLOUDTRAIL],
    category=LOGGING,
    severity=Severity.MEDIUM,
    remediation_steps="Leave enableLogging at true and set enableLogFileValidation: true.",
    equivalents=Equivalents(checkov=("CKV_AWS_36", "CKV_AWS_251")),
)


def _log_retention(args: ResourceValidationArgs, report: Report) -> None:
    days = number(get(args.props, "retentionInDays"))
    if days is UNKNOWN:
        return
    if days is None or days == 0:
        report("Log group never expires its events (retentionInDays is not set).")


log_group_retention_set = define_policy(
    name="log-group-retention-set",
    description="Checks that every CloudWatch log group has a retention period.",
    validate=_log_retention,
    resource_types=[t.LOG_GROUP],
    category=LOGGING,
    severity=Severity.LOW,
    remediation_steps="Set retentionInDays (paved:observability.logRetentionDays and each tier's logRetentionDays).",
    equivalents=Equivalents(checkov=("CKV_AWS_66",)),
)
