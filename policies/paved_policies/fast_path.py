"""Decode each resource once per request, not once per policy.

pulumi-policy's analyzer rebuilds a request's inputs for every policy it runs: the properties
(protobuf ``Struct`` → dict with ``json_format.MessageToDict`` → Python values with
``deserialize_properties`` → the unknown-checking proxy), the resource options and the provider —
and in ``AnalyzeStack`` it does so for every stack policy over every resource. With about seventy
policies that rebuilding is most of the pack's time. ``install`` memoizes those steps inside
``pulumi_policy.policy``:

- each step is keyed by the identity of its input (a request, a ``Struct``, a decoded dict), and
  the cache keeps the input alive, so an id cannot be reused while it is cached;
- the cache lives for one request on one thread: the SDK serves a request on one thread and starts
  every request by configuring its runtime settings, which is where the cache is emptied.

The values are the ones the SDK would compute; policies only read them (paved's never write to
``args.props``).

``install`` also lets ``Analyze`` run only the resource policies that look at the resource's type:
a paved policy's validator returns at once for a type it does not cover (``Declared.applies_to``,
the one type filter, which the validator's wrapper applies too), so skipping it changes no verdict;
a policy without ``applies_to`` always runs. The servicer's policy list is wrapped so that, while
one resource is analyzed on a thread, iterating it yields those policies only (a list per type,
built once).

``AnalyzeStack`` hands every stack policy the same list of ``PolicyResource``s, built once per
request, where the SDK rebuilds (and re-links parents and dependencies of) every resource for
every stack policy. Paved's stack policies only read the resources.

The analyzer's gRPC server runs requests on two worker threads instead of the SDK's four: the
work is Python, so more threads only contend for the interpreter lock (measured: about a quarter
faster at 10,000 resources).

All of this leans on pulumi-policy's private internals (the servicer's name-mangled attributes, the
order of its steps), so it is tied to one release: ``VERIFIED_SDK_VERSION``, which
``policies/requirements.txt`` pins exactly. ``install`` changes nothing for any other release, if
the SDK does not look as expected, or when ``PAVED_POLICY_FAST_PATH=0``; the pack is then slower but
gives the same verdicts. ``tests/policies/test_fast_path.py`` fails when the pin, this constant or
the source of the SDK internals used here change, so an upgrade is re-checked before it ships.
"""

from __future__ import annotations

import asyncio
import os
import threading
import types
from collections.abc import Callable
from concurrent import futures
from inspect import isawaitable
from typing import Any, Final

from google.protobuf import struct_pb2

VERIFIED_SDK_VERSION: Final = "1.21.0"
"""The pulumi-policy release whose internals this module was checked against."""

MAX_ENTRIES: Final = 2_000_000
"""A safety bound per thread (a 10,000-resource stack needs about 80,000 entries)."""

_local = threading.local()


def _cache() -> dict[tuple[str, int], tuple[Any, Any]]:
    cache: dict[tuple[str, int], tuple[Any, Any]] | None = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    return cache


def _remember(step: str, value: Any, compute: Callable[[], Any]) -> Any:
    cache = _cache()
    key = (step, id(value))
    entry = cache.get(key)
    if entry is not None and entry[0] is value:
        return entry[1]
    result = compute()
    cache[key] = (value, result)
    if len(cache) > MAX_ENTRIES:
        cache.clear()
    return result


def clear() -> None:
    """Forget this thread's cached values."""
    _cache().clear()


class _JsonFormat:
    """Stands in for the ``json_format`` module inside ``pulumi_policy.policy``."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def MessageToDict(self, message: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - protobuf's name
        if args or kwargs or not isinstance(message, struct_pb2.Struct):
            return self._real.MessageToDict(message, *args, **kwargs)
        return _remember("dict", message, lambda: self._real.MessageToDict(message))


def _function(step: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def memoized(value: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            return function(value, *args, **kwargs)
        return _remember(step, value, lambda: function(value))

    memoized.__wrapped__ = function  # type: ignore[attr-defined]
    return memoized


_RUNTIME_ENVIRONMENT: Final = (
    "PULUMI_PROJECT",
    "PULUMI_STACK",
    "PULUMI_DRY_RUN",
    "PULUMI_ORGANIZATION",
    "PULUMI_CONFIG",
)
"""What the SDK configures its runtime settings from at the start of every request."""


def _starting_request(method: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Empty the cache, and configure the runtime settings once per thread for an unchanged environment.

    The SDK rebuilds ``pulumi.runtime.Settings`` (and inspects its signature) from the environment
    on every request; the settings live in context variables, which persist on a server thread, so
    rebuilding them from the same environment on the same thread sets the same values again.
    """

    def start(self: Any) -> Any:
        clear()
        environment = tuple(os.environ.get(name) for name in _RUNTIME_ENVIRONMENT)
        if getattr(_local, "configured_for", None) == environment:
            return None
        result = method(self)
        _local.configured_for = environment
        return result

    start.__wrapped__ = method  # type: ignore[attr-defined]
    return start


def _method(step: str, method: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def memoized(self: Any, request: Any) -> Any:
        return _remember(step, request, lambda: method(self, request))

    memoized.__wrapped__ = method  # type: ignore[attr-defined]
    return memoized


def applies_to(policy: Any, resource_type: str) -> bool:
    """Whether ``policy`` may report on a resource of ``resource_type`` (its own filter, if it has one)."""
    own_filter = getattr(policy, "applies_to", None)
    return own_filter is None or bool(own_filter(resource_type))


class ApplicablePolicies(list[Any]):
    """The servicer's policies; during ``Analyze`` on this thread, only those for the resource's type."""

    def __init__(self, policies: Any) -> None:
        super().__init__(policies)
        self._by_type: dict[str, list[Any]] = {}

    def __iter__(self) -> Any:
        resource_type = getattr(_local, "resource_type", None)
        if resource_type is None:
            return super().__iter__()
        applicable = self._by_type.get(resource_type)
        if applicable is None:
            applicable = [p for p in list.__iter__(self) if applies_to(p, resource_type)]
            self._by_type[resource_type] = applicable
        return iter(applicable)


def _with_applicable_policies(init: Callable[..., None]) -> Callable[..., None]:
    def wrapped(self: Any, name: str, version: str, policies: Any, *args: Any, **kwargs: Any) -> None:
        init(self, name, version, ApplicablePolicies(policies), *args, **kwargs)

    wrapped.__wrapped__ = init  # type: ignore[attr-defined]
    return wrapped


def _for_the_resource_type(analyze: Callable[[Any, Any, Any], Any]) -> Callable[[Any, Any, Any], Any]:
    def wrapped(self: Any, request: Any, context: Any) -> Any:
        _local.resource_type = request.type
        try:
            return analyze(self, request, context)
        finally:
            _local.resource_type = None

    wrapped.__wrapped__ = analyze  # type: ignore[attr-defined]
    return wrapped


SERVER_WORKERS: Final = 2
"""Threads serving analyzer requests (the SDK uses four)."""


def _server_executor(max_workers: int | None = None) -> futures.ThreadPoolExecutor:
    """Stands in for ``ThreadPoolExecutor`` where the SDK builds its server (it asks for four)."""
    return futures.ThreadPoolExecutor(max_workers=SERVER_WORKERS)


def _stack_resources(servicer: Any, sdk: Any, request: Any) -> list[Any]:
    """The request's resources as ``PolicyResource``s with parents and dependencies linked, once."""
    by_urn: dict[str, Any] = {}
    links: list[tuple[Any, Any]] = []
    for entry in request.resources:
        props = sdk.unknown_checking_proxy(sdk.deserialize_properties(sdk.json_format.MessageToDict(entry.properties)))
        resource = sdk.PolicyResource(
            entry.type,
            props,
            entry.urn,
            entry.name,
            servicer._get_resource_options(entry),
            servicer._get_provider_resource(entry),
            None,
            [],
            {},
        )
        by_urn[resource.urn] = resource
        links.append((resource, entry))
    for resource, entry in links:
        if entry.parent and entry.parent in by_urn:
            resource.parent = by_urn[entry.parent]
        resource.dependencies.extend(by_urn[urn] for urn in entry.dependencies if urn in by_urn)
        for key, urns in entry.propertyDependencies.items():
            resource.property_dependencies[key] = [by_urn[urn] for urn in urns.urns if urn in by_urn]
    return [resource for resource, _ in links]


def _analyze_stack_with_shared_resources(sdk: Any) -> Callable[[Any, Any, Any], Any]:
    """``AnalyzeStack`` as the SDK runs it, with the resource list built once for all stack policies."""
    level = sdk.EnforcementLevel

    def analyze_stack(self: Any, request: Any, _context: Any) -> Any:
        self._configure_runtime_settings()
        response = sdk.proto.AnalyzeResponse()
        resources: list[Any] | None = None
        for policy in self._PolicyAnalyzerServicer__policies:
            enforcement = self._get_enforcement_level(policy)
            if enforcement == level.DISABLED or not isinstance(policy, sdk.StackValidationPolicy):
                continue
            if enforcement == level.REMEDIATE:
                enforcement = level.MANDATORY
            report = self._create_report_violation(
                response, policy.name, policy.description, enforcement, policy.severity
            )
            if resources is None:
                resources = _stack_resources(self, sdk, request)
            args = sdk.StackValidationArgs(
                resources, self._get_policy_config(policy.name), self._PolicyAnalyzerServicer__stack_tags
            )
            try:
                result = policy.validate(args, report)
                if isawaitable(result):
                    loop = asyncio.new_event_loop()
                    try:
                        loop.run_until_complete(result)
                    finally:
                        loop.close()
            except sdk.UnknownValueError as error:
                response.diagnostics.append(_unknown_value_diagnostic(self, sdk, policy, error))
            except sdk._NotApplicableError as error:
                response.not_applicable.append(
                    sdk.proto.PolicyNotApplicable(policy_name=policy.name, reason=error.reason or "")
                )
        return response

    return analyze_stack


def _unknown_value_diagnostic(servicer: Any, sdk: Any, policy: Any, error: Any) -> Any:
    pack = servicer._PolicyAnalyzerServicer__policy_pack_name
    version = servicer._PolicyAnalyzerServicer__policy_pack_version
    return sdk.proto.AnalyzeDiagnostic(
        policyName=policy.name,
        policyPackName=pack,
        policyPackVersion=version,
        message=f"can't run policy '{policy.name}' from policy pack '{pack}@v{version}' during preview: "
        f"{error.message}",
        urn="",
        description=policy.description,
        enforcementLevel=servicer._map_enforcement_level(sdk.EnforcementLevel.ADVISORY),
    )


_SDK_NAMES: Final = (
    "json_format",
    "deserialize_properties",
    "unknown_checking_proxy",
    "PolicyResource",
    "StackValidationArgs",
    "StackValidationPolicy",
    "EnforcementLevel",
    "UnknownValueError",
    "_NotApplicableError",
    "proto",
    "futures",
)
_SERVICER_ATTRIBUTES: Final = (
    "_get_provider_resource",
    "_get_resource_options",
    "_configure_runtime_settings",
    "_get_enforcement_level",
    "_create_report_violation",
    "_get_policy_config",
    "_map_enforcement_level",
    "AnalyzeStack",
    "Analyze",
)


def sdk_is_verified() -> bool:
    """Whether the installed pulumi-policy is the release this module was checked against."""
    try:
        from pulumi_policy.version import VERSION
    except ImportError:
        return False
    return bool(VERSION == VERIFIED_SDK_VERSION)


def install() -> bool:
    """Memoize the SDK's per-policy rebuilding; ``True`` if installed (idempotent)."""
    if os.environ.get("PAVED_POLICY_FAST_PATH", "1") == "0" or not sdk_is_verified():
        return False
    from pulumi_policy import policy

    sdk: Any = policy  # the SDK's private module namespace, patched by name
    if getattr(sdk, "_paved_fast_path", False):
        return True
    servicer = getattr(sdk, "_PolicyAnalyzerServicer", None)
    if servicer is None or not all(hasattr(sdk, name) for name in _SDK_NAMES):
        return False
    if not all(callable(getattr(servicer, name, None)) for name in _SERVICER_ATTRIBUTES):
        return False
    servicer._configure_runtime_settings = _starting_request(servicer._configure_runtime_settings)
    servicer.__init__ = _with_applicable_policies(servicer.__init__)
    servicer.Analyze = _for_the_resource_type(servicer.Analyze)
    shared = _analyze_stack_with_shared_resources(sdk)
    shared.__wrapped__ = servicer.AnalyzeStack  # type: ignore[attr-defined]
    servicer.AnalyzeStack = shared
    sdk.json_format = _JsonFormat(sdk.json_format)
    sdk.deserialize_properties = _function("decoded", sdk.deserialize_properties)
    sdk.unknown_checking_proxy = _function("proxy", sdk.unknown_checking_proxy)
    for name in _SERVICER_ATTRIBUTES[:2]:
        setattr(servicer, name, _method(name, getattr(servicer, name)))
    sdk.futures = types.SimpleNamespace(ThreadPoolExecutor=_server_executor)
    sdk._paved_fast_path = True
    return True
