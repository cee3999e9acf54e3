"""AWS defaults as data (issue 19): each default a verdict depends on is in data/aws_defaults.json
with its source and dates, the policies read it from there, and changing it changes the verdict."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from paved_policies import aws_defaults
from paved_policies.aws_defaults import AwsDefault, all_defaults, aws_default

from tests.policies.baselines import REDSHIFT_CLUSTER
from tests.policies.stack_baseline import compliant_stack, stack_violations, without

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", sorted(all_defaults()))
def test_every_default_cites_its_source_and_dates(name: str) -> None:
    default = aws_default(name)
    assert "https://" in default.source or "pulumi-aws" in default.source
    assert ISO_DAY.fullmatch(default.checked)
    assert default.since is None or re.fullmatch(r"\d{4}(-\d{2}){0,2}", default.since)
    assert default.summary and default.types


def test_every_default_is_read_by_a_policy_or_the_corpus_measurement() -> None:
    sources = "".join(
        path.read_text(encoding="utf-8")
        for folder in (ROOT / "policies" / "paved_policies", ROOT / "tools" / "corpus")
        for path in folder.rglob("*.py")
    )
    unread = [name for name in all_defaults() if f'"{name}"' not in sources]
    assert unread == []


def test_an_unknown_default_is_refused_with_the_known_names() -> None:
    with pytest.raises(KeyError, match=r"no AWS default named 'x'.*s3-default-encryption"):
        aws_default("x")


def test_a_verdict_follows_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    assert REDSHIFT_CLUSTER.violations(without=["encrypted"]) == []
    changed = {
        **all_defaults(),
        "redshift-encryption": dataclasses.replace(aws_default("redshift-encryption"), value=False),
    }
    monkeypatch.setattr(aws_defaults, "all_defaults", lambda: changed)
    assert REDSHIFT_CLUSTER.violations(without=["encrypted"]) == [
        ("redshift-cluster-encrypted", "Redshift cluster is not encrypted (encrypted is false).")
    ]


def test_the_s3_default_is_named_in_the_kms_preference_from_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    later: AwsDefault = dataclasses.replace(aws_default("s3-default-encryption"), since="2031-01-01")
    monkeypatch.setattr(aws_defaults, "all_defaults", lambda: {**all_defaults(), "s3-default-encryption": later})
    assert stack_violations(without(compliant_stack(), "data-sse")) == [
        (
            "s3-bucket-encrypted-with-kms",
            "data: S3 bucket is encrypted with AES256 (the S3 default since 2031-01-01), not a KMS key (aws:kms).",
        )
    ]
