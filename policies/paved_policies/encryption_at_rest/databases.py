"""encryption-at-rest for databases, caches and search domains."""

from __future__ import annotations

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.aws_defaults import aws_default
from paved_policies.encryption_at_rest.customer_keys import key_problem
from paved_policies.policy import ENCRYPTION_AT_REST, Equivalents, Report, define_policy
from paved_policies.props import get, text, truth


def _rds_instance_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if get(props, "replicateSourceDb") is not None:
        return  # a replica's encryption follows its source (and kmsKeyId for cross-region)
    if truth(get(props, "storageEncrypted"), default=False) is False:
        report("RDS instance storage is not encrypted (storageEncrypted defaults to false).")


rds_instance_storage_encrypted = define_policy(
    name="rds-instance-storage-encrypted",
    description="Checks that RDS DB instances encrypt their storage.",
    validate=_rds_instance_encrypted,
    resource_types=[t.RDS_INSTANCE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set storageEncrypted: true and kmsKeyId to the stack key; paved:data.postgres instances are "
        "always encrypted with it."
    ),
    equivalents=Equivalents(
        awsguard=("rds-storage-encrypted",), cdk_nag=("AwsSolutions-RDS2",), checkov=("CKV_AWS_16",)
    ),
)


def _cluster_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.RDS_CLUSTER:
        if get(props, "replicationSourceIdentifier") is not None or get(props, "globalClusterIdentifier") is not None:
            return  # encryption follows the source or global cluster
        if text(get(props, "engineMode")) == "serverless":
            return  # Aurora Serverless v1 clusters are always encrypted
    if args.resource_type == t.NEPTUNE_CLUSTER and get(props, "replicationSourceIdentifier") is not None:
        return
    if truth(get(props, "storageEncrypted"), default=False) is False:
        report("Cluster storage is not encrypted (storageEncrypted defaults to false).")


database_cluster_storage_encrypted = define_policy(
    name="database-cluster-storage-encrypted",
    description="Checks that Aurora/RDS, DocumentDB and Neptune clusters and global clusters encrypt their storage.",
    validate=_cluster_encrypted,
    resource_types=[t.RDS_CLUSTER, t.RDS_GLOBAL_CLUSTER, t.DOCDB_CLUSTER, t.DOCDB_GLOBAL_CLUSTER, t.NEPTUNE_CLUSTER],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set storageEncrypted: true and kmsKeyId (kmsKeyArn for Neptune) to the stack key; paved's "
        "Aurora Serverless v2 cluster sets both."
    ),
    equivalents=Equivalents(
        cdk_nag=("AwsSolutions-RDS2", "AwsSolutions-DOC1", "AwsSolutions-N4"),
        checkov=("CKV_AWS_96", "CKV_AWS_140", "CKV_AWS_74", "CKV_AWS_44", "CKV_AWS_292"),
    ),
)


def _redshift_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "encrypted"), default=aws_default("redshift-encryption").value) is False:
        report("Redshift cluster is not encrypted (encrypted is false).")


redshift_cluster_encrypted = define_policy(
    name="redshift-cluster-encrypted",
    description="Checks that Redshift clusters keep encryption at rest on.",
    validate=_redshift_encrypted,
    resource_types=[t.REDSHIFT_CLUSTER],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Leave encrypted at its default (true) and set kmsKeyId to the stack key.",
    equivalents=Equivalents(
        awsguard=("redshift-cluster-configuration",), cdk_nag=("AwsSolutions-RS6",), checkov=("CKV_AWS_64",)
    ),
)


def _dynamodb_kms(args: ResourceValidationArgs, report: Report) -> None:
    sse = get(args.props, "serverSideEncryption")
    enabled = truth(get(sse, "enabled"), default=False)
    if enabled is False:
        report(
            f"DynamoDB table is encrypted with the {aws_default('dynamodb-encryption').value}, not a "
            "customer-managed KMS key (serverSideEncryption is not enabled)."
        )
    elif enabled is True:
        problem = key_problem("serverSideEncryption.kmsKeyArn", get(sse, "kmsKeyArn"))
        if problem is not None:
            report(
                "DynamoDB table is encrypted with the AWS managed key aws/dynamodb, not a customer-managed KMS key "
                f"({problem})."
            )


dynamodb_table_encrypted_with_kms = define_policy(
    name="dynamodb-table-encrypted-with-kms",
    description=(
        "Checks that DynamoDB tables, always encrypted at rest, use a customer-managed KMS key rather than the "
        "AWS owned or AWS managed key."
    ),
    validate=_dynamodb_kms,
    resource_types=[t.DYNAMODB_TABLE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set serverSideEncryption: {enabled: true, kmsKeyArn: <stack key>}; paved:data.tables are created that "
        "way. A house rule: DynamoDB encrypts every table anyway, so it is advisory outside prod."
    ),
    equivalents=Equivalents(awsguard=("dynamodb-table-encryption-enabled",), checkov=("CKV_AWS_119",)),
    house_rule=True,
)


def _dax_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "serverSideEncryption", "enabled"), default=False) is False:
        report("DAX cluster does not encrypt at rest (serverSideEncryption.enabled defaults to false).")


dax_cluster_encrypted = define_policy(
    name="dax-cluster-encrypted",
    description="Checks that DAX clusters encrypt at rest.",
    validate=_dax_encrypted,
    resource_types=[t.DAX_CLUSTER],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Set serverSideEncryption: {enabled: true}.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-DDB4",), checkov=("CKV_AWS_47",)),
)


def _elasticache_at_rest(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "atRestEncryptionEnabled"), default=False) is False:
        report("ElastiCache replication group does not encrypt at rest (atRestEncryptionEnabled is not true).")


elasticache_encrypted_at_rest = define_policy(
    name="elasticache-encrypted-at-rest",
    description="Checks that ElastiCache replication groups encrypt data at rest.",
    validate=_elasticache_at_rest,
    resource_types=[t.ELASTICACHE_REPLICATION_GROUP],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=("Set atRestEncryptionEnabled: true and kmsKeyId to the stack key; paved:data.cache does both."),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-AEC3",), checkov=("CKV_AWS_29",)),
)


def _opensearch_at_rest(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "encryptAtRest", "enabled"), default=False) is False:
        report("OpenSearch domain does not encrypt at rest (encryptAtRest.enabled is not true).")


opensearch_domain_encrypted_at_rest = define_policy(
    name="opensearch-domain-encrypted-at-rest",
    description="Checks that OpenSearch and Elasticsearch domains encrypt data at rest.",
    validate=_opensearch_at_rest,
    resource_types=t.OPENSEARCH_DOMAINS,
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Set encryptAtRest: {enabled: true, kmsKeyId: <stack key>}.",
    equivalents=Equivalents(
        awsguard=("elasticsearch-encrypted-at-rest",), cdk_nag=("AwsSolutions-OS8",), checkov=("CKV_AWS_5",)
    ),
)
