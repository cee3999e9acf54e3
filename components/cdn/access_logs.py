"""CloudFront standard logging (v2) to the logs bucket, under ``cloudfront/<distribution id>/``.

Standard logging v2 delivers through CloudWatch Logs' log delivery, authorised by the logs
bucket's policy alone (the data tier grants ``delivery.logs.amazonaws.com`` write access under
``cloudfront/`` for this account's delivery sources), so the bucket keeps ACLs disabled; legacy
standard logging would need ACLs. CloudFront's delivery sources live in us-east-1.
"""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

from components.data.log_delivery import CLOUDFRONT_LOG_PREFIX

LOG_PREFIX = CLOUDFRONT_LOG_PREFIX.rstrip("/")
"""The prefix the logs bucket's policy lets CloudFront's log delivery write under."""

SUFFIX_PATH = "{DistributionId}/{yyyy}/{MM}/{dd}/{HH}"
OUTPUT_FORMAT = "w3c"
"""CloudFront's classic space-separated format: no conversion charge, read by the usual tools."""


def access_logs(
    name: str,
    *,
    distribution_arn: pulumi.Input[str],
    logs_bucket_arn: pulumi.Input[str],
    opts: pulumi.ResourceOptions,
) -> aws.cloudwatch.LogDelivery:
    """Source (the distribution), destination (the bucket's prefix) and the delivery between them.

    ``opts`` must carry the us-east-1 provider.
    """
    source = aws.cloudwatch.LogDeliverySource(
        f"{name}-source",
        log_type="ACCESS_LOGS",
        resource_arn=distribution_arn,
        opts=opts,
    )
    destination = aws.cloudwatch.LogDeliveryDestination(
        f"{name}-destination",
        output_format=OUTPUT_FORMAT,
        delivery_destination_configuration=aws.cloudwatch.LogDeliveryDestinationDeliveryDestinationConfigurationArgs(
            destination_resource_arn=pulumi.Output.concat(logs_bucket_arn, "/", LOG_PREFIX),
        ),
        opts=opts,
    )
    return aws.cloudwatch.LogDelivery(
        f"{name}-delivery",
        delivery_source_name=source.name,
        delivery_destination_arn=destination.arn,
        s3_delivery_configurations=[
            aws.cloudwatch.LogDeliveryS3DeliveryConfigurationArgs(
                suffix_path=SUFFIX_PATH, enable_hive_compatible_path=False
            )
        ],
        opts=opts,
    )
