"""Cross-labels: every AWS Checkov verdict on every scenario, from running the installed Checkov.

A suite's test says how its own rule judges a resource; the resource may break other rules too (a
bucket in the encryption test may have no versioning). Running Checkov with all its AWS checks
over each scenario, written out as its own module directory, gives those verdicts. They are
Checkov's opinion, so where they contradict the suite's verdict on its own rule the suite wins
(``build_corpus``). A data source's verdicts (``aws_iam_policy_document``) are the verdicts of the
resources that read it, since the converter renders the document into them; the provider's
(``aws.default``) are the ``provider.aws`` resource's.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

_CHUNK: Final = 250


@dataclass
class Verdicts:
    fails: set[str] = field(default_factory=set)
    passes: set[str] = field(default_factory=set)


Labels = dict[tuple[str, str], Verdicts]
"""(scenario key, address) → Checkov's verdicts; addresses as the converter names them."""


def run_checkov(checkov: Path, modules: dict[str, str], check_ids: list[str], workers: int = 2) -> Labels:
    """Checkov's verdicts for every resource of every module (scenario key → Terraform text)."""
    keys = sorted(modules)
    chunks = [keys[start : start + _CHUNK] for start in range(0, len(keys), _CHUNK)]
    labels: Labels = defaultdict(Verdicts)
    with tempfile.TemporaryDirectory(prefix="corpus-checkov-") as root, ThreadPoolExecutor(workers) as pool:
        jobs = [
            pool.submit(_run_chunk, checkov, Path(root) / f"chunk-{i:03}", chunk, modules, check_ids)
            for i, chunk in enumerate(chunks)
        ]
        for job in jobs:
            for key, verdicts in job.result().items():
                labels[key].fails |= verdicts.fails
                labels[key].passes |= verdicts.passes
    return labels


def _run_chunk(checkov: Path, root: Path, keys: list[str], modules: dict[str, str], check_ids: list[str]) -> Labels:
    directories: dict[str, str] = {}
    for index, key in enumerate(keys):
        directory = root / f"m{index:04}"
        directory.mkdir(parents=True)
        (directory / "main.tf").write_text(modules[key], encoding="utf-8")
        directories[str(directory / "main.tf")] = key
    report = root / "report"
    subprocess.run(
        [
            str(checkov),
            "-d",
            str(root),
            "--framework",
            "terraform",
            "-o",
            "json",
            "--compact",
            "--skip-download",
            "--check",
            ",".join(check_ids),
            "--output-file-path",
            str(report),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    results_file = report / "results_json.json"
    if not results_file.exists():
        return {}
    return _parse(json.loads(results_file.read_text(encoding="utf-8")), directories)


def _parse(document: Any, directories: dict[str, str]) -> Labels:
    reports = document if isinstance(document, list) else [document]
    labels: Labels = defaultdict(Verdicts)
    for report in reports:
        results = report.get("results", {}) if isinstance(report, dict) else {}
        for outcome, attribute in (("failed_checks", "fails"), ("passed_checks", "passes")):
            for result in results.get(outcome, []):
                key = directories.get(result.get("file_abs_path", ""))
                if key is None:
                    continue
                address = _address(result.get("resource", ""), ".checks.data." in str(result.get("check_class")))
                getattr(labels[(key, address)], attribute).add(result["check_id"])
    return labels


def _address(resource: str, data: bool) -> str:
    """Checkov's resource name → the converter's: ``aws.default`` is ``provider.aws``, a data
    source ``aws_iam_policy_document.d`` is ``data.aws_iam_policy_document.d``."""
    if resource == "aws.default" or resource.startswith("aws."):
        return "provider.aws"
    return f"data.{resource}" if data else resource
