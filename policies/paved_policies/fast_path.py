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
``args.props``). ``install`` changes nothing if the SDK does not look as expected, or when
``PAVED_POLICY_FAST_PATH=0``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any, Final

from google.protobuf import struct_pb2

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


def _starting_request(method: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def start(self: Any) -> Any:
        clear()
        return method(self)

    start.__wrapped__ = method  # type: ignore[attr-defined]
    return start


def _method(step: str, method: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def memoized(self: Any, request: Any) -> Any:
        return _remember(step, request, lambda: method(self, request))

    memoized.__wrapped__ = method  # type: ignore[attr-defined]
    return memoized


def install() -> bool:
    """Memoize the SDK's per-policy rebuilding; ``True`` if installed (idempotent)."""
    if os.environ.get("PAVED_POLICY_FAST_PATH", "1") == "0":
        return False
    try:
        from pulumi_policy import policy
    except ImportError:
        return False
    sdk: Any = policy  # the SDK's private module namespace, patched by name
    if getattr(sdk, "_paved_fast_path", False):
        return True
    servicer = getattr(sdk, "_PolicyAnalyzerServicer", None)
    functions = ("json_format", "deserialize_properties", "unknown_checking_proxy")
    methods = ("_get_provider_resource", "_get_resource_options", "_configure_runtime_settings")
    if servicer is None or not all(hasattr(sdk, name) for name in functions):
        return False
    if not all(callable(getattr(servicer, name, None)) for name in methods):
        return False
    servicer._configure_runtime_settings = _starting_request(servicer._configure_runtime_settings)
    sdk.json_format = _JsonFormat(sdk.json_format)
    sdk.deserialize_properties = _function("decoded", sdk.deserialize_properties)
    sdk.unknown_checking_proxy = _function("proxy", sdk.unknown_checking_proxy)
    for name in methods[:2]:
        setattr(servicer, name, _method(name, getattr(servicer, name)))
    sdk._paved_fast_path = True
    return True
