"""encryption-in-transit for managed services: caches, search, data migration, file transfer, mail,
analytics jobs, Session Manager, BI data sources, container volumes, and the browser (HSTS)."""

from __future__ import annotations

import re
from typing import Any

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.aws_defaults import aws_default
from paved_policies.encryption_at_rest.analytics import emr_encryption
from paved_policies.policy import ENCRYPTION_IN_TRANSIT, Equivalents, Report, define_policy
from paved_policies.props import get, items, json_object, number, shown, text, truth
from paved_policies.unknown import UNKNOWN, Unknown


def _appsync_cache_in_transit(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "transitEncryptionEnabled"), default=False) is False:
        report("AppSync API cache accepts unencrypted connections (transitEncryptionEnabled defaults to false).")


appsync_api_cache_encrypted_in_transit = define_policy(
    name="appsync-api-cache-encrypted-in-transit",
    description="Checks that AppSync API caches encrypt traffic between AppSync and the cache.",
    validate=_appsync_cache_in_transit,
    resource_types=[t.APPSYNC_API_CACHE],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Set transitEncryptionEnabled: true (it can only be set when the cache is created).",
    equivalents=Equivalents(checkov=("CKV_AWS_215",)),
)


def _cloudsearch(args: ResourceValidationArgs, report: Report) -> None:
    options = get(args.props, "endpointOptions")
    if options is UNKNOWN:
        return
    if truth(get(options, "enforceHttps"), default=False) is False:
        report("CloudSearch domain accepts plain HTTP (endpointOptions.enforceHttps defaults to false).")
    policy = get(options, "tlsSecurityPolicy")
    if policy is not UNKNOWN and "TLS-1-2" not in str(policy or ""):
        report(f"CloudSearch domain accepts TLS older than 1.2 (tlsSecurityPolicy {policy or 'unset'}).")


cloudsearch_domain_https = define_policy(
    name="cloudsearch-domain-https",
    description="Checks that CloudSearch domains enforce HTTPS with TLS 1.2 or newer.",
    validate=_cloudsearch,
    resource_types=[t.CLOUDSEARCH_DOMAIN],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set endpointOptions: {enforceHttps: true, tlsSecurityPolicy: Policy-Min-TLS-1-2-2019-07}.",
    equivalents=Equivalents(checkov=("CKV_AWS_218", "CKV_AWS_220")),
)


def _dax_endpoint(args: ResourceValidationArgs, report: Report) -> None:
    kind = get(args.props, "clusterEndpointEncryptionType")
    if kind is not UNKNOWN and str(kind or "NONE").upper() != "TLS":
        report("DAX cluster endpoint accepts unencrypted connections (clusterEndpointEncryptionType defaults to NONE).")


dax_cluster_endpoint_tls = define_policy(
    name="dax-cluster-endpoint-tls",
    description="Checks that DAX clusters require TLS on their endpoint.",
    validate=_dax_endpoint,
    resource_types=[t.DAX_CLUSTER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set clusterEndpointEncryptionType: TLS (only when the cluster is created).",
    equivalents=Equivalents(checkov=("CKV_AWS_239",)),
)

_DMS_WITHOUT_SSL = {
    "source": frozenset({"s3", "azuredb"}),
    "target": frozenset({"dynamodb", "kinesis", "neptune", "redshift", "s3", "elasticsearch", "opensearch", "kafka"}),
}
"""Engines whose DMS endpoints take no sslMode: DMS reaches them over the service's own HTTPS API
(DMS User Guide, "Using SSL with AWS Database Migration Service")."""


def _dms_ssl(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    kind, engine, mode = text(get(props, "endpointType")), text(get(props, "engineName")), get(props, "sslMode")
    if not isinstance(kind, str) or not isinstance(engine, str) or mode is UNKNOWN:
        return
    if kind in _DMS_WITHOUT_SSL and engine not in _DMS_WITHOUT_SSL[kind] and str(mode or "none") == "none":
        report(f"DMS {kind} endpoint for {engine} connects without SSL (sslMode defaults to none).")


dms_endpoint_ssl = define_policy(
    name="dms-endpoint-ssl",
    description="Checks that DMS endpoints of database engines connect with SSL.",
    validate=_dms_ssl,
    resource_types=[t.DMS_ENDPOINT],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set sslMode to require, verify-ca or verify-full (with certificateArn for the last two).",
    equivalents=Equivalents(checkov=("CKV2_AWS_49",)),
)


def _efs_volumes(args: ResourceValidationArgs, report: Report) -> None:
    for volume in items(get(args.props, "volumes")):
        efs = get(volume, "efsVolumeConfiguration")
        if volume is UNKNOWN or efs is None or efs is UNKNOWN:
            continue
        if str(get(efs, "transitEncryption") or "DISABLED").upper() == "DISABLED":
            report(
                f"ECS task volume {get(volume, 'name')!s} mounts EFS without TLS "
                "(efsVolumeConfiguration.transitEncryption defaults to DISABLED)."
            )


ecs_efs_volume_tls = define_policy(
    name="ecs-efs-volume-tls",
    description="Checks that ECS task definitions mount EFS volumes with encryption in transit.",
    validate=_efs_volumes,
    resource_types=[t.ECS_TASK_DEFINITION],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set efsVolumeConfiguration.transitEncryption: ENABLED on every EFS volume.",
    equivalents=Equivalents(checkov=("CKV_AWS_97",)),
)


def _emr_in_transit(args: ResourceValidationArgs, report: Report) -> None:
    encryption = emr_encryption(args.props)
    if encryption is not None and encryption.get("EnableInTransitEncryption") is not True:
        report(
            "EMR security configuration does not encrypt traffic in transit (EnableInTransitEncryption is not true)."
        )


emr_security_configuration_in_transit = define_policy(
    name="emr-security-configuration-in-transit",
    description="Checks that EMR security configurations encrypt traffic between cluster nodes and applications.",
    validate=_emr_in_transit,
    resource_types=[t.EMR_SECURITY_CONFIGURATION],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set EnableInTransitEncryption: true with InTransitEncryptionConfiguration.TLSCertificateConfiguration."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-EMR5",), checkov=("CKV_AWS_351",)),
)


def _session_inputs(props: object) -> Any:
    """The ``inputs`` of a Session Manager preferences document (JSON or YAML content): ``{}`` when
    it has none, ``None`` when it cannot be read."""
    content = get(props, "content")
    if not isinstance(content, str):
        return None
    if str(get(props, "documentFormat") or "JSON").upper() == "YAML":
        import yaml  # pyyaml comes with the pulumi SDK; imported here to keep the pack's start-up short

        try:
            document = yaml.safe_load(content)
        except yaml.YAMLError:
            return None
    else:
        document = json_object(content)
    if not isinstance(document, dict) or UNKNOWN in document.values():
        return None
    inputs = document.get("inputs", {})  # a preferences document without inputs encrypts nothing
    return inputs if isinstance(inputs, dict) else None


def _session_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if text(get(args.props, "documentType")) != "Session":
        return
    inputs = _session_inputs(args.props)
    if isinstance(inputs, dict) and not inputs.get("kmsKeyId"):
        report("Session Manager sessions are not encrypted with a KMS key (inputs.kmsKeyId is not set).")


ssm_session_encrypted = define_policy(
    name="ssm-session-encrypted",
    description="Checks that Session Manager preference documents encrypt session data with a KMS key.",
    validate=_session_encrypted,
    resource_types=[t.SSM_DOCUMENT],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Set inputs.kmsKeyId in the Session document's content to the stack key.",
    equivalents=Equivalents(checkov=("CKV_AWS_112",)),
)


def _inter_container(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "networkConfig", "enableInterContainerTrafficEncryption"), default=False) is False:
        report(
            "SageMaker monitoring job does not encrypt traffic between its instances "
            "(networkConfig.enableInterContainerTrafficEncryption defaults to false)."
        )


sagemaker_inter_container_encryption = define_policy(
    name="sagemaker-inter-container-encryption",
    description="Checks that SageMaker data quality jobs encrypt traffic between the instances they run on.",
    validate=_inter_container,
    resource_types=[t.SAGEMAKER_DATA_QUALITY_JOB],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Set networkConfig.enableInterContainerTrafficEncryption: true.",
    equivalents=Equivalents(checkov=("CKV_AWS_369",)),
)


def _ses_tls(args: ResourceValidationArgs, report: Report) -> None:
    policy = get(args.props, "deliveryOptions", "tlsPolicy")
    if policy is not UNKNOWN and str(policy or "Optional") != "Require":
        report("SES configuration set delivers mail without TLS when the receiver lacks it (tlsPolicy Optional).")


ses_configuration_set_requires_tls = define_policy(
    name="ses-configuration-set-requires-tls",
    description="Checks that SES configuration sets deliver mail only over TLS.",
    validate=_ses_tls,
    resource_types=[t.SES_CONFIGURATION_SET],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Set deliveryOptions.tlsPolicy: Require.",
    equivalents=Equivalents(checkov=("CKV_AWS_365",)),
)

_POLICY_DATE = re.compile(r"(\d{4})-(\d{2})")


def _transfer_policy(args: ResourceValidationArgs, report: Report) -> None:
    facts = aws_default("transfer-security-policy").value
    policy = get(args.props, "securityPolicyName")
    if policy is UNKNOWN:
        return
    name = str(policy or facts["default"])
    found = _POLICY_DATE.search(name)
    if found is not None and f"{found.group(1)}-{found.group(2)}" < facts["oldest_acceptable"]:
        report(
            f"Transfer Family server uses {name}, older than the {facts['oldest_acceptable']} policies "
            "(securityPolicyName)."
        )


transfer_server_security_policy = define_policy(
    name="transfer-server-security-policy",
    description="Checks that Transfer Family servers use a recent security policy (data/aws_defaults.json).",
    validate=_transfer_policy,
    resource_types=[t.TRANSFER_SERVER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Set securityPolicyName to TransferSecurityPolicy-2024-01 or newer.",
    equivalents=Equivalents(checkov=("CKV_AWS_380",)),
)


def _quicksight_ssl(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "sslProperties", "disableSsl"), default=False) is True:
        report("QuickSight data source connects without SSL (sslProperties.disableSsl is true).")


quicksight_data_source_ssl = define_policy(
    name="quicksight-data-source-ssl",
    description="Checks that QuickSight data sources keep SSL on for their connections.",
    validate=_quicksight_ssl,
    resource_types=[t.QUICKSIGHT_DATA_SOURCE],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Remove sslProperties.disableSsl (or set it false).",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-QS1",)),
)

HSTS_MINIMUM_SECONDS = 31536000
"""One year, the max-age browsers' HSTS guidance asks for (RFC 6797 leaves it to the site)."""


def _hsts(args: ResourceValidationArgs, report: Report) -> None:
    hsts = get(args.props, "securityHeadersConfig", "strictTransportSecurity")
    if hsts is UNKNOWN:
        return
    if hsts is None:
        report("CloudFront response headers policy sends no Strict-Transport-Security header.")
        return
    age = number(get(hsts, "accessControlMaxAgeSec"))
    if not isinstance(age, Unknown) and (age is None or age < HSTS_MINIMUM_SECONDS):
        report(f"CloudFront HSTS max-age is {shown(age)}; use at least one year.")
    for setting in ("includeSubdomains", "override"):
        if truth(get(hsts, setting), default=False) is False:
            report(f"CloudFront HSTS header lacks {setting}.")


cloudfront_hsts = define_policy(
    name="cloudfront-hsts",
    description=(
        "Checks that CloudFront response headers policies send Strict-Transport-Security for a year, with "
        "subdomains, overriding the origin."
    ),
    validate=_hsts,
    resource_types=[t.CLOUDFRONT_RESPONSE_HEADERS_POLICY],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set securityHeadersConfig.strictTransportSecurity: {accessControlMaxAgeSec: 31536000, "
        "includeSubdomains: true, override: true}; paved:cdn does. preload is not required: it only matters once "
        "the domain is submitted to the browsers' preload list."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_259",)),
)


def _rds_ca(args: ResourceValidationArgs, report: Report) -> None:
    authority = get(args.props, "caCertIdentifier")
    current = aws_default("rds-certificate-authorities").value
    if authority not in (None, UNKNOWN) and authority not in current:
        report(
            f"RDS instance presents a certificate from {authority!s}, not a current authority ({', '.join(current)})."
        )


rds_ca_certificate_current = define_policy(
    name="rds-ca-certificate-current",
    description="Checks that RDS instances use a current certificate authority for TLS (data/aws_defaults.json).",
    validate=_rds_ca,
    resource_types=[t.RDS_INSTANCE, t.RDS_CLUSTER_INSTANCE],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Set caCertIdentifier to rds-ca-rsa2048-g1 (the default) or leave it unset.",
    equivalents=Equivalents(checkov=("CKV_AWS_211",)),
)
