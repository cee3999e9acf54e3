"""encrypted-with-customer-managed-key: where AWS encrypts with a key of its own, paved prefers the
stack's customer-managed key (a house rule, advisory outside prod). Each test changes one setting of
a compliant baseline; the data file says where each type takes the key."""

from __future__ import annotations

import pytest
from paved_policies.encryption_at_rest.customer_keys import key_specs, names_aws_managed_key
from paved_policies.registry import policy_named
from paved_policies.testing import UNKNOWN, Baseline

from tests.policies import baselines_encryption as enc
from tests.policies.baselines import BASELINES, EKS_CLUSTER, RDS_CLUSTER, SQS_QUEUE
from tests.policies.type_tokens import ALL_TYPE_TOKENS

POLICY = "encrypted-with-customer-managed-key"


def no_key(what: str, detail: str) -> tuple[str, str]:
    return (POLICY, f"{what}: not encrypted with a customer-managed KMS key ({detail}).")


@pytest.mark.parametrize(
    ("baseline", "key", "what"),
    [
        (enc.TIMESTREAM_DATABASE, "kmsKeyId", "Timestream database"),
        (enc.KINESIS_VIDEO_STREAM, "kmsKeyId", "Kinesis video stream"),
        (enc.FSX_LUSTRE, "kmsKeyId", "FSx for Lustre file system"),
        (enc.CLOUDTRAIL_EVENT_DATA_STORE, "kmsKeyId", "CloudTrail Lake event data store"),
        (enc.BEDROCK_AGENT, "customerEncryptionKeyArn", "Bedrock agent"),
        (enc.REDSHIFT_SERVERLESS_NAMESPACE, "kmsKeyId", "Redshift Serverless namespace"),
        (enc.CODEARTIFACT_DOMAIN, "encryptionKey", "CodeArtifact domain"),
        (enc.DYNAMODB_TABLE_REPLICA, "kmsKeyArn", "DynamoDB table replica"),
    ],
)
def test_resource_without_a_customer_key_is_reported(baseline: Baseline, key: str, what: str) -> None:
    assert baseline.violations(without=[key]) == [no_key(what, f"{key} is not set")]


def test_an_empty_key_counts_as_none() -> None:
    assert enc.APPFLOW_FLOW.violations({"kmsArn": ""}) == [no_key("AppFlow flow", "kmsArn is not set")]


def test_naming_an_aws_managed_key_is_reported() -> None:
    assert enc.SSM_PARAMETER.violations({"keyId": "alias/aws/ssm"}) == [
        no_key("SSM SecureString parameter", "keyId names the AWS managed key alias/aws/ssm")
    ]


def test_aws_managed_key_is_recognised_by_alias_or_alias_arn() -> None:
    assert names_aws_managed_key("alias/aws/sns")
    assert names_aws_managed_key("arn:aws:kms:us-east-1:123456789012:alias/aws/kinesis")
    assert not names_aws_managed_key("alias/paved-aws-data")
    assert not names_aws_managed_key("arn:aws:kms:us-east-1:123456789012:key/1234")


def test_key_unknown_during_preview_is_not_reported() -> None:
    assert enc.TIMESTREAM_DATABASE.violations({"kmsKeyId": UNKNOWN}) == []


def test_a_key_type_that_is_not_customer_managed_is_reported() -> None:
    spec = {"type": "AWS_OWNED_KMS_KEY", "kmsKeyIdentifier": enc.KEY}
    assert enc.KEYSPACES_TABLE.violations({"encryptionSpecification": spec}) == [
        no_key("Keyspaces table", "encryptionSpecification.type is AWS_OWNED_KMS_KEY")
    ]


def test_a_key_is_needed_only_where_its_condition_holds() -> None:
    assert enc.SSM_PARAMETER.violations({"type": "String"}, without=["keyId"]) == []
    assert enc.LAMBDA_FUNCTION.violations(without=["environment", "kmsKeyArn"]) == []
    assert enc.LAMBDA_FUNCTION.violations(without=["kmsKeyArn"]) == [
        no_key("Lambda environment variables", "kmsKeyArn is not set")
    ]


def test_every_item_of_a_list_needs_the_key() -> None:
    stores = [
        {"location": "a", "type": "S3", "encryptionKey": {"id": enc.KEY, "type": "KMS"}},
        {"location": "b", "type": "S3"},
    ]
    assert enc.CODEPIPELINE.violations({"artifactStores": stores}) == [
        no_key("CodePipeline artifact store", "artifactStores[1].encryptionKey.id is not set")
    ]


def test_items_of_nested_lists_are_walked() -> None:
    details = dict(enc.DLM_LIFECYCLE_POLICY.properties["policyDetails"])
    details["schedules"] = [
        {**details["schedules"][0], "crossRegionCopyRules": [{"target": "us-west-2", "encrypted": True}]}
    ]
    assert enc.DLM_LIFECYCLE_POLICY.violations({"policyDetails": details}) == [
        no_key(
            "DLM cross-region schedule copy",
            "policyDetails.schedules[].crossRegionCopyRules[0].cmkArn is not set",
        )
    ]


def test_eks_secrets_need_the_key_on_the_secrets_resource() -> None:
    config = {"resources": [], "provider": {"keyArn": enc.KEY}}
    assert EKS_CLUSTER.violations({"encryptionConfig": config}) == [
        no_key("EKS cluster secrets", "encryptionConfig.resources does not include secrets")
    ]


def test_unencrypted_cluster_is_reported_by_both_rules() -> None:
    assert RDS_CLUSTER.violations({"storageEncrypted": False}, without=["kmsKeyId"]) == [
        (
            "database-cluster-storage-encrypted",
            "Cluster storage is not encrypted (storageEncrypted defaults to false).",
        ),
        no_key("Aurora/RDS cluster", "kmsKeyId is not set"),
    ]


def test_queue_on_sqs_managed_encryption_is_left_to_sqs_queue_encrypted() -> None:
    assert SQS_QUEUE.violations(without=["kmsMasterKeyId"]) == []
    assert SQS_QUEUE.violations({"kmsMasterKeyId": "alias/aws/sqs"}) == [
        no_key("SQS queue", "kmsMasterKeyId names the AWS managed key alias/aws/sqs")
    ]


def test_firehose_reading_a_kinesis_stream_is_encrypted_by_its_source() -> None:
    source = {"kinesisSourceConfiguration": {"kinesisStreamArn": "arn:aws:kinesis:us-east-1:1:stream/s"}}
    firehose = BASELINES["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"]
    assert firehose.violations(source, without=["serverSideEncryption"]) == []


def test_the_rule_is_a_house_rule_declaring_every_suite_rule_of_its_data() -> None:
    policy = policy_named(POLICY)
    declared = {*policy.equivalents.checkov, *policy.equivalents.cdk_nag}
    assert policy.house_rule is True
    assert declared == {rule for spec in key_specs() for rule in spec.rules}
    assert {"CKV_AWS_142", "CKV_AWS_327", "AwsSolutions-TS3"} <= declared


def test_every_type_of_the_data_file_is_named_in_the_types_module_and_has_a_baseline() -> None:
    types = {spec.type for spec in key_specs()}
    assert types - set(ALL_TYPE_TOKENS) == set()
    assert types - set(BASELINES) == set()


OLDER_PROVIDER_PATHS = {("aws:dms/endpoint:Endpoint", "s3Settings.serverSideEncryptionKmsKeyId")}
"""Paths of pulumi-aws releases before 7 (``dms.Endpoint.s3Settings``), kept for stacks exported from them."""


def _property_exists(token: str, path: str) -> bool:
    from tools.corpus.sdk_schema import Shape, nested_shape, resource_shape

    shape: Shape | None = resource_shape(token)
    for part in path.replace("[]", "").split("."):
        if shape is None:
            return True
        field = next((f for f in shape.fields.values() if f.camel == part), None)
        if field is None:
            return False
        shape = nested_shape(shape.module, field.nested) if field.nested else None
    return True


def test_every_path_of_the_data_file_is_an_input_of_its_type() -> None:
    wrong = []
    for spec in key_specs():
        prefix = f"{spec.each}." if spec.each else ""
        paths = [prefix + spec.key]
        paths += [prefix + condition["path"] for condition in (spec.when, spec.selector, spec.includes) if condition]
        wrong += [(spec.type, path) for path in paths if not _property_exists(spec.type, path)]
    assert set(wrong) == OLDER_PROVIDER_PATHS
