"""Regenerate ``policies/paved_policies/data/equivalents/cdk_nag.json`` from a cdk-nag git checkout.

    venv/bin/python -m tools.corpus.cdk_nag_inventory <cdk-nag git dir>

Reads, at the checkout's ``HEAD``, ``src/packs/aws-solutions.ts`` (each rule's id suffix, info and
level) and each rule's ``src/rules/<service>/<Rule>.ts`` (the CloudFormation types it checks: its
``instanceof Cfn…`` tests and the ``aws-cdk-lib/aws-…`` modules they come from). What each rule
reads on the pulumi-aws side, its category and its security relevance are the reviewed table
``cdk_nag_review.REVIEW``; paved's equivalents come from the coverage table.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Final

from tools.corpus.aws_defaults import CHANGED_DEFAULTS
from tools.corpus.cdk_nag_review import REVIEW
from tools.corpus.equivalents import EQUIVALENTS_DIR, inventory_main, paved_equivalents

OUTPUT: Final = EQUIVALENTS_DIR / "cdk_nag.json"
PACK: Final = "src/packs/aws-solutions.ts"

_APPLY: Final = re.compile(
    r"ruleSuffixOverride: '(\w+)',\s*info:\s*(?:'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\")"
    r".*?level: NagMessageLevel\.(\w+),\s*rule: (\w+),",
    re.S,
)
_RULE_IMPORT: Final = re.compile(r"import \{([^}]*)\} from '\.\./rules/(\w+)';")
_CDK_IMPORT: Final = re.compile(r"import \{([^}]*)\} from 'aws-cdk-lib/(aws-[\w-]+)';")
_INSTANCEOF: Final = re.compile(r"instanceof (Cfn\w+)")
_NAMESPACES: Final = {
    "aws-apigateway": "ApiGateway",
    "aws-apigatewayv2": "ApiGatewayV2",
    "aws-appsync": "AppSync",
    "aws-autoscaling": "AutoScaling",
    "aws-cloud9": "Cloud9",
    "aws-cloudfront": "CloudFront",
    "aws-codebuild": "CodeBuild",
    "aws-cognito": "Cognito",
    "aws-docdb": "DocDB",
    "aws-dynamodb": "DynamoDB",
    "aws-dax": "DAX",
    "aws-ec2": "EC2",
    "aws-ecr": "ECR",
    "aws-ecs": "ECS",
    "aws-efs": "EFS",
    "aws-elasticache": "ElastiCache",
    "aws-elasticbeanstalk": "ElasticBeanstalk",
    "aws-elasticloadbalancing": "ElasticLoadBalancing",
    "aws-elasticloadbalancingv2": "ElasticLoadBalancingV2",
    "aws-emr": "EMR",
    "aws-events": "Events",
    "aws-glue": "Glue",
    "aws-iam": "IAM",
    "aws-kinesis": "Kinesis",
    "aws-kinesisanalytics": "KinesisAnalyticsV2",
    "aws-kinesisfirehose": "KinesisFirehose",
    "aws-kms": "KMS",
    "aws-lambda": "Lambda",
    "aws-lex": "Lex",
    "aws-logs": "Logs",
    "aws-mediastore": "MediaStore",
    "aws-msk": "MSK",
    "aws-neptune": "Neptune",
    "aws-opensearchservice": "OpenSearchService",
    "aws-elasticsearch": "Elasticsearch",
    "aws-quicksight": "QuickSight",
    "aws-rds": "RDS",
    "aws-redshift": "Redshift",
    "aws-s3": "S3",
    "aws-sagemaker": "SageMaker",
    "aws-secretsmanager": "SecretsManager",
    "aws-sns": "SNS",
    "aws-sqs": "SQS",
    "aws-stepfunctions": "StepFunctions",
    "aws-timestream": "Timestream",
    "aws-wafv2": "WAFv2",
}


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={repo}", *args], capture_output=True, text=True, check=True).stdout


def cloudformation_types(source: str) -> list[str]:
    """``AWS::<Service>::<Type>`` for each ``instanceof Cfn…`` in a rule's source."""
    modules: dict[str, tuple[str, str]] = {}
    for names, module in _CDK_IMPORT.findall(source):
        for item in names.replace("\n", " ").split(","):
            parts = item.split(" as ")
            original = parts[0].strip()
            if original:
                modules[parts[-1].strip()] = (original, module)
    found = set()
    for local in _INSTANCEOF.findall(source):
        original, module = modules.get(local, (local, ""))
        namespace = _NAMESPACES.get(module, module.removeprefix("aws-").title())
        found.add(f"AWS::{namespace}::{original.removeprefix('Cfn')}")
    return sorted(found)


def build(repo: Path) -> dict[str, Any]:
    commit = _git(repo, "rev-parse", "HEAD").strip()
    pack = _git(repo, "show", f"HEAD:{PACK}")
    folders = {
        name.strip(): folder
        for names, folder in _RULE_IMPORT.findall(pack)
        for name in names.replace("\n", " ").split(",")
        if name.strip()
    }
    equivalents = paved_equivalents("cdk_nag")
    rules: list[dict[str, Any]] = []
    not_applicable: list[dict[str, Any]] = []
    for suffix, single, double, level, rule_class in _APPLY.findall(pack):
        info = single or double
        path = f"src/rules/{folders[rule_class]}/{rule_class}.ts"
        category, security, types, note = REVIEW[suffix]
        rule_id = f"AwsSolutions-{suffix}"
        record: dict[str, Any] = {
            "id": rule_id,
            "name": info.replace("\\'", "'"),
            "level": level,
            "rule": rule_class,
            "source": path,
            "cloudformation_types": cloudformation_types(_git(repo, "show", f"HEAD:{path}")),
            "category": category,
            "security_relevant": security,
            "types": types or {},
            "paved": equivalents.get(rule_id, []),
        }
        if note:
            record["note"] = note
        if rule_id in CHANGED_DEFAULTS:
            record["default_changed"] = CHANGED_DEFAULTS[rule_id]
        if types is None:
            record["reason"] = note
            not_applicable.append(record)
        else:
            rules.append(record)
    return {
        "tool": "cdk-nag",
        "pack": "AwsSolutions",
        "repository": "cdklabs/cdk-nag",
        "commit": commit,
        "read_from": f"{PACK} and src/rules/**, at the commit above",
        "regenerate": "python -m tools.corpus.cdk_nag_inventory <cdk-nag git dir>",
        "rules": rules,
        "not_applicable": not_applicable,
    }


def main(argv: list[str]) -> int:
    return inventory_main(argv, "<cdk-nag git dir>", build, OUTPUT, prog="tools.corpus.cdk_nag_inventory")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
