"""Failing and passing cases for every resource policy: a compliant resource, then one change.

Each case is (policy name, resource type, properties, expected violation count > 0). Stack policies
and odd document shapes have their own modules.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple


class Case(NamedTuple):
    id: str
    policy: str
    type: str
    props: dict[str, Any]
    violates: bool
    protect: bool = False
    config: dict[str, Any] | None = None


def doc(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


RDS = "aws:rds/instance:Instance"
CLUSTER = "aws:rds/cluster:Cluster"
LISTENER = "aws:lb/listener:Listener"
CF = "aws:cloudfront/distribution:Distribution"
SG = "aws:ec2/securityGroup:SecurityGroup"
ROLE = "aws:iam/role:Role"
IAM_POLICY = "aws:iam/policy:Policy"
KEY = "aws:kms/key:Key"

REDIRECT = [{"type": "redirect", "redirect": {"protocol": "HTTPS", "port": "443", "statusCode": "HTTP_301"}}]
FORWARD = [{"type": "forward", "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/x/1"}]
VIEWER_OK = {"viewerProtocolPolicy": "redirect-to-https", "targetOriginId": "s3"}
TRUST_LAMBDA = doc({"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"})
ROOT_ADMIN = {
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    "Action": "kms:*",
    "Resource": "*",
}

CASES: list[Case] = [
    # --- encryption at rest
    Case("rds-unencrypted-by-default", "rds-instance-storage-encrypted", RDS, {"engine": "postgres"}, True),
    Case("rds-encrypted", "rds-instance-storage-encrypted", RDS, {"storageEncrypted": True}, False),
    Case("rds-replica-inherits", "rds-instance-storage-encrypted", RDS, {"replicateSourceDb": "db-1"}, False),
    Case("cluster-unencrypted", "database-cluster-storage-encrypted", CLUSTER, {"engine": "aurora-postgresql"}, True),
    Case("cluster-encrypted", "database-cluster-storage-encrypted", CLUSTER, {"storageEncrypted": True}, False),
    Case("serverless-v1", "database-cluster-storage-encrypted", CLUSTER, {"engineMode": "serverless"}, False),
    Case("docdb-unencrypted", "database-cluster-storage-encrypted", "aws:docdb/cluster:Cluster", {}, True),
    Case(
        "neptune-encrypted",
        "database-cluster-storage-encrypted",
        "aws:neptune/cluster:Cluster",
        {"storageEncrypted": True},
        False,
    ),
    Case("redshift-default", "redshift-cluster-encrypted", "aws:redshift/cluster:Cluster", {}, False),
    Case("redshift-off", "redshift-cluster-encrypted", "aws:redshift/cluster:Cluster", {"encrypted": "false"}, True),
    Case("dynamodb-owned-key", "dynamodb-table-encrypted-with-kms", "aws:dynamodb/table:Table", {}, True),
    Case(
        "dynamodb-kms",
        "dynamodb-table-encrypted-with-kms",
        "aws:dynamodb/table:Table",
        {"serverSideEncryption": {"enabled": True}},
        False,
    ),
    Case("dax-off", "dax-cluster-encrypted", "aws:dax/cluster:Cluster", {}, True),
    Case(
        "dax-on", "dax-cluster-encrypted", "aws:dax/cluster:Cluster", {"serverSideEncryption": {"enabled": True}}, False
    ),
    Case(
        "redis-at-rest-off",
        "elasticache-encrypted-at-rest",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        {},
        True,
    ),
    Case(
        "redis-at-rest-on",
        "elasticache-encrypted-at-rest",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        {"atRestEncryptionEnabled": True},
        False,
    ),
    Case("opensearch-at-rest-off", "opensearch-domain-encrypted-at-rest", "aws:opensearch/domain:Domain", {}, True),
    Case(
        "es-at-rest-on",
        "opensearch-domain-encrypted-at-rest",
        "aws:elasticsearch/domain:Domain",
        {"encryptAtRest": {"enabled": True}},
        False,
    ),
    Case("ebs-default", "ebs-encrypted", "aws:ebs/volume:Volume", {"size": 10}, True),
    Case("ebs-encrypted", "ebs-encrypted", "aws:ebs/volume:Volume", {"encrypted": True}, False),
    Case("ebs-from-snapshot", "ebs-encrypted", "aws:ebs/volume:Volume", {"snapshotId": "snap-1"}, False),
    Case(
        "ebs-default-off", "ebs-encrypted", "aws:ebs/encryptionByDefault:EncryptionByDefault", {"enabled": False}, True
    ),
    Case("instance-root-default", "ec2-block-devices-encrypted", "aws:ec2/instance:Instance", {"ami": "ami-1"}, True),
    Case(
        "instance-encrypted",
        "ec2-block-devices-encrypted",
        "aws:ec2/instance:Instance",
        {"rootBlockDevice": {"encrypted": True}, "ebsBlockDevices": [{"deviceName": "/dev/sdb", "encrypted": True}]},
        False,
    ),
    Case(
        "instance-ebs-plain",
        "ec2-block-devices-encrypted",
        "aws:ec2/instance:Instance",
        {"rootBlockDevice": {"encrypted": True}, "ebsBlockDevices": [{"deviceName": "/dev/sdb"}]},
        True,
    ),
    Case(
        "template-plain",
        "ec2-block-devices-encrypted",
        "aws:ec2/launchTemplate:LaunchTemplate",
        {"blockDeviceMappings": [{"deviceName": "/dev/xvda", "ebs": {"volumeSize": 8}}]},
        True,
    ),
    Case(
        "template-encrypted",
        "ec2-block-devices-encrypted",
        "aws:ec2/launchTemplate:LaunchTemplate",
        {"blockDeviceMappings": [{"deviceName": "/dev/xvda", "ebs": {"encrypted": "true"}}]},
        False,
    ),
    Case("efs-default", "efs-file-system-encrypted", "aws:efs/fileSystem:FileSystem", {}, True),
    Case("efs-on", "efs-file-system-encrypted", "aws:efs/fileSystem:FileSystem", {"encrypted": True}, False),
    Case("sns-plain", "sns-topic-encrypted", "aws:sns/topic:Topic", {}, True),
    Case("sns-kms", "sns-topic-encrypted", "aws:sns/topic:Topic", {"kmsMasterKeyId": "alias/paved"}, False),
    Case("sqs-default-sse", "sqs-queue-encrypted", "aws:sqs/queue:Queue", {}, False),
    Case("sqs-sse-off", "sqs-queue-encrypted", "aws:sqs/queue:Queue", {"sqsManagedSseEnabled": False}, True),
    Case("kinesis-default", "kinesis-stream-encrypted", "aws:kinesis/stream:Stream", {}, True),
    Case("kinesis-kms", "kinesis-stream-encrypted", "aws:kinesis/stream:Stream", {"encryptionType": "KMS"}, False),
    Case(
        "firehose-default",
        "firehose-delivery-stream-encrypted",
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        {"destination": "extended_s3"},
        True,
    ),
    Case(
        "firehose-from-kinesis",
        "firehose-delivery-stream-encrypted",
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        {"kinesisSourceConfiguration": {"kinesisStreamArn": "arn"}},
        False,
    ),
    Case(
        "log-group-default-key",
        "cloudwatch-log-group-encrypted-with-kms",
        "aws:cloudwatch/logGroup:LogGroup",
        {"retentionInDays": 7},
        True,
    ),
    Case(
        "log-group-kms",
        "cloudwatch-log-group-encrypted-with-kms",
        "aws:cloudwatch/logGroup:LogGroup",
        {"kmsKeyId": "arn:aws:kms:k"},
        False,
    ),
    Case(
        "secret-default-key", "secretsmanager-secret-encrypted-with-kms", "aws:secretsmanager/secret:Secret", {}, True
    ),
    Case("vault-default-key", "backup-vault-encrypted-with-kms", "aws:backup/vault:Vault", {}, True),
    Case(
        "notebook-default-key",
        "sagemaker-notebook-encrypted-with-kms",
        "aws:sagemaker/notebookInstance:NotebookInstance",
        {},
        True,
    ),
    Case(
        "trail-kms", "cloudtrail-encrypted-with-kms", "aws:cloudtrail/trail:Trail", {"kmsKeyId": "arn:aws:kms:k"}, False
    ),
    Case("ecr-aes", "ecr-repository-encrypted-with-kms", "aws:ecr/repository:Repository", {}, True),
    Case(
        "ecr-kms",
        "ecr-repository-encrypted-with-kms",
        "aws:ecr/repository:Repository",
        {"encryptionConfigurations": [{"encryptionType": "KMS"}]},
        False,
    ),
    Case(
        "codebuild-disabled",
        "codebuild-artifacts-encrypted",
        "aws:codebuild/project:Project",
        {"artifacts": {"type": "S3", "encryptionDisabled": True}},
        True,
    ),
    Case(
        "codebuild-default",
        "codebuild-artifacts-encrypted",
        "aws:codebuild/project:Project",
        {"artifacts": {"type": "S3"}},
        False,
    ),
    Case(
        "glue-catalog-off",
        "glue-encryption-enabled",
        "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings",
        {
            "dataCatalogEncryptionSettings": {
                "encryptionAtRest": {"catalogEncryptionMode": "DISABLED"},
                "connectionPasswordEncryption": {"returnConnectionPasswordEncrypted": True},
            }
        },
        True,
    ),
    Case(
        "glue-security-config-on",
        "glue-encryption-enabled",
        "aws:glue/securityConfiguration:SecurityConfiguration",
        {
            "encryptionConfiguration": {
                "cloudwatchEncryption": {"cloudwatchEncryptionMode": "SSE-KMS"},
                "jobBookmarksEncryption": {"jobBookmarksEncryptionMode": "CSE-KMS"},
                "s3Encryption": {"s3EncryptionMode": "SSE-KMS"},
            }
        },
        False,
    ),
    Case(
        "athena-workgroup-plain",
        "athena-results-encrypted",
        "aws:athena/workgroup:Workgroup",
        {"configuration": {"resultConfiguration": {"outputLocation": "s3://b/"}}},
        True,
    ),
    Case(
        "athena-workgroup-encrypted",
        "athena-results-encrypted",
        "aws:athena/workgroup:Workgroup",
        {"configuration": {"resultConfiguration": {"encryptionConfiguration": {"encryptionOption": "SSE_KMS"}}}},
        False,
    ),
    # --- encryption in transit
    Case(
        "listener-http-forward",
        "lb-listener-https",
        LISTENER,
        {"port": 80, "protocol": "HTTP", "defaultActions": FORWARD},
        True,
    ),
    Case("listener-default-protocol", "lb-listener-https", LISTENER, {"port": 80, "defaultActions": FORWARD}, True),
    Case(
        "listener-http-redirect",
        "lb-listener-https",
        LISTENER,
        {"port": 80, "protocol": "HTTP", "defaultActions": REDIRECT},
        False,
    ),
    Case(
        "listener-https",
        "lb-listener-https",
        LISTENER,
        {"port": 443, "protocol": "HTTPS", "defaultActions": FORWARD},
        False,
    ),
    Case(
        "listener-default-tls-policy",
        "lb-listener-modern-tls-policy",
        "aws:alb/listener:Listener",
        {"protocol": "HTTPS"},
        True,
    ),
    Case(
        "listener-tls11-policy",
        "lb-listener-modern-tls-policy",
        LISTENER,
        {"protocol": "TLS", "sslPolicy": "ELBSecurityPolicy-TLS13-1-1-2021-06"},
        True,
    ),
    Case(
        "listener-tls12-policy",
        "lb-listener-modern-tls-policy",
        LISTENER,
        {"protocol": "HTTPS", "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06"},
        False,
    ),
    Case(
        "cf-allow-all",
        "cloudfront-viewer-https-only",
        CF,
        {"defaultCacheBehavior": {"viewerProtocolPolicy": "allow-all"}},
        True,
    ),
    Case(
        "cf-ordered-allow-all",
        "cloudfront-viewer-https-only",
        CF,
        {
            "defaultCacheBehavior": VIEWER_OK,
            "orderedCacheBehaviors": [{"pathPattern": "/api/*", "viewerProtocolPolicy": "allow-all"}],
        },
        True,
    ),
    Case("cf-redirect", "cloudfront-viewer-https-only", CF, {"defaultCacheBehavior": VIEWER_OK}, False),
    Case(
        "cf-custom-cert-tls1",
        "cloudfront-minimum-tls-1-2",
        CF,
        {"viewerCertificate": {"acmCertificateArn": "arn", "sslSupportMethod": "sni-only"}},
        True,
    ),
    Case(
        "cf-custom-cert-tls12",
        "cloudfront-minimum-tls-1-2",
        CF,
        {"viewerCertificate": {"acmCertificateArn": "arn", "minimumProtocolVersion": "TLSv1.2_2021"}},
        False,
    ),
    Case(
        "cf-default-cert",
        "cloudfront-minimum-tls-1-2",
        CF,
        {"viewerCertificate": {"cloudfrontDefaultCertificate": True}},
        False,
    ),
    Case(
        "cf-origin-http",
        "cloudfront-origin-https-only",
        CF,
        {
            "origins": [
                {
                    "originId": "api",
                    "domainName": "x",
                    "customOriginConfig": {"originProtocolPolicy": "http-only", "originSslProtocols": ["TLSv1.2"]},
                }
            ]
        },
        True,
    ),
    Case(
        "cf-origin-weak-tls",
        "cloudfront-origin-https-only",
        CF,
        {
            "origins": [
                {
                    "originId": "api",
                    "domainName": "x",
                    "customOriginConfig": {
                        "originProtocolPolicy": "https-only",
                        "originSslProtocols": ["TLSv1", "TLSv1.2"],
                    },
                }
            ]
        },
        True,
    ),
    Case(
        "cf-origin-https",
        "cloudfront-origin-https-only",
        CF,
        {
            "origins": [
                {
                    "originId": "api",
                    "domainName": "x",
                    "customOriginConfig": {"originProtocolPolicy": "https-only", "originSslProtocols": ["TLSv1.2"]},
                }
            ]
        },
        False,
    ),
    Case(
        "apigw-domain-default",
        "apigateway-domain-tls-1-2",
        "aws:apigateway/domainName:DomainName",
        {"domainName": "api.example.com"},
        True,
    ),
    Case(
        "apigw-domain-tls12",
        "apigateway-domain-tls-1-2",
        "aws:apigateway/domainName:DomainName",
        {"securityPolicy": "TLS_1_2"},
        False,
    ),
    Case(
        "apigwv2-domain-tls12",
        "apigateway-domain-tls-1-2",
        "aws:apigatewayv2/domainName:DomainName",
        {"domainNameConfiguration": {"securityPolicy": "TLS_1_2"}},
        False,
    ),
    Case(
        "redis-no-tls",
        "elasticache-in-transit-encryption",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        {},
        True,
    ),
    Case(
        "redis-tls",
        "elasticache-in-transit-encryption",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        {"transitEncryptionEnabled": True},
        False,
    ),
    Case(
        "pg14-param-group-default",
        "rds-ssl-enforced",
        "aws:rds/parameterGroup:ParameterGroup",
        {"family": "postgres14"},
        True,
    ),
    Case(
        "pg16-param-group-default",
        "rds-ssl-enforced",
        "aws:rds/parameterGroup:ParameterGroup",
        {"family": "postgres16"},
        False,
    ),
    Case(
        "pg16-param-group-off",
        "rds-ssl-enforced",
        "aws:rds/parameterGroup:ParameterGroup",
        {"family": "postgres16", "parameters": [{"name": "rds.force_ssl", "value": "0"}]},
        True,
    ),
    Case(
        "aurora-cluster-params-forced",
        "rds-ssl-enforced",
        "aws:rds/clusterParameterGroup:ClusterParameterGroup",
        {"family": "aurora-postgresql16", "parameters": [{"name": "rds.force_ssl", "value": "1"}]},
        False,
    ),
    Case("aurora-default-params", "rds-ssl-enforced", CLUSTER, {"engine": "aurora-postgresql"}, True),
    Case(
        "mysql-secure-transport",
        "rds-ssl-enforced",
        "aws:rds/parameterGroup:ParameterGroup",
        {"family": "mysql8.0", "parameters": [{"name": "require_secure_transport", "value": "ON"}]},
        False,
    ),
    Case(
        "pg16-instance-default-params", "rds-ssl-enforced", RDS, {"engine": "postgres", "engineVersion": "16.6"}, False
    ),
    Case("opensearch-plain", "opensearch-domain-encrypted-in-transit", "aws:opensearch/domain:Domain", {}, True),
    Case(
        "opensearch-tls12",
        "opensearch-domain-encrypted-in-transit",
        "aws:opensearch/domain:Domain",
        {
            "nodeToNodeEncryption": {"enabled": True},
            "domainEndpointOptions": {"enforceHttps": True, "tlsSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"},
        },
        False,
    ),
    Case(
        "msk-plaintext",
        "msk-cluster-encrypted-in-transit",
        "aws:msk/cluster:Cluster",
        {"encryptionInfo": {"encryptionInTransit": {"clientBroker": "TLS_PLAINTEXT"}}},
        True,
    ),
    Case("msk-default", "msk-cluster-encrypted-in-transit", "aws:msk/cluster:Cluster", {}, False),
    # --- IAM
    Case(
        "star-action",
        "iam-no-wildcard-actions",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": "*", "Resource": "*"})},
        True,
    ),
    Case(
        "service-star-any-case",
        "iam-no-wildcard-actions",
        "aws:iam/rolePolicy:RolePolicy",
        {"policy": doc({"Effect": "Allow", "Action": ["DynamoDB:*"], "Resource": "arn:aws:dynamodb:::table/t"})},
        True,
    ),
    Case(
        "deny-star-is-fine",
        "iam-no-wildcard-actions",
        IAM_POLICY,
        {"policy": doc({"Effect": "Deny", "Action": "*", "Resource": "*"})},
        False,
    ),
    Case(
        "named-actions",
        "iam-no-wildcard-actions",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::b/*"})},
        False,
    ),
    Case(
        "inline-role-star",
        "iam-no-wildcard-actions",
        ROLE,
        {
            "assumeRolePolicy": TRUST_LAMBDA,
            "inlinePolicies": [{"name": "x", "policy": doc({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})}],
        },
        True,
    ),
    Case(
        "write-on-star",
        "iam-no-wildcard-resource-writes",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "*"})},
        True,
    ),
    Case(
        "prefix-write-on-star",
        "iam-no-wildcard-resource-writes",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": "sqs:Send*", "Resource": "*"})},
        True,
    ),
    Case(
        "read-on-star",
        "iam-no-wildcard-resource-writes",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": ["ec2:DescribeInstances"], "Resource": "*"})},
        False,
    ),
    Case(
        "write-on-arn",
        "iam-no-wildcard-resource-writes",
        IAM_POLICY,
        {
            "policy": doc(
                {"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "arn:aws:dynamodb:us-east-1:1:table/t"}
            )
        },
        False,
    ),
    Case(
        "write-star-only-action",
        "iam-no-wildcard-resource-writes",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": "ec2:CreateVpc", "Resource": "*"})},
        True,
    ),
    Case(
        "wildcard-only-action-on-star",
        "iam-no-wildcard-resource-writes",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": "s3:CreateBucket", "Resource": "*"})},
        True,
    ),
    Case(
        "tag-scoped-write",
        "iam-no-wildcard-resource-writes",
        IAM_POLICY,
        {
            "policy": doc(
                {
                    "Effect": "Allow",
                    "Action": "ec2:StopInstances",
                    "Resource": "*",
                    "Condition": {"StringEquals": {"aws:ResourceTag/project": "paved"}},
                }
            )
        },
        False,
    ),
    Case(
        "passrole-star",
        "iam-no-passrole-on-wildcard",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})},
        True,
    ),
    Case(
        "passrole-named",
        "iam-no-passrole-on-wildcard",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/r"})},
        False,
    ),
    Case(
        "not-action-allow",
        "iam-no-allow-with-not-action",
        IAM_POLICY,
        {"policy": doc({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})},
        True,
    ),
    Case(
        "not-action-deny",
        "iam-no-allow-with-not-action",
        IAM_POLICY,
        {"policy": doc({"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"})},
        False,
    ),
    Case(
        "admin-attachment",
        "iam-no-admin-managed-policies",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        {"role": "r", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"},
        True,
    ),
    Case(
        "s3-full-attachment",
        "iam-no-admin-managed-policies",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        {"role": "r", "policyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"},
        True,
    ),
    Case(
        "role-managed-poweruser",
        "iam-no-admin-managed-policies",
        ROLE,
        {"assumeRolePolicy": TRUST_LAMBDA, "managedPolicyArns": ["arn:aws:iam::aws:policy/PowerUserAccess"]},
        True,
    ),
    Case(
        "readonly-attachment",
        "iam-no-admin-managed-policies",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        {"role": "r", "policyArn": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"},
        False,
    ),
    Case(
        "user-inline",
        "iam-user-no-policies",
        "aws:iam/userPolicy:UserPolicy",
        {"user": "u", "policy": doc({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})},
        True,
    ),
    Case(
        "policy-attachment-users",
        "iam-user-no-policies",
        "aws:iam/policyAttachment:PolicyAttachment",
        {"policyArn": "arn", "users": ["u"]},
        True,
    ),
    Case(
        "policy-attachment-roles",
        "iam-user-no-policies",
        "aws:iam/policyAttachment:PolicyAttachment",
        {"policyArn": "arn", "roles": ["r"]},
        False,
    ),
    Case(
        "trust-star",
        "iam-trust-policy-no-public-principal",
        ROLE,
        {"assumeRolePolicy": doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"})},
        True,
    ),
    Case(
        "trust-star-org",
        "iam-trust-policy-no-public-principal",
        ROLE,
        {
            "assumeRolePolicy": doc(
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1"}},
                }
            )
        },
        False,
    ),
    Case("trust-service", "iam-trust-policy-no-public-principal", ROLE, {"assumeRolePolicy": TRUST_LAMBDA}, False),
    Case("key-root-admin", "kms-key-policy-least-privilege", KEY, {"policy": doc(ROOT_ADMIN)}, False),
    Case(
        "key-public",
        "kms-key-policy-least-privilege",
        KEY,
        {"policy": doc(ROOT_ADMIN, {"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"})},
        True,
    ),
    Case(
        "key-role-kms-star",
        "kms-key-policy-least-privilege",
        "aws:kms/keyPolicy:KeyPolicy",
        {
            "keyId": "k",
            "policy": doc(
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::123456789012:role/app"},
                    "Action": "kms:*",
                    "Resource": "*",
                }
            ),
        },
        True,
    ),
    Case(
        "key-service-scoped",
        "kms-key-policy-least-privilege",
        KEY,
        {
            "policy": doc(
                ROOT_ADMIN,
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
                    "Action": ["kms:Encrypt*", "kms:Decrypt*"],
                    "Resource": "*",
                    "Condition": {
                        "ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:*"}
                    },
                },
            )
        },
        False,
    ),
    Case(
        "bucket-policy-public",
        "resource-policy-no-public-principal",
        "aws:s3/bucketPolicy:BucketPolicy",
        {
            "bucket": "b",
            "policy": doc(
                {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
            ),
        },
        True,
    ),
    Case(
        "bucket-policy-tls-deny",
        "resource-policy-no-public-principal",
        "aws:s3/bucketPolicy:BucketPolicy",
        {
            "bucket": "b",
            "policy": doc(
                {
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "s3:*",
                    "Resource": "arn:aws:s3:::b/*",
                    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                }
            ),
        },
        False,
    ),
    Case(
        "bucket-policy-cloudfront",
        "resource-policy-no-public-principal",
        "aws:s3/bucketPolicy:BucketPolicy",
        {
            "bucket": "b",
            "policy": doc(
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "cloudfront.amazonaws.com"},
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::b/*",
                    "Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::1:distribution/D"}},
                }
            ),
        },
        False,
    ),
    Case(
        "sqs-queue-public",
        "resource-policy-no-public-principal",
        "aws:sqs/queuePolicy:QueuePolicy",
        {
            "queueUrl": "q",
            "policy": doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:SendMessage", "Resource": "*"}),
        },
        True,
    ),
    Case(
        "sns-topic-source-arn",
        "resource-policy-no-public-principal",
        "aws:sns/topicPolicy:TopicPolicy",
        {
            "arn": "t",
            "policy": doc(
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "sns:Publish",
                    "Resource": "*",
                    "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::b"}},
                }
            ),
        },
        False,
    ),
    Case(
        "lambda-permission-public",
        "resource-policy-no-public-principal",
        "aws:lambda/permission:Permission",
        {"action": "lambda:InvokeFunction", "function": "f", "principal": "*"},
        True,
    ),
    Case(
        "lambda-permission-source",
        "resource-policy-no-public-principal",
        "aws:lambda/permission:Permission",
        {
            "action": "lambda:InvokeFunction",
            "function": "f",
            "principal": "apigateway.amazonaws.com",
            "sourceArn": "arn",
        },
        False,
    ),
    # --- public exposure
    Case(
        "ssh-open",
        "security-group-no-public-ingress",
        SG,
        {"ingress": [{"protocol": "tcp", "fromPort": 22, "toPort": 22, "cidrBlocks": ["0.0.0.0/0"]}]},
        True,
    ),
    Case(
        "all-open-ipv6",
        "security-group-no-public-ingress",
        SG,
        {"ingress": [{"protocol": "-1", "fromPort": 0, "toPort": 0, "ipv6CidrBlocks": ["::/0"]}]},
        True,
    ),
    Case(
        "https-open",
        "security-group-no-public-ingress",
        SG,
        {"ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]}]},
        False,
    ),
    Case(
        "range-open",
        "security-group-no-public-ingress",
        SG,
        {"ingress": [{"protocol": "tcp", "fromPort": 80, "toPort": 443, "cidrBlocks": ["0.0.0.0/0"]}]},
        True,
    ),
    Case(
        "private-cidr",
        "security-group-no-public-ingress",
        SG,
        {"ingress": [{"protocol": "tcp", "fromPort": 5432, "toPort": 5432, "cidrBlocks": ["10.0.0.0/16"]}]},
        False,
    ),
    Case(
        "rule-open-db",
        "security-group-no-public-ingress",
        "aws:ec2/securityGroupRule:SecurityGroupRule",
        {
            "type": "ingress",
            "protocol": "tcp",
            "fromPort": 5432,
            "toPort": 5432,
            "cidrBlocks": ["0.0.0.0/0"],
            "securityGroupId": "sg-1",
        },
        True,
    ),
    Case(
        "egress-rule-open",
        "security-group-no-public-ingress",
        "aws:ec2/securityGroupRule:SecurityGroupRule",
        {
            "type": "egress",
            "protocol": "-1",
            "fromPort": 0,
            "toPort": 0,
            "cidrBlocks": ["0.0.0.0/0"],
            "securityGroupId": "sg-1",
        },
        False,
    ),
    Case(
        "vpc-ingress-rule-open",
        "security-group-no-public-ingress",
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        {"ipProtocol": "tcp", "fromPort": 3389, "toPort": 3389, "cidrIpv4": "0.0.0.0/0", "securityGroupId": "sg-1"},
        True,
    ),
    Case("rds-public", "database-not-publicly-accessible", RDS, {"publiclyAccessible": True}, True),
    Case("rds-private-default", "database-not-publicly-accessible", RDS, {}, False),
    Case("mq-public", "database-not-publicly-accessible", "aws:mq/broker:Broker", {"publiclyAccessible": True}, True),
    Case("bucket-public-acl", "s3-no-public-acl", "aws:s3/bucket:Bucket", {"acl": "public-read"}, True),
    Case(
        "bucket-acl-grant-all-users",
        "s3-no-public-acl",
        "aws:s3/bucketAcl:BucketAcl",
        {
            "bucket": "b",
            "accessControlPolicy": {
                "owner": {"id": "o"},
                "grants": [
                    {
                        "permission": "READ",
                        "grantee": {"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers"},
                    }
                ],
            },
        },
        True,
    ),
    Case(
        "object-private",
        "s3-no-public-acl",
        "aws:s3/bucketObjectv2:BucketObjectv2",
        {"bucket": "b", "acl": "private"},
        False,
    ),
    Case(
        "ami-public",
        "no-public-snapshots-or-images",
        "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
        {"imageId": "ami-1", "group": "all"},
        True,
    ),
    Case(
        "rds-snapshot-shared",
        "no-public-snapshots-or-images",
        "aws:rds/snapshot:Snapshot",
        {"sharedAccounts": ["all"]},
        True,
    ),
    Case(
        "rds-snapshot-account",
        "no-public-snapshots-or-images",
        "aws:rds/snapshot:Snapshot",
        {"sharedAccounts": ["123456789012"]},
        False,
    ),
    Case(
        "ebs-snapshot-unblocked",
        "no-public-snapshots-or-images",
        "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess",
        {"state": "unblocked"},
        True,
    ),
    Case(
        "eks-public-default",
        "eks-endpoint-restricted",
        "aws:eks/cluster:Cluster",
        {"vpcConfig": {"subnetIds": ["s"]}},
        True,
    ),
    Case(
        "eks-private",
        "eks-endpoint-restricted",
        "aws:eks/cluster:Cluster",
        {"vpcConfig": {"endpointPublicAccess": False}},
        False,
    ),
    Case(
        "eks-cidrs",
        "eks-endpoint-restricted",
        "aws:eks/cluster:Cluster",
        {"vpcConfig": {"publicAccessCidrs": ["203.0.113.0/24"]}},
        False,
    ),
    Case(
        "function-url-none",
        "lambda-function-url-requires-auth",
        "aws:lambda/functionUrl:FunctionUrl",
        {"functionName": "f", "authorizationType": "NONE"},
        True,
    ),
    Case(
        "function-url-iam",
        "lambda-function-url-requires-auth",
        "aws:lambda/functionUrl:FunctionUrl",
        {"functionName": "f", "authorizationType": "AWS_IAM"},
        False,
    ),
    Case("opensearch-public-endpoint", "opensearch-domain-not-public", "aws:opensearch/domain:Domain", {}, True),
    Case(
        "opensearch-in-vpc",
        "opensearch-domain-not-public",
        "aws:opensearch/domain:Domain",
        {"vpcOptions": {"subnetIds": ["s"]}},
        False,
    ),
    Case(
        "opensearch-open-policy",
        "opensearch-domain-not-public",
        "aws:opensearch/domainPolicy:DomainPolicy",
        {
            "domainName": "d",
            "accessPolicies": doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "*"}),
        },
        True,
    ),
    Case(
        "instance-public-ip",
        "ec2-instance-no-public-ip",
        "aws:ec2/instance:Instance",
        {"associatePublicIpAddress": True},
        True,
    ),
    Case("instance-private", "ec2-instance-no-public-ip", "aws:ec2/instance:Instance", {}, False),
    Case(
        "template-public-ip",
        "ec2-instance-no-public-ip",
        "aws:ec2/launchTemplate:LaunchTemplate",
        {"networkInterfaces": [{"associatePublicIpAddress": "true"}]},
        True,
    ),
    Case(
        "notebook-internet-default",
        "sagemaker-notebook-no-direct-internet",
        "aws:sagemaker/notebookInstance:NotebookInstance",
        {},
        True,
    ),
    Case(
        "notebook-internet-off",
        "sagemaker-notebook-no-direct-internet",
        "aws:sagemaker/notebookInstance:NotebookInstance",
        {"directInternetAccess": "Disabled"},
        False,
    ),
    # --- data protection
    Case("stateful-unprotected", "stateful-resource-protected", "aws:dynamodb/table:Table", {}, True),
    Case("stateful-protected", "stateful-resource-protected", "aws:dynamodb/table:Table", {}, False, True),
    Case("rds-no-deletion-protection", "deletion-protection-enabled", RDS, {}, True),
    Case("rds-deletion-protection", "deletion-protection-enabled", RDS, {"deletionProtection": True}, False),
    Case(
        "table-deletion-protection",
        "deletion-protection-enabled",
        "aws:dynamodb/table:Table",
        {"deletionProtectionEnabled": True},
        False,
    ),
    Case("user-pool-inactive", "deletion-protection-enabled", "aws:cognito/userPool:UserPool", {}, True),
    Case(
        "user-pool-active",
        "deletion-protection-enabled",
        "aws:cognito/userPool:UserPool",
        {"deletionProtection": "ACTIVE"},
        False,
    ),
    Case("skip-final-snapshot", "database-final-snapshot", CLUSTER, {"skipFinalSnapshot": True}, True),
    Case("final-snapshot-default", "database-final-snapshot", CLUSTER, {}, False),
    Case("backups-one-day", "backup-retention-minimum", CLUSTER, {"backupRetentionPeriod": 1}, True),
    Case("backups-default", "backup-retention-minimum", RDS, {"engine": "postgres"}, True),
    Case("backups-fourteen", "backup-retention-minimum", RDS, {"backupRetentionPeriod": 14}, False),
    Case(
        "aurora-instance-backups-via-cluster", "backup-retention-minimum", RDS, {"engine": "aurora-postgresql"}, False
    ),
    Case(
        "cache-snapshots-default",
        "backup-retention-minimum",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        {},
        True,
    ),
    Case("table-no-pitr", "dynamodb-point-in-time-recovery", "aws:dynamodb/table:Table", {}, True),
    Case(
        "table-pitr",
        "dynamodb-point-in-time-recovery",
        "aws:dynamodb/table:Table",
        {"pointInTimeRecovery": {"enabled": True}},
        False,
    ),
    Case("bucket-force-destroy", "no-force-destroy", "aws:s3/bucket:Bucket", {"forceDestroy": True}, True),
    Case("ecr-force-delete", "no-force-destroy", "aws:ecr/repository:Repository", {"forceDelete": True}, True),
    Case("bucket-keep", "no-force-destroy", "aws:s3/bucket:Bucket", {}, False),
    Case("key-no-rotation", "kms-key-rotation-enabled", KEY, {}, True),
    Case("key-rotation", "kms-key-rotation-enabled", KEY, {"enableKeyRotation": True}, False),
    Case(
        "asymmetric-key",
        "kms-key-rotation-enabled",
        KEY,
        {"customerMasterKeySpec": "RSA_2048", "keyUsage": "SIGN_VERIFY"},
        False,
    ),
    Case("key-window-default", "kms-key-deletion-window", KEY, {}, False),
    Case("key-window-seven", "kms-key-deletion-window", KEY, {"deletionWindowInDays": 7}, False),
    Case(
        "key-window-below-prod-minimum",
        "kms-key-deletion-window",
        KEY,
        {"deletionWindowInDays": 7},
        True,
        config={"minimumDays": 30},
    ),
    Case(
        "backups-seven-below-prod-minimum",
        "backup-retention-minimum",
        RDS,
        {"backupRetentionPeriod": 7},
        True,
        config={"minimumDays": 14},
    ),
    # --- logging
    Case(
        "alb-no-access-logs",
        "lb-access-logs-enabled",
        "aws:lb/loadBalancer:LoadBalancer",
        {"loadBalancerType": "application"},
        True,
    ),
    Case(
        "alb-access-logs",
        "lb-access-logs-enabled",
        "aws:lb/loadBalancer:LoadBalancer",
        {"accessLogs": {"bucket": "logs", "enabled": True}},
        False,
    ),
    Case(
        "gwlb-no-logs",
        "lb-access-logs-enabled",
        "aws:lb/loadBalancer:LoadBalancer",
        {"loadBalancerType": "gateway"},
        False,
    ),
    Case(
        "stage-no-logs",
        "apigateway-access-logs",
        "aws:apigatewayv2/stage:Stage",
        {"apiId": "a", "name": "$default"},
        True,
    ),
    Case(
        "stage-logs",
        "apigateway-access-logs",
        "aws:apigateway/stage:Stage",
        {"accessLogSettings": {"destinationArn": "arn", "format": "{}"}},
        False,
    ),
    Case(
        "trail-no-validation",
        "cloudtrail-logging-and-validation",
        "aws:cloudtrail/trail:Trail",
        {"s3BucketName": "b"},
        True,
    ),
    Case(
        "trail-validated",
        "cloudtrail-logging-and-validation",
        "aws:cloudtrail/trail:Trail",
        {"s3BucketName": "b", "enableLogFileValidation": True},
        False,
    ),
    Case("log-group-forever", "log-group-retention-set", "aws:cloudwatch/logGroup:LogGroup", {}, True),
    Case(
        "log-group-retention",
        "log-group-retention-set",
        "aws:cloudwatch/logGroup:LogGroup",
        {"retentionInDays": 14},
        False,
    ),
]

CASES += [
    Case(
        "secret-kms",
        "secretsmanager-secret-encrypted-with-kms",
        "aws:secretsmanager/secret:Secret",
        {"kmsKeyId": "k"},
        False,
    ),
    Case(
        "vault-kms", "backup-vault-encrypted-with-kms", "aws:backup/vault:Vault", {"kmsKeyArn": "arn:aws:kms:k"}, False
    ),
    Case(
        "notebook-kms",
        "sagemaker-notebook-encrypted-with-kms",
        "aws:sagemaker/notebookInstance:NotebookInstance",
        {"kmsKeyId": "k"},
        False,
    ),
    Case(
        "trail-default-key", "cloudtrail-encrypted-with-kms", "aws:cloudtrail/trail:Trail", {"s3BucketName": "b"}, True
    ),
]

CASES += [
    Case(
        "secret-force-delete", "no-force-destroy", "aws:secretsmanager/secret:Secret", {"recoveryWindowInDays": 0}, True
    ),
    Case(
        "secret-recovery-window",
        "no-force-destroy",
        "aws:secretsmanager/secret:Secret",
        {"recoveryWindowInDays": 7},
        False,
    ),
    Case("secret-default-window", "no-force-destroy", "aws:secretsmanager/secret:Secret", {}, False),
    Case("secret-not-stateful", "stateful-resource-protected", "aws:secretsmanager/secret:Secret", {}, False),
]

CASES += [
    Case(
        "docdb-tls-off",
        "database-parameter-group-tls",
        "aws:docdb/clusterParameterGroup:ClusterParameterGroup",
        {"family": "docdb5.0", "parameters": [{"name": "tls", "value": "disabled"}]},
        True,
    ),
    Case(
        "docdb-tls-default",
        "database-parameter-group-tls",
        "aws:docdb/clusterParameterGroup:ClusterParameterGroup",
        {"family": "docdb5.0"},
        False,
    ),
    Case(
        "redshift-ssl-default",
        "database-parameter-group-tls",
        "aws:redshift/parameterGroup:ParameterGroup",
        {"family": "redshift-1.0"},
        True,
    ),
    Case(
        "redshift-ssl-required",
        "database-parameter-group-tls",
        "aws:redshift/parameterGroup:ParameterGroup",
        {"family": "redshift-1.0", "parameters": [{"name": "require_ssl", "value": "true"}]},
        False,
    ),
    Case("memorydb-tls-off", "memorydb-cluster-tls", "aws:memorydb/cluster:Cluster", {"tlsEnabled": False}, True),
    Case(
        "memorydb-tls-default",
        "memorydb-cluster-tls",
        "aws:memorydb/cluster:Cluster",
        {"nodeType": "db.t4g.small"},
        False,
    ),
    Case(
        "transfer-ftp",
        "transfer-server-no-plain-ftp",
        "aws:transfer/server:Server",
        {"protocols": ["FTP", "SFTP"]},
        True,
    ),
    Case("transfer-sftp", "transfer-server-no-plain-ftp", "aws:transfer/server:Server", {"protocols": ["SFTP"]}, False),
    Case(
        "neptune-instance-public",
        "database-not-publicly-accessible",
        "aws:neptune/clusterInstance:ClusterInstance",
        {"publiclyAccessible": True},
        True,
    ),
    Case(
        "sagemaker-endpoint-default-key",
        "sagemaker-endpoint-encrypted-with-kms",
        "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
        {},
        True,
    ),
    Case(
        "sagemaker-endpoint-kms",
        "sagemaker-endpoint-encrypted-with-kms",
        "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
        {"kmsKeyArn": "k"},
        False,
    ),
]
