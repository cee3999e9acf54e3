"""S3 buckets, as specified for dev and prod: encrypted, private, TLS-only, lifecycle-managed, logged, versioned."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from components.bucket_policy import deny_insecure_transport, deny_outdated_tls
from tests.conftest import run_config, stack_yaml_config
from tests.data.support import (
    BUCKET,
    BUCKET_PARTS,
    BUCKET_POLICY,
    ENCRYPTION,
    LIFECYCLE,
    LOGGING,
    OWNERSHIP,
    PUBLIC_ACCESS_BLOCK,
    VERSIONING,
    bucket,
    data_of_type,
    key_arn,
    part,
    policy_statements,
    statement,
)
from tools.program import ProgramError, ProgramRun, run_program
from tools.stack_files import raw_config_from_mapping

BUCKETS = ("assets", "uploads", "logs")
RUN_BUCKETS = [(run, name) for run in ("dev", "prod") for name in BUCKETS]
PROGRAMS = Path(__file__).parent / "programs"


def the_run(run_name: str, request: pytest.FixtureRequest) -> ProgramRun:
    run: ProgramRun = request.getfixturevalue(run_name)
    return run


def rule(run: ProgramRun, config_name: str, rule_id: str) -> dict[str, Any]:
    rules = part(run, LIFECYCLE, config_name).inputs["rules"]
    (found,) = [r for r in rules if r["id"] == rule_id]
    assert isinstance(found, dict)
    return found


def rule_ids(run: ProgramRun, config_name: str) -> list[str]:
    return [r["id"] for r in part(run, LIFECYCLE, config_name).inputs["rules"]]


# --- one bucket per config entry ------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_one_bucket_per_config_entry_auto_named_and_never_force_destroyed(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    buckets = data_of_type(run, BUCKET)
    assert sorted(b.name for b in buckets) == ["data-assets", "data-logs", "data-uploads"]
    for b in buckets:
        assert b.inputs == {}, "no physical name, no inline settings, no forceDestroy"


@pytest.mark.parametrize("run_name, config_name", RUN_BUCKETS)
def test_public_access_is_blocked_with_all_four_settings(
    run_name: str, config_name: str, request: pytest.FixtureRequest
) -> None:
    block = part(the_run(run_name, request), PUBLIC_ACCESS_BLOCK, config_name)
    assert {k: v for k, v in block.inputs.items() if k != "bucket"} == {
        "blockPublicAcls": True,
        "blockPublicPolicy": True,
        "ignorePublicAcls": True,
        "restrictPublicBuckets": True,
    }


@pytest.mark.parametrize("run_name, config_name", RUN_BUCKETS)
def test_acls_are_disabled_by_bucket_owner_enforced(
    run_name: str, config_name: str, request: pytest.FixtureRequest
) -> None:
    ownership = part(the_run(run_name, request), OWNERSHIP, config_name)
    assert ownership.inputs["rule"] == {"objectOwnership": "BucketOwnerEnforced"}


@pytest.mark.parametrize("run_name, config_name", [(r, n) for r, n in RUN_BUCKETS if n != "logs"])
def test_data_buckets_use_sse_kms_with_the_stack_key_and_a_bucket_key(
    run_name: str, config_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    (rule_,) = part(run, ENCRYPTION, config_name).inputs["rules"]
    assert rule_["applyServerSideEncryptionByDefault"] == {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": key_arn(run)}
    assert rule_["bucketKeyEnabled"] is True
    assert rule_["blockedEncryptionTypes"] == ["SSE-C"]


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_logs_bucket_uses_sse_s3_because_s3_access_logs_and_alb_logs_cannot_use_kms(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    (rule_,) = part(the_run(run_name, request), ENCRYPTION, "logs").inputs["rules"]
    assert rule_["applyServerSideEncryptionByDefault"] == {"sseAlgorithm": "AES256"}
    assert "bucketKeyEnabled" not in rule_
    assert rule_["blockedEncryptionTypes"] == ["SSE-C"]


# --- versioning and protection --------------------------------------------------------------------


def test_dev_versions_the_bucket_holding_user_data_only(dev: ProgramRun) -> None:
    assert part(dev, VERSIONING, "uploads").inputs["versioningConfiguration"] == {"status": "Enabled"}
    versioned = {r.inputs["bucket"] for r in data_of_type(dev, VERSIONING)}
    assert versioned == {bucket(dev, "uploads").outputs["bucket"]}


def test_prod_versions_every_bucket(prod: ProgramRun) -> None:
    for name in BUCKETS:
        assert part(prod, VERSIONING, name).inputs["versioningConfiguration"] == {"status": "Enabled"}


def test_a_protected_stack_versions_buckets_its_config_leaves_unset() -> None:
    config = stack_yaml_config("prod")
    for entry in config["paved:data"]["buckets"]:
        entry.pop("versioning", None)
    run = run_config(config)
    assert len(data_of_type(run, VERSIONING)) == 3


def test_prod_buckets_and_their_settings_are_retained_when_deleted(prod: ProgramRun) -> None:
    resources = data_of_type(prod, BUCKET) + [r for t in BUCKET_PARTS for r in data_of_type(prod, t)]
    # the logs bucket does not log to itself; the assets bucket's policy is the cdn tier's
    assert len(resources) == 3 + 3 * 7 - 2
    assert all(r.retain_on_delete for r in resources)


def test_prod_buckets_are_protected_from_deletion_and_replacement(prod: ProgramRun) -> None:
    assert [r.protect for r in data_of_type(prod, BUCKET)] == [True, True, True]


def test_dev_buckets_are_deleted_with_the_stack(dev: ProgramRun) -> None:
    assert not any(r.retain_on_delete or r.protect for r in data_of_type(dev, BUCKET))


# --- TLS-only bucket policies ---------------------------------------------------------------------


@pytest.mark.parametrize("run_name, config_name", RUN_BUCKETS)
def test_every_bucket_policy_denies_requests_without_tls_1_2(
    run_name: str, config_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    arn = bucket(run, config_name).outputs["arn"]
    statements = policy_statements(run, config_name)
    assert statements[0] == deny_insecure_transport(arn)
    assert statements[1] == deny_outdated_tls(arn)
    assert statements[0]["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    assert statements[0]["Resource"] == [arn, f"{arn}/*"]


@pytest.mark.parametrize("run_name, config_name", RUN_BUCKETS)
def test_no_bucket_policy_allows_anyone(run_name: str, config_name: str, request: pytest.FixtureRequest) -> None:
    for statement_ in policy_statements(the_run(run_name, request), config_name):
        if statement_["Effect"] == "Allow":
            assert statement_["Principal"] != "*"
            assert "*" not in statement_["Principal"].values()


def test_data_buckets_grant_nothing_beyond_tls(dev: ProgramRun) -> None:
    for name in ("uploads",):  # the assets bucket's policy is the cdn tier's (tests/cdn)
        assert [s["Sid"] for s in policy_statements(dev, name)] == ["DenyInsecureTransport", "DenyOutdatedTls"]


def policy_elsewhere(buckets: str) -> ProgramRun:
    """The tiers up to data for dev's config, leaving ``buckets``' policies to another tier."""
    config = {**stack_yaml_config("dev"), "fixture:policyElsewhere": buckets}
    return run_program(
        raw_config_from_mapping(config, stack="dev"), stack="dev", program=PROGRAMS / "policy_elsewhere.py"
    )


def test_a_bucket_whose_policy_another_tier_writes_gets_none_from_the_data_tier() -> None:
    run = policy_elsewhere("assets")
    targets = {r.inputs["bucket"] for r in run.of_type(BUCKET_POLICY)}
    assert targets == {bucket(run, "uploads").outputs["bucket"], bucket(run, "logs").outputs["bucket"]}
    assert part(run, PUBLIC_ACCESS_BLOCK, "assets").inputs["blockPublicPolicy"] is True


def test_the_logs_bucket_policy_cannot_be_left_to_another_tier() -> None:
    with pytest.raises(ProgramError, match="the logs bucket 'logs' carries the log delivery grants"):
        policy_elsewhere("logs")


def test_unknown_buckets_cannot_be_left_to_another_tier() -> None:
    with pytest.raises(
        ProgramError, match=r"policy_managed_elsewhere names buckets that are not configured: \['cdn'\]"
    ):
        policy_elsewhere("cdn")


# --- the logs bucket and its deliveries ----------------------------------------------------------


@pytest.mark.parametrize("run_name, config_name", [(r, n) for r, n in RUN_BUCKETS if n != "logs"])
def test_buckets_send_server_access_logs_to_the_logs_bucket_under_their_own_prefix(
    run_name: str, config_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    logging = part(run, LOGGING, config_name)
    assert logging.inputs["targetBucket"] == bucket(run, "logs").outputs["bucket"]
    assert logging.inputs["targetPrefix"] == f"s3-access/{config_name}/"
    assert logging.inputs["targetObjectKeyFormat"] == {"partitionedPrefix": {"partitionDateSource": "EventTime"}}


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_access_logging_starts_once_the_logs_bucket_policy_admits_s3(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    logs_policy = part(run, BUCKET_POLICY, "logs")
    for name in ("assets", "uploads"):
        assert logs_policy.urn in part(run, LOGGING, name).dependencies


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_the_logs_bucket_does_not_log_to_itself(run_name: str, request: pytest.FixtureRequest) -> None:
    run = the_run(run_name, request)
    logs = bucket(run, "logs").outputs["bucket"]
    assert [r for r in data_of_type(run, LOGGING) if r.inputs["bucket"] == logs] == []


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_s3_may_write_access_logs_for_this_accounts_buckets_only(run_name: str, request: pytest.FixtureRequest) -> None:
    run = the_run(run_name, request)
    logs_arn = bucket(run, "logs").outputs["arn"]
    grant = statement(policy_statements(run, "logs"), "S3ServerAccessLogsWrite")
    assert grant["Principal"] == {"Service": "logging.s3.amazonaws.com"}
    assert grant["Action"] == "s3:PutObject"
    assert grant["Resource"] == f"{logs_arn}/s3-access/*"
    assert grant["Condition"] == {
        "ArnLike": {"aws:SourceArn": [bucket(run, "assets").outputs["arn"], bucket(run, "uploads").outputs["arn"]]},
        "StringEquals": {"aws:SourceAccount": "123456789012"},
    }


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_cloudfront_standard_logs_v2_may_write_under_cloudfront_when_the_cdn_is_on(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    logs_arn = bucket(run, "logs").outputs["arn"]
    statements = policy_statements(run, "logs")
    write = statement(statements, "CloudFrontLogsWrite")
    assert write["Principal"] == {"Service": "delivery.logs.amazonaws.com"}
    assert write["Resource"] == f"{logs_arn}/cloudfront/*"
    assert write["Condition"] == {
        "StringEquals": {"aws:SourceAccount": "123456789012", "s3:x-amz-acl": "bucket-owner-full-control"},
        "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:delivery-source:*"},
    }
    acl_check = statement(statements, "CloudFrontLogsAclCheck")
    assert (acl_check["Action"], acl_check["Resource"]) == ("s3:GetBucketAcl", logs_arn)


def test_alb_logs_are_granted_only_where_the_stack_runs_containers(dev: ProgramRun, prod: ProgramRun) -> None:
    assert [s["Sid"] for s in policy_statements(dev, "logs") if s["Sid"].startswith("Alb")] == []
    logs_arn = bucket(prod, "logs").outputs["arn"]
    statements = policy_statements(prod, "logs")
    service = statement(statements, "AlbLogsWrite")
    regional = statement(statements, "AlbLogsWriteRegionalElbAccount")
    assert service["Principal"] == {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"}
    assert regional["Principal"] == {"AWS": "arn:aws:iam::127311923021:root"}
    for grant in (service, regional):
        assert grant["Action"] == "s3:PutObject"
        assert grant["Resource"] == f"{logs_arn}/alb/AWSLogs/123456789012/*"


def test_a_stack_without_cdn_grants_cloudfront_nothing() -> None:
    config = stack_yaml_config("dev")
    config["paved:cdn"]["enabled"] = False
    sids = [s["Sid"] for s in policy_statements(run_config(config), "logs")]
    assert sids == ["DenyInsecureTransport", "DenyOutdatedTls", "S3ServerAccessLogsWrite"]


# --- lifecycle ------------------------------------------------------------------------------------


@pytest.mark.parametrize("run_name, config_name", RUN_BUCKETS)
def test_incomplete_multipart_uploads_are_aborted_after_seven_days(
    run_name: str, config_name: str, request: pytest.FixtureRequest
) -> None:
    abort = rule(the_run(run_name, request), config_name, "abort-incomplete-multipart-uploads")
    assert abort == {
        "id": "abort-incomplete-multipart-uploads",
        "status": "Enabled",
        "filter": {"prefix": ""},
        "abortIncompleteMultipartUpload": {"daysAfterInitiation": 7},
    }


def test_temporary_prefixes_expire(dev: ProgramRun, prod: ProgramRun) -> None:
    assert rule(dev, "uploads", "temporary-tmp") == {
        "id": "temporary-tmp",
        "status": "Enabled",
        "filter": {"prefix": "tmp/"},
        "expiration": {"days": 1},
        "noncurrentVersionExpiration": {"noncurrentDays": 1},
    }
    assert rule(prod, "uploads", "temporary-tmp")["expiration"] == {"days": 1}


def test_each_temporary_prefix_gets_its_own_rule() -> None:
    config = stack_yaml_config("dev")
    config["paved:data"]["buckets"][1]["temporaryPrefixes"] = ["tmp/", "tmp/exports/", "scratch/"]
    config["paved:data"]["buckets"][1]["temporaryExpirationDays"] = 3
    run = run_config(config)
    temporary = [r for r in part(run, LIFECYCLE, "uploads").inputs["rules"] if r["id"].startswith("temporary-")]
    assert [(r["id"], r["filter"], r["expiration"]) for r in temporary] == [
        ("temporary-tmp", {"prefix": "tmp/"}, {"days": 3}),
        ("temporary-tmp/exports", {"prefix": "tmp/exports/"}, {"days": 3}),
        ("temporary-scratch", {"prefix": "scratch/"}, {"days": 3}),
    ]


def test_transitions_and_expiry_follow_the_config(dev: ProgramRun, prod: ProgramRun) -> None:
    assert rule(dev, "logs", "current-versions")["expiration"] == {"days": 30}
    assert "transitions" not in rule(dev, "logs", "current-versions")
    assert rule(prod, "logs", "current-versions")["transitions"] == [{"days": 30, "storageClass": "GLACIER_IR"}]
    assert rule(prod, "logs", "current-versions")["expiration"] == {"days": 365}
    assert rule(prod, "uploads", "current-versions")["transitions"] == [{"days": 30, "storageClass": "STANDARD_IA"}]
    assert "expiration" not in rule(prod, "uploads", "current-versions")
    assert "current-versions" not in rule_ids(dev, "assets")


def test_old_versions_expire_only_where_buckets_are_versioned(dev: ProgramRun, prod: ProgramRun) -> None:
    assert rule(dev, "uploads", "noncurrent-versions")["noncurrentVersionExpiration"] == {"noncurrentDays": 90}
    assert "noncurrent-versions" not in rule_ids(dev, "assets")
    assert "noncurrent-versions" not in rule_ids(dev, "logs")
    assert all("noncurrent-versions" in rule_ids(prod, name) for name in BUCKETS)


# --- ordering and outputs -------------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_bucket_settings_are_applied_one_at_a_time_and_lifecycle_after_versioning(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    chain = [bucket(run, "uploads")] + [part(run, t, "uploads") for t in BUCKET_PARTS]
    for previous, current in itertools.pairwise(chain):
        assert previous.urn in current.dependencies, f"{current.name} waits for {previous.name}"


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_outputs_give_bucket_names_arns_and_domains_by_config_name(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    exported = run.outputs["data"]["buckets"]
    assert set(exported) == set(BUCKETS)
    for name in BUCKETS:
        resource = bucket(run, name)
        assert exported[name] == {
            "purpose": name,
            "name": resource.outputs["bucket"],
            "arn": resource.outputs["arn"],
            "regionalDomainName": f"{resource.outputs['bucket']}.s3.us-east-1.amazonaws.com",
        }
