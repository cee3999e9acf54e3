"""How much of the development corpus the policy pack catches, and where it raises false alarms.

    venv/bin/python -m tools.corpus.measure [--suite checkov|kics] [--format text|json]

Every policy of the pack's registry (``paved_policies.registry``; the cost policies aside) runs on
every corpus resource through the pack's own test harness (``paved_policies.testing``: properties
through a protobuf ``Struct`` and the SDK's proxy, as the analyzer hands them over), with an empty
policy config, so defaults apply. Resource policies see each resource; stack policies see each
scenario (one Terraform module) with its dependencies.

For each security-relevant rule a resource is labelled to fail (``fails``):

- **found (matching)**: a paved policy listed as the rule's equivalent reports the resource;
- **found (category)**: any paved policy of the rule's category reports it (``other`` has no
  paved category, so there it is the matching figure).

Recall is found / labelled, per category, over the suites' own verdicts (each test's rule on
the resources it names) and over all labels (with the Checkov run's). Two kinds of label are
counted apart, each in its own table: a label of a rule whose finding is an AWS default that
changed (``aws_defaults``) when the resource leaves the property unset, and a label no policy can
decide from the engine's view: the rule is reviewed as not expressible (it judges a value no input
sets, ``not_covered`` reasons), or the pack misses it and every property the rule reads holds a value
unknown in the converted fixture (a data source's output, such as the ARN of ``alias/aws/sns``) with
no other resource of the scenario carrying the resource's settings.

For each paved policy, a finding is **contradicted** when a rule it is the equivalent of judged the
resource and passed it (and none of its rules failed it), and **on a clean resource** when the
resource fails no security-relevant rule at all. These are the false-positive figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from paved_policies.unknown import UNKNOWN_SENTINELS

from tools.corpus.equivalents import rules_by_id
from tools.corpus.fixtures import Fixture, Resource, Scenario, load_corpus

SKIPPED_CATEGORIES: Final = frozenset({"cost"})
SKIPPED_POLICIES: Final = frozenset({"policy-exemptions"})

ResourceKey = tuple[str, str, str]
"""(fixture file, scenario, resource name)."""


@dataclass
class Run:
    """What the pack reported on the corpus."""

    findings: dict[ResourceKey, set[str]] = field(default_factory=lambda: defaultdict(set))
    errors: Counter[str] = field(default_factory=Counter)
    """Policy → how many times it raised instead of reporting."""
    categories: dict[str, str] = field(default_factory=dict)
    """Policy → its category."""


def _policies() -> list[Any]:
    from paved_policies.registry import all_policies

    return [
        policy
        for policy in all_policies()
        if policy.name not in SKIPPED_POLICIES and (policy.tags or [""])[0] not in SKIPPED_CATEGORIES
    ]


def run_pack(fixtures: Iterable[Fixture]) -> Run:
    from paved_policies.policy import ANY_TYPE
    from paved_policies.testing import StackResource, resource_args, stack_args, violations
    from pulumi_policy import StackValidationPolicy

    policies = _policies()
    run = Run(categories={policy.name: (policy.tags or ["other"])[0] for policy in policies})
    resource_policies = [p for p in policies if not isinstance(p, StackValidationPolicy)]
    stack_policies = [p for p in policies if isinstance(p, StackValidationPolicy)]
    for fixture in fixtures:
        file = fixture.path.name if fixture.path else fixture.rule
        for scenario in fixture.scenarios:
            for resource in scenario.resources:
                key = (f"{fixture.suite}/{file}", scenario.name, resource.name)
                args = resource_args(resource.type, resource.properties, name=resource.name, config={})
                for policy in resource_policies:
                    types = getattr(policy, "resource_types", frozenset({ANY_TYPE}))
                    if ANY_TYPE not in types and resource.type not in types:
                        continue
                    try:
                        if violations(policy, args):
                            run.findings[key].add(policy.name)
                    except Exception:
                        run.errors[policy.name] += 1
            names = {resource.name for resource in scenario.resources}
            stack = stack_args(
                [_stack_resource(StackResource, resource, names) for resource in scenario.resources], config={}
            )
            for policy in stack_policies:
                try:
                    reported = violations(policy, stack)
                except Exception:
                    run.errors[policy.name] += 1
                    continue
                for line in reported:
                    name = line.split(": ", 1)[0]
                    if name in names:
                        run.findings[(f"{fixture.suite}/{file}", scenario.name, name)].add(policy.name)
    return run


def _stack_resource(factory: Any, resource: Resource, names: set[str]) -> Any:
    dependencies = {
        key: [name for name in values if name in names] for key, values in resource.property_dependencies.items()
    }
    return factory(
        resource.type,
        resource.name,
        resource.properties,
        [name for name in resource.dependencies if name in names],
        {key: values for key, values in dependencies.items() if values},
    )


@dataclass
class Tally:
    labelled: int = 0
    matching: int = 0
    category: int = 0

    def add(self, matching: bool, category: bool) -> None:
        self.labelled += 1
        self.matching += matching
        self.category += category

    def as_json(self) -> dict[str, Any]:
        return {"labelled": self.labelled, "found_matching": self.matching, "found_category": self.category}


@dataclass
class Scores:
    suite_labels: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    """``"<suite>: <category>"`` → the suite's own verdicts on its rules."""
    all_labels: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    changed_defaults: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    undecidable: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_rule: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    findings: Counter[str] = field(default_factory=Counter)
    contradicted: Counter[str] = field(default_factory=Counter)
    on_clean: Counter[str] = field(default_factory=Counter)
    resources: int = 0
    clean: int = 0
    errors: Counter[str] = field(default_factory=Counter)


def is_clean(resource: Resource, rules: dict[str, dict[str, Any]]) -> bool:
    """Fails no security-relevant rule and passes at least one."""
    failing = [rule for rule in resource.fails if rule in rules and rules[rule]["security_relevant"]]
    return not failing and bool(resource.passes)


def _value_at(properties: dict[str, Any], path: str) -> Any:
    value: Any = properties
    for part in path.split("."):
        if isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def leaves_unset(rule: dict[str, Any], resource: Resource) -> bool:
    """The resource sets none of the properties the rule reads on its type (so the AWS default
    decides); an empty string is unset, as the provider reads it."""
    paths = rule["types"].get(resource.type, [])
    return all(_value_at(resource.properties, path.split(".")[0]) in (None, "") for path in paths)


@cache
def not_expressible() -> frozenset[str]:
    """Rules reviewed as not expressible from the engine's view (their reason in
    ``data/equivalents/not_covered/``): the value they judge is no input of the type."""
    from paved_policies.uncovered import reasons

    return frozenset(rule for rule, reason in reasons().items() if reason.startswith("not expressible"))


def hinges_on_unknown(rule: dict[str, Any], resource: Resource) -> bool:
    """Every property the rule reads on the type holds a value unknown in the converted fixture, so
    no policy can decide the label (it stays silent on unknowns, as during a preview)."""
    paths = rule["types"].get(resource.type, [])
    values = [_value_at(resource.properties, path) for path in paths]
    return bool(values) and all(isinstance(value, str) and value in UNKNOWN_SENTINELS for value in values)


def score(fixtures: Sequence[Fixture], run: Run) -> Scores:
    rules = rules_by_id()
    scores = Scores(errors=run.errors)
    for fixture in fixtures:
        file = fixture.path.name if fixture.path else fixture.rule
        for scenario in fixture.scenarios:
            findings = {
                resource.name: run.findings.get((f"{fixture.suite}/{file}", scenario.name, resource.name), set())
                for resource in scenario.resources
            }
            _score_scenario(
                scores, fixture, scenario=scenario, findings=findings, rules=rules, categories=run.categories
            )
    return scores


def _parents(scenario: Scenario) -> dict[str, set[str]]:
    """Resource → the resources of the scenario it depends on (a bucket ACL → its bucket)."""
    names = {resource.name for resource in scenario.resources}
    return {resource.name: set(resource.dependencies) & names for resource in scenario.resources}


def _score_scenario(
    scores: Scores,
    fixture: Fixture,
    *,
    scenario: Scenario,
    findings: dict[str, set[str]],
    rules: dict[str, dict[str, Any]],
    categories: dict[str, str],
) -> None:
    """A resource's findings include those on the resources that depend on it (its ACL, policy,
    rules), where Terraform and Pulumi hold one setting of it; a finding on such a resource is
    judged with its parents' labels."""
    parents = _parents(scenario)
    by_name = {resource.name: resource for resource in scenario.resources}
    children: dict[str, set[str]] = defaultdict(set)
    for child, owners in parents.items():
        for owner in owners:
            children[owner].add(child)
    for resource in scenario.resources:
        found = set(findings[resource.name]).union(*(findings[child] for child in children[resource.name]))
        _score_labels(
            scores,
            fixture,
            resource=resource,
            found=found,
            rules=rules,
            categories=categories,
            alone=not children[resource.name],
        )
        related = [resource, *(by_name[owner] for owner in parents[resource.name])]
        _score_findings(
            scores, resource, related=related, found=findings[resource.name], rules=rules, categories=categories
        )


def _score_labels(
    scores: Scores,
    fixture: Fixture,
    *,
    resource: Resource,
    found: set[str],
    rules: dict[str, dict[str, Any]],
    categories: dict[str, str],
    alone: bool,
) -> None:
    """``alone``: no resource of the scenario depends on this one (none carries its settings)."""
    scores.resources += 1
    scores.clean += is_clean(resource, rules)
    found_categories = {categories.get(policy, "") for policy in found}
    for rule_id in resource.fails:
        rule = rules.get(rule_id)
        if rule is None or not rule["security_relevant"]:
            continue
        matching = bool(found & set(rule["paved"]))
        category = matching or (rule["category"] != "other" and rule["category"] in found_categories)
        if "default_changed" in rule and leaves_unset(rule, resource):
            scores.changed_defaults[rule["category"]].add(matching, category)
            continue
        if rule_id in not_expressible() or (not category and alone and hinges_on_unknown(rule, resource)):
            scores.undecidable[rule["category"]].add(matching, category)
            continue
        scores.all_labels[rule["category"]].add(matching, category)
        scores.by_rule[rule_id].add(matching, category)
        if resource.expected == "fail" and rule_id == fixture.rule:
            scores.suite_labels[f"{fixture.suite}: {rule['category']}"].add(matching, category)


def _score_findings(
    scores: Scores,
    resource: Resource,
    *,
    related: list[Resource],
    found: set[str],
    rules: dict[str, dict[str, Any]],
    categories: dict[str, str],
) -> None:
    failing = {rule for item in related for rule in item.fails}
    clean = is_clean(resource, rules)
    for policy in found:
        scores.findings[policy] += 1
        equivalents = {rule_id for rule_id, rule in rules.items() if policy in rule["paved"]}
        if equivalents & set(resource.passes) and not equivalents & failing:
            scores.contradicted[policy] += 1
        same_category = {
            rule for rule in failing if rule in rules and rules[rule]["category"] == categories.get(policy)
        }
        if clean and not (equivalents & failing) and not same_category:
            scores.on_clean[policy] += 1


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    – "


def render_text(scores: Scores) -> str:
    lines = [
        f"{scores.resources} resources, {scores.clean} clean (no security-relevant failure)",
        "matching: a paved equivalent of the rule reports it (KICS queries have none recorded, so 0 %);",
        "category: a paved policy of the rule's category reports it (or a resource that depends on it)",
        "",
    ]
    for title, tallies in (
        ("suites' own verdicts", scores.suite_labels),
        ("all labels (with the Checkov run)", scores.all_labels),
        ("labels that only restate an AWS default that changed (property unset)", scores.changed_defaults),
        (
            "labels no policy can decide (the rule is not expressible, or a miss whose every read property is unknown)",
            scores.undecidable,
        ),
    ):
        lines.append(f"recall, {title}:")
        lines.append(f"  {'category':32} {'labelled':>8} {'matching':>9} {'category':>9}")
        total = Tally()
        for category in sorted(tallies):
            tally = tallies[category]
            total.labelled += tally.labelled
            total.matching += tally.matching
            total.category += tally.category
            lines.append(
                f"  {category:32} {tally.labelled:8} {_percent(tally.matching, tally.labelled):>9}"
                f" {_percent(tally.category, tally.labelled):>9}"
            )
        lines.append(
            f"  {'all':32} {total.labelled:8} {_percent(total.matching, total.labelled):>9}"
            f" {_percent(total.category, total.labelled):>9}"
        )
        lines.append("")
    lines.append("findings per paved policy (contradicted: an equivalent rule passed the resource):")
    lines.append(f"  {'policy':48} {'findings':>8} {'contradicted':>12} {'on clean':>8} {'errors':>6}")
    for policy in sorted(set(scores.findings) | set(scores.errors)):
        lines.append(
            f"  {policy:48} {scores.findings[policy]:8} {scores.contradicted[policy]:12}"
            f" {scores.on_clean[policy]:8} {scores.errors[policy]:6}"
        )
    return "\n".join(lines)


def render_json(scores: Scores) -> str:
    document = {
        "resources": scores.resources,
        "clean": scores.clean,
        "recall": {
            "suite_labels": {c: t.as_json() for c, t in sorted(scores.suite_labels.items())},
            "all_labels": {c: t.as_json() for c, t in sorted(scores.all_labels.items())},
            "changed_defaults": {c: t.as_json() for c, t in sorted(scores.changed_defaults.items())},
            "undecidable": {c: t.as_json() for c, t in sorted(scores.undecidable.items())},
        },
        "by_rule": {rule: tally.as_json() for rule, tally in sorted(scores.by_rule.items())},
        "policies": {
            policy: {
                "findings": scores.findings[policy],
                "contradicted": scores.contradicted[policy],
                "on_clean": scores.on_clean[policy],
                "errors": scores.errors[policy],
            }
            for policy in sorted(set(scores.findings) | set(scores.errors))
        },
    }
    return json.dumps(document, indent=1)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.corpus.measure", description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=["checkov", "kics"], help="only this suite's fixtures")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    fixtures = [fixture for fixture in load_corpus() if args.suite in (None, fixture.suite)]
    scores = score(fixtures, run_pack(fixtures))
    print(render_json(scores) if args.format == "json" else render_text(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
