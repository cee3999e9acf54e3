"""encryption-at-rest for API response caches: AppSync API caches, API Gateway stage caches."""

from __future__ import annotations

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.policy import ENCRYPTION_AT_REST, Equivalents, Report, define_policy
from paved_policies.props import get, truth


def _appsync_cache_at_rest(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "atRestEncryptionEnabled"), default=False) is False:
        report("AppSync API cache does not encrypt at rest (atRestEncryptionEnabled defaults to false).")


appsync_api_cache_encrypted_at_rest = define_policy(
    name="appsync-api-cache-encrypted-at-rest",
    description="Checks that AppSync API caches encrypt cached data at rest.",
    validate=_appsync_cache_at_rest,
    resource_types=[t.APPSYNC_API_CACHE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set atRestEncryptionEnabled: true (it can only be set when the cache is created).",
    equivalents=Equivalents(checkov=("CKV_AWS_214",)),
)


def _api_cache_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    settings = get(args.props, "settings")
    if truth(get(settings, "cachingEnabled"), default=False) is not True:
        return
    if truth(get(settings, "cacheDataEncrypted"), default=False) is False:
        report("API Gateway method cache is not encrypted (settings.cacheDataEncrypted defaults to false).")


apigateway_cache_encrypted = define_policy(
    name="apigateway-cache-encrypted",
    description="Checks that API Gateway methods that cache responses encrypt the cache.",
    validate=_api_cache_encrypted,
    resource_types=[t.API_GATEWAY_METHOD_SETTINGS],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps="Set settings.cacheDataEncrypted: true wherever settings.cachingEnabled is true.",
    equivalents=Equivalents(checkov=("CKV_AWS_308",)),
)
