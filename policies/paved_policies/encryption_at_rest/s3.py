"""encryption-at-rest for S3: every bucket has an SSE configuration, with a KMS key (stack policies,
as the configuration is its own resource)."""

from __future__ import annotations

from pulumi_policy import Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import ENCRYPTION_AT_REST, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, items
from paved_policies.unknown import UNKNOWN

KMS_ALGORITHMS = frozenset({"aws:kms", "aws:kms:dsse"})


def _inline_sse_algorithm(bucket_props: object) -> object:
    """The algorithm of a bucket's inline (deprecated) SSE block, ``None`` if absent."""
    for key in ("serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations"):
        block = get(bucket_props, key)
        if block is UNKNOWN:
            return UNKNOWN
        for config in items(block):
            for rule in items(get(config, "rule")) + items(get(config, "rules")):
                for default in items(get(rule, "applyServerSideEncryptionByDefault")) + items(
                    get(rule, "applyServerSideEncryptionByDefaults")
                ):
                    return get(default, "sseAlgorithm")
    return None


def _config_algorithms(config_props: object) -> list[object]:
    algorithms: list[object] = []
    rules = get(config_props, "rules")
    if rules is UNKNOWN:
        return [UNKNOWN]
    for rule in items(rules):
        default = get(rule, "applyServerSideEncryptionByDefault")
        algorithms.append(UNKNOWN if default is UNKNOWN else get(default, "sseAlgorithm"))
    return algorithms


def bucket_encryption(stack: StackIndex) -> dict[str, list[object]]:
    """Each bucket URN → the SSE algorithms configured for it (inline or by resource);
    ``[UNKNOWN]`` where the configuration cannot be known. Buckets absent from the map have none."""
    found: dict[str, list[object]] = {}
    buckets = stack.of_types(t.S3_BUCKETS)
    for bucket in buckets:
        inline = _inline_sse_algorithm(bucket.props)
        if inline is not None:
            found.setdefault(bucket.urn, []).append(inline)
    for config in stack.of_types(t.S3_SSE_CONFIGS):
        try:
            targets = stack.referenced(config, "bucket", t.S3_BUCKETS)
        except UnresolvedError:
            for bucket in buckets:
                found.setdefault(bucket.urn, []).append(UNKNOWN)
            continue
        for bucket in targets:
            found.setdefault(bucket.urn, []).extend(_config_algorithms(config.props))
    return found


def _s3_bucket_sse(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    encryption = bucket_encryption(stack)
    for bucket in stack.of_types(t.S3_BUCKETS):
        if bucket.urn not in encryption:
            report("S3 bucket has no server-side encryption configuration.", bucket.urn)


s3_bucket_server_side_encryption = define_policy(
    name="s3-bucket-server-side-encryption",
    kind=STACK,
    description="Checks that every S3 bucket has a server-side encryption configuration.",
    validate=_s3_bucket_sse,
    resource_types=t.S3_BUCKETS,
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket (paved's data tier "
        "creates one per bucket in paved:data.buckets, with the stack KMS key and bucket keys)."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_19",)),
)


def log_delivery_targets(stack: StackIndex) -> set[str] | None:
    """Buckets that receive S3 server access logs or load balancer access logs: AWS delivers those
    only to buckets encrypted with SSE-S3 (AES256). ``None`` if a target cannot be resolved."""
    targets: set[str] = set()
    sources = [
        *((logging, "targetBucket") for logging in stack.of_types(t.S3_LOGGINGS)),
        *((balancer, "accessLogs") for balancer in stack.of_types(t.LOAD_BALANCERS)),
    ]
    for source, prop in sources:
        if prop == "accessLogs" and get(source.props, "accessLogs") is None:
            continue
        try:
            targets.update(bucket.urn for bucket in stack.referenced(source, prop, t.S3_BUCKETS))
        except UnresolvedError:
            return None
    return targets


def _s3_bucket_kms(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    log_targets = log_delivery_targets(stack)
    for urn, algorithms in bucket_encryption(stack).items():
        if UNKNOWN in algorithms or log_targets is None or urn in log_targets:
            continue
        if not any(isinstance(algorithm, str) and algorithm in KMS_ALGORITHMS for algorithm in algorithms):
            shown = ", ".join(sorted({str(algorithm) for algorithm in algorithms}))
            report(f"S3 bucket is encrypted with {shown}, not a KMS key (aws:kms).", urn)


s3_bucket_encrypted_with_kms = define_policy(
    name="s3-bucket-encrypted-with-kms",
    kind=STACK,
    description=(
        "Checks that S3 buckets with an encryption configuration use a KMS key (aws:kms or aws:kms:dsse), "
        "except buckets receiving S3 or load balancer access logs, which AWS requires to use SSE-S3."
    ),
    validate=_s3_bucket_kms,
    resource_types=t.S3_BUCKETS,
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set sseAlgorithm to aws:kms with kmsMasterKeyId set to the stack key (components/encryption.py) "
        "and bucketKeyEnabled true; paved's data tier does this for every bucket."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_145",)),
)
