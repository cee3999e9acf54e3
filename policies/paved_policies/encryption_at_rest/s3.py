"""encryption-at-rest for S3 (stack policies, as the configuration is its own resource).

S3 has encrypted every new object with SSE-S3 since January 2023 and it cannot be turned off
(``data/aws_defaults.json``: ``s3-default-encryption``), so a bucket without an encryption
configuration is encrypted: only a configuration naming an algorithm S3 does not apply contradicts
it. Preferring a KMS key over SSE-S3 is a separate rule, a house rule advisory outside prod.
"""

from __future__ import annotations

from pulumi_policy import Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.aws_defaults import aws_default
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import ENCRYPTION_AT_REST, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, items
from paved_policies.unknown import UNKNOWN

KMS_ALGORITHMS = frozenset({"aws:kms", "aws:kms:dsse"})
S3_ALGORITHMS = frozenset({"AES256", *KMS_ALGORITHMS})
"""The values S3 accepts for ``sseAlgorithm`` (pulumi-aws 7 s3.BucketServerSideEncryptionConfiguration)."""


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
    for urn, algorithms in bucket_encryption(stack).items():
        wrong = sorted({str(algorithm) for algorithm in algorithms if isinstance(algorithm, str)} - S3_ALGORITHMS)
        if wrong:
            report(
                f"S3 bucket's encryption configuration names sseAlgorithm {', '.join(wrong)}, which S3 does not "
                f"apply ({', '.join(sorted(S3_ALGORITHMS))}).",
                urn,
            )


s3_bucket_server_side_encryption = define_policy(
    name="s3-bucket-server-side-encryption",
    kind=STACK,
    description=(
        "Checks that no S3 bucket's encryption configuration names an algorithm S3 does not apply; a bucket "
        "without one is encrypted with SSE-S3, the S3 default since January 2023."
    ),
    validate=_s3_bucket_sse,
    resource_types=t.S3_BUCKETS,
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set sseAlgorithm to aws:kms (with kmsMasterKeyId, paved's data tier uses the stack key), "
        "aws:kms:dsse or AES256."
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
    if log_targets is None:
        return
    encryption = bucket_encryption(stack)
    default = aws_default("s3-default-encryption")
    for bucket in stack.of_types(t.S3_BUCKETS):
        if bucket.urn in log_targets:
            continue
        algorithms = encryption.get(bucket.urn) or None  # a configuration without rules keeps the default
        if algorithms is None:
            report(
                f"S3 bucket is encrypted with {default.value} (the S3 default since {default.since}), "
                "not a KMS key (aws:kms).",
                bucket.urn,
            )
        elif UNKNOWN not in algorithms and not any(
            isinstance(algorithm, str) and algorithm in KMS_ALGORITHMS for algorithm in algorithms
        ):
            shown = ", ".join(
                sorted({str(default.value if algorithm is None else algorithm) for algorithm in algorithms})
            )
            report(f"S3 bucket is encrypted with {shown}, not a KMS key (aws:kms).", bucket.urn)


s3_bucket_encrypted_with_kms = define_policy(
    name="s3-bucket-encrypted-with-kms",
    kind=STACK,
    description=(
        "Checks that S3 buckets encrypt with a KMS key (aws:kms or aws:kms:dsse) rather than SSE-S3, except "
        "buckets receiving S3 or load balancer access logs, which AWS requires to use SSE-S3."
    ),
    validate=_s3_bucket_kms,
    resource_types=t.S3_BUCKETS,
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set sseAlgorithm to aws:kms with kmsMasterKeyId set to the stack key (components/encryption.py) "
        "and bucketKeyEnabled true; paved's data tier does this for every bucket. A house rule: advisory "
        "outside prod."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_145",)),
    house_rule=True,
)
