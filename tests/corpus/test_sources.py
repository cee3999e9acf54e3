"""Reading the suites: Checkov's inline configurations, KICS's expected lines, Checkov's report,
cdk-nag's CloudFormation types, and the scripts' command lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.corpus import cdk_nag_suite
from tools.corpus.cdk_nag_inventory import cloudformation_types
from tools.corpus.checkov_labels import _parse
from tools.corpus.checkov_suite import _render_resource
from tools.corpus.convert import convert
from tools.corpus.equivalents import inventory_main, rules_by_id
from tools.corpus.kics_suite import _lines_for


def test_an_old_python_hcl2_configuration_is_written_back_as_terraform() -> None:
    conf = {
        "bucket": ["logs"],
        "tags": [{"team": "data"}],
        "versioning": [{"enabled": [True]}],
        "policy": ["${data.aws_iam_policy_document.p.json}"],
    }
    text = _render_resource(conf, ["aws_s3_bucket"])
    assert text is not None
    (bucket,) = convert(text)
    assert bucket.type == "aws:s3/bucket:Bucket"
    assert bucket.properties["tags"] == {"team": "data"}
    assert bucket.properties["versioning"] == {"enabled": True}
    assert bucket.properties["bucket"] == "logs"


def test_an_inline_configuration_takes_the_check_type_whose_schema_fits_it_best() -> None:
    text = _render_resource({"load_balancer_type": ["application"], "internal": [False]}, ["aws_elb", "aws_lb"])
    assert text is not None
    assert text.startswith('resource "aws_lb" "conf"')


def test_kics_expected_lines_are_read_per_file_in_either_spelling() -> None:
    expected = [
        {"line": 4, "fileName": "positive1.tf"},
        {"line": 9, "filename": "positive1.tf"},
        {"line": 2, "fileName": "positive2.tf"},
    ]
    assert _lines_for(expected, "positive1.tf", single=False) == [4, 9]
    assert _lines_for([{"line": 7}], "positive.tf", single=True) == [7]
    assert _lines_for([{"line": 7}], "positive1.tf", single=False) == []


def test_checkov_verdicts_go_to_the_converters_addresses() -> None:
    report = {
        "results": {
            "failed_checks": [
                {
                    "check_id": "CKV_AWS_41",
                    "resource": "aws.default",
                    "file_abs_path": "/m/main.tf",
                    "check_class": "x",
                },
                {
                    "check_id": "CKV_AWS_49",
                    "resource": "aws_iam_policy_document.d",
                    "file_abs_path": "/m/main.tf",
                    "check_class": "checkov.terraform.checks.data.aws.StarActionPolicyDocument",
                },
            ],
            "passed_checks": [
                {
                    "check_id": "CKV_AWS_21",
                    "resource": "aws_s3_bucket.b",
                    "file_abs_path": "/m/main.tf",
                    "check_class": "x",
                }
            ],
        }
    }
    labels = _parse(report, {"/m/main.tf": "checkov/t/s"})
    assert labels[("checkov/t/s", "provider.aws")].fails == {"CKV_AWS_41"}
    assert labels[("checkov/t/s", "data.aws_iam_policy_document.d")].fails == {"CKV_AWS_49"}
    assert labels[("checkov/t/s", "aws_s3_bucket.b")].passes == {"CKV_AWS_21"}


def test_cdk_nag_rule_types_come_from_the_modules_of_their_cfn_classes() -> None:
    source = """
import { CfnLoadBalancer } from 'aws-cdk-lib/aws-elasticloadbalancing';
import { CfnLoadBalancer as CfnLoadBalancerV2 } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
if (node instanceof CfnLoadBalancer) {} else if (node instanceof CfnLoadBalancerV2) {}
"""
    assert cloudformation_types(source) == [
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
    ]


@pytest.mark.parametrize("argv", [[], ["a", "b"]])
def test_an_inventory_script_without_one_path_prints_its_usage(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert inventory_main(argv, "<dir>", lambda _: {}, Path("unused"), prog="p") == 2
    assert capsys.readouterr().err == "usage: python -m p <dir>\n"


def test_an_inventory_script_on_a_missing_source_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def build(path: object) -> dict[str, object]:
        raise FileNotFoundError(2, "No such file or directory", str(path))

    assert inventory_main([str(tmp_path / "none")], "<dir>", build, tmp_path / "out.json", prog="p") == 2
    error = capsys.readouterr().err
    assert error.startswith("p: cannot read ") and error.count("\n") == 1
    assert not (tmp_path / "out.json").exists()


def test_every_cdk_nag_translation_names_its_test_and_holds_both_verdicts_of_an_inventory_rule() -> None:
    rules = rules_by_id()
    translated = cdk_nag_suite.scenarios()
    assert len(translated) >= 10
    for scenario in translated:
        assert scenario.paths[0].startswith("test/rules/"), scenario.name
        assert scenario.rule in rules, scenario.name
        assert set(scenario.verdicts.values()) == {"pass", "fail"}, scenario.name
        converted = {resource.address for resource in convert(scenario.text)}
        assert set(scenario.verdicts) <= converted, scenario.name


def test_a_translation_without_its_source_is_refused(tmp_path: Path) -> None:
    (tmp_path / "X1.tf").write_text('resource "aws_sqs_queue" "compliance" {}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"X1\.tf: the header names no cdk-nag test file"):
        cdk_nag_suite.scenarios(tmp_path)
