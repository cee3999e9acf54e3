"""The fast path memoizes the SDK's per-policy decoding without changing what policies see, and it is
tied to the one pulumi-policy release whose internals it was checked against."""

from __future__ import annotations

import hashlib
import inspect
import os
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from paved_policies import fast_path
from paved_policies.registry import policy_named
from paved_policies.testing import wire
from pulumi_policy import policy

sdk: Any = policy
POLICIES_DIR = Path(fast_path.__file__).resolve().parent.parent

SDK_INTERNALS = (
    "_PolicyAnalyzerServicer.__init__",
    "_PolicyAnalyzerServicer.Analyze",
    "_PolicyAnalyzerServicer.AnalyzeStack",
    "_PolicyAnalyzerServicer._configure_runtime_settings",
    "_PolicyAnalyzerServicer._get_resource_options",
    "_PolicyAnalyzerServicer._get_provider_resource",
    "_PolicyAnalyzerServicer._get_enforcement_level",
    "_PolicyAnalyzerServicer._create_report_violation",
    "_PolicyAnalyzerServicer._get_policy_config",
    "_PolicyAnalyzerServicer._map_enforcement_level",
    "PolicyPack.__init__",
    "PolicyResource.__init__",
    "StackValidationArgs.__init__",
)
"""What ``fast_path`` wraps, replaces or calls with the SDK's own arguments (pulumi_policy/policy.py)."""

VERIFIED_FINGERPRINT = "c6be4ecd3cc89c729b2b31d8bb5cf6c0122a17e6236bbb18ec027d2d6d2d93cd"
"""sha256 of the source of ``SDK_INTERNALS`` in pulumi-policy 1.21.0, when fast_path was last checked."""


def _source_fingerprint() -> str:
    digest = hashlib.sha256()
    for dotted in SDK_INTERNALS:
        owner, member = dotted.split(".")
        digest.update(inspect.getsource(_original(owner, member)).encode())
    return digest.hexdigest()


def _original(owner: str, member: str) -> Any:
    value = getattr(getattr(sdk, owner), member)
    while hasattr(value, "__wrapped__"):
        value = value.__wrapped__
    return value


def test_pulumi_policy_is_pinned_exactly_to_the_release_fast_path_was_checked_against() -> None:
    pins = re.findall(r"^pulumi-policy==(\S+)$", (POLICIES_DIR / "requirements.txt").read_text(), re.M)
    assert pins == [fast_path.VERIFIED_SDK_VERSION]
    assert version("pulumi-policy") == fast_path.VERIFIED_SDK_VERSION
    dev = (POLICIES_DIR.parent / "requirements-dev.txt").read_text()
    assert not re.search(r"^pulumi-policy\b", dev, re.M), "pin pulumi-policy in policies/requirements.txt only"


def test_the_sdk_internals_fast_path_relies_on_are_those_it_was_checked_against() -> None:
    assert _source_fingerprint() == VERIFIED_FINGERPRINT, (
        "pulumi-policy changed code that paved_policies/fast_path.py patches or copies: re-check fast_path against "
        "the new source, then update VERIFIED_SDK_VERSION, the pin in policies/requirements.txt and this fingerprint"
    )


def test_the_private_servicer_fields_fast_path_reads_are_still_set_by_the_sdk() -> None:
    init = inspect.getsource(_original("_PolicyAnalyzerServicer", "__init__"))
    for field in ("__policies", "__stack_tags", "__policy_pack_name", "__policy_pack_version"):
        assert f"self.{field} = " in init, field


def test_an_unverified_sdk_release_is_not_patched(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fast_path.sdk_is_verified() is True
    monkeypatch.setattr(fast_path, "VERIFIED_SDK_VERSION", "0.0.0")
    assert fast_path.sdk_is_verified() is False
    assert fast_path.install() is False


def test_install_is_idempotent_and_wraps_the_sdk_steps() -> None:
    assert fast_path.install() is True
    assert fast_path.install() is True
    assert sdk._paved_fast_path is True
    assert hasattr(sdk.deserialize_properties, "__wrapped__")
    assert hasattr(sdk._PolicyAnalyzerServicer._get_provider_resource, "__wrapped__")


def test_memoized_steps_return_the_same_values_as_the_sdk() -> None:
    from google.protobuf import json_format, struct_pb2
    from pulumi_policy.deserialize import deserialize_properties

    fast_path.install()
    struct = struct_pb2.Struct()
    struct.update({"a": 1, "b": {"c": ["x", None, True]}})
    first = sdk.json_format.MessageToDict(struct)
    assert first == json_format.MessageToDict(struct) == wire({"a": 1, "b": {"c": ["x", None, True]}})
    assert sdk.json_format.MessageToDict(struct) is first
    assert sdk.deserialize_properties(first) == deserialize_properties(first)
    fast_path.clear()
    assert sdk.json_format.MessageToDict(struct) is not first


def test_analyze_skips_exactly_the_policies_whose_own_type_filter_refuses_the_type() -> None:
    rds = policy_named("rds-instance-storage-encrypted")
    tags = policy_named("required-tags")
    assert fast_path.applies_to(rds, "aws:rds/instance:Instance") is True
    assert fast_path.applies_to(rds, "aws:s3/bucket:Bucket") is False
    assert fast_path.applies_to(tags, "aws:s3/bucket:Bucket") is True
    assert fast_path.applies_to(object(), "aws:s3/bucket:Bucket") is True, "a policy without a filter always runs"


def test_the_fast_path_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(os.environ, "PAVED_POLICY_FAST_PATH", "0")
    assert fast_path.install() is False


def test_a_changed_sdk_internal_changes_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    def get_policy_config(self: Any, name: str) -> None:
        del self, name

    monkeypatch.setattr(sdk._PolicyAnalyzerServicer, "_get_policy_config", get_policy_config)
    assert _source_fingerprint() != VERIFIED_FINGERPRINT
