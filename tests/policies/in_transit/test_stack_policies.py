"""encryption-in-transit judged across resources (stack policies): target groups behind their
listeners, API stages with their integrations, TLS-only queue, topic and bucket policies, and S3
website buckets, which serve HTTP by design."""

from __future__ import annotations

from paved_policies import types as t
from paved_policies.testing import UNKNOWN, StackResource

from tests.policies.baselines import DENY_WITHOUT_TLS, LB_LISTENER, document
from tests.policies.stack_baseline import attached, changed, compliant_stack, stack_violations, without

TARGETS = StackResource(t.LB_TARGET_GROUPS[0], "targets", {"protocol": "HTTP", "port": 8080, "targetType": "ip"})


def _listener(protocol: str, **props: object) -> StackResource:
    base = {
        **LB_LISTENER.properties,
        "protocol": protocol,
        "defaultActions": [{"type": "forward", "targetGroupArn": UNKNOWN}],
    }
    return StackResource(
        t.LB_LISTENERS[0],
        f"{protocol.lower()}-listener",
        {**base, **props},
        property_dependencies={"defaultActions": ["targets"]},
    )


def test_http_target_group_behind_an_https_listener_is_clean() -> None:
    assert stack_violations([*compliant_stack(), TARGETS, _listener("HTTPS")]) == []


def test_http_target_group_reached_only_over_http_is_reported() -> None:
    found = stack_violations([*compliant_stack(), TARGETS, _listener("HTTP", port=80)])
    assert (
        "lb-target-group-behind-tls",
        "targets: Target group receives plain HTTP and no HTTPS or TLS listener forwards to it.",
    ) in found


def test_lone_http_target_group_is_reported() -> None:
    assert stack_violations([*compliant_stack(), TARGETS]) == [
        (
            "lb-target-group-behind-tls",
            "targets: Target group receives plain HTTP and no HTTPS or TLS listener forwards to it.",
        )
    ]


def test_target_group_a_listener_rule_forwards_to_is_left_to_the_rule() -> None:
    rule = StackResource(
        t.LB_LISTENER_RULES[0],
        "rule",
        {"actions": [{"type": "forward", "targetGroupArn": UNKNOWN}]},
        property_dependencies={"actions": ["targets"]},
    )
    assert stack_violations([*compliant_stack(), TARGETS, rule]) == []


REST_API = StackResource(t.API_GATEWAY_REST_API, "api", {"name": "api"})
REST_STAGE = StackResource(
    t.API_GATEWAY_STAGE, "prod", {"restApi": UNKNOWN, "stageName": "prod"}, property_dependencies={"restApi": ["api"]}
)


def _integration(kind: str) -> StackResource:
    return StackResource(
        t.API_GATEWAY_INTEGRATION,
        f"{kind.lower()}-integration",
        {"restApi": UNKNOWN, "type": kind},
        property_dependencies={"restApi": ["api"]},
    )


def test_rest_stage_calling_an_http_backend_without_a_client_certificate_is_reported() -> None:
    assert stack_violations([*compliant_stack(), REST_API, REST_STAGE, _integration("HTTP_PROXY")]) == [
        (
            "apigateway-stage-client-certificate",
            "prod: API Gateway stage calls its backend without a client certificate (clientCertificateId), so the "
            "backend cannot tell API Gateway from anyone else.",
        )
    ]


def test_rest_stage_calling_only_lambda_needs_no_client_certificate() -> None:
    assert stack_violations([*compliant_stack(), REST_API, REST_STAGE, _integration("AWS_PROXY")]) == []


def test_rest_stage_with_a_client_certificate_is_clean() -> None:
    stage = StackResource(
        t.API_GATEWAY_STAGE,
        "prod",
        {"restApi": UNKNOWN, "stageName": "prod", "clientCertificateId": "cert-1"},
        property_dependencies={"restApi": ["api"]},
    )
    assert stack_violations([*compliant_stack(), REST_API, stage, _integration("HTTP")]) == []


def test_http_api_stage_needs_no_client_certificate() -> None:
    api = StackResource(t.API_GATEWAY_V2_API, "http-api", {"protocolType": "HTTP"})
    stage = StackResource(
        t.API_GATEWAY_V2_STAGE,
        "default",
        {"apiId": UNKNOWN, "name": "$default"},
        property_dependencies={"apiId": ["http-api"]},
    )
    assert stack_violations([*compliant_stack(), api, stage]) == []


def test_websocket_stage_without_a_client_certificate_is_reported() -> None:
    api = StackResource(t.API_GATEWAY_V2_API, "ws", {"protocolType": "WEBSOCKET"})
    stage = StackResource(
        t.API_GATEWAY_V2_STAGE, "live", {"apiId": UNKNOWN, "name": "live"}, property_dependencies={"apiId": ["ws"]}
    )
    assert stack_violations([*compliant_stack(), api, stage]) == [
        (
            "apigateway-stage-client-certificate",
            "live: WebSocket API stage calls its backend without a client certificate (clientCertificateId).",
        )
    ]


TLS_ONLY = document(DENY_WITHOUT_TLS)


def test_topic_without_a_tls_only_policy_is_reported() -> None:
    assert stack_violations([*compliant_stack(), StackResource(t.SNS_TOPIC, "alarms", {"kmsMasterKeyId": "key"})]) == [
        ("sns-topic-tls-only", "alarms: SNS topic has no policy denying requests without TLS (aws:SecureTransport).")
    ]


def test_topic_with_a_tls_only_topic_policy_is_clean() -> None:
    topic = StackResource(t.SNS_TOPIC, "alarms", {"kmsMasterKeyId": "key"})
    policy = attached(t.SNS_TOPIC_POLICY, "alarms-policy", "alarms", {"policy": TLS_ONLY}, prop="arn")
    assert stack_violations([*compliant_stack(), topic, policy]) == []


def test_queue_policy_without_the_tls_statement_is_reported_on_the_policy() -> None:
    queue = StackResource(t.SQS_QUEUE, "jobs", {"kmsMasterKeyId": "key"})
    allow = document(
        {"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*"}
    )
    policy = attached(t.SQS_QUEUE_POLICY, "jobs-policy", "jobs", {"policy": allow}, prop="queueUrl")
    assert stack_violations([*compliant_stack(), queue, policy]) == [
        ("sqs-queue-tls-only", "jobs-policy: Queue policy does not deny requests without TLS (aws:SecureTransport).")
    ]


def test_deny_on_secure_transport_true_does_not_count() -> None:
    inverted = document({**DENY_WITHOUT_TLS, "Condition": {"Bool": {"aws:SecureTransport": "true"}}})
    assert stack_violations(changed(compliant_stack(), "data-policy", {"policy": inverted})) == [
        ("s3-bucket-tls-only", "data-policy: Bucket policy does not deny requests without TLS (aws:SecureTransport).")
    ]


def test_website_bucket_serves_http_by_design() -> None:
    website = attached(t.S3_WEBSITE_CONFIGS[0], "data-website", "data", {"indexDocument": {"suffix": "index.html"}})
    assert stack_violations([*without(compliant_stack(), "data-policy"), website]) == []


def test_bucket_with_an_inline_website_block_serves_http_by_design() -> None:
    resources = changed(without(compliant_stack(), "data-policy"), "data", {"website": {"indexDocument": "index.html"}})
    assert stack_violations(resources) == []


def test_mediastore_container_without_a_tls_only_policy_is_reported() -> None:
    container = StackResource(t.MEDIASTORE_CONTAINER, "media", {"name": "media"})
    assert stack_violations([*compliant_stack(), container]) == [
        (
            "mediastore-container-tls-only",
            "media: MediaStore container has no policy denying requests without TLS (aws:SecureTransport).",
        )
    ]
    policy = attached(
        t.MEDIASTORE_CONTAINER_POLICY, "media-policy", "media", {"policy": TLS_ONLY}, prop="containerName"
    )
    assert stack_violations([*compliant_stack(), container, policy]) == []
