"""encryption-in-transit: traffic to and between services is TLS 1.2 or newer; plain HTTP only
ever redirects to HTTPS."""

from __future__ import annotations

import re

from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.aws_defaults import aws_default
from paved_policies.in_transit.databases import parameter_value
from paved_policies.in_transit.resource_policies import S3_BUCKETS_TLS_ONLY, report_tls_only
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import ENCRYPTION_IN_TRANSIT, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, items, text, truth
from paved_policies.unknown import UNKNOWN

# --- load balancers ----------------------------------------------------------------------------


def _redirects_to_https(actions: object) -> bool | None:
    """Whether a listener's default actions redirect to HTTPS; ``None`` if unknown."""
    found = items(actions)
    if not found or UNKNOWN in found:
        return None if UNKNOWN in found or actions is UNKNOWN else False
    for action in found:
        kind = get(action, "type")
        if kind is UNKNOWN:
            return None
        if kind == "redirect":
            protocol = get(action, "redirect", "protocol")
            if protocol is UNKNOWN:
                return None
            return str(protocol).upper() == "HTTPS"
    return False


def _listener_https(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    protocol = get(props, "protocol")
    if protocol is UNKNOWN:
        return
    protocol = str(protocol or "HTTP").upper()  # an ALB listener defaults to HTTP
    if protocol != "HTTP":
        return
    redirect = _redirects_to_https(get(props, "defaultActions"))
    if redirect is False:
        report("Load balancer listener serves plain HTTP; HTTP is allowed only as a redirect to HTTPS.")


lb_listener_https = define_policy(
    name="lb-listener-https",
    description="Checks that load balancer listeners use HTTPS/TLS, with plain HTTP only as a redirect to HTTPS.",
    validate=_listener_https,
    resource_types=t.LB_LISTENERS,
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps=(
        "Serve HTTPS with a certificate (paved:compute.container.certificateArn) and make port 80 a "
        "redirect action to HTTPS (HTTP_301), as paved's container mode does."
    ),
    equivalents=Equivalents(
        awsguard=("alb-http-to-https-redirection",), checkov=("CKV_AWS_2", "CKV2_AWS_20", "CKV_AWS_103")
    ),
)

_TLS_MIN = (
    re.compile(r"TLS13-1-(\d)"),
    re.compile(r"TLS-1-(\d)"),
    re.compile(r"FS-1-(\d)"),
)


def elb_policy_minimum_tls(name: str) -> int | None:
    """The minimum TLS 1.x minor version an ``ELBSecurityPolicy-*`` allows (0 for the legacy
    ``2016-08``/``2015-05``/``FS-2018-06`` policies); ``None`` if the name is not recognised."""
    for pattern in _TLS_MIN:
        match = pattern.search(name)
        if match:
            return int(match.group(1))
    if name.startswith("ELBSecurityPolicy-"):
        return 0
    return None


def _listener_tls_policy(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    protocol = get(props, "protocol")
    if protocol is UNKNOWN or str(protocol or "HTTP").upper() not in ("HTTPS", "TLS"):
        return
    policy = get(props, "sslPolicy")
    if policy is UNKNOWN:
        return
    policy = str(policy or "ELBSecurityPolicy-2016-08")
    minimum = elb_policy_minimum_tls(policy)
    if minimum is not None and minimum < 2:
        report(f"Listener TLS policy {policy} accepts TLS older than 1.2.")


lb_listener_modern_tls_policy = define_policy(
    name="lb-listener-modern-tls-policy",
    description="Checks that HTTPS/TLS listeners use a security policy with TLS 1.2 or newer as the minimum.",
    validate=_listener_tls_policy,
    resource_types=t.LB_LISTENERS,
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set sslPolicy to ELBSecurityPolicy-TLS13-1-2-2021-06 (paved's container mode default); the "
        "provider default ELBSecurityPolicy-2016-08 still accepts TLS 1.0."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_103", "CKV2_AWS_74")),
)


# --- CloudFront --------------------------------------------------------------------------------

_SECURE_VIEWER = frozenset({"redirect-to-https", "https-only"})


def _cloudfront_viewer(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    behaviors = [("default cache behavior", get(props, "defaultCacheBehavior"))]
    behaviors += [
        (f"cache behavior {get(behavior, 'pathPattern')!s}", behavior)
        for behavior in items(get(props, "orderedCacheBehaviors"))
    ]
    for label, behavior in behaviors:
        policy = get(behavior, "viewerProtocolPolicy")
        if behavior is None or behavior is UNKNOWN or policy is UNKNOWN:
            continue
        if not (isinstance(policy, str) and policy in _SECURE_VIEWER):
            report(f"CloudFront {label} allows plain HTTP (viewerProtocolPolicy {policy!s}).")


cloudfront_viewer_https_only = define_policy(
    name="cloudfront-viewer-https-only",
    description="Checks that every CloudFront cache behavior redirects viewers to HTTPS or requires it.",
    validate=_cloudfront_viewer,
    resource_types=[t.CLOUDFRONT_DISTRIBUTION],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set viewerProtocolPolicy: redirect-to-https on every behavior (paved's cdn tier does).",
    equivalents=Equivalents(checkov=("CKV_AWS_34",)),
)

_CLOUDFRONT_TLS = re.compile(r"^TLSv1\.(\d)")


def _cloudfront_tls(args: ResourceValidationArgs, report: Report) -> None:
    certificate = get(args.props, "viewerCertificate")
    if certificate is UNKNOWN:
        return
    default_certificate = truth(get(certificate, "cloudfrontDefaultCertificate"), default=False)
    if default_certificate is not False:
        return  # the *.cloudfront.net certificate's policy is fixed by AWS
    version = get(certificate, "minimumProtocolVersion")
    if version is UNKNOWN:
        return
    version = str(version or "TLSv1")
    match = _CLOUDFRONT_TLS.match(version)
    if version.startswith("SSL") or (match is not None and int(match.group(1)) < 2) or version == "TLSv1":
        report(f"CloudFront accepts viewers on {version}; the minimum should be TLSv1.2_2021.")


cloudfront_minimum_tls_1_2 = define_policy(
    name="cloudfront-minimum-tls-1-2",
    description="Checks that CloudFront distributions with their own certificate require TLS 1.2 or newer.",
    validate=_cloudfront_tls,
    resource_types=[t.CLOUDFRONT_DISTRIBUTION],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Set viewerCertificate.minimumProtocolVersion: TLSv1.2_2021 (paved:cdn.domain does).",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-CFR4",), checkov=("CKV_AWS_174",)),
)

_WEAK_ORIGIN_PROTOCOLS = frozenset({"SSLv3", "TLSv1", "TLSv1.1"})


def _cloudfront_origins(args: ResourceValidationArgs, report: Report) -> None:
    for origin in items(get(args.props, "origins")):
        custom = get(origin, "customOriginConfig")
        if origin is UNKNOWN or custom is None or custom is UNKNOWN:
            continue  # S3 origins through OAC are always HTTPS
        origin_id = text(get(origin, "originId"))
        label = origin_id if isinstance(origin_id, str) else "origin"
        policy = get(custom, "originProtocolPolicy")
        if policy is not UNKNOWN and policy != "https-only":
            report(f"CloudFront {label} is reached over {policy!s}; use https-only.")
        protocols = [p for p in items(get(custom, "originSslProtocols")) if isinstance(p, str)]
        weak = sorted(set(protocols) & _WEAK_ORIGIN_PROTOCOLS)
        if weak:
            report(f"CloudFront {label} allows {', '.join(weak)} to the origin; allow only TLSv1.2.")


cloudfront_origin_https_only = define_policy(
    name="cloudfront-origin-https-only",
    description="Checks that CloudFront reaches custom origins over HTTPS with TLS 1.2 only.",
    validate=_cloudfront_origins,
    resource_types=[t.CLOUDFRONT_DISTRIBUTION],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set customOriginConfig.originProtocolPolicy: https-only and originSslProtocols: [TLSv1.2].",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-CFR5",), checkov=("CKV2_AWS_72", "CKV2_AWS_54")),
)


# --- API Gateway -------------------------------------------------------------------------------


def _api_domain_tls(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.API_GATEWAY_V2_DOMAIN:
        policy = get(props, "domainNameConfiguration", "securityPolicy")
    else:
        policy = get(props, "securityPolicy")
    if policy is UNKNOWN:
        return
    policy = str(policy or "TLS_1_0")
    if "TLS_1_0" in policy.upper() or policy.upper().endswith("TLS_1_1"):
        report(f"API Gateway domain accepts {policy}; use TLS_1_2.")


apigateway_domain_tls_1_2 = define_policy(
    name="apigateway-domain-tls-1-2",
    description="Checks that API Gateway custom domains require TLS 1.2 or newer.",
    validate=_api_domain_tls,
    resource_types=[t.API_GATEWAY_DOMAIN, t.API_GATEWAY_V2_DOMAIN],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps="Set securityPolicy: TLS_1_2 (REST API domains default to TLS_1_0).",
    equivalents=Equivalents(checkov=("CKV_AWS_206",)),
)


# --- data stores -------------------------------------------------------------------------------


def _elasticache_in_transit(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.ELASTICACHE_CLUSTER and get(props, "replicationGroupId") is not None:
        return  # a member follows its replication group
    if truth(get(props, "transitEncryptionEnabled"), default=False) is False:
        report("ElastiCache accepts unencrypted connections (transitEncryptionEnabled is not true).")


elasticache_in_transit_encryption = define_policy(
    name="elasticache-in-transit-encryption",
    description="Checks that ElastiCache replication groups and clusters require TLS.",
    validate=_elasticache_in_transit,
    resource_types=[t.ELASTICACHE_REPLICATION_GROUP, t.ELASTICACHE_CLUSTER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set transitEncryptionEnabled: true (paved:data.cache does, with an auth token).",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-AEC3",), checkov=("CKV_AWS_30", "CKV_AWS_31")),
)


def _parameter_group_tls(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if get(props, "parameters") is UNKNOWN:
        return
    if args.resource_type == t.DOCDB_CLUSTER_PARAMETER_GROUP:
        value = parameter_value(get(props, "parameters"), "tls")
        if value is not UNKNOWN and value == "disabled":
            report("DocumentDB parameter group turns TLS off (tls is disabled).")
        return
    value = parameter_value(get(props, "parameters"), "require_ssl")
    if value is not UNKNOWN and value not in ("true", "1", "on"):
        report("Redshift parameter group does not require SSL (require_ssl defaults to false).")


database_parameter_group_tls = define_policy(
    name="database-parameter-group-tls",
    description="Checks that DocumentDB keeps TLS on and Redshift requires SSL through their parameter groups.",
    validate=_parameter_group_tls,
    resource_types=[t.DOCDB_CLUSTER_PARAMETER_GROUP, t.REDSHIFT_PARAMETER_GROUP],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set the parameter tls = enabled (DocumentDB) or require_ssl = true (Redshift).",
    equivalents=Equivalents(checkov=("CKV_AWS_90", "CKV_AWS_105")),
)


def _memorydb_tls(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "tlsEnabled"), default=aws_default("memorydb-tls").value) is False:
        report("MemoryDB cluster accepts unencrypted connections (tlsEnabled is false).")


memorydb_cluster_tls = define_policy(
    name="memorydb-cluster-tls",
    description="Checks that MemoryDB clusters keep in-transit encryption on.",
    validate=_memorydb_tls,
    resource_types=[t.MEMORYDB_CLUSTER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Leave tlsEnabled at its default (true) and use an ACL other than open-access.",
    equivalents=Equivalents(checkov=("CKV_AWS_202",)),
)


def _transfer_protocols(args: ResourceValidationArgs, report: Report) -> None:
    protocols = get(args.props, "protocols")
    if protocols is UNKNOWN:
        return
    if "FTP" in [p for p in items(protocols) if isinstance(p, str)]:
        report("Transfer Family server accepts plain FTP; use SFTP or FTPS.")


transfer_server_no_plain_ftp = define_policy(
    name="transfer-server-no-plain-ftp",
    description="Checks that Transfer Family servers do not accept unencrypted FTP.",
    validate=_transfer_protocols,
    resource_types=[t.TRANSFER_SERVER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Set protocols to [SFTP] (the default) or [FTPS].",
    equivalents=Equivalents(checkov=("CKV_AWS_357",)),
)


def _opensearch_in_transit(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if truth(get(props, "nodeToNodeEncryption", "enabled"), default=False) is False:
        report("OpenSearch domain does not encrypt node-to-node traffic.")
    endpoint = get(props, "domainEndpointOptions")
    if endpoint is UNKNOWN:
        return
    if truth(get(endpoint, "enforceHttps"), default=True) is False:
        report("OpenSearch domain accepts plain HTTP (enforceHttps is false).")
    policy = get(endpoint, "tlsSecurityPolicy")
    if policy is not UNKNOWN and "TLS-1-2" not in str(policy or ""):
        report("OpenSearch domain does not require TLS 1.2 (set tlsSecurityPolicy explicitly).")


opensearch_domain_encrypted_in_transit = define_policy(
    name="opensearch-domain-encrypted-in-transit",
    description=(
        "Checks that OpenSearch and Elasticsearch domains encrypt node-to-node traffic and enforce HTTPS with TLS 1.2."
    ),
    validate=_opensearch_in_transit,
    resource_types=t.OPENSEARCH_DOMAINS,
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set nodeToNodeEncryption.enabled: true and domainEndpointOptions: {enforceHttps: true, "
        "tlsSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10}."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-OS2",), checkov=("CKV_AWS_6", "CKV_AWS_83", "CKV_AWS_228")),
)


def _msk_in_transit(args: ResourceValidationArgs, report: Report) -> None:
    transit = get(args.props, "encryptionInfo", "encryptionInTransit")
    if transit is UNKNOWN:
        return
    defaults = aws_default("msk-encryption").value
    client = get(transit, "clientBroker")
    if client is not UNKNOWN and str(client or defaults["clientBroker"]).upper() != "TLS":
        report(f"MSK cluster allows plaintext client traffic (clientBroker {client!s}).")
    if truth(get(transit, "inCluster"), default=defaults["inCluster"]) is False:
        report("MSK cluster does not encrypt traffic between brokers (inCluster is false).")


msk_cluster_encrypted_in_transit = define_policy(
    name="msk-cluster-encrypted-in-transit",
    description="Checks that MSK clusters use TLS between clients and brokers and between brokers.",
    validate=_msk_in_transit,
    resource_types=[t.MSK_CLUSTER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps="Leave encryptionInfo.encryptionInTransit at clientBroker: TLS and inCluster: true.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-MSK2", "AwsSolutions-MSK3"), checkov=("CKV_AWS_81",)),
)


# --- S3: a TLS-only bucket policy (stack: the policy is its own resource) --------------------


def website_buckets(stack: StackIndex) -> set[str] | None:
    """Buckets configured for static website hosting (an inline ``website`` block or a website
    configuration resource); ``None`` if a website configuration's bucket cannot be resolved."""
    found = {bucket.urn for bucket in stack.of_types(t.S3_BUCKETS) if get(bucket.props, "website") is not None}
    for config in stack.of_types(t.S3_WEBSITE_CONFIGS):
        try:
            found.update(bucket.urn for bucket in stack.referenced(config, "bucket", t.S3_BUCKETS))
        except UnresolvedError:
            return None
    return found


def _s3_tls_only(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    websites = website_buckets(stack)
    if websites is not None:
        report_tls_only(stack, S3_BUCKETS_TLS_ONLY, report, exempt=websites)


s3_bucket_tls_only = define_policy(
    name="s3-bucket-tls-only",
    kind=STACK,
    description=(
        "Checks that every S3 bucket has a bucket policy denying requests that do not use TLS (reported on the "
        "bucket policy when that lacks the statement), except buckets configured for website hosting, whose "
        "endpoint serves HTTP by design (public-exposure judges that pattern)."
    ),
    validate=_s3_tls_only,
    resource_types=t.S3_BUCKETS,
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Attach an aws.s3.BucketPolicy with a Deny statement for Principal * on "
        'Condition {"Bool": {"aws:SecureTransport": "false"}}; paved\'s data tier adds it to every bucket.'
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-S10",), checkov=("CKV_AWS_379",)),
)
