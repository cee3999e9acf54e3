"""The development corpus (``tests/corpus/fixtures/``) is well formed: every fixture says where it
came from, every label is an inventory rule, every resource a pulumi-aws type in engine form."""

from __future__ import annotations

import re
from functools import cache

from tools.corpus.equivalents import rules_by_id
from tools.corpus.fixtures import CORPUS_DIR, Fixture, load_corpus
from tools.corpus.hcl_values import UNKNOWN
from tools.corpus.sdk_schema import resource_classes

RESERVED = ("terragoat", "cfngoat", "sadcloud", "pulumi/examples")
SOURCES = {"checkov": "bridgecrewio/checkov", "kics": "DataDog/kics", "cdk-nag": "cdklabs/cdk-nag"}


@cache
def _corpus() -> tuple[Fixture, ...]:
    return tuple(load_corpus())


def test_the_corpus_is_large_enough_to_measure_and_small_enough_to_commit() -> None:
    fixtures = _corpus()
    resources = sum(len(s.resources) for f in fixtures for s in f.scenarios)
    size = sum(path.stat().st_size for path in CORPUS_DIR.rglob("*.json"))
    assert len(fixtures) > 500
    assert resources > 3000
    assert size < 6_000_000


def test_every_fixture_has_its_provenance() -> None:
    for fixture in _corpus():
        assert fixture.repository == SOURCES[fixture.suite], fixture.path
        assert re.fullmatch(r"[0-9a-f]{40}", fixture.commit), fixture.path
        for scenario in fixture.scenarios:
            assert scenario.paths, (fixture.path, scenario.name)
            assert all(not path.startswith("/") for path in scenario.paths), (fixture.path, scenario.name)


def test_no_fixture_comes_from_a_reserved_evaluation_corpus() -> None:
    for fixture in _corpus():
        text = " ".join([fixture.repository, *(p for s in fixture.scenarios for p in s.paths)]).lower()
        assert not any(name in text for name in RESERVED), fixture.path


def test_every_label_is_an_inventory_rule() -> None:
    rules = rules_by_id()
    for fixture in _corpus():
        assert fixture.rule in rules, fixture.path
        for scenario in fixture.scenarios:
            for resource in scenario.resources:
                unknown = [rule for rule in resource.fails + resource.passes if rule not in rules]
                assert unknown == [], (fixture.path, resource.name)


def test_a_resource_never_both_fails_and_passes_a_rule() -> None:
    for fixture in _corpus():
        for scenario in fixture.scenarios:
            for resource in scenario.resources:
                assert set(resource.fails).isdisjoint(resource.passes), (fixture.path, resource.name)


def test_the_suites_own_verdict_is_among_the_labels() -> None:
    for fixture in _corpus():
        for scenario in fixture.scenarios:
            for resource in scenario.resources:
                if resource.expected == "fail":
                    assert fixture.rule in resource.fails, (fixture.path, resource.name)
                elif resource.expected == "pass":
                    assert fixture.rule in resource.passes, (fixture.path, resource.name)
                else:
                    assert resource.expected is None


def test_every_fixture_holds_a_verdict_of_its_own_rule() -> None:
    for fixture in _corpus():
        verdicts = [r.expected for s in fixture.scenarios for r in s.resources if r.expected]
        assert verdicts, fixture.path


def test_every_resource_type_exists_in_pulumi_aws() -> None:
    tokens = resource_classes()
    for fixture in _corpus():
        for scenario in fixture.scenarios:
            for resource in scenario.resources:
                assert resource.type in tokens, (fixture.path, resource.name)


def test_properties_are_engine_form_camel_case() -> None:
    snake = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")
    for fixture in _corpus():
        for scenario in fixture.scenarios:
            for resource in scenario.resources:
                wrong = [key for key in resource.properties if snake.match(key)]
                assert wrong == [], (fixture.path, resource.name)


def test_dependencies_point_at_resources_of_the_same_scenario() -> None:
    for fixture in _corpus():
        for scenario in fixture.scenarios:
            names = [resource.name for resource in scenario.resources]
            assert len(names) == len(set(names)), (fixture.path, scenario.name)
            for resource in scenario.resources:
                targets = set(resource.dependencies).union(*resource.property_dependencies.values())
                assert targets <= set(names), (fixture.path, resource.name)
                assert set(resource.property_dependencies) <= set(resource.properties), (fixture.path, resource.name)


def test_unknown_values_use_the_engines_wire_marker() -> None:
    markers = 0
    for fixture in _corpus():
        for scenario in fixture.scenarios:
            for resource in scenario.resources:
                markers += str(resource.properties).count(UNKNOWN)
    assert markers > 0
