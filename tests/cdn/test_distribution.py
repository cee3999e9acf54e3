"""The CloudFront distribution of dev and prod: origins, behaviors, TLS, headers, SPA fallback."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from components.cdn.behaviors import spa_fallback_code
from tests.cdn.conftest import run_tier
from tests.conftest import run_config, stack_yaml_config
from tools.program import ProgramRun, Registration

DISTRIBUTION = "aws:cloudfront/distribution:Distribution"
OAC = "aws:cloudfront/originAccessControl:OriginAccessControl"
HEADERS = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy"
FUNCTION = "aws:cloudfront/function:Function"
BUCKET = "aws:s3/bucket:Bucket"

CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac"


def distribution(run: ProgramRun) -> Registration:
    return run.one(DISTRIBUTION, "cdn-distribution")


def origin(run: ProgramRun, origin_id: str) -> dict[str, Any]:
    return next(o for o in distribution(run).inputs["origins"] if o["originId"] == origin_id)


def assets_bucket(run: ProgramRun) -> Registration:
    return run.one(BUCKET, "data-assets")


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_assets_are_served_from_the_assets_bucket_through_origin_access_control(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    oac = run.one(OAC)
    assert (oac.inputs["originAccessControlOriginType"], oac.inputs["signingBehavior"]) == ("s3", "always")
    assert oac.inputs["signingProtocol"] == "sigv4"
    assets = origin(run, "assets")
    assert assets["domainName"] == assets_bucket(run).outputs["bucketRegionalDomainName"]
    assert assets["originAccessControlId"] == oac.id
    assert "customOriginConfig" not in assets


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_default_behavior_redirects_to_https_compresses_and_caches(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    behavior = distribution(run).inputs["defaultCacheBehavior"]
    assert behavior["targetOriginId"] == "assets"
    assert behavior["viewerProtocolPolicy"] == "redirect-to-https"
    assert behavior["compress"] is True
    assert behavior["cachePolicyId"] == CACHING_OPTIMIZED
    assert behavior["allowedMethods"] == ["GET", "HEAD", "OPTIONS"]
    assert behavior["responseHeadersPolicyId"] == run.one(HEADERS).id


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_distribution_settings_come_from_config(run_name: str, request: pytest.FixtureRequest) -> None:
    inputs = distribution(request.getfixturevalue(run_name)).inputs
    assert inputs["enabled"] is True
    assert inputs["defaultRootObject"] == "index.html"
    assert inputs["priceClass"] == "PriceClass_100"
    assert inputs["httpVersion"] == "http2and3"
    assert inputs["isIpv6Enabled"] is True
    assert inputs["restrictions"] == {"geoRestriction": {"restrictionType": "none"}}


def test_price_class_and_root_object_follow_config() -> None:
    run = run_tier(cdn={"priceClass": "PriceClass_All", "defaultRootObject": "app.html"})
    inputs = distribution(run).inputs
    assert (inputs["priceClass"], inputs["defaultRootObject"]) == ("PriceClass_All", "app.html")
    assert "'/app.html'" in run.one(FUNCTION).inputs["code"]


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_without_a_custom_domain_the_default_certificate_is_used(run_name: str, request: pytest.FixtureRequest) -> None:
    inputs = distribution(request.getfixturevalue(run_name)).inputs
    assert inputs["viewerCertificate"] == {"cloudfrontDefaultCertificate": True}
    assert "aliases" not in inputs


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_every_response_carries_hsts_nosniff_frame_deny_and_a_referrer_policy(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    security = request.getfixturevalue(run_name).one(HEADERS).inputs["securityHeadersConfig"]
    assert security["strictTransportSecurity"] == {
        "accessControlMaxAgeSec": 63072000,
        "includeSubdomains": True,
        "preload": False,
        "override": True,
    }
    assert security["contentTypeOptions"] == {"override": True}
    assert security["frameOptions"] == {"frameOption": "DENY", "override": True}
    assert security["referrerPolicy"] == {"referrerPolicy": "strict-origin-when-cross-origin", "override": True}
    assert "name" not in request.getfixturevalue(run_name).one(HEADERS).inputs


# --- the API on /api/* ----------------------------------------------------------------------


def test_api_is_served_on_api_paths_uncached_with_every_viewer_header_but_host() -> None:
    run = run_tier("serverless")
    (behavior,) = distribution(run).inputs["orderedCacheBehaviors"]
    assert behavior["pathPattern"] == "/api/*"
    assert behavior["targetOriginId"] == "api"
    assert behavior["cachePolicyId"] == CACHING_DISABLED
    assert behavior["originRequestPolicyId"] == ALL_VIEWER_EXCEPT_HOST_HEADER
    assert behavior["allowedMethods"] == ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    assert behavior["viewerProtocolPolicy"] == "https-only"
    assert behavior["compress"] is True
    assert behavior["responseHeadersPolicyId"] == run.one(HEADERS).id
    assert "functionAssociations" not in behavior


def test_authorization_reaches_the_api_through_a_managed_policy_not_a_forwarding_list() -> None:
    """CloudFront refuses an origin request policy naming ``Authorization``; with caching disabled,
    the AllViewer policies forward it. No legacy ``forwardedValues`` either."""
    (behavior,) = distribution(run_tier("serverless")).inputs["orderedCacheBehaviors"]
    assert behavior["cachePolicyId"] == CACHING_DISABLED
    assert behavior["originRequestPolicyId"] == ALL_VIEWER_EXCEPT_HOST_HEADER
    assert "forwardedValues" not in behavior


def test_http_api_origin_is_reached_over_tls_1_2() -> None:
    api = origin(run_tier("serverless"), "api")
    assert api["domainName"] == "abc123.execute-api.us-east-1.amazonaws.com"
    assert api["customOriginConfig"] == {
        "originProtocolPolicy": "https-only",
        "originSslProtocols": ["TLSv1.2"],
        "httpPort": 80,
        "httpsPort": 443,
    }


def test_certificate_less_load_balancer_is_reached_over_http_as_the_compute_tier_says() -> None:
    api = origin(run_tier("container-http"), "api")
    assert api["domainName"] == "api-alb-1.us-east-1.elb.amazonaws.com"
    assert api["customOriginConfig"]["originProtocolPolicy"] == "http-only"


def test_static_site_has_no_api_origin_or_behavior() -> None:
    inputs = distribution(run_tier("")).inputs
    assert [o["originId"] for o in inputs["origins"]] == ["assets"]
    assert "orderedCacheBehaviors" not in inputs


# --- SPA fallback ---------------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_spa_fallback_is_a_viewer_request_function_on_the_assets_behavior_only(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    function = run.one(FUNCTION)
    assert function.inputs["runtime"] == "cloudfront-js-2.0"
    assert function.inputs["publish"] is True
    assert function.inputs["code"] == spa_fallback_code("index.html")
    inputs = distribution(run).inputs
    assert inputs["defaultCacheBehavior"]["functionAssociations"] == [
        {"eventType": "viewer-request", "functionArn": function.outputs["arn"]}
    ]
    assert "customErrorResponses" not in inputs


def test_without_spa_fallback_there_is_no_function() -> None:
    run = run_tier(cdn={"spaFallback": False})
    assert run.of_type(FUNCTION) == []
    assert "functionAssociations" not in distribution(run).inputs["defaultCacheBehavior"]


def _rewrite(uri: str) -> str:
    node = shutil.which("node")
    assert node is not None, "Node.js is part of this project's machine (CloudFront Functions are JavaScript)"
    script = spa_fallback_code("index.html") + f"console.log(handler({{request: {{uri: {json.dumps(uri)}}}}}).uri);"
    return subprocess.run([node, "-e", script], check=True, capture_output=True, text=True, timeout=30).stdout.strip()


@pytest.mark.parametrize(
    "uri, served",
    [
        ("/", "/index.html"),
        ("/courses/42", "/index.html"),
        ("/courses/42/", "/index.html"),
        ("/assets/app.3f9a.js", "/assets/app.3f9a.js"),
        ("/favicon.ico", "/favicon.ico"),
        ("/.well-known/security.txt", "/.well-known/security.txt"),
    ],
)
def test_spa_fallback_serves_the_app_for_routes_and_files_as_they_are(uri: str, served: str) -> None:
    assert _rewrite(uri) == served


# --- switched off ---------------------------------------------------------------------------


def test_cdn_switched_off_creates_no_cloudfront_resource_and_the_data_tier_keeps_the_assets_policy() -> None:
    config = stack_yaml_config("dev")
    config["paved:cdn"] = {"enabled": False}
    run = run_config(config)
    assert [r.type for r in run.resources if r.type.startswith(("aws:cloudfront/", "aws:wafv2/"))] == []
    assert run.of_type("paved:cdn:Cdn") == []
    assert "cdn" not in run.outputs
    assets = assets_bucket(run)
    policies = [p for p in run.of_type("aws:s3/bucketPolicy:BucketPolicy") if p.inputs["bucket"] == assets.id]
    assert len(policies) == 1
    assert "cloudfront" not in policies[0].inputs["policy"]
    assert [a for a in run.of_type("aws:cloudwatch/metricAlarm:MetricAlarm") if "cdn" in a.name] == []


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_exports_the_site_url(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    assert run.outputs["cdn"]["url"] == f"https://{distribution(run).outputs['domainName']}"
    assert run.outputs["cdn"]["distributionId"] == distribution(run).id
