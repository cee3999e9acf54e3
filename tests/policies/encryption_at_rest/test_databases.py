"""encryption-at-rest for databases, caches and search domains: each test changes one setting of a
compliant baseline and states exactly what the pack reports."""

from __future__ import annotations

from paved_policies.registry import policy_named
from paved_policies.testing import UNKNOWN

from tests.policies.baselines import (
    DAX_CLUSTER,
    DOCDB_CLUSTER,
    DYNAMODB_TABLE,
    ELASTICACHE_REPLICATION_GROUP,
    ELASTICSEARCH_DOMAIN,
    NEPTUNE_CLUSTER,
    OPENSEARCH_DOMAIN,
    RDS_CLUSTER,
    RDS_GLOBAL_CLUSTER,
    RDS_INSTANCE,
    REDSHIFT_CLUSTER,
)

RDS_UNENCRYPTED = (
    "rds-instance-storage-encrypted",
    "RDS instance storage is not encrypted (storageEncrypted defaults to false).",
)
CLUSTER_UNENCRYPTED = (
    "database-cluster-storage-encrypted",
    "Cluster storage is not encrypted (storageEncrypted defaults to false).",
)


def test_unencrypted_rds_instance_is_reported() -> None:
    assert RDS_INSTANCE.violations({"storageEncrypted": False}) == [RDS_UNENCRYPTED]


def test_rds_instance_without_storage_encrypted_is_reported_as_the_provider_default_is_unencrypted() -> None:
    assert RDS_INSTANCE.violations(without=["storageEncrypted"]) == [RDS_UNENCRYPTED]


def test_rds_read_replica_takes_its_encryption_from_its_source() -> None:
    assert RDS_INSTANCE.violations({"storageEncrypted": False, "replicateSourceDb": "paved-db"}) == []


def test_rds_instance_encryption_unknown_during_preview_is_not_reported() -> None:
    assert RDS_INSTANCE.violations({"storageEncrypted": UNKNOWN}) == []


def test_unencrypted_aurora_cluster_is_reported() -> None:
    assert RDS_CLUSTER.violations({"storageEncrypted": False}) == [CLUSTER_UNENCRYPTED]


def test_aurora_serverless_v1_cluster_is_always_encrypted() -> None:
    assert RDS_CLUSTER.violations({"engineMode": "serverless"}, without=["storageEncrypted"]) == []


def test_aurora_replica_or_global_member_takes_its_encryption_from_the_source() -> None:
    assert RDS_CLUSTER.violations({"storageEncrypted": False, "replicationSourceIdentifier": "arn:src"}) == []
    assert RDS_CLUSTER.violations({"storageEncrypted": False, "globalClusterIdentifier": "global"}) == []


def test_global_cluster_without_storage_encryption_is_reported() -> None:
    assert RDS_GLOBAL_CLUSTER.violations(without=["storageEncrypted"]) == [CLUSTER_UNENCRYPTED]


def test_unencrypted_documentdb_cluster_is_reported() -> None:
    assert DOCDB_CLUSTER.violations(without=["storageEncrypted"]) == [CLUSTER_UNENCRYPTED]


def test_unencrypted_neptune_cluster_is_reported_unless_it_replicates() -> None:
    assert NEPTUNE_CLUSTER.violations({"storageEncrypted": False}) == [CLUSTER_UNENCRYPTED]
    assert NEPTUNE_CLUSTER.violations({"storageEncrypted": False, "replicationSourceIdentifier": "arn:src"}) == []


def test_redshift_cluster_with_encryption_turned_off_is_reported() -> None:
    assert REDSHIFT_CLUSTER.violations({"encrypted": "false"}) == [
        ("redshift-cluster-encrypted", "Redshift cluster is not encrypted (encrypted is false).")
    ]


def test_redshift_cluster_without_the_setting_is_encrypted_by_default() -> None:
    assert REDSHIFT_CLUSTER.violations(without=["encrypted"]) == []


def test_dynamodb_table_on_the_aws_owned_key_is_reported_as_a_customer_key_preference() -> None:
    expected = [
        (
            "dynamodb-table-encrypted-with-kms",
            "DynamoDB table is encrypted with the AWS owned key, not a customer-managed KMS key "
            "(serverSideEncryption is not enabled).",
        )
    ]
    assert DYNAMODB_TABLE.violations(without=["serverSideEncryption"]) == expected
    assert DYNAMODB_TABLE.violations({"serverSideEncryption": {"enabled": False}}) == expected


def test_dynamodb_table_on_the_aws_managed_key_is_reported_as_a_customer_key_preference() -> None:
    assert DYNAMODB_TABLE.violations({"serverSideEncryption": {"enabled": True}}) == [
        (
            "dynamodb-table-encrypted-with-kms",
            "DynamoDB table is encrypted with the AWS managed key aws/dynamodb, not a customer-managed KMS key "
            "(serverSideEncryption.kmsKeyArn is not set).",
        )
    ]


def test_dynamodb_customer_key_preference_is_a_house_rule() -> None:
    assert policy_named("dynamodb-table-encrypted-with-kms").house_rule is True


def test_dax_cluster_without_encryption_at_rest_is_reported() -> None:
    assert DAX_CLUSTER.violations(without=["serverSideEncryption"]) == [
        (
            "dax-cluster-encrypted",
            "DAX cluster does not encrypt at rest (serverSideEncryption.enabled defaults to false).",
        )
    ]


def test_elasticache_replication_group_without_encryption_at_rest_is_reported() -> None:
    assert ELASTICACHE_REPLICATION_GROUP.violations(without=["atRestEncryptionEnabled"]) == [
        (
            "elasticache-encrypted-at-rest",
            "ElastiCache replication group does not encrypt at rest (atRestEncryptionEnabled is not true).",
        )
    ]


def test_opensearch_and_elasticsearch_domains_without_encryption_at_rest_are_reported() -> None:
    no_key = "not encrypted with a customer-managed KMS key (encryptAtRest.kmsKeyId is not set)."
    assert OPENSEARCH_DOMAIN.violations({"encryptAtRest": {"enabled": False}}) == [
        ("encrypted-with-customer-managed-key", f"OpenSearch domain: {no_key}"),
        (
            "opensearch-domain-encrypted-at-rest",
            "OpenSearch domain does not encrypt at rest (encryptAtRest.enabled is not true).",
        ),
    ]
    assert ELASTICSEARCH_DOMAIN.violations(without=["encryptAtRest"]) == [
        ("encrypted-with-customer-managed-key", f"Elasticsearch domain: {no_key}"),
        (
            "opensearch-domain-encrypted-at-rest",
            "OpenSearch domain does not encrypt at rest (encryptAtRest.enabled is not true).",
        ),
    ]
