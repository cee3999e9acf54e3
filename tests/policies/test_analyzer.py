"""tools.analyzer drives the pack through the analyzer gRPC interface as the CLI does, and always
stops it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from paved_policies.registry import all_policies

from bench.synthetic import synthetic_export
from tools import POLICY_PACK_DIR
from tools.analyzer import (
    Analyzer,
    AnalyzerError,
    AnalyzerResource,
    ProviderRef,
    resources_from_registrations,
)
from tools.policy_config import PolicySetting, read_policy_config, settings_of
from tools.policy_reconcile import configuration
from tools.program import ProgramRun
from tools.readers import snapshot_from_document

RDS = "aws:rds/instance:Instance"
TAGS = json.dumps({"tags": {"environment": "dev", "project": "paved", "owner": "o", "cost-center": "c"}})
PROVIDER = ProviderRef(
    type="pulumi:providers:aws",
    name="aws",
    urn="urn:pulumi:dev::paved::pulumi:providers:aws::aws",
    properties={"region": "us-east-1", "defaultTags": TAGS},
)


def rds(name: str, **props: object) -> AnalyzerResource:
    return AnalyzerResource(
        urn=f"urn:pulumi:dev::paved::{RDS}::{name}",
        type=RDS,
        name=name,
        properties=props,
        provider=PROVIDER,
        protect=True,
    )


def configure(pack: Analyzer, document: Mapping[str, object]) -> dict[str, PolicySetting]:
    """The policy config ``document`` reconciled and sent as the CLI sends it; what ``Configure`` received."""
    settings = configuration(pack.info(), settings_of(document), pack_path="policies")
    pack.configure(settings)
    return settings


def synthetic_resources(count: int) -> list[AnalyzerResource]:
    """The benchmark's synthetic stack (``bench/synthetic.py``) as the analyzer receives it."""
    snapshot = snapshot_from_document(Path("synthetic.json"), synthetic_export(count, stack="dev"))
    return resources_from_registrations(snapshot.resources)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split(")")[-1].split()[0] == "Z")


@pytest.fixture(scope="module")
def pack() -> Iterator[Analyzer]:
    with Analyzer() as analyzer:
        analyzer.configure_stack(stack="dev", project="paved")
        yield analyzer


def test_pack_prints_its_port_and_describes_every_policy(pack: Analyzer) -> None:
    info = pack.info()
    assert info.name == "paved"
    assert pack.port > 0 and pack.startup_seconds < 5
    assert list(info.policies) == [policy.name for policy in all_policies()]
    encrypted = info.policies["rds-instance-storage-encrypted"]
    assert (encrypted.enforcement, encrypted.category, encrypted.kind) == (
        "mandatory",
        "encryption-at-rest",
        "resource",
    )
    assert info.policies["s3-bucket-versioning-enabled"].kind == "stack"
    assert encrypted.config_schema is not None
    assert set(encrypted.config_schema["properties"]) == {"exemptions", "enforcementLevel"}
    assert info.version == "0.1.0", "the CLI takes the version from PulumiPolicy.yaml"


def test_analyze_reports_a_violation_with_policy_level_urn_type_severity_and_category(pack: Analyzer) -> None:
    configure(pack, {})
    found = [
        v
        for v in pack.analyze(rds("db", engine="postgres", engineVersion="16.6"))
        if v.policy == "rds-instance-storage-encrypted"
    ]
    assert len(found) == 1
    violation = found[0]
    assert violation.enforcement == "mandatory"
    assert violation.urn == "urn:pulumi:dev::paved::aws:rds/instance:Instance::db"
    assert violation.resource_type == RDS
    assert violation.severity == "high" and violation.category == "encryption-at-rest"
    assert violation.message == "RDS instance storage is not encrypted (storageEncrypted defaults to false)."


def test_config_overrides_enforcement_per_policy_and_for_all(pack: Analyzer) -> None:
    configure(pack, {"rds-instance-storage-encrypted": "advisory"})
    levels = {v.policy: v.enforcement for v in pack.analyze(rds("db", engine="postgres", engineVersion="16.6"))}
    assert levels["rds-instance-storage-encrypted"] == "advisory"
    configure(pack, {"all": "disabled", "deletion-protection-enabled": {"enforcementLevel": "mandatory"}})
    levels = {v.policy: v.enforcement for v in pack.analyze(rds("db", engine="postgres", engineVersion="16.6"))}
    assert levels == {"deletion-protection-enabled": "mandatory"}


def test_configure_sends_schema_defaults_then_given_properties(pack: Analyzer) -> None:
    sent = configure(pack, {"backup-retention-minimum": {"minimumDays": 14}})
    assert sent["backup-retention-minimum"] == PolicySetting("advisory", {"minimumDays": 14})
    assert sent["required-tags"] == PolicySetting(
        "advisory", {"requiredTags": ["environment", "project", "owner", "cost-center"]}
    )


def test_every_repo_policy_config_is_accepted_as_the_cli_accepts_it(pack: Analyzer) -> None:
    sent: dict[str, dict[str, PolicySetting]] = {}
    for path in sorted((POLICY_PACK_DIR / "config").glob("*.json")):
        sent[path.stem] = configuration(pack.info(), read_policy_config(path).settings, pack_path="policies")
        pack.configure(sent[path.stem])
    assert {"dev", "prod"} <= set(sent) and len(sent) >= 7
    assert sent["dev"]["required-tags"].level == sent["prod"]["required-tags"].level == "mandatory"
    assert (sent["dev"]["stateful-resource-protected"].level, sent["prod"]["stateful-resource-protected"].level) == (
        "disabled",
        "mandatory",
    )


def test_exemptions_end_to_end_active_listed_as_advisory_and_expired_as_mandatory() -> None:
    config = {
        "rds-instance-storage-encrypted": {
            "exemptions": [
                {"name": "legacy-*", "reason": "OPS-42 migration", "expires": "2999-12-31"},
                {
                    "urn": "urn:pulumi:dev::paved::aws:rds/instance:Instance::old",
                    "reason": "OPS-7",
                    "expires": "2001-01-01",
                },
            ]
        }
    }
    resources = [rds("legacy-db"), rds("old", storageEncrypted=True)]
    with Analyzer() as analyzer:
        configure(analyzer, config)
        analyzer.configure_stack(stack="dev", project="paved")
        found = analyzer.analyze_all(resources)
    encrypted = [v for v in found if v.policy == "rds-instance-storage-encrypted"]
    assert [(v.urn.rsplit("::", 1)[-1], v.enforcement) for v in encrypted] == [("old", "mandatory")]
    assert "expired" in encrypted[0].message
    listed = [v for v in found if v.policy == "policy-exemptions"]
    assert [(v.urn.rsplit("::", 1)[-1], v.enforcement) for v in listed] == [("legacy-db", "advisory")]
    assert "OPS-42 migration" in listed[0].message


def test_analyze_stack_sees_parents_dependencies_and_property_dependencies(pack: Analyzer) -> None:
    configure(pack, {})
    bucket = AnalyzerResource(
        urn="urn:pulumi:dev::paved::aws:s3/bucket:Bucket::data", type="aws:s3/bucket:Bucket", name="data", properties={}
    )
    sse = AnalyzerResource(
        urn="urn:pulumi:dev::paved::aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::sse",
        type="aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        name="sse",
        properties={
            "bucket": "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
            "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}}],
        },
        dependencies=[bucket.urn],
        property_dependencies={"bucket": [bucket.urn]},
    )
    policies = {v.policy for v in pack.analyze_stack([bucket, sse])}
    assert "s3-bucket-encrypted-with-kms" not in policies
    assert "s3-bucket-encrypted-with-kms" in {v.policy for v in pack.analyze_stack([bucket])}


def test_process_is_stopped_after_the_block_and_after_an_exception() -> None:
    with Analyzer() as analyzer:
        pid = analyzer.pid
        assert pid is not None and alive(pid)
    assert not alive(pid)
    with pytest.raises(RuntimeError), Analyzer() as analyzer:
        pid = analyzer.pid
        raise RuntimeError("boom")
    assert pid is not None and not alive(pid)


def test_process_is_stopped_on_keyboard_interrupt() -> None:
    with pytest.raises(KeyboardInterrupt), Analyzer() as analyzer:
        pid = analyzer.pid
        raise KeyboardInterrupt
    assert pid is not None and not alive(pid)


def test_a_pack_that_never_prints_a_port_times_out_and_is_stopped(tmp_path: Path) -> None:
    (tmp_path / "__main__.py").write_text(
        "import os, time\nprint(os.getpid(), file=open('pid', 'w'))\ntime.sleep(60)\n"
    )
    with pytest.raises(AnalyzerError, match="printed no port within 1 s"):
        Analyzer(tmp_path, startup_timeout=1).start()
    pid = int((tmp_path / "pid").read_text())
    assert not alive(pid)


def test_a_pack_that_fails_to_start_reports_its_error(tmp_path: Path) -> None:
    (tmp_path / "__main__.py").write_text("raise SystemExit('policy pack exploded')\n")
    with pytest.raises(AnalyzerError, match="policy pack exploded"):
        Analyzer(tmp_path, startup_timeout=10).start()


def test_pack_start_up_loads_no_heavy_data() -> None:
    """The IAM action database and the taggable-types file load on first use, not at start."""
    probe = (
        "import sys; sys.path.insert(0, '.');"
        "from paved_policies.registry import all_policies; all_policies();"
        "import paved_policies.sdk_types as s;"
        "print('policy_sentry' in ' '.join(sys.modules), s.taggable_types.cache_info().currsize)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=POLICY_PACK_DIR, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "0"]


def test_fast_path_gives_exactly_the_violations_of_the_sdk_alone(prod: ProgramRun) -> None:
    resources = [*synthetic_resources(120), rds("plain"), rds("public", publiclyAccessible=True)]
    resources += resources_from_registrations(prod.resources)
    resources.append(
        AnalyzerResource(
            urn="urn:pulumi:dev::paved::aws:s3/bucket:Bucket::lonely",
            type="aws:s3/bucket:Bucket",
            name="lonely",
            properties={},
        )
    )
    found = {}
    for fast in ("1", "0"):
        with Analyzer(env={"PAVED_POLICY_FAST_PATH": fast}) as analyzer:
            configure(analyzer, {})
            analyzer.configure_stack(stack="dev", project="paved")
            found[fast] = sorted((v.policy, v.urn, v.enforcement, v.message) for v in analyzer.analyze_all(resources))
    assert found["1"] == found["0"]
    policies = {policy for policy, *_ in found["1"]}
    assert "database-not-publicly-accessible" in policies, "a resource policy fired"
    assert "s3-bucket-public-access-block" in policies, "a stack policy fired (the lonely bucket)"


def test_analyze_each_keeps_the_order_and_matches_single_calls(pack: Analyzer) -> None:
    configure(pack, {})
    resources = [rds(f"db{index}", publiclyAccessible=index % 2 == 0) for index in range(12)]
    one_by_one = [v for resource in resources for v in pack.analyze(resource)]
    assert pack.analyze_each(resources, in_flight=5) == one_by_one


def test_pack_exits_when_the_driver_is_killed_outright(tmp_path: Path) -> None:
    driver = (
        "import sys, time; sys.path.insert(0, '.');"
        "from tools.analyzer import Analyzer;"
        "pack = Analyzer(); pack.start(); print(pack.pid, flush=True); time.sleep(60)"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", driver], cwd=POLICY_PACK_DIR.parent, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        pid = int(process.stdout.readline())
        assert alive(pid)
        process.kill()
        process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(pid)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def test_pack_starts_the_way_the_python_language_host_runs_it() -> None:
    """``python -m pulumi.policy <engine> <pack dir>`` runs ``__main__.py`` with the pack dir on the path."""
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "pulumi.policy", "127.0.0.1:1", "."],
        cwd=POLICY_PACK_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip().isdigit()
    finally:
        process.kill()
        process.wait(timeout=10)


def test_a_pack_stopped_between_printing_its_port_and_serving_fails_the_start_at_once() -> None:
    import grpc

    analyzer = Analyzer(startup_timeout=30)
    finished = subprocess.Popen(["true"])
    finished.wait()
    analyzer._process = finished
    channel = grpc.insecure_channel("127.0.0.1:9")  # nothing serves there: the channel never gets ready
    started = time.perf_counter()
    try:
        with pytest.raises(AnalyzerError, match="exited before serving"):
            analyzer._wait_until_serving(channel, started)
    finally:
        channel.close()
        analyzer._process = None
    assert time.perf_counter() - started < 2, "a stopped pack ends the start, not the 30 s start-up timeout"
