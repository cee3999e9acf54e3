"""The benchmarks' synthetic stacks are valid `pulumi stack export` documents of the asked size."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import UNIT, synthetic_export, write_export
from tools.readers import read_snapshot


def test_a_synthetic_export_reads_as_units_of_ten_plus_the_provider(tmp_path: Path) -> None:
    snapshot = read_snapshot(write_export(tmp_path / "stack.json", 1000, stack="dev"))
    assert (snapshot.stack, snapshot.project) == ("dev", "bench")
    assert len(snapshot.resources) == 1000 // UNIT * UNIT + 1
    assert sum(r.type == "pulumi:providers:aws" for r in snapshot.resources) == 1


def test_each_bucket_is_joined_to_its_encryption_and_public_access_block() -> None:
    resources = synthetic_export(20)["deployment"]["resources"]
    buckets = {r["urn"] for r in resources if r["type"] == "aws:s3/bucket:Bucket"}
    for kind in ("BucketServerSideEncryptionConfiguration", "BucketPublicAccessBlock"):
        joined = {r["propertyDependencies"]["bucket"][0] for r in resources if r["type"].endswith(kind)}
        assert joined == buckets and len(buckets) == 2
