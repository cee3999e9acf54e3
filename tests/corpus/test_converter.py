"""The Terraform → engine-form converter: types, names, block shapes, references, documents."""

from __future__ import annotations

import json

import pytest
from paved_policies.encryption_at_rest.databases import rds_instance_storage_encrypted
from paved_policies.testing import resource_args, violations

from tools.corpus.convert import ConversionError, EngineResource, convert, parse
from tools.corpus.hcl_values import UNKNOWN
from tools.corpus.tokens import token_for


def _by_address(text: str) -> dict[str, EngineResource]:
    return {resource.address: resource for resource in convert(text)}


@pytest.mark.parametrize(
    ("terraform", "token"),
    [
        ("aws_s3_bucket", "aws:s3/bucket:Bucket"),
        ("aws_s3_bucket_acl", "aws:s3/bucketAcl:BucketAcl"),
        ("aws_security_group", "aws:ec2/securityGroup:SecurityGroup"),
        ("aws_db_instance", "aws:rds/instance:Instance"),
        ("aws_lb", "aws:lb/loadBalancer:LoadBalancer"),
        ("aws_alb", "aws:alb/loadBalancer:LoadBalancer"),
        ("aws_elb", "aws:elb/loadBalancer:LoadBalancer"),
        ("aws_api_gateway_stage", "aws:apigateway/stage:Stage"),
        ("aws_cloudwatch_log_group", "aws:cloudwatch/logGroup:LogGroup"),
        ("aws_kinesis_firehose_delivery_stream", "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"),
        ("aws_vpc_security_group_ingress_rule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
        ("aws_appsync_graphql_api", "aws:appsync/graphQLApi:GraphQLApi"),
        ("aws_opensearchserverless_vpc_endpoint", "aws:opensearch/serverlessVpcEndpoint:ServerlessVpcEndpoint"),
    ],
)
def test_terraform_types_map_to_current_pulumi_aws_tokens(terraform: str, token: str) -> None:
    assert token_for(terraform) == token


def test_types_the_provider_removed_map_to_no_token() -> None:
    assert token_for("aws_db_security_group") is None
    assert token_for("aws_opsworks_stack") is None
    assert token_for("google_storage_bucket") is None


def test_a_max_items_one_block_becomes_an_object_and_a_list_block_a_pluralised_list() -> None:
    bucket = _by_address(
        """
resource "aws_s3_bucket" "data" {
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
  cors_rule {
    allowed_methods = ["GET"]
    allowed_origins = ["*"]
  }
  cors_rule {
    allowed_methods = ["PUT"]
    allowed_origins = ["https://example.com"]
  }
}
"""
    )["aws_s3_bucket.data"]
    assert bucket.type == "aws:s3/bucket:Bucket"
    assert bucket.properties["serverSideEncryptionConfiguration"] == {
        "rule": {"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}}
    }
    assert [rule["allowedMethods"] for rule in bucket.properties["corsRules"]] == [["GET"], ["PUT"]]


def test_a_reference_becomes_a_known_placeholder_and_a_property_dependency() -> None:
    resources = _by_address(
        """
resource "aws_kms_key" "key" {}
resource "aws_s3_bucket" "logs" { bucket = "audit-logs" }
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.key.arn
    }
  }
}
"""
    )
    sse = resources["aws_s3_bucket_server_side_encryption_configuration.logs"]
    assert sse.type == "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
    assert sse.properties["bucket"] == "audit-logs"
    assert sse.properties["rules"][0]["applyServerSideEncryptionByDefault"]["kmsMasterKeyId"] == (
        "arn:aws:kms:us-east-1:123456789012:kms_key/key"
    )
    assert sse.property_dependencies == {"bucket": ["aws_s3_bucket.logs"], "rules": ["aws_kms_key.key"]}
    assert sse.dependencies == ["aws_s3_bucket.logs", "aws_kms_key.key"]
    assert "aws_s3_bucket.logs" in resources


def test_variables_take_their_default_and_are_unknown_without_one() -> None:
    instance = _by_address(
        """
variable "encrypted" { default = false }
variable "subnets" {}
locals { engine = "postgres" }
resource "aws_db_instance" "db" {
  storage_encrypted    = var.encrypted
  engine               = local.engine
  db_subnet_group_name = var.subnets
}
"""
    )["aws_db_instance.db"]
    assert instance.properties["storageEncrypted"] is False
    assert instance.properties["engine"] == "postgres"
    assert instance.properties["dbSubnetGroupName"] == UNKNOWN


def test_scalars_take_the_schema_type() -> None:
    group = _by_address(
        """
resource "aws_security_group" "web" {
  ingress {
    from_port   = "443"
    to_port     = "443"
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_db_instance" "db" {
  publicly_accessible = "true"
}
"""
    )
    assert group["aws_security_group.web"].properties["ingress"][0]["fromPort"] == 443
    assert group["aws_db_instance.db"].properties["publiclyAccessible"] is True


def test_jsonencode_and_heredoc_policies_become_json_strings() -> None:
    resources = _by_address(
        """
resource "aws_s3_bucket" "b" { bucket = "site" }
resource "aws_iam_policy" "encoded" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_s3_bucket.b.arn}/*" }]
  })
}
resource "aws_iam_policy" "heredoc" {
  policy = <<EOF
{"Version": "2012-10-17",
 "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::${aws_s3_bucket.b.id}/*"}]}
EOF
}
"""
    )
    encoded = json.loads(resources["aws_iam_policy.encoded"].properties["policy"])
    assert encoded["Statement"][0]["Resource"] == "arn:aws:s3:::site/*"
    heredoc = json.loads(resources["aws_iam_policy.heredoc"].properties["policy"])
    assert heredoc["Statement"][0] == {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::site/*"}


def test_a_policy_document_data_source_is_rendered_into_the_resource_that_reads_it() -> None:
    role = _by_address(
        """
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["123456789012"]
    }
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""
    )["aws_iam_role.r"]
    document = json.loads(role.properties["assumeRolePolicy"])
    assert document == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": "sts:AssumeRole",
                "Principal": "*",
                "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}},
            }
        ],
    }
    assert role.data_sources == ["data.aws_iam_policy_document.trust"]


def test_a_dynamic_block_contributes_its_content() -> None:
    group = _by_address(
        """
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = [22]
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
"""
    )["aws_security_group.sg"]
    assert group.properties["ingress"] == [
        {"fromPort": 22, "toPort": 22, "protocol": "tcp", "cidrBlocks": ["0.0.0.0/0"]}
    ]


def test_fields_pulumi_renames_take_the_pulumi_name() -> None:
    resources = _by_address(
        """
resource "aws_api_gateway_rest_api" "api" { name = "api" }
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "prod"
}
resource "aws_lambda_function" "fn" { function_name = "handler" }
"""
    )
    assert resources["aws_api_gateway_stage.prod"].properties["restApi"] == "api-id"
    assert resources["aws_lambda_function.fn"].properties["name"] == "handler"


def test_an_attribute_the_schema_lacks_is_kept_and_listed_as_unmapped() -> None:
    cluster = _by_address('resource "aws_redshift_cluster" "c" {\n  logging { enable = true }\n}\n')[
        "aws_redshift_cluster.c"
    ]
    assert cluster.unmapped == ["logging"]
    assert cluster.properties["logging"] == [{"enable": True}]


def test_an_aws_provider_with_static_keys_becomes_the_provider_resource() -> None:
    provider = _by_address(
        'provider "aws" {\n  region = "us-east-1"\n  access_key = "AKIAEXAMPLE"\n  secret_key = "s3cr3t"\n}\n'
    )["provider.aws"]
    assert provider.type == "pulumi:providers:aws"
    assert provider.properties == {"region": "us-east-1", "accessKey": "AKIAEXAMPLE", "secretKey": "s3cr3t"}


def test_module_calls_are_reported_as_skipped() -> None:
    module = parse('module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n')
    assert module.skipped == ["module.vpc"]


def test_each_resource_knows_its_line_span() -> None:
    resources = _by_address('\nresource "aws_sqs_queue" "a" {\n  name = "a"\n}\n\nresource "aws_sqs_queue" "b" {}\n')
    assert resources["aws_sqs_queue.a"].lines == (2, 5)
    assert resources["aws_sqs_queue.b"].lines[0] == 6


def test_text_that_is_not_hcl_is_a_clear_error() -> None:
    with pytest.raises(ConversionError, match="not parseable as HCL"):
        convert('resource "aws_s3_bucket" "b" {')


def test_a_converted_resource_is_judged_by_the_pack_as_the_engine_would_hand_it_over() -> None:
    resources = _by_address(
        """
resource "aws_db_instance" "plain" { storage_encrypted = false }
resource "aws_db_instance" "sealed" { storage_encrypted = true }
"""
    )
    plain, sealed = resources["aws_db_instance.plain"], resources["aws_db_instance.sealed"]
    assert violations(rds_instance_storage_encrypted, resource_args(plain.type, plain.properties))
    assert violations(rds_instance_storage_encrypted, resource_args(sealed.type, sealed.properties)) == []


def test_references_to_resources_that_are_not_converted_give_no_dependency() -> None:
    resources = _by_address(
        """
resource "random_id" "suffix" { byte_length = 4 }
resource "aws_s3_bucket" "b" { bucket = "logs-${random_id.suffix.hex}" }
resource "aws_s3_bucket" "b" { bucket = "again" }
"""
    )
    assert resources["aws_s3_bucket.b"].dependencies == []
    assert resources["aws_s3_bucket.b~2"].properties["bucket"] == "again"
