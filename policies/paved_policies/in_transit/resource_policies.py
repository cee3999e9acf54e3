"""encryption-in-transit for the queues and topics whose endpoints also answer plain HTTP: a
resource policy must deny requests made without TLS (stack policies, as the policy may be its own
resource; S3's ``s3-bucket-tls-only`` lives in ``encryption_in_transit``)."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from typing import Final

from pulumi_policy import Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.in_transit.secure_transport import denies_insecure_transport
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import ENCRYPTION_IN_TRANSIT, STACK, Equivalents, Report, StackValidator, define_policy
from paved_policies.props import get


@dataclass(frozen=True)
class TlsOnly:
    """A kind of resource whose policy must deny requests without TLS, and how its policy attaches."""

    owners: Sequence[str]
    policy_type: str
    reference: str
    """The property of ``policy_type`` that points at the owner."""
    missing: str
    """How a report on an owner without a TLS-only policy begins."""
    policy_what: str


def report_tls_only(stack: StackIndex, kind: TlsOnly, report: Report, *, exempt: Set[str] = frozenset()) -> None:
    """Report, for ``kind``, every attached policy that does not deny requests without TLS (on the
    policy, where the fix goes) and every owner with no policy that does (on the owner). ``exempt``
    owners (S3 website buckets) are left alone; an owner's policy that cannot be known, or a policy
    whose owner cannot be resolved, reports nothing."""
    owners = stack.of_types(kind.owners)
    verdicts: dict[str, list[bool | None]] = {
        owner.urn: [denies_insecure_transport(get(owner.props, "policy"))]
        for owner in owners
        if get(owner.props, "policy") is not None
    }
    for attached in stack.of_types([kind.policy_type]):
        verdict = denies_insecure_transport(get(attached.props, "policy"))
        try:
            targets = stack.referenced(attached, kind.reference, kind.owners)
        except UnresolvedError:
            for owner in owners:
                verdicts.setdefault(owner.urn, []).append(None)
            continue
        if verdict is False and not any(target.urn in exempt for target in targets):
            report(f"{kind.policy_what} does not deny requests without TLS (aws:SecureTransport).", attached.urn)
            verdict = None  # reported where the fix goes, not again on its owner
        for target in targets:
            verdicts.setdefault(target.urn, []).append(verdict)
    for owner in owners:
        found = verdicts.get(owner.urn, [])
        if owner.urn not in exempt and True not in found and None not in found:
            report(f"{kind.missing} denying requests without TLS (aws:SecureTransport).", owner.urn)


def tls_only_validator(kind: TlsOnly) -> StackValidator:
    def validate(args: StackValidationArgs, report: Report) -> None:
        report_tls_only(StackIndex(args.resources), kind, report)

    return validate


S3_BUCKETS_TLS_ONLY: Final = TlsOnly(
    t.S3_BUCKETS, t.S3_BUCKET_POLICY, "bucket", "S3 bucket has no bucket policy", "Bucket policy"
)
SNS_TOPICS_TLS_ONLY: Final = TlsOnly(
    [t.SNS_TOPIC], t.SNS_TOPIC_POLICY, "arn", "SNS topic has no policy", "Topic policy"
)
MEDIASTORE_TLS_ONLY: Final = TlsOnly(
    [t.MEDIASTORE_CONTAINER],
    t.MEDIASTORE_CONTAINER_POLICY,
    "containerName",
    "MediaStore container has no policy",
    "Container policy",
)
SQS_QUEUES_TLS_ONLY: Final = TlsOnly(
    [t.SQS_QUEUE], t.SQS_QUEUE_POLICY, "queueUrl", "SQS queue has no policy", "Queue policy"
)


sns_topic_tls_only = define_policy(
    name="sns-topic-tls-only",
    kind=STACK,
    description="Checks that every SNS topic has a topic policy denying publishers that do not use TLS.",
    validate=tls_only_validator(SNS_TOPICS_TLS_ONLY),
    resource_types=[t.SNS_TOPIC],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Add a Deny statement for Principal * on sns:Publish with Condition "
        '{"Bool": {"aws:SecureTransport": "false"}} to the topic policy; paved\'s alarm topic has one.'
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-SNS3",)),
)

sqs_queue_tls_only = define_policy(
    name="sqs-queue-tls-only",
    kind=STACK,
    description="Checks that every SQS queue has a queue policy denying requests that do not use TLS.",
    validate=tls_only_validator(SQS_QUEUES_TLS_ONLY),
    resource_types=[t.SQS_QUEUE],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Add a Deny statement for Principal * on sqs:* with Condition "
        '{"Bool": {"aws:SecureTransport": "false"}} to the queue policy (aws.sqs.QueuePolicy).'
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-SQS4",)),
)

mediastore_container_tls_only = define_policy(
    name="mediastore-container-tls-only",
    kind=STACK,
    description="Checks that every MediaStore container has a container policy denying requests that do not use TLS.",
    validate=tls_only_validator(MEDIASTORE_TLS_ONLY),
    resource_types=[t.MEDIASTORE_CONTAINER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Add a Deny statement for Principal * on mediastore:* with Condition "
        '{"Bool": {"aws:SecureTransport": "false"}} to the container policy (aws.mediastore.ContainerPolicy).'
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-MS3",)),
)
