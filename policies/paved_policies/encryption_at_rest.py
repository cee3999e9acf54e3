"""encryption-at-rest: data-holding resources are encrypted, with a customer-managed KMS key where
it matters. A missing property takes the provider's default (e.g. an RDS instance without
``storageEncrypted`` is unencrypted); an unknown one is never reported."""

from __future__ import annotations

from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import ENCRYPTION_AT_REST, Report, ResourceValidator, resource_policy, stack_policy
from paved_policies.props import UNKNOWN, get, items, text, truth

KMS_ALGORITHMS = frozenset({"aws:kms", "aws:kms:dsse"})
S3_SSE_ALGORITHMS = KMS_ALGORITHMS | {"AES256"}


# --- S3 (stack: the SSE configuration is its own resource) -----------------------------------


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


s3_bucket_server_side_encryption = stack_policy(
    name="s3-bucket-server-side-encryption",
    description="Checks that every S3 bucket has a server-side encryption configuration.",
    validate=_s3_bucket_sse,
    resource_types=t.S3_BUCKETS,
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Add an aws.s3.BucketServerSideEncryptionConfiguration for the bucket (paved's data tier "
        "creates one per bucket in paved:data.buckets, with the stack KMS key and bucket keys)."
    ),
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


s3_bucket_encrypted_with_kms = stack_policy(
    name="s3-bucket-encrypted-with-kms",
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
)


# --- databases ---------------------------------------------------------------------------------


def _rds_instance_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if get(props, "replicateSourceDb") is not None:
        return  # a replica's encryption follows its source (and kmsKeyId for cross-region)
    if truth(get(props, "storageEncrypted"), default=False) is False:
        report("RDS instance storage is not encrypted (storageEncrypted defaults to false).")


rds_instance_storage_encrypted = resource_policy(
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


database_cluster_storage_encrypted = resource_policy(
    name="database-cluster-storage-encrypted",
    description="Checks that Aurora/RDS, global, DocumentDB and Neptune clusters encrypt their storage.",
    validate=_cluster_encrypted,
    resource_types=[t.RDS_CLUSTER, t.RDS_GLOBAL_CLUSTER, t.DOCDB_CLUSTER, t.NEPTUNE_CLUSTER],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set storageEncrypted: true and kmsKeyId (kmsKeyArn for Neptune) to the stack key; paved's "
        "Aurora Serverless v2 cluster sets both."
    ),
)


def _redshift_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "encrypted"), default=True) is False:
        report("Redshift cluster is not encrypted (encrypted is false).")


redshift_cluster_encrypted = resource_policy(
    name="redshift-cluster-encrypted",
    description="Checks that Redshift clusters keep encryption at rest on.",
    validate=_redshift_encrypted,
    resource_types=[t.REDSHIFT_CLUSTER],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Leave encrypted at its default (true) and set kmsKeyId to the stack key.",
)


def _dynamodb_kms(args: ResourceValidationArgs, report: Report) -> None:
    sse = get(args.props, "serverSideEncryption")
    enabled = truth(get(sse, "enabled"), default=False)
    if enabled is False:
        report("DynamoDB table uses the AWS-owned key; enable serverSideEncryption with a KMS key.")


dynamodb_table_encrypted_with_kms = resource_policy(
    name="dynamodb-table-encrypted-with-kms",
    description="Checks that DynamoDB tables encrypt with a KMS key rather than the AWS-owned key.",
    validate=_dynamodb_kms,
    resource_types=[t.DYNAMODB_TABLE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set serverSideEncryption: {enabled: true, kmsKeyArn: <stack key>}; paved:data.tables are created that way."
    ),
)


def _dax_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "serverSideEncryption", "enabled"), default=False) is False:
        report("DAX cluster does not encrypt at rest (serverSideEncryption.enabled defaults to false).")


dax_cluster_encrypted = resource_policy(
    name="dax-cluster-encrypted",
    description="Checks that DAX clusters encrypt at rest.",
    validate=_dax_encrypted,
    resource_types=[t.DAX_CLUSTER],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Set serverSideEncryption: {enabled: true}.",
)


def _elasticache_at_rest(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "atRestEncryptionEnabled"), default=False) is False:
        report("ElastiCache replication group does not encrypt at rest (atRestEncryptionEnabled is not true).")


elasticache_encrypted_at_rest = resource_policy(
    name="elasticache-encrypted-at-rest",
    description="Checks that ElastiCache replication groups encrypt data at rest.",
    validate=_elasticache_at_rest,
    resource_types=[t.ELASTICACHE_REPLICATION_GROUP],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=("Set atRestEncryptionEnabled: true and kmsKeyId to the stack key; paved:data.cache does both."),
)


def _opensearch_at_rest(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "encryptAtRest", "enabled"), default=False) is False:
        report("OpenSearch domain does not encrypt at rest (encryptAtRest.enabled is not true).")


opensearch_domain_encrypted_at_rest = resource_policy(
    name="opensearch-domain-encrypted-at-rest",
    description="Checks that OpenSearch and Elasticsearch domains encrypt data at rest.",
    validate=_opensearch_at_rest,
    resource_types=t.OPENSEARCH_DOMAINS,
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Set encryptAtRest: {enabled: true, kmsKeyId: <stack key>}.",
)


# --- block storage -----------------------------------------------------------------------------


def _ebs_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.EBS_ENCRYPTION_BY_DEFAULT:
        if truth(get(props, "enabled"), default=True) is False:
            report("EBS encryption by default is turned off for the region.")
        return
    if args.resource_type == t.EBS_VOLUME and get(props, "snapshotId") is not None:
        return  # a volume from a snapshot inherits the snapshot's encryption
    if truth(get(props, "encrypted"), default=False) is False:
        report("EBS volume or snapshot copy is not encrypted (encrypted defaults to false).")


ebs_encrypted = resource_policy(
    name="ebs-encrypted",
    description="Checks that EBS volumes and snapshot copies are encrypted and that encryption by default stays on.",
    validate=_ebs_encrypted,
    resource_types=[t.EBS_VOLUME, t.EBS_SNAPSHOT_COPY, t.EBS_ENCRYPTION_BY_DEFAULT],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Set encrypted: true and kmsKeyId to the stack key.",
)


def _device_unencrypted(device: object) -> bool:
    """An EBS device block that is explicitly or by default unencrypted (snapshots inherit)."""
    if device is UNKNOWN or get(device, "snapshotId") is not None:
        return False
    return truth(get(device, "encrypted"), default=False) is False


def _instance_devices(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.EC2_INSTANCE:
        root = get(props, "rootBlockDevice")
        if get(props, "launchTemplate") is not None and root is None:
            return  # the launch template (checked itself) defines the devices
        devices = [root if root is not None else {}, *items(get(props, "ebsBlockDevices"))]
        if any(_device_unencrypted(device) for device in devices):
            report("EC2 instance has an unencrypted root or EBS block device (encrypted defaults to false).")
        return
    for mapping in items(get(props, "blockDeviceMappings")):
        ebs = get(mapping, "ebs")
        if ebs is None or ebs is UNKNOWN:
            continue
        if _device_unencrypted(ebs):
            report(f"Launch template block device {get(mapping, 'deviceName')!s} is not encrypted.")


ec2_block_devices_encrypted = resource_policy(
    name="ec2-block-devices-encrypted",
    description="Checks that EC2 instances and launch templates encrypt their root and EBS block devices.",
    validate=_instance_devices,
    resource_types=[t.EC2_INSTANCE, t.EC2_LAUNCH_TEMPLATE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set rootBlockDevice.encrypted and every ebsBlockDevices[].encrypted (launch templates: "
        "blockDeviceMappings[].ebs.encrypted) to true with the stack key."
    ),
)


def _efs_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "encrypted"), default=False) is False:
        report("EFS file system is not encrypted (encrypted defaults to false).")


efs_file_system_encrypted = resource_policy(
    name="efs-file-system-encrypted",
    description="Checks that EFS file systems are encrypted at rest.",
    validate=_efs_encrypted,
    resource_types=[t.EFS_FILE_SYSTEM],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Set encrypted: true and kmsKeyId to the stack key.",
)


# --- messaging and streams ---------------------------------------------------------------------


def _sns_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if get(args.props, "kmsMasterKeyId") in (None, ""):
        report("SNS topic is not encrypted (no kmsMasterKeyId).")


sns_topic_encrypted = resource_policy(
    name="sns-topic-encrypted",
    description="Checks that SNS topics encrypt messages with a KMS key.",
    validate=_sns_encrypted,
    resource_types=[t.SNS_TOPIC],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsMasterKeyId to the stack key; paved's alarm topic uses it.",
)


def _sqs_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if get(props, "kmsMasterKeyId") not in (None, ""):
        return
    # Queues get SQS-managed SSE unless it is turned off explicitly.
    if truth(get(props, "sqsManagedSseEnabled"), default=True) is False:
        report("SQS queue is not encrypted (sqsManagedSseEnabled is false and no kmsMasterKeyId).")


sqs_queue_encrypted = resource_policy(
    name="sqs-queue-encrypted",
    description="Checks that SQS queues keep server-side encryption on.",
    validate=_sqs_encrypted,
    resource_types=[t.SQS_QUEUE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsMasterKeyId to the stack key (or leave sqsManagedSseEnabled at its default, true).",
)


def _kinesis_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    encryption = get(args.props, "encryptionType")
    if encryption is UNKNOWN:
        return
    if str(encryption or "NONE").upper() != "KMS":
        report("Kinesis stream is not encrypted (encryptionType defaults to NONE).")


kinesis_stream_encrypted = resource_policy(
    name="kinesis-stream-encrypted",
    description="Checks that Kinesis data streams encrypt records with KMS.",
    validate=_kinesis_encrypted,
    resource_types=[t.KINESIS_STREAM],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set encryptionType: KMS and kmsKeyId to the stack key.",
)


def _firehose_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if get(props, "kinesisSourceConfiguration") is not None or get(props, "mskSourceConfiguration") is not None:
        return  # records are encrypted by the source stream
    if truth(get(props, "serverSideEncryption", "enabled"), default=False) is False:
        report("Firehose delivery stream does not encrypt at rest (serverSideEncryption.enabled defaults to false).")


firehose_delivery_stream_encrypted = resource_policy(
    name="firehose-delivery-stream-encrypted",
    description="Checks that direct-put Firehose delivery streams encrypt at rest.",
    validate=_firehose_encrypted,
    resource_types=[t.FIREHOSE_DELIVERY_STREAM],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set serverSideEncryption: {enabled: true, keyType: CUSTOMER_MANAGED_CMK, keyArn: <stack key>}.",
)


# --- customer-managed keys where the default is an AWS-managed key --------------------------


def _kms_key_set(prop: str, what: str) -> ResourceValidator:
    def validate(args: ResourceValidationArgs, report: Report) -> None:
        if get(args.props, prop) in (None, ""):
            report(f"{what} is encrypted with an AWS-managed key, not a customer-managed KMS key ({prop} is not set).")

    return validate


_log_group_kms = _kms_key_set("kmsKeyId", "CloudWatch log group")
_secret_kms = _kms_key_set("kmsKeyId", "Secrets Manager secret")
_backup_vault_kms = _kms_key_set("kmsKeyArn", "Backup vault")
_sagemaker_kms = _kms_key_set("kmsKeyId", "SageMaker notebook instance volume")
_cloudtrail_kms = _kms_key_set("kmsKeyId", "CloudTrail log files")


cloudwatch_log_group_encrypted_with_kms = resource_policy(
    name="cloudwatch-log-group-encrypted-with-kms",
    description="Checks that CloudWatch log groups are encrypted with a customer-managed KMS key.",
    validate=_log_group_kms,
    resource_types=[t.LOG_GROUP],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set kmsKeyId to the stack key; every paved log group uses it (the key policy admits CloudWatch Logs)."
    ),
)

secretsmanager_secret_encrypted_with_kms = resource_policy(
    name="secretsmanager-secret-encrypted-with-kms",
    description="Checks that Secrets Manager secrets are encrypted with a customer-managed KMS key.",
    validate=_secret_kms,
    resource_types=[t.SECRET],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyId to the stack key.",
)

backup_vault_encrypted_with_kms = resource_policy(
    name="backup-vault-encrypted-with-kms",
    description="Checks that AWS Backup vaults are encrypted with a customer-managed KMS key.",
    validate=_backup_vault_kms,
    resource_types=[t.BACKUP_VAULT],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyArn to the stack key.",
)

sagemaker_notebook_encrypted_with_kms = resource_policy(
    name="sagemaker-notebook-encrypted-with-kms",
    description=(
        "Checks that SageMaker notebook instances encrypt their storage volume with a customer-managed KMS key."
    ),
    validate=_sagemaker_kms,
    resource_types=[t.SAGEMAKER_NOTEBOOK],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyId to the stack key.",
)

cloudtrail_encrypted_with_kms = resource_policy(
    name="cloudtrail-encrypted-with-kms",
    description="Checks that CloudTrail trails encrypt their log files with a customer-managed KMS key.",
    validate=_cloudtrail_kms,
    resource_types=[t.CLOUDTRAIL],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyId to a KMS key whose policy admits cloudtrail.amazonaws.com.",
)


def _ecr_kms(args: ResourceValidationArgs, report: Report) -> None:
    configs = get(args.props, "encryptionConfigurations")
    if configs is UNKNOWN:
        return
    kinds = [get(config, "encryptionType") for config in items(configs)]
    if UNKNOWN in kinds:
        return
    if not any(str(kind).upper() in ("KMS", "KMS_DSSE") for kind in kinds):
        report("ECR repository is encrypted with AES256, not a KMS key (encryptionType defaults to AES256).")


ecr_repository_encrypted_with_kms = resource_policy(
    name="ecr-repository-encrypted-with-kms",
    description="Checks that ECR repositories encrypt images with a KMS key.",
    validate=_ecr_kms,
    resource_types=[t.ECR_REPOSITORY],
    category=ENCRYPTION_AT_REST,
    severity=Severity.LOW,
    remediation_steps="Set encryptionConfigurations: [{encryptionType: KMS, kmsKey: <stack key>}].",
)


# --- build, catalog and query services ---------------------------------------------------------


def _codebuild_artifacts(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    artifacts = [get(props, "artifacts"), *items(get(props, "secondaryArtifacts"))]
    for artifact in artifacts:
        if artifact is None or artifact is UNKNOWN:
            continue
        if truth(get(artifact, "encryptionDisabled"), default=False) is True:
            label = text(get(artifact, "artifactIdentifier"))
            report(f"CodeBuild artifact {label if isinstance(label, str) else 'artifacts'} has encryption disabled.")


codebuild_artifacts_encrypted = resource_policy(
    name="codebuild-artifacts-encrypted",
    description="Checks that CodeBuild projects keep artifact encryption on.",
    validate=_codebuild_artifacts,
    resource_types=[t.CODEBUILD_PROJECT],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Remove encryptionDisabled (or set it false) and set encryptionKey to the stack key.",
)


def _glue_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.GLUE_CATALOG_ENCRYPTION:
        settings = get(props, "dataCatalogEncryptionSettings")
        mode = get(settings, "encryptionAtRest", "catalogEncryptionMode")
        if mode is not UNKNOWN and str(mode or "DISABLED").upper() == "DISABLED":
            report("Glue Data Catalog is not encrypted at rest (catalogEncryptionMode is DISABLED).")
        returned = get(settings, "connectionPasswordEncryption", "returnConnectionPasswordEncrypted")
        if truth(returned, default=False) is False:
            report("Glue connection passwords are returned unencrypted.")
        return
    config = get(props, "encryptionConfiguration")
    checks = (
        ("cloudwatchEncryption", "cloudwatchEncryptionMode"),
        ("jobBookmarksEncryption", "jobBookmarksEncryptionMode"),
        ("s3Encryption", "s3EncryptionMode"),
    )
    for block, field in checks:
        mode = get(config, block, field)
        if mode is not UNKNOWN and str(mode or "DISABLED").upper() == "DISABLED":
            report(f"Glue security configuration leaves {block} disabled.")


glue_encryption_enabled = resource_policy(
    name="glue-encryption-enabled",
    description="Checks that the Glue Data Catalog and Glue security configurations encrypt data, logs and bookmarks.",
    validate=_glue_encrypted,
    resource_types=[t.GLUE_CATALOG_ENCRYPTION, t.GLUE_SECURITY_CONFIGURATION],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Use SSE-KMS for the catalog and every block of the security configuration, with the stack key.",
)


def _athena_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.ATHENA_WORKGROUP:
        config = get(props, "configuration")
        if config is UNKNOWN:
            return
        result = get(config, "resultConfiguration")
        if result is UNKNOWN:
            return
        managed = get(config, "managedQueryResultsConfiguration", "enabled")
        if truth(managed, default=False) is not False:
            return  # Athena-managed results are encrypted by Athena
        if get(result, "encryptionConfiguration") is None:
            report("Athena workgroup does not encrypt query results (no resultConfiguration.encryptionConfiguration).")
        return
    if get(props, "encryptionConfiguration") is None:
        report("Athena database does not encrypt its query results (no encryptionConfiguration).")


athena_results_encrypted = resource_policy(
    name="athena-results-encrypted",
    description="Checks that Athena workgroups and databases encrypt query results.",
    validate=_athena_encrypted,
    resource_types=[t.ATHENA_WORKGROUP, t.ATHENA_DATABASE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set the result configuration's encryptionConfiguration to SSE_KMS with the stack key.",
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
    cloudtrail_encrypted_with_kms,
    ecr_repository_encrypted_with_kms,
    codebuild_artifacts_encrypted,
    glue_encryption_enabled,
    athena_results_encrypted,
]
