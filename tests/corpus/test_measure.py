"""The measurement: how findings are matched to labels, and that the pack survives the corpus.

No recall threshold is asserted here (``test_recall_encryption.py`` asserts the encryption categories');
these tests pin the scoring rules on small hand-made fixtures, and that no policy raises on any corpus
resource."""

from __future__ import annotations

from collections import defaultdict

from tools.corpus.fixtures import Fixture, Resource, Scenario, load_corpus
from tools.corpus.measure import (
    Run,
    hinges_on_unknown,
    leaves_unset,
    not_expressible,
    render_json,
    render_text,
    run_pack,
    score,
)

COMMIT = "0" * 40


def _fixture(*resources: Resource, rule: str = "CKV_AWS_21") -> Fixture:
    return Fixture("checkov", "bridgecrewio/checkov", COMMIT, rule, [Scenario("s", ["main.tf"], list(resources))])


def _bucket(name: str = "aws_s3_bucket.b", **fields: object) -> Resource:
    resource = Resource(name, "aws:s3/bucket:Bucket", "aws_s3_bucket", {"bucket": "b"})
    for key, value in fields.items():
        setattr(resource, key, value)
    return resource


def _run(findings: dict[str, set[str]]) -> Run:
    run = Run(categories={"s3-bucket-versioning-enabled": "data-protection", "s3-bucket-access-logs": "logging"})
    run.findings = defaultdict(set, {("checkov/CKV_AWS_21", "s", name): set(found) for name, found in findings.items()})
    return run


def test_a_label_found_by_an_equivalent_policy_counts_as_matching() -> None:
    fixture = _fixture(_bucket(fails=["CKV_AWS_21"], expected="fail"))
    scores = score([fixture], _run({"aws_s3_bucket.b": {"s3-bucket-versioning-enabled"}}))
    tally = scores.all_labels["data-protection"]
    assert (tally.labelled, tally.matching, tally.category) == (1, 1, 1)
    assert scores.suite_labels["checkov: data-protection"].matching == 1


def test_a_label_found_only_by_another_policy_of_its_category_counts_for_the_category() -> None:
    fixture = _fixture(_bucket(fails=["CKV_AWS_21"]))
    scores = score([fixture], _run({"aws_s3_bucket.b": {"s3-bucket-access-logs"}}))
    tally = scores.all_labels["data-protection"]
    assert (tally.labelled, tally.matching, tally.category) == (1, 0, 0)
    logging = _fixture(_bucket(fails=["CKV_AWS_18"]), rule="CKV_AWS_18")
    run = _run({"aws_s3_bucket.b": {"s3-bucket-access-logs"}})
    run.findings = defaultdict(set, {("checkov/CKV_AWS_18", "s", "aws_s3_bucket.b"): {"s3-bucket-access-logs"}})
    assert score([logging], run).all_labels["logging"].matching == 1


def test_a_finding_on_a_resource_that_depends_on_the_labelled_one_counts_for_it() -> None:
    versioning = Resource(
        "aws_s3_bucket_versioning.v",
        "aws:s3/bucketVersioning:BucketVersioning",
        "aws_s3_bucket_versioning",
        {"bucket": "b"},
        {"bucket": ["aws_s3_bucket.b"]},
        ["aws_s3_bucket.b"],
    )
    fixture = _fixture(_bucket(fails=["CKV_AWS_21"]), versioning)
    scores = score([fixture], _run({"aws_s3_bucket_versioning.v": {"s3-bucket-versioning-enabled"}}))
    assert scores.all_labels["data-protection"].matching == 1


def test_a_finding_an_equivalent_rule_passed_is_contradicted_and_on_a_clean_resource_counted() -> None:
    fixture = _fixture(_bucket(passes=["CKV_AWS_21"], expected="pass"))
    scores = score([fixture], _run({"aws_s3_bucket.b": {"s3-bucket-versioning-enabled"}}))
    assert scores.contradicted["s3-bucket-versioning-enabled"] == 1
    assert scores.on_clean["s3-bucket-versioning-enabled"] == 1
    assert scores.clean == 1


def test_rules_that_are_not_security_relevant_are_not_counted() -> None:
    fixture = _fixture(_bucket(fails=["CKV_AWS_144"]))
    scores = score([fixture], _run({}))
    assert sum(tally.labelled for tally in scores.all_labels.values()) == 0


def test_a_label_restating_a_changed_aws_default_is_counted_apart_only_when_the_setting_is_unset() -> None:
    unset = _bucket(fails=["CKV_AWS_19"])
    disabled = _bucket("aws_s3_bucket.c", fails=["CKV_AWS_19"])
    disabled.properties["serverSideEncryptionConfiguration"] = {"rule": {}}
    rule = {"types": {"aws:s3/bucket:Bucket": ["serverSideEncryptionConfiguration.rule"]}}
    assert leaves_unset(rule, unset) and not leaves_unset(rule, disabled)
    scores = score([_fixture(unset, disabled, rule="CKV_AWS_19")], _run({}))
    assert scores.changed_defaults["encryption-at-rest"].labelled == 1
    assert scores.all_labels["encryption-at-rest"].labelled == 1


def test_an_empty_string_leaves_a_setting_unset() -> None:
    rule = {"types": {"aws:sqs/queue:Queue": ["kmsMasterKeyId"]}}
    queue = Resource("aws_sqs_queue.q", "aws:sqs/queue:Queue", "aws_sqs_queue", {"kmsMasterKeyId": ""})
    assert leaves_unset(rule, queue)


def test_a_missed_label_whose_every_read_property_is_unknown_is_counted_apart() -> None:
    unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
    topic = Resource("aws_sns_topic.t", "aws:sns/topic:Topic", "aws_sns_topic", {"kmsMasterKeyId": unknown})
    rule = {"types": {"aws:sns/topic:Topic": ["kmsMasterKeyId"]}}
    assert hinges_on_unknown(rule, topic)
    topic.fails = ["CKV_AWS_26"]
    scores = score([_fixture(topic, rule="CKV_AWS_26")], _run({}))
    assert scores.undecidable["encryption-at-rest"].labelled == 1
    assert scores.all_labels["encryption-at-rest"].labelled == 0


def test_labels_of_a_rule_reviewed_as_not_expressible_are_counted_apart() -> None:
    assert "CKV_AWS_146" in not_expressible()
    snapshot = Resource(
        "aws_db_cluster_snapshot.s", "aws:rds/clusterSnapshot:ClusterSnapshot", "aws_db_cluster_snapshot", {}
    )
    snapshot.fails, snapshot.expected = ["CKV_AWS_146"], "fail"
    scores = score([_fixture(snapshot, rule="CKV_AWS_146")], _run({}))
    assert scores.undecidable["encryption-at-rest"].labelled == 1
    assert "checkov: encryption-at-rest" not in scores.suite_labels


def test_the_report_shows_each_table() -> None:
    scores = score([_fixture(_bucket(fails=["CKV_AWS_21"], expected="fail"))], _run({}))
    text = render_text(scores)
    assert "recall, suites' own verdicts" in text
    assert "checkov: data-protection" in text
    assert '"suite_labels"' in render_json(scores)


def test_no_policy_raises_on_any_corpus_resource() -> None:
    run = run_pack(list(load_corpus()))
    assert dict(run.errors) == {}
    assert sum(len(found) for found in run.findings.values()) > 1000
