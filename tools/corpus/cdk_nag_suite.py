"""Scenarios from cdk-nag's AwsSolutions tests, translated by hand into Terraform.

cdk-nag's tests (``test/rules/<Service>.test.ts``) build CDK constructs and assert that a rule
finds the synthesized CloudFormation compliant or not. Only ``cdk synth`` turns L2 constructs into
CloudFormation, and CloudFormation properties do not map mechanically onto pulumi-aws inputs, so
these are translated by hand, test case by test case, into the Terraform the converter reads
(``cdk_nag_translations/<suffix>.tf``): each file's header names the test file and ``describe``
block, its comments the test cases, the L2 defaults the translation relies on, and the cases left
out. Resource names carry the verdict: ``compliance_*`` passes the rule, ``noncompliance_*`` fails it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from tools.corpus.sources import SourceScenario

TRANSLATIONS: Final = Path(__file__).resolve().parent / "cdk_nag_translations"
_SOURCE: Final = re.compile(r"test/rules/\w+\.test\.ts")
_RESOURCE: Final = re.compile(r'^resource\s+"(\w+)"\s+"((?:non)?compliance\w*)"', re.M)


def scenarios(directory: Path = TRANSLATIONS) -> list[SourceScenario]:
    found: list[SourceScenario] = []
    for path in sorted(directory.glob("*.tf")):
        text = path.read_text(encoding="utf-8")
        source = _SOURCE.search(text)
        if source is None:
            raise ValueError(f"{path.name}: the header names no cdk-nag test file (test/rules/<Service>.test.ts)")
        verdicts = {
            f"{kind}.{name}": "fail" if name.startswith("noncompliance") else "pass"
            for kind, name in _RESOURCE.findall(text)
        }
        rule = f"AwsSolutions-{path.stem}"
        local = f"paved:tools/corpus/cdk_nag_translations/{path.name}"
        found.append(SourceScenario("cdk-nag", rule, rule, path.stem, [source.group(0), local], text, verdicts))
    return found
