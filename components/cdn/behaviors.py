"""How the distribution treats requests: managed cache and origin request policies, the security
response headers, and the SPA fallback function."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
"""Managed-CachingOptimized: long TTLs, gzip and brotli in the cache key; for the static assets."""

CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
"""Managed-CachingDisabled: TTL 0, nothing in the cache key; for the API."""

ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
"""Managed-AllViewerExceptHostHeader: every viewer header, cookie and query string except ``Host``.

An origin request policy cannot name the ``Authorization`` header, but when caching is disabled
the AllViewer policies forward it (CloudFront developer guide, "Managed origin request
policies"; "How do I configure CloudFront to forward the Authorization header"). ``Host`` stays
the origin's own name, which API Gateway and a TLS load balancer need to route and to match their
certificate.
"""

API_PATH = "/api/*"
ASSETS_ORIGIN, API_ORIGIN = "assets", "api"

READ_METHODS = ["GET", "HEAD", "OPTIONS"]
ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
CACHED_METHODS = ["GET", "HEAD"]

HSTS_MAX_AGE_SECONDS = 63_072_000
"""Two years: browsers keep to HTTPS for the site that long after one visit."""


def security_headers_policy(name: str, opts: pulumi.ResourceOptions) -> aws.cloudfront.ResponseHeadersPolicy:
    """HSTS, ``nosniff``, ``DENY`` framing and a referrer policy on every response, overriding the origin's."""
    return aws.cloudfront.ResponseHeadersPolicy(
        name,
        comment=f"paved {pulumi.get_stack()}: security headers",
        security_headers_config=aws.cloudfront.ResponseHeadersPolicySecurityHeadersConfigArgs(
            strict_transport_security=aws.cloudfront.ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs(
                access_control_max_age_sec=HSTS_MAX_AGE_SECONDS,
                include_subdomains=True,
                preload=False,
                override=True,
            ),
            content_type_options=aws.cloudfront.ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs(
                override=True
            ),
            frame_options=aws.cloudfront.ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs(
                frame_option="DENY", override=True
            ),
            referrer_policy=aws.cloudfront.ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs(
                referrer_policy="strict-origin-when-cross-origin", override=True
            ),
        ),
        opts=opts,
    )


def spa_fallback_code(root_object: str) -> str:
    """A viewer-request function: a path without a file extension gets the app's root document.

    Unlike custom error responses, which apply to every behavior of a distribution, it runs on the
    assets behavior only, so the API's own 403 and 404 responses reach the client unchanged.
    """
    return (
        "function handler(event) {\n"
        "  var request = event.request;\n"
        "  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);\n"
        "  if (last.indexOf('.') === -1) {\n"
        f"    request.uri = '/{root_object}';\n"
        "  }\n"
        "  return request;\n"
        "}\n"
    )


def spa_fallback_function(name: str, root_object: str, opts: pulumi.ResourceOptions) -> aws.cloudfront.Function:
    return aws.cloudfront.Function(
        name,
        runtime="cloudfront-js-2.0",
        comment=f"paved {pulumi.get_stack()}: app routes get /{root_object}",
        code=spa_fallback_code(root_object),
        publish=True,
        opts=opts,
    )
