"""Rebuild the development corpus (``tests/corpus/fixtures/``) and ``kics.json`` from git mirrors.

    venv/bin/python -m tools.corpus.build_corpus CHECKOV_GIT KICS_GIT CHECKOV_VENV \\
        [--kics-repository DataDog/kics]

``CHECKOV_GIT``/``KICS_GIT`` are git directories of bridgecrewio/checkov and of KICS (the
assets of Checkmarx/kics; DataDog/kics is a fork that carries them), ``CHECKOV_VENV`` a
virtualenv with Checkov installed (for the cross-labels, ``checkov_labels``). cdk-nag's tests
come from the hand translations in ``cdk_nag_translations/`` (``cdk_nag_suite``), at the cdk-nag
commit of ``cdk_nag.json``. Nothing here runs in ``make test``; the tests read the committed
fixtures.

Every scenario of both suites is converted to engine form (``convert``); each resource is
labelled with the suite's own verdict on its rule (which wins over Checkov's, on that rule) and
with every verdict of the Checkov run, restricted to inventory ids. Scenarios that do not parse,
or hold no resource of a pulumi-aws type, are reported and left out. TerraGoat, CfnGoat,
sadcloud and pulumi/examples are never read: they are kept for independent evaluation.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from tools.corpus import cdk_nag_suite, checkov_suite, kics_inventory, kics_suite
from tools.corpus.checkov_inventory import TWINS
from tools.corpus.checkov_labels import Labels, Verdicts, run_checkov
from tools.corpus.convert import ConversionError, EngineResource, convert_module, parse
from tools.corpus.equivalents import EQUIVALENTS_DIR, inventory, write_document
from tools.corpus.fixtures import CORPUS_DIR, Fixture, Resource, Scenario, write_fixture
from tools.corpus.sources import GitTree, SourceScenario

CHECKOV_REPOSITORY: Final = "bridgecrewio/checkov"
RESERVED: Final = ("terragoat", "cfngoat", "sadcloud", "pulumi/examples")


@dataclass
class Report:
    scenarios: int = 0
    resources: int = 0
    skipped: list[str] = field(default_factory=list)
    unmapped: Counter[str] = field(default_factory=Counter)
    overridden: int = 0
    lost_expectations: int = 0


def _key(scenario: SourceScenario) -> str:
    return f"{scenario.suite}/{scenario.group}/{scenario.name}"


def build(checkov_git: Path, kics_git: Path, checkov_venv: Path, kics_repository: str, output: Path) -> Report:
    for path in (checkov_git, kics_git):
        if any(name in str(path).lower() for name in RESERVED):
            raise OSError(f"{path}: reserved for independent evaluation, never a development source")
    checkov_rules = inventory("checkov")["rules"]
    sources = {rule["source"]: rule["id"] for rule in checkov_rules}
    types = {rule["id"]: rule["terraform_types"] for rule in checkov_rules}
    checkov_tree, kics_tree = GitTree(checkov_git), GitTree(kics_git)
    report = Report()
    from_checkov, skipped = checkov_suite.scenarios(checkov_tree, sources, types)
    from_kics, skipped_kics = kics_suite.scenarios(kics_tree)
    report.skipped.extend(skipped + skipped_kics)
    scenarios = from_checkov + from_kics + cdk_nag_suite.scenarios()
    labels = run_checkov(
        checkov_venv / "bin" / "checkov", {_key(s): s.text for s in scenarios}, [r["id"] for r in checkov_rules]
    )
    known = {rule["id"] for rule in checkov_rules} | {rule["id"] for rule in inventory("cdk_nag")["rules"]}
    known |= {kics_suite.rule_id(directory) for directory in kics_suite.queries(kics_tree)}
    commits = {
        "checkov": checkov_tree.resolved(),
        "kics": kics_tree.resolved(),
        "cdk-nag": str(inventory("cdk_nag")["commit"]),
    }
    repositories = {"checkov": CHECKOV_REPOSITORY, "kics": kics_repository, "cdk-nag": "cdklabs/cdk-nag"}
    grouped: dict[tuple[str, str, str], list[Scenario]] = defaultdict(list)
    kics_types: dict[str, set[str]] = defaultdict(set)
    for source in scenarios:
        scenario = _scenario(source, labels, known, report)
        if scenario is None:
            continue
        grouped[(source.suite, source.group, source.rule)].append(scenario)
        if source.suite == "kics":
            kics_types[source.rule].update(r.type for r in scenario.resources if r.expected is not None)
    if output.exists():
        shutil.rmtree(output)
    for (suite, group, rule), items in sorted(grouped.items()):
        write_fixture(output, group, Fixture(suite, repositories[suite], commits[suite], rule, items))
    write_document(
        EQUIVALENTS_DIR / "kics.json",
        kics_inventory.document(
            kics_suite.queries(kics_tree), kics_types, repository=kics_repository, commit=commits["kics"]
        ),
    )
    return report


def _scenario(source: SourceScenario, labels: Labels, known: set[str], report: Report) -> Scenario | None:
    try:
        module = parse(source.text)
        converted = convert_module(module)
    except ConversionError as error:
        report.skipped.append(f"{source.paths[0]}: {error}")
        return None
    if not converted:
        reason = (
            f"only module calls ({', '.join(module.skipped)})" if module.skipped else "no resource of a pulumi-aws type"
        )
        report.skipped.append(f"{source.paths[0]}: {reason}")
        return None
    key = _key(source)
    resources = [_labelled(source, key, engine, labels=labels, known=known, report=report) for engine in converted]
    matched = {r.name for r in resources if r.expected is not None}
    report.lost_expectations += len(set(source.verdicts) - matched)
    report.scenarios += 1
    report.resources += len(resources)
    return Scenario(source.name, source.paths, resources, module.skipped)


def _labelled(
    source: SourceScenario, key: str, engine: EngineResource, *, labels: Labels, known: set[str], report: Report
) -> Resource:
    verdicts = Verdicts(
        set(labels.get((key, engine.address), Verdicts()).fails),
        set(labels.get((key, engine.address), Verdicts()).passes),
    )
    for data in engine.data_sources:
        carried = labels.get((key, data))
        if carried is None:
            continue
        verdicts.fails |= carried.fails
        verdicts.passes |= carried.passes
        verdicts.passes -= {TWINS[rule] for rule in carried.fails if rule in TWINS}
    report.unmapped.update(engine.unmapped)
    expected = _expected(source, engine)
    if expected is not None:
        inverse, same = (verdicts.passes, verdicts.fails) if expected == "fail" else (verdicts.fails, verdicts.passes)
        report.overridden += source.rule in inverse
        inverse.discard(source.rule)
        same.add(source.rule)
    fails = sorted(verdicts.fails & known)
    passes = sorted((verdicts.passes - verdicts.fails) & known)
    return Resource(
        engine.address,
        engine.type,
        engine.terraform_type,
        engine.properties,
        engine.property_dependencies,
        engine.dependencies,
        fails,
        passes,
        expected,
    )


def _expected(source: SourceScenario, engine: EngineResource) -> str | None:
    if engine.address in source.verdicts:
        return source.verdicts[engine.address]
    if source.all_pass and engine.address != "provider.aws":
        return "pass"
    first, last = engine.lines
    if any(first <= line <= last for line in source.failing_lines):
        return "fail"
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.corpus.build_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("checkov_git", type=Path)
    parser.add_argument("kics_git", type=Path)
    parser.add_argument("checkov_venv", type=Path)
    parser.add_argument("--kics-repository", default="DataDog/kics")
    parser.add_argument("--output", type=Path, default=CORPUS_DIR)
    args = parser.parse_args(argv)
    try:
        report = build(args.checkov_git, args.kics_git, args.checkov_venv, args.kics_repository, args.output)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"build_corpus: cannot read the sources: {error}", file=sys.stderr)
        return 2
    print(f"{report.scenarios} scenarios, {report.resources} resources")
    print(f"suite verdicts overriding Checkov's own run: {report.overridden}")
    print(f"suite verdicts naming a resource the converter did not produce: {report.lost_expectations}")
    print(f"skipped ({len(report.skipped)}):")
    for line in report.skipped:
        print(f"  {line}")
    print("most frequent unmapped Terraform attributes:")
    for name, count in report.unmapped.most_common(25):
        print(f"  {count:5} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
