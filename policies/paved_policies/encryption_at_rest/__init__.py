"""encryption-at-rest: data-holding resources are encrypted, with a customer-managed KMS key where
it matters. A missing property takes the provider's default (e.g. an RDS instance without
``storageEncrypted`` is unencrypted); an unknown one is never reported."""

from paved_policies.encryption_at_rest.databases import (
    database_cluster_storage_encrypted,
    dax_cluster_encrypted,
    dynamodb_table_encrypted_with_kms,
    elasticache_encrypted_at_rest,
    opensearch_domain_encrypted_at_rest,
    rds_instance_storage_encrypted,
    redshift_cluster_encrypted,
)
from paved_policies.encryption_at_rest.s3 import (
    s3_bucket_encrypted_with_kms,
    s3_bucket_server_side_encryption,
)
from paved_policies.encryption_at_rest.services import (
    athena_results_encrypted,
    backup_vault_encrypted_with_kms,
    cloudtrail_encrypted_with_kms,
    cloudwatch_log_group_encrypted_with_kms,
    codebuild_artifacts_encrypted,
    ecr_repository_encrypted_with_kms,
    firehose_delivery_stream_encrypted,
    glue_encryption_enabled,
    kinesis_stream_encrypted,
    sagemaker_endpoint_encrypted_with_kms,
    sagemaker_notebook_encrypted_with_kms,
    secretsmanager_secret_encrypted_with_kms,
    sns_topic_encrypted,
    sqs_queue_encrypted,
)
from paved_policies.encryption_at_rest.volumes import (
    ebs_encrypted,
    ec2_block_devices_encrypted,
    efs_file_system_encrypted,
)

POLICIES = [
    s3_bucket_server_side_encryption,
    s3_bucket_encrypted_with_kms,
    rds_instance_storage_encrypted,
    database_cluster_storage_encrypted,
    redshift_cluster_encrypted,
    dynamodb_table_encrypted_with_kms,
    dax_cluster_encrypted,
    elasticache_encrypted_at_rest,
    opensearch_domain_encrypted_at_rest,
    ebs_encrypted,
    ec2_block_devices_encrypted,
    efs_file_system_encrypted,
    sns_topic_encrypted,
    sqs_queue_encrypted,
    kinesis_stream_encrypted,
    firehose_delivery_stream_encrypted,
    cloudwatch_log_group_encrypted_with_kms,
    secretsmanager_secret_encrypted_with_kms,
    backup_vault_encrypted_with_kms,
    sagemaker_notebook_encrypted_with_kms,
    sagemaker_endpoint_encrypted_with_kms,
    cloudtrail_encrypted_with_kms,
    ecr_repository_encrypted_with_kms,
    codebuild_artifacts_encrypted,
    glue_encryption_enabled,
    athena_results_encrypted,
]
