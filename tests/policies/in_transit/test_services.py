"""encryption-in-transit for load balancers, managed services and the browser: each test changes one
setting of a compliant baseline and states exactly what the pack reports."""

from __future__ import annotations

import json

from paved_policies.testing import UNKNOWN

from tests.policies import baselines_encryption as enc
from tests.policies.baselines import DAX_CLUSTER, RDS_INSTANCE, TRANSFER_SERVER


def test_classic_load_balancer_listener_on_plain_http_is_reported() -> None:
    listener = {"lbPort": 80, "lbProtocol": "http", "instancePort": 8080, "instanceProtocol": "http"}
    assert enc.CLASSIC_LOAD_BALANCER.violations({"listeners": [listener]}) == [
        ("classic-lb-listener-tls", "Classic Load Balancer listener on port 80 accepts plain HTTP.")
    ]


def test_classic_load_balancer_https_listener_without_a_certificate_is_reported() -> None:
    listener = {"lbPort": 443, "lbProtocol": "https", "instancePort": 8443, "instanceProtocol": "https"}
    assert enc.CLASSIC_LOAD_BALANCER.violations({"listeners": [listener]}) == [
        ("classic-lb-listener-tls", "Classic Load Balancer HTTPS listener on port 443 names no certificate.")
    ]


def test_classic_tls_policy_on_an_old_reference_policy_is_reported() -> None:
    attributes = [{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-2016-08"}]
    assert enc.CLASSIC_LB_POLICY.violations({"policyAttributes": attributes}) == [
        (
            "classic-lb-policy-tls",
            "Classic Load Balancer TLS policy refers to ELBSecurityPolicy-2016-08, which accepts TLS older than 1.2.",
        )
    ]


def test_classic_tls_policy_enabling_an_old_protocol_or_weak_cipher_is_reported() -> None:
    attributes = [
        {"name": "Protocol-TLSv1.2", "value": "true"},
        {"name": "Protocol-TLSv1", "value": "true"},
        {"name": "Protocol-SSLv3", "value": "false"},
        {"name": "DES-CBC3-SHA", "value": "true"},
        {"name": "ECDHE-RSA-AES128-GCM-SHA256", "value": "true"},
    ]
    assert enc.CLASSIC_LB_POLICY.violations({"policyAttributes": attributes}) == [
        ("classic-lb-policy-tls", "Classic Load Balancer TLS policy enables TLSv1."),
        ("classic-lb-policy-tls", "Classic Load Balancer TLS policy enables the weak cipher DES-CBC3-SHA."),
    ]


def test_classic_policies_of_other_kinds_are_left_alone() -> None:
    assert enc.CLASSIC_LB_POLICY.violations({"policyTypeName": "PublicKeyPolicyType"}) == []


def test_appsync_cache_without_transit_encryption_is_reported() -> None:
    assert enc.APPSYNC_API_CACHE.violations({"transitEncryptionEnabled": False}) == [
        (
            "appsync-api-cache-encrypted-in-transit",
            "AppSync API cache accepts unencrypted connections (transitEncryptionEnabled defaults to false).",
        )
    ]


def test_cloudsearch_domain_without_https_and_tls_1_2_is_reported() -> None:
    assert enc.CLOUDSEARCH_DOMAIN.violations({"endpointOptions": {}}) == [
        (
            "cloudsearch-domain-https",
            "CloudSearch domain accepts plain HTTP (endpointOptions.enforceHttps defaults to false).",
        ),
        ("cloudsearch-domain-https", "CloudSearch domain accepts TLS older than 1.2 (tlsSecurityPolicy unset)."),
    ]


def test_dax_endpoint_without_tls_is_reported() -> None:
    assert DAX_CLUSTER.violations(without=["clusterEndpointEncryptionType"]) == [
        (
            "dax-cluster-endpoint-tls",
            "DAX cluster endpoint accepts unencrypted connections (clusterEndpointEncryptionType defaults to NONE).",
        )
    ]


def test_dms_database_endpoint_without_ssl_is_reported_but_not_an_s3_one() -> None:
    assert enc.DMS_ENDPOINT.violations({"sslMode": "none"}) == [
        ("dms-endpoint-ssl", "DMS source endpoint for postgres connects without SSL (sslMode defaults to none).")
    ]
    assert enc.DMS_ENDPOINT.violations({"engineName": "s3", "sslMode": "none"}, without=["kmsKeyArn"]) == [
        (
            "encrypted-with-customer-managed-key",
            "DMS S3 endpoint: not encrypted with a customer-managed KMS key "
            "(s3Settings.serverSideEncryptionKmsKeyId is not set).",
        )
    ]


def test_ecs_task_mounting_efs_without_tls_is_reported() -> None:
    volumes = [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}}]
    assert enc.ECS_TASK_DEFINITION.violations({"volumes": volumes}) == [
        (
            "ecs-efs-volume-tls",
            "ECS task volume data mounts EFS without TLS "
            "(efsVolumeConfiguration.transitEncryption defaults to DISABLED).",
        )
    ]


def test_session_manager_document_without_a_key_is_reported_in_json_and_yaml() -> None:
    expected = [
        (
            "ssm-session-encrypted",
            "Session Manager sessions are not encrypted with a KMS key (inputs.kmsKeyId is not set).",
        )
    ]
    content = json.dumps({"schemaVersion": "1.0", "inputs": {"s3EncryptionEnabled": True}})
    assert enc.SSM_DOCUMENT.violations({"content": content}) == expected
    yaml_content = "schemaVersion: '1.0'\ninputs:\n  s3EncryptionEnabled: true\n"
    assert enc.SSM_DOCUMENT.violations({"content": yaml_content, "documentFormat": "YAML"}) == expected
    assert enc.SSM_DOCUMENT.violations({"content": json.dumps({"schemaVersion": "1.0"})}) == expected


def test_session_document_content_unknown_during_preview_is_not_reported() -> None:
    assert enc.SSM_DOCUMENT.violations({"content": UNKNOWN}) == []


def test_sagemaker_job_without_inter_container_encryption_is_reported() -> None:
    assert enc.SAGEMAKER_DATA_QUALITY_JOB.violations(without=["networkConfig"]) == [
        (
            "sagemaker-inter-container-encryption",
            "SageMaker monitoring job does not encrypt traffic between its instances "
            "(networkConfig.enableInterContainerTrafficEncryption defaults to false).",
        )
    ]


def test_ses_configuration_set_with_optional_tls_is_reported() -> None:
    assert enc.SES_CONFIGURATION_SET.violations(without=["deliveryOptions"]) == [
        (
            "ses-configuration-set-requires-tls",
            "SES configuration set delivers mail without TLS when the receiver lacks it (tlsPolicy Optional).",
        )
    ]


def test_transfer_server_on_the_2018_default_policy_is_reported() -> None:
    assert TRANSFER_SERVER.violations(without=["securityPolicyName"]) == [
        (
            "transfer-server-security-policy",
            "Transfer Family server uses TransferSecurityPolicy-2018-11, older than the 2022-03 policies "
            "(securityPolicyName).",
        )
    ]


def test_quicksight_data_source_with_ssl_off_is_reported() -> None:
    assert enc.QUICKSIGHT_DATA_SOURCE.violations({"sslProperties": {"disableSsl": True}}) == [
        (
            "quicksight-data-source-ssl",
            "QuickSight data source connects without SSL (sslProperties.disableSsl is true).",
        )
    ]


def test_cloudfront_hsts_that_is_short_or_partial_is_reported() -> None:
    hsts = {"accessControlMaxAgeSec": 86400, "includeSubdomains": False, "override": True}
    assert enc.CLOUDFRONT_RESPONSE_HEADERS_POLICY.violations(
        {"securityHeadersConfig": {"strictTransportSecurity": hsts}}
    ) == [
        ("cloudfront-hsts", "CloudFront HSTS max-age is 86400; use at least one year."),
        ("cloudfront-hsts", "CloudFront HSTS header lacks includeSubdomains."),
    ]


def test_cloudfront_headers_policy_without_hsts_is_reported() -> None:
    assert enc.CLOUDFRONT_RESPONSE_HEADERS_POLICY.violations({"securityHeadersConfig": {}}) == [
        ("cloudfront-hsts", "CloudFront response headers policy sends no Strict-Transport-Security header.")
    ]


def test_rds_instance_on_an_expired_certificate_authority_is_reported() -> None:
    assert RDS_INSTANCE.violations({"caCertIdentifier": "rds-ca-2019"}) == [
        (
            "rds-ca-certificate-current",
            "RDS instance presents a certificate from rds-ca-2019, not a current authority "
            "(rds-ca-rsa2048-g1, rds-ca-rsa4096-g1, rds-ca-ecc384-g1).",
        )
    ]
    assert RDS_INSTANCE.violations({"caCertIdentifier": "rds-ca-ecc384-g1"}) == []
