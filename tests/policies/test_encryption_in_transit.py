"""encryption-in-transit: TLS 1.2 or newer to and between services; plain HTTP only as a redirect."""

from __future__ import annotations

import pytest
from paved_policies.encryption_in_transit import elb_policy_minimum_tls
from paved_policies.testing import UNKNOWN

from tests.policies.baselines import (
    ALB_LISTENER,
    API_BEHAVIOR,
    API_GATEWAY_DOMAIN,
    API_GATEWAY_V2_DOMAIN,
    API_ORIGIN,
    API_ORIGIN_CONFIG,
    CLOUDFRONT_DISTRIBUTION,
    DOCDB_CLUSTER_PARAMETER_GROUP,
    ELASTICACHE_CLUSTER,
    ELASTICACHE_REPLICATION_GROUP,
    ELASTICSEARCH_DOMAIN,
    LB_LISTENER,
    MEMORYDB_CLUSTER,
    MSK_CLUSTER,
    OPENSEARCH_DOMAIN,
    REDIRECT_TO_HTTPS,
    REDSHIFT_PARAMETER_GROUP,
    SITE_BEHAVIOR,
    TRANSFER_SERVER,
    document,
)
from tests.policies.stack_baseline import changed, compliant_stack, stack_violations, without

PLAIN_HTTP = (
    "lb-listener-https",
    "Load balancer listener serves plain HTTP; HTTP is allowed only as a redirect to HTTPS.",
)
HTTP_80 = {"port": 80, "protocol": "HTTP"}

# --- load balancers ---------------------------------------------------------------------------


def test_http_listener_that_forwards_is_reported() -> None:
    assert LB_LISTENER.violations(HTTP_80, without=["sslPolicy", "certificateArn"]) == [PLAIN_HTTP]


def test_listener_without_a_protocol_serves_http_by_default_and_is_reported() -> None:
    assert ALB_LISTENER.violations({"port": 80}, without=["protocol", "sslPolicy", "certificateArn"]) == [PLAIN_HTTP]


def test_http_listener_that_redirects_to_https_passes() -> None:
    changes = {**HTTP_80, "defaultActions": REDIRECT_TO_HTTPS}
    assert LB_LISTENER.violations(changes, without=["sslPolicy", "certificateArn"]) == []


def test_http_listener_that_redirects_to_plain_http_is_reported() -> None:
    to_http = [{"type": "redirect", "redirect": {"protocol": "HTTP", "port": "8080"}}]
    assert LB_LISTENER.violations({**HTTP_80, "defaultActions": to_http}) == [PLAIN_HTTP]


def test_http_listener_whose_actions_are_unknown_during_preview_is_not_reported() -> None:
    assert LB_LISTENER.violations({**HTTP_80, "defaultActions": [{"type": UNKNOWN}]}) == []
    redirect = [{"type": "redirect", "redirect": {"protocol": UNKNOWN}}]
    assert LB_LISTENER.violations({**HTTP_80, "defaultActions": redirect}) == []


def test_https_listener_on_the_provider_default_tls_policy_is_reported() -> None:
    assert ALB_LISTENER.violations(without=["sslPolicy"]) == [
        ("lb-listener-modern-tls-policy", "Listener TLS policy ELBSecurityPolicy-2016-08 accepts TLS older than 1.2.")
    ]


def test_tls_listener_on_a_tls_1_1_policy_is_reported() -> None:
    changes = {"protocol": "TLS", "sslPolicy": "ELBSecurityPolicy-TLS13-1-1-2021-06"}
    assert LB_LISTENER.violations(changes) == [
        (
            "lb-listener-modern-tls-policy",
            "Listener TLS policy ELBSecurityPolicy-TLS13-1-1-2021-06 accepts TLS older than 1.2.",
        )
    ]


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("ELBSecurityPolicy-TLS13-1-2-2021-06", 2),
        ("ELBSecurityPolicy-TLS13-1-3-2021-06", 3),
        ("ELBSecurityPolicy-TLS-1-1-2017-01", 1),
        ("ELBSecurityPolicy-FS-1-2-Res-2020-10", 2),
        ("ELBSecurityPolicy-2016-08", 0),
        ("ELBSecurityPolicy-FS-2018-06", 0),
        ("my-own-policy", None),
    ],
)
def test_the_minimum_tls_version_is_read_from_the_security_policy_name(name: str, minimum: int | None) -> None:
    assert elb_policy_minimum_tls(name) == minimum


# --- CloudFront -------------------------------------------------------------------------------


def test_cloudfront_default_behavior_allowing_plain_http_is_reported() -> None:
    assert CLOUDFRONT_DISTRIBUTION.violations(
        {"defaultCacheBehavior": {**SITE_BEHAVIOR, "viewerProtocolPolicy": "allow-all"}}
    ) == [
        (
            "cloudfront-viewer-https-only",
            "CloudFront default cache behavior allows plain HTTP (viewerProtocolPolicy allow-all).",
        )
    ]


def test_cloudfront_ordered_behavior_allowing_plain_http_is_reported_by_its_path() -> None:
    behaviors = [{**API_BEHAVIOR, "viewerProtocolPolicy": "allow-all"}]
    assert CLOUDFRONT_DISTRIBUTION.violations({"orderedCacheBehaviors": behaviors}) == [
        (
            "cloudfront-viewer-https-only",
            "CloudFront cache behavior /api/* allows plain HTTP (viewerProtocolPolicy allow-all).",
        )
    ]


def test_cloudfront_with_its_own_certificate_and_the_provider_default_minimum_is_reported() -> None:
    certificate = {"acmCertificateArn": "arn:aws:acm:us-east-1:1:certificate/c", "sslSupportMethod": "sni-only"}
    assert CLOUDFRONT_DISTRIBUTION.violations({"viewerCertificate": certificate}) == [
        ("cloudfront-minimum-tls-1-2", "CloudFront accepts viewers on TLSv1; the minimum should be TLSv1.2_2021.")
    ]


def test_cloudfront_accepting_tls_1_1_is_reported() -> None:
    certificate = {**CLOUDFRONT_DISTRIBUTION.properties["viewerCertificate"], "minimumProtocolVersion": "TLSv1.1_2016"}
    assert CLOUDFRONT_DISTRIBUTION.violations({"viewerCertificate": certificate}) == [
        (
            "cloudfront-minimum-tls-1-2",
            "CloudFront accepts viewers on TLSv1.1_2016; the minimum should be TLSv1.2_2021.",
        )
    ]


def test_cloudfront_default_certificate_has_its_tls_policy_fixed_by_aws() -> None:
    assert CLOUDFRONT_DISTRIBUTION.violations({"viewerCertificate": {"cloudfrontDefaultCertificate": True}}) == []


def test_cloudfront_reaching_a_custom_origin_over_http_is_reported() -> None:
    origin = {**API_ORIGIN, "customOriginConfig": {**API_ORIGIN_CONFIG, "originProtocolPolicy": "http-only"}}
    assert CLOUDFRONT_DISTRIBUTION.violations({"origins": [origin]}) == [
        ("cloudfront-origin-https-only", "CloudFront api is reached over http-only; use https-only.")
    ]


def test_cloudfront_allowing_tls_1_0_to_a_custom_origin_is_reported() -> None:
    config = {**API_ORIGIN_CONFIG, "originSslProtocols": ["TLSv1", "TLSv1.2"]}
    assert CLOUDFRONT_DISTRIBUTION.violations({"origins": [{**API_ORIGIN, "customOriginConfig": config}]}) == [
        ("cloudfront-origin-https-only", "CloudFront api allows TLSv1 to the origin; allow only TLSv1.2.")
    ]


# --- API Gateway ------------------------------------------------------------------------------


def test_rest_api_domain_on_the_default_tls_1_0_policy_is_reported() -> None:
    assert API_GATEWAY_DOMAIN.violations(without=["securityPolicy"]) == [
        ("apigateway-domain-tls-1-2", "API Gateway domain accepts TLS_1_0; use TLS_1_2.")
    ]


def test_http_api_domain_on_tls_1_0_is_reported() -> None:
    configuration = {**API_GATEWAY_V2_DOMAIN.properties["domainNameConfiguration"], "securityPolicy": "TLS_1_0"}
    assert API_GATEWAY_V2_DOMAIN.violations({"domainNameConfiguration": configuration}) == [
        ("apigateway-domain-tls-1-2", "API Gateway domain accepts TLS_1_0; use TLS_1_2.")
    ]


# --- data stores ------------------------------------------------------------------------------

CACHE_WITHOUT_TLS = (
    "elasticache-in-transit-encryption",
    "ElastiCache accepts unencrypted connections (transitEncryptionEnabled is not true).",
)


def test_elasticache_replication_group_without_tls_is_reported() -> None:
    assert ELASTICACHE_REPLICATION_GROUP.violations(without=["transitEncryptionEnabled"]) == [CACHE_WITHOUT_TLS]


def test_standalone_elasticache_cluster_without_tls_is_reported() -> None:
    assert ELASTICACHE_CLUSTER.violations({"transitEncryptionEnabled": False}) == [CACHE_WITHOUT_TLS]


def test_elasticache_cluster_in_a_replication_group_follows_the_group() -> None:
    assert ELASTICACHE_CLUSTER.violations({"replicationGroupId": "cache"}, without=["transitEncryptionEnabled"]) == []


def test_documentdb_parameter_group_turning_tls_off_is_reported() -> None:
    assert DOCDB_CLUSTER_PARAMETER_GROUP.violations({"parameters": [{"name": "tls", "value": "disabled"}]}) == [
        ("database-parameter-group-tls", "DocumentDB parameter group turns TLS off (tls is disabled).")
    ]


def test_documentdb_keeps_tls_on_by_default() -> None:
    assert DOCDB_CLUSTER_PARAMETER_GROUP.violations(without=["parameters"]) == []


def test_redshift_parameter_group_not_requiring_ssl_is_reported() -> None:
    assert REDSHIFT_PARAMETER_GROUP.violations(without=["parameters"]) == [
        (
            "database-parameter-group-tls",
            "Redshift parameter group does not require SSL (require_ssl defaults to false).",
        )
    ]


def test_memorydb_cluster_with_tls_off_is_reported() -> None:
    assert MEMORYDB_CLUSTER.violations({"tlsEnabled": False}) == [
        ("memorydb-cluster-tls", "MemoryDB cluster accepts unencrypted connections (tlsEnabled is false).")
    ]


def test_memorydb_keeps_tls_on_by_default() -> None:
    assert MEMORYDB_CLUSTER.violations(without=["tlsEnabled"]) == []


def test_transfer_server_accepting_plain_ftp_is_reported() -> None:
    assert TRANSFER_SERVER.violations({"protocols": ["FTP", "SFTP"]}) == [
        ("transfer-server-no-plain-ftp", "Transfer Family server accepts plain FTP; use SFTP or FTPS.")
    ]


def test_opensearch_domain_without_node_to_node_encryption_is_reported() -> None:
    assert OPENSEARCH_DOMAIN.violations(without=["nodeToNodeEncryption"]) == [
        ("opensearch-domain-encrypted-in-transit", "OpenSearch domain does not encrypt node-to-node traffic.")
    ]


def test_opensearch_domain_accepting_plain_http_is_reported() -> None:
    options = {"enforceHttps": False, "tlsSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"}
    assert ELASTICSEARCH_DOMAIN.violations({"domainEndpointOptions": options}) == [
        ("opensearch-domain-encrypted-in-transit", "OpenSearch domain accepts plain HTTP (enforceHttps is false).")
    ]


def test_opensearch_domain_without_a_tls_1_2_policy_is_reported() -> None:
    assert OPENSEARCH_DOMAIN.violations({"domainEndpointOptions": {"enforceHttps": True}}) == [
        (
            "opensearch-domain-encrypted-in-transit",
            "OpenSearch domain does not require TLS 1.2 (set tlsSecurityPolicy explicitly).",
        )
    ]


def test_msk_cluster_allowing_plaintext_clients_is_reported() -> None:
    transit = {"clientBroker": "TLS_PLAINTEXT", "inCluster": True}
    assert MSK_CLUSTER.violations({"encryptionInfo": {"encryptionInTransit": transit}}) == [
        (
            "msk-cluster-encrypted-in-transit",
            "MSK cluster allows plaintext client traffic (clientBroker TLS_PLAINTEXT).",
        )
    ]


def test_msk_cluster_not_encrypting_between_brokers_is_reported() -> None:
    transit = {"clientBroker": "TLS", "inCluster": False}
    assert MSK_CLUSTER.violations({"encryptionInfo": {"encryptionInTransit": transit}}) == [
        (
            "msk-cluster-encrypted-in-transit",
            "MSK cluster does not encrypt traffic between brokers (inCluster is false).",
        )
    ]


def test_msk_cluster_defaults_are_tls_everywhere() -> None:
    assert MSK_CLUSTER.violations(without=["encryptionInfo"]) == []


# --- S3: a TLS-only bucket policy (stack) -----------------------------------------------------


def test_bucket_without_a_tls_only_bucket_policy_is_reported() -> None:
    assert stack_violations(without(compliant_stack(), "data-policy")) == [
        (
            "s3-bucket-tls-only",
            "data: S3 bucket has no bucket policy denying requests without TLS (aws:SecureTransport).",
        )
    ]


def test_bucket_policy_that_does_not_deny_plain_http_is_reported_where_the_fix_goes() -> None:
    allow_only = document(
        {
            "Effect": "Allow",
            "Principal": {"Service": "logging.s3.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::paved-logs/*",
        }
    )
    assert stack_violations(changed(compliant_stack(), "logs-policy", {"policy": allow_only})) == [
        (
            "s3-bucket-tls-only",
            "logs-policy: Bucket policy does not deny requests without TLS (aws:SecureTransport).",
        )
    ]


def test_bucket_policy_document_unknown_during_preview_is_not_reported() -> None:
    assert stack_violations(changed(compliant_stack(), "data-policy", {"policy": UNKNOWN})) == []
