"""Browser uploads: the CORS rule that lets the app's pages PUT to the presigned URLs the API hands out.

A presigned URL names the uploads bucket's own host, so a browser upload is cross-origin and S3
answers its preflight only with a CORS rule. The rule admits exactly the app's origins — those of
the auth tier's callback URLs, where the single-page app lives — for ``PUT`` with a ``Content-Type``
header, and nothing else: reading objects stays closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

import pulumi
import pulumi_aws as aws


def app_origins(urls: Iterable[str]) -> list[str]:
    """``scheme://host[:port]`` of each URL, once each, in order."""
    origins: list[str] = []
    for url in urls:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in origins:
            origins.append(origin)
    return origins


def upload_cors(
    name: str, bucket: pulumi.Input[str], origins: list[str], opts: pulumi.ResourceOptions
) -> aws.s3.BucketCorsConfiguration:
    return aws.s3.BucketCorsConfiguration(
        name,
        bucket=bucket,
        cors_rules=[
            aws.s3.BucketCorsConfigurationCorsRuleArgs(
                allowed_methods=["PUT"],
                allowed_origins=origins,
                allowed_headers=["Content-Type"],
                expose_headers=["ETag"],
                max_age_seconds=3000,
            )
        ],
        opts=opts,
    )
