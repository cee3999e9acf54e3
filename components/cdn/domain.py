"""A custom domain for the distribution: an ACM certificate in us-east-1 (the only region CloudFront
reads certificates from), validated through DNS in the configured Route 53 zone, and alias records
pointing the name at the distribution."""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.config.base import Domain

MINIMUM_PROTOCOL_VERSION = "TLSv1.2_2021"
"""TLS 1.2 or 1.3 with forward-secret AES-GCM and ChaCha20 ciphers only; CloudFront's recommended policy."""


def validated_certificate(
    name: str, domain: Domain, *, edge_opts: pulumi.ResourceOptions, dns_opts: pulumi.ResourceOptions
) -> pulumi.Output[str]:
    """The certificate's ARN, known once ACM has validated it through the DNS record added here."""
    certificate = aws.acm.Certificate(
        f"{name}-certificate",
        domain_name=domain.name,
        validation_method="DNS",
        key_algorithm="EC_prime256v1",
        opts=edge_opts,
    )
    option = certificate.domain_validation_options[0]
    record = aws.route53.Record(
        f"{name}-certificate-validation-record",
        zone_id=domain.hosted_zone_id,
        name=option.resource_record_name,
        type=option.resource_record_type,
        records=[option.resource_record_value],
        ttl=300,
        allow_overwrite=True,
        opts=dns_opts,
    )
    validation = aws.acm.CertificateValidation(
        f"{name}-certificate-validation",
        certificate_arn=certificate.arn,
        validation_record_fqdns=[record.fqdn],
        opts=edge_opts,
    )
    return validation.certificate_arn


def viewer_certificate(certificate_arn: pulumi.Input[str] | None) -> aws.cloudfront.DistributionViewerCertificateArgs:
    """With a certificate: SNI and TLSv1.2_2021. Without one, CloudFront's own ``*.cloudfront.net``
    certificate, whose minimum protocol CloudFront fixes at TLSv1 and which cannot be raised."""
    if certificate_arn is None:
        return aws.cloudfront.DistributionViewerCertificateArgs(cloudfront_default_certificate=True)
    return aws.cloudfront.DistributionViewerCertificateArgs(
        acm_certificate_arn=certificate_arn,
        ssl_support_method="sni-only",
        minimum_protocol_version=MINIMUM_PROTOCOL_VERSION,
    )


def alias_records(
    name: str,
    domain: Domain,
    *,
    target_domain: pulumi.Input[str],
    target_zone_id: pulumi.Input[str],
    opts: pulumi.ResourceOptions,
) -> Sequence[aws.route53.Record]:
    """IPv4 and IPv6 alias records from the custom name to the distribution."""
    return [
        aws.route53.Record(
            f"{name}-alias-{record_type.lower()}",
            zone_id=domain.hosted_zone_id,
            name=domain.name,
            type=record_type,
            aliases=[
                aws.route53.RecordAliasArgs(name=target_domain, zone_id=target_zone_id, evaluate_target_health=False)
            ],
            opts=opts,
        )
        for record_type in ("A", "AAAA")
    ]
