"""encryption-in-transit between API Gateway and an HTTP backend: a stage's client certificate lets
the backend authenticate API Gateway over TLS (API Gateway Developer Guide, "Generate and configure
an SSL certificate for backend authentication"). It matters only where the API calls an HTTP backend,
so a stage is judged with the integrations of its API (a stack policy); Lambda and AWS-service
integrations need none."""

from __future__ import annotations

import re
from typing import Final

from pulumi_policy import PolicyResource, Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import ENCRYPTION_IN_TRANSIT, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, text
from paved_policies.unknown import UNKNOWN

_HTTP_INTEGRATIONS: Final = frozenset({"HTTP", "HTTP_PROXY"})
_HTTP_IN_BODY: Final = re.compile(r'"type"\s*:\s*"http(_proxy)?"', re.IGNORECASE)


def _api_key(stack: StackIndex, resource: PolicyResource, prop: str, api_types: list[str]) -> str | None:
    """What identifies the API a stage or integration belongs to: the API resource's URN when the
    stack holds it, else the property's known value; ``None`` if unknown."""
    try:
        apis = stack.referenced(resource, prop, api_types)
    except UnresolvedError:
        return None
    if apis:
        return apis[0].urn
    value = get(resource.props, prop)
    return value if isinstance(value, str) else None


def _http_backends(
    stack: StackIndex, integration_type: str, prop: str, kind: str, api_types: list[str]
) -> dict[str, bool]:
    """API → whether any of its visible integrations calls an HTTP backend (``True``) or all of them
    call something else (``False``); APIs with no visible integration are absent."""
    found: dict[str, bool] = {}
    for integration in stack.of_types([integration_type]):
        api = _api_key(stack, integration, prop, api_types)
        value = text(get(integration.props, kind))
        if api is None or not isinstance(value, str):
            found[api or ""] = True
            continue
        found[api] = found.get(api, False) or value.upper() in _HTTP_INTEGRATIONS
    for resource in stack.of_types(api_types):
        body = get(resource.props, "body")
        if isinstance(body, str) and _HTTP_IN_BODY.search(body):
            found[resource.urn] = True
    return found


def _rest_stages(stack: StackIndex, report: Report) -> None:
    """A stage whose API cannot be told (unknown id, API outside the stack) is judged only when the
    stack shows no integration at all: then nothing rules out an HTTP backend."""
    backends = _http_backends(stack, t.API_GATEWAY_INTEGRATION, "restApi", "type", [t.API_GATEWAY_REST_API])
    for stage in stack.of_types([t.API_GATEWAY_STAGE]):
        if get(stage.props, "clientCertificateId") not in (None, ""):
            continue
        api = _api_key(stack, stage, "restApi", [t.API_GATEWAY_REST_API])
        http = not backends if api is None else backends.get(api, True) and "" not in backends
        if http:
            report(
                "API Gateway stage calls its backend without a client certificate (clientCertificateId), so the "
                "backend cannot tell API Gateway from anyone else.",
                stage.urn,
            )


def _websocket_stages(stack: StackIndex, report: Report) -> None:
    backends = _http_backends(stack, t.API_GATEWAY_V2_INTEGRATION, "apiId", "integrationType", [t.API_GATEWAY_V2_API])
    for stage in stack.of_types([t.API_GATEWAY_V2_STAGE]):
        if get(stage.props, "clientCertificateId") not in (None, ""):
            continue
        try:
            apis = stack.referenced(stage, "apiId", [t.API_GATEWAY_V2_API])
        except UnresolvedError:
            continue
        for api in apis:
            protocol = get(api.props, "protocolType")
            if protocol is not UNKNOWN and str(protocol).upper() == "WEBSOCKET" and backends.get(api.urn, True):
                report(
                    "WebSocket API stage calls its backend without a client certificate (clientCertificateId).",
                    stage.urn,
                )


def _stage_client_certificates(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    _rest_stages(stack, report)
    _websocket_stages(stack, report)


apigateway_stage_client_certificate = define_policy(
    name="apigateway-stage-client-certificate",
    kind=STACK,
    description=(
        "Checks that API Gateway REST and WebSocket stages whose API calls an HTTP backend present a client "
        "certificate to it."
    ),
    validate=_stage_client_certificates,
    resource_types=[t.API_GATEWAY_STAGE, t.API_GATEWAY_V2_STAGE],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Create an aws.apigateway.ClientCertificate, set the stage's clientCertificateId to it, and have the "
        "backend accept only that certificate; Lambda and AWS-service integrations need none."
    ),
    equivalents=Equivalents(checkov=("CKV2_AWS_51",)),
)
