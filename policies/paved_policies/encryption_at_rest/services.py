"""encryption-at-rest for messaging, streams, logs, secrets, backups, notebooks, builds, catalogs and
queries."""

from __future__ import annotations

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.encryption_at_rest.customer_keys import key_problem
from paved_policies.policy import ENCRYPTION_AT_REST, Equivalents, Report, ResourceValidator, define_policy
from paved_policies.props import get, items, text, truth
from paved_policies.unknown import UNKNOWN


def _sns_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if get(args.props, "kmsMasterKeyId") in (None, ""):
        report("SNS topic is not encrypted (no kmsMasterKeyId).")


sns_topic_encrypted = define_policy(
    name="sns-topic-encrypted",
    description="Checks that SNS topics encrypt messages with a KMS key.",
    validate=_sns_encrypted,
    resource_types=[t.SNS_TOPIC],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsMasterKeyId to the stack key; paved's alarm topic uses it.",
    equivalents=Equivalents(checkov=("CKV_AWS_26",)),
)


def _sqs_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if get(props, "kmsMasterKeyId") not in (None, ""):
        return
    # Queues get SQS-managed SSE unless it is turned off explicitly.
    if truth(get(props, "sqsManagedSseEnabled"), default=True) is False:
        report("SQS queue is not encrypted (sqsManagedSseEnabled is false and no kmsMasterKeyId).")


sqs_queue_encrypted = define_policy(
    name="sqs-queue-encrypted",
    description="Checks that SQS queues keep server-side encryption on.",
    validate=_sqs_encrypted,
    resource_types=[t.SQS_QUEUE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsMasterKeyId to the stack key (or leave sqsManagedSseEnabled at its default, true).",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-SQS2",), checkov=("CKV_AWS_27",)),
)


def _kinesis_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    encryption = get(args.props, "encryptionType")
    if encryption is UNKNOWN:
        return
    if str(encryption or "NONE").upper() != "KMS":
        report("Kinesis stream is not encrypted (encryptionType defaults to NONE).")


kinesis_stream_encrypted = define_policy(
    name="kinesis-stream-encrypted",
    description="Checks that Kinesis data streams encrypt records with KMS.",
    validate=_kinesis_encrypted,
    resource_types=[t.KINESIS_STREAM],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set encryptionType: KMS and kmsKeyId to the stack key.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-KDS1",), checkov=("CKV_AWS_43",)),
)


def _firehose_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if get(props, "kinesisSourceConfiguration") is not None or get(props, "mskSourceConfiguration") is not None:
        return  # records are encrypted by the source stream
    if truth(get(props, "serverSideEncryption", "enabled"), default=False) is False:
        report("Firehose delivery stream does not encrypt at rest (serverSideEncryption.enabled defaults to false).")


firehose_delivery_stream_encrypted = define_policy(
    name="firehose-delivery-stream-encrypted",
    description="Checks that direct-put Firehose delivery streams encrypt at rest.",
    validate=_firehose_encrypted,
    resource_types=[t.FIREHOSE_DELIVERY_STREAM],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set serverSideEncryption: {enabled: true, keyType: CUSTOMER_MANAGED_CMK, keyArn: <stack key>}.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-KDF1",), checkov=("CKV_AWS_240",)),
)


def _kms_key_set(prop: str, what: str) -> ResourceValidator:
    def validate(args: ResourceValidationArgs, report: Report) -> None:
        problem = key_problem(prop, get(args.props, prop))
        if problem is not None:
            report(f"{what} is encrypted with an AWS-managed key, not a customer-managed KMS key ({problem}).")

    return validate


_log_group_kms = _kms_key_set("kmsKeyId", "CloudWatch log group")
_secret_kms = _kms_key_set("kmsKeyId", "Secrets Manager secret")
_backup_vault_kms = _kms_key_set("kmsKeyArn", "Backup vault")
_sagemaker_kms = _kms_key_set("kmsKeyId", "SageMaker notebook instance volume")
_cloudtrail_kms = _kms_key_set("kmsKeyId", "CloudTrail log files")
_sagemaker_endpoint_kms = _kms_key_set("kmsKeyArn", "SageMaker endpoint storage volume")


cloudwatch_log_group_encrypted_with_kms = define_policy(
    name="cloudwatch-log-group-encrypted-with-kms",
    description="Checks that CloudWatch log groups are encrypted with a customer-managed KMS key.",
    validate=_log_group_kms,
    resource_types=[t.LOG_GROUP],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set kmsKeyId to the stack key; every paved log group uses it (the key policy admits CloudWatch Logs)."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_158",)),
    house_rule=True,
)

secretsmanager_secret_encrypted_with_kms = define_policy(
    name="secretsmanager-secret-encrypted-with-kms",
    description="Checks that Secrets Manager secrets are encrypted with a customer-managed KMS key.",
    validate=_secret_kms,
    resource_types=[t.SECRET],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyId to the stack key.",
    equivalents=Equivalents(checkov=("CKV_AWS_149",)),
    house_rule=True,
)

backup_vault_encrypted_with_kms = define_policy(
    name="backup-vault-encrypted-with-kms",
    description="Checks that AWS Backup vaults are encrypted with a customer-managed KMS key.",
    validate=_backup_vault_kms,
    resource_types=[t.BACKUP_VAULT],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyArn to the stack key.",
    equivalents=Equivalents(checkov=("CKV_AWS_166",)),
    house_rule=True,
)

sagemaker_notebook_encrypted_with_kms = define_policy(
    name="sagemaker-notebook-encrypted-with-kms",
    description=(
        "Checks that SageMaker notebook instances encrypt their storage volume with a customer-managed KMS key."
    ),
    validate=_sagemaker_kms,
    resource_types=[t.SAGEMAKER_NOTEBOOK],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyId to the stack key.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-SM2",), checkov=("CKV_AWS_22", "CKV_AWS_187")),
    house_rule=True,
)

cloudtrail_encrypted_with_kms = define_policy(
    name="cloudtrail-encrypted-with-kms",
    description="Checks that CloudTrail trails encrypt their log files with a customer-managed KMS key.",
    validate=_cloudtrail_kms,
    resource_types=[t.CLOUDTRAIL],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyId to a KMS key whose policy admits cloudtrail.amazonaws.com.",
    equivalents=Equivalents(checkov=("CKV_AWS_35",)),
    house_rule=True,
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


ecr_repository_encrypted_with_kms = define_policy(
    name="ecr-repository-encrypted-with-kms",
    description="Checks that ECR repositories encrypt images with a KMS key.",
    validate=_ecr_kms,
    resource_types=[t.ECR_REPOSITORY],
    category=ENCRYPTION_AT_REST,
    severity=Severity.LOW,
    remediation_steps="Set encryptionConfigurations: [{encryptionType: KMS, kmsKey: <stack key>}].",
    equivalents=Equivalents(checkov=("CKV_AWS_136",)),
    house_rule=True,
)


def _codebuild_artifacts(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    artifacts = [get(props, "artifacts"), *items(get(props, "secondaryArtifacts"))]
    for artifact in artifacts:
        if artifact is None or artifact is UNKNOWN or get(artifact, "type") == "NO_ARTIFACTS":
            continue
        if truth(get(artifact, "encryptionDisabled"), default=False) is True:
            label = text(get(artifact, "artifactIdentifier"))
            report(f"CodeBuild artifact {label if isinstance(label, str) else 'artifacts'} has encryption disabled.")
    if truth(get(props, "logsConfig", "s3Logs", "encryptionDisabled"), default=False) is True:
        report("CodeBuild S3 logs have encryption disabled (logsConfig.s3Logs.encryptionDisabled).")


codebuild_artifacts_encrypted = define_policy(
    name="codebuild-artifacts-encrypted",
    description="Checks that CodeBuild projects keep the encryption of their artifacts and S3 logs on.",
    validate=_codebuild_artifacts,
    resource_types=[t.CODEBUILD_PROJECT],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Remove encryptionDisabled from the artifacts and logsConfig.s3Logs (or set it false) and set encryptionKey "
        "to the stack key."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_78", "CKV_AWS_311")),
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


glue_encryption_enabled = define_policy(
    name="glue-encryption-enabled",
    description="Checks that the Glue Data Catalog and Glue security configurations encrypt data, logs and bookmarks.",
    validate=_glue_encrypted,
    resource_types=[t.GLUE_CATALOG_ENCRYPTION, t.GLUE_SECURITY_CONFIGURATION],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Use SSE-KMS for the catalog and every block of the security configuration, with the stack key.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-GL1", "AwsSolutions-GL3"), checkov=("CKV_AWS_94", "CKV_AWS_99")),
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
        if truth(get(config, "enforceWorkgroupConfiguration"), default=True) is False:
            report(
                "Athena workgroup lets clients override its result encryption (enforceWorkgroupConfiguration is false)."
            )
        managed = get(config, "managedQueryResultsConfiguration", "enabled")
        if truth(managed, default=False) is not False:
            return  # Athena-managed results are encrypted by Athena
        if get(result, "encryptionConfiguration") is None:
            report("Athena workgroup does not encrypt query results (no resultConfiguration.encryptionConfiguration).")
        return
    if get(props, "encryptionConfiguration") is None:
        report("Athena database does not encrypt its query results (no encryptionConfiguration).")


athena_results_encrypted = define_policy(
    name="athena-results-encrypted",
    description=(
        "Checks that Athena workgroups and databases encrypt query results, and that workgroups do not let "
        "clients override that."
    ),
    validate=_athena_encrypted,
    resource_types=[t.ATHENA_WORKGROUP, t.ATHENA_DATABASE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set the result configuration's encryptionConfiguration to SSE_KMS with the stack key.",
    equivalents=Equivalents(checkov=("CKV_AWS_159", "CKV_AWS_77", "CKV_AWS_82")),
)


sagemaker_endpoint_encrypted_with_kms = define_policy(
    name="sagemaker-endpoint-encrypted-with-kms",
    description=(
        "Checks that SageMaker endpoint configurations encrypt their storage volumes with a customer-managed KMS key."
    ),
    validate=_sagemaker_endpoint_kms,
    resource_types=[t.SAGEMAKER_ENDPOINT_CONFIGURATION],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set kmsKeyArn to the stack key.",
    equivalents=Equivalents(checkov=("CKV_AWS_98",)),
    house_rule=True,
)
