"""A compliant baseline for every resource type a resource policy covers: each passes the whole pack.

The settings are paved's own where paved creates the type (the stack key, TLS 1.2, private
subnets…), and the provider's secure choice elsewhere. A policy test takes a baseline, changes one
property, and states exactly what the pack reports (``Baseline.violations``).
``test_baselines.py`` checks that every covered type has one and that each passes.
"""

from __future__ import annotations

import json
from typing import Any, Final

from paved_policies import types as t
from paved_policies.testing import Baseline

KEY_ARN: Final = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ACCOUNT: Final = "123456789012"
LOGS_BUCKET: Final = "paved-logs-1a2b3c"
CERTIFICATE_ARN: Final = "arn:aws:acm:us-east-1:123456789012:certificate/abcd"
LOG_GROUP_ARN: Final = "arn:aws:logs:us-east-1:123456789012:log-group:/paved/api"


def document(*statements: dict[str, Any]) -> str:
    """A policy document as the engine usually carries it: a JSON string."""
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


ROOT_ADMINISTERS_KEY: Final = {
    "Sid": "AccountAdministers",
    "Effect": "Allow",
    "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
    "Action": "kms:*",
    "Resource": "*",
}
LOGS_USE_KEY: Final = {
    "Sid": "LogsUseKey",
    "Effect": "Allow",
    "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
    "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"],
    "Resource": "*",
    "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:us-east-1:{ACCOUNT}:*"}},
}
LAMBDA_TRUST: Final = {
    "Effect": "Allow",
    "Principal": {"Service": "lambda.amazonaws.com"},
    "Action": "sts:AssumeRole",
    "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
}
READ_ITEMS: Final = {
    "Sid": "ReadItems",
    "Effect": "Allow",
    "Action": ["dynamodb:GetItem", "dynamodb:Query"],
    "Resource": f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/items",
}
APP_ROLE_READS: Final = {
    "Sid": "AppReads",
    "Effect": "Allow",
    "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:role/app"},
    "Action": "sqs:ReceiveMessage",
    "Resource": "*",
}
DENY_WITHOUT_TLS: Final = {
    "Sid": "DenyWithoutTls",
    "Effect": "Deny",
    "Principal": "*",
    "Action": "s3:*",
    "Resource": ["arn:aws:s3:::paved-data", "arn:aws:s3:::paved-data/*"],
    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
}
FORWARD: Final = [{"type": "forward", "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/app/1"}]
REDIRECT_TO_HTTPS: Final = [
    {"type": "redirect", "redirect": {"protocol": "HTTPS", "port": "443", "statusCode": "HTTP_301"}}
]
ENCRYPTED_IN_TRANSIT: Final = {"clientBroker": "TLS", "inCluster": True}
API_ORIGIN_CONFIG: Final[dict[str, Any]] = {
    "httpPort": 80,
    "httpsPort": 443,
    "originProtocolPolicy": "https-only",
    "originSslProtocols": ["TLSv1.2"],
}
API_ORIGIN: Final[dict[str, Any]] = {
    "originId": "api",
    "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
    "customOriginConfig": API_ORIGIN_CONFIG,
}
SITE_ORIGIN: Final = {"originId": "site", "domainName": "paved-site.s3.amazonaws.com", "originAccessControlId": "E1"}
SITE_BEHAVIOR: Final = {"targetOriginId": "site", "viewerProtocolPolicy": "redirect-to-https"}
API_BEHAVIOR: Final = {"pathPattern": "/api/*", "targetOriginId": "api", "viewerProtocolPolicy": "https-only"}
OWN_CERTIFICATE: Final = {
    "acmCertificateArn": CERTIFICATE_ARN,
    "sslSupportMethod": "sni-only",
    "minimumProtocolVersion": "TLSv1.2_2021",
}
OPENSEARCH_DOMAIN_PROPS: Final = {
    "engineVersion": "OpenSearch_2.13",
    "encryptAtRest": {"enabled": True, "kmsKeyId": KEY_ARN},
    "nodeToNodeEncryption": {"enabled": True},
    "domainEndpointOptions": {"enforceHttps": True, "tlsSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"},
    "vpcOptions": {"subnetIds": ["subnet-1"], "securityGroupIds": ["sg-1"]},
    "accessPolicies": document(
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:role/search"},
            "Action": "es:ESHttpGet",
            "Resource": "*",
        }
    ),
}
NAMED_PRINCIPAL_POLICY: Final = document(APP_ROLE_READS)

# --- encryption at rest: databases ------------------------------------------------------------
RDS_INSTANCE: Final = Baseline(
    t.RDS_INSTANCE,
    {
        "engine": "postgres",
        "engineVersion": "16.4",
        "instanceClass": "db.t4g.micro",
        "storageEncrypted": True,
        "kmsKeyId": KEY_ARN,
        "publiclyAccessible": False,
        "parameterGroupName": "paved-postgres16",
        "backupRetentionPeriod": 14,
        "deletionProtection": True,
        "skipFinalSnapshot": False,
        "finalSnapshotIdentifier": "paved-db-final",
        "manageMasterUserPassword": True,
    },
    protect=True,
)
RDS_CLUSTER: Final = Baseline(
    t.RDS_CLUSTER,
    {
        "engine": "aurora-postgresql",
        "engineVersion": "16.4",
        "storageEncrypted": True,
        "kmsKeyId": KEY_ARN,
        "dbClusterParameterGroupName": "paved-aurora16",
        "backupRetentionPeriod": 14,
        "deletionProtection": True,
        "skipFinalSnapshot": False,
        "finalSnapshotIdentifier": "paved-cluster-final",
        "serverlessv2ScalingConfiguration": {"minCapacity": 0, "maxCapacity": 2},
    },
    protect=True,
)
RDS_CLUSTER_INSTANCE: Final = Baseline(
    t.RDS_CLUSTER_INSTANCE,
    {"engine": "aurora-postgresql", "instanceClass": "db.serverless", "publiclyAccessible": False},
)
RDS_GLOBAL_CLUSTER: Final = Baseline(
    t.RDS_GLOBAL_CLUSTER,
    {"engine": "aurora-postgresql", "storageEncrypted": True, "deletionProtection": True},
    protect=True,
)
DOCDB_CLUSTER: Final = Baseline(
    t.DOCDB_CLUSTER,
    {
        "storageEncrypted": True,
        "kmsKeyId": KEY_ARN,
        "backupRetentionPeriod": 7,
        "deletionProtection": True,
        "skipFinalSnapshot": False,
    },
    protect=True,
)
NEPTUNE_CLUSTER: Final = Baseline(
    t.NEPTUNE_CLUSTER,
    {
        "storageEncrypted": True,
        "kmsKeyArn": KEY_ARN,
        "backupRetentionPeriod": 7,
        "deletionProtection": True,
        "skipFinalSnapshot": False,
    },
    protect=True,
)
NEPTUNE_CLUSTER_INSTANCE: Final = Baseline(
    t.NEPTUNE_CLUSTER_INSTANCE, {"instanceClass": "db.t4g.medium", "publiclyAccessible": False}
)
REDSHIFT_CLUSTER: Final = Baseline(
    t.REDSHIFT_CLUSTER,
    {
        "nodeType": "ra3.large",
        "encrypted": True,
        "kmsKeyId": KEY_ARN,
        "publiclyAccessible": False,
        "clusterParameterGroupName": "paved-redshift",
        "automatedSnapshotRetentionPeriod": 7,
        "skipFinalSnapshot": False,
    },
    protect=True,
)
REDSHIFT_SERVERLESS_WORKGROUP: Final = Baseline(
    t.REDSHIFT_SERVERLESS_WORKGROUP, {"namespaceName": "analytics", "publiclyAccessible": False}
)
DMS_REPLICATION_INSTANCE: Final = Baseline(
    t.DMS_REPLICATION_INSTANCE,
    {"replicationInstanceClass": "dms.t3.micro", "publiclyAccessible": False, "kmsKeyArn": KEY_ARN},
)
MQ_BROKER: Final = Baseline(
    t.MQ_BROKER,
    {
        "engineType": "RabbitMQ",
        "publiclyAccessible": False,
        "encryptionOptions": {"kmsKeyId": KEY_ARN, "useAwsOwnedKey": False},
    },
)
DYNAMODB_TABLE: Final = Baseline(
    t.DYNAMODB_TABLE,
    {
        "billingMode": "PAY_PER_REQUEST",
        "hashKey": "pk",
        "serverSideEncryption": {"enabled": True, "kmsKeyArn": KEY_ARN},
        "pointInTimeRecovery": {"enabled": True},
        "deletionProtectionEnabled": True,
    },
    protect=True,
)
DAX_CLUSTER: Final = Baseline(
    t.DAX_CLUSTER,
    {"nodeType": "dax.t3.small", "serverSideEncryption": {"enabled": True}, "clusterEndpointEncryptionType": "TLS"},
)
ELASTICACHE_REPLICATION_GROUP: Final = Baseline(
    t.ELASTICACHE_REPLICATION_GROUP,
    {
        "engine": "valkey",
        "nodeType": "cache.t4g.micro",
        "atRestEncryptionEnabled": True,
        "kmsKeyId": KEY_ARN,
        "transitEncryptionEnabled": True,
        "snapshotRetentionLimit": 7,
    },
    protect=True,
)
ELASTICACHE_CLUSTER: Final = Baseline(
    t.ELASTICACHE_CLUSTER, {"engine": "valkey", "nodeType": "cache.t4g.micro", "transitEncryptionEnabled": True}
)
OPENSEARCH_DOMAIN: Final = Baseline(t.OPENSEARCH_DOMAINS[0], OPENSEARCH_DOMAIN_PROPS, protect=True)
ELASTICSEARCH_DOMAIN: Final = Baseline(t.OPENSEARCH_DOMAINS[1], OPENSEARCH_DOMAIN_PROPS, protect=True)
OPENSEARCH_DOMAIN_POLICY: Final = Baseline(
    t.OPENSEARCH_DOMAIN_POLICIES[0],
    {"domainName": "search", "accessPolicies": OPENSEARCH_DOMAIN_PROPS["accessPolicies"]},
)
ELASTICSEARCH_DOMAIN_POLICY: Final = Baseline(
    t.OPENSEARCH_DOMAIN_POLICIES[1],
    {"domainName": "search", "accessPolicies": OPENSEARCH_DOMAIN_PROPS["accessPolicies"]},
)
MEMORYDB_CLUSTER: Final = Baseline(
    t.MEMORYDB_CLUSTER, {"nodeType": "db.t4g.small", "aclName": "paved-acl", "tlsEnabled": True, "kmsKeyArn": KEY_ARN}
)
MSK_CLUSTER: Final = Baseline(
    t.MSK_CLUSTER, {"kafkaVersion": "3.6.0", "encryptionInfo": {"encryptionInTransit": ENCRYPTED_IN_TRANSIT}}
)
RDS_PARAMETER_GROUP: Final = Baseline(
    t.RDS_PARAMETER_GROUP, {"family": "postgres16", "parameters": [{"name": "rds.force_ssl", "value": "1"}]}
)
RDS_CLUSTER_PARAMETER_GROUP: Final = Baseline(
    t.RDS_CLUSTER_PARAMETER_GROUP,
    {"family": "aurora-postgresql16", "parameters": [{"name": "rds.force_ssl", "value": "1"}]},
)
DOCDB_CLUSTER_PARAMETER_GROUP: Final = Baseline(
    t.DOCDB_CLUSTER_PARAMETER_GROUP, {"family": "docdb5.0", "parameters": [{"name": "tls", "value": "enabled"}]}
)
REDSHIFT_PARAMETER_GROUP: Final = Baseline(
    t.REDSHIFT_PARAMETER_GROUP, {"family": "redshift-1.0", "parameters": [{"name": "require_ssl", "value": "true"}]}
)
RDS_SNAPSHOT: Final = Baseline(t.RDS_SNAPSHOT, {"dbInstanceIdentifier": "db", "sharedAccounts": [ACCOUNT]})
RDS_CLUSTER_SNAPSHOT: Final = Baseline(
    t.RDS_CLUSTER_SNAPSHOT, {"dbClusterIdentifier": "cluster", "sharedAccounts": [ACCOUNT]}
)

# --- storage and compute ----------------------------------------------------------------------
EBS_VOLUME: Final = Baseline(
    t.EBS_VOLUME,
    {"availabilityZone": "us-east-1a", "size": 20, "type": "gp3", "encrypted": True, "kmsKeyId": KEY_ARN},
    protect=True,
)
EBS_SNAPSHOT_COPY: Final = Baseline(
    t.EBS_SNAPSHOT_COPY,
    {"sourceSnapshotId": "snap-1", "sourceRegion": "us-east-1", "encrypted": True, "kmsKeyId": KEY_ARN},
)
EBS_ENCRYPTION_BY_DEFAULT: Final = Baseline(t.EBS_ENCRYPTION_BY_DEFAULT, {"enabled": True})
EBS_SNAPSHOT_BLOCK_PUBLIC_ACCESS: Final = Baseline(t.EBS_SNAPSHOT_BLOCK_PUBLIC_ACCESS, {"state": "block-all-sharing"})
EC2_IMAGE_BLOCK_PUBLIC_ACCESS: Final = Baseline(t.EC2_IMAGE_BLOCK_PUBLIC_ACCESS, {"state": "block-new-sharing"})
EC2_AMI_LAUNCH_PERMISSION: Final = Baseline(t.EC2_AMI_LAUNCH_PERMISSION, {"imageId": "ami-1", "accountId": ACCOUNT})
EC2_INSTANCE: Final = Baseline(
    t.EC2_INSTANCE,
    {
        "ami": "ami-1",
        "instanceType": "t4g.micro",
        "subnetId": "subnet-private-1",
        "associatePublicIpAddress": False,
        "rootBlockDevice": {"encrypted": True, "kmsKeyId": KEY_ARN},
        "ebsBlockDevices": [{"deviceName": "/dev/sdb", "encrypted": True, "kmsKeyId": KEY_ARN}],
    },
)
EC2_LAUNCH_TEMPLATE: Final = Baseline(
    t.EC2_LAUNCH_TEMPLATE,
    {
        "instanceType": "t4g.small",
        "blockDeviceMappings": [{"deviceName": "/dev/xvda", "ebs": {"encrypted": "true", "volumeSize": 8}}],
        "networkInterfaces": [{"associatePublicIpAddress": "false", "subnetId": "subnet-private-1"}],
    },
)
EC2_SPOT_INSTANCE_REQUEST: Final = Baseline(
    t.EC2_SPOT_INSTANCE_REQUEST, {"ami": "ami-1", "instanceType": "c7g.large", "spotPrice": "0.03"}
)
EFS_FILE_SYSTEM: Final = Baseline(t.EFS_FILE_SYSTEM, {"encrypted": True, "kmsKeyId": KEY_ARN}, protect=True)

# --- messaging, streams, logs, secrets, backups, notebooks, builds, catalogs, queries ------------
SNS_TOPIC: Final = Baseline(t.SNS_TOPIC, {"kmsMasterKeyId": KEY_ARN})
SQS_QUEUE: Final = Baseline(t.SQS_QUEUE, {"kmsMasterKeyId": KEY_ARN, "messageRetentionSeconds": 345600})
KINESIS_STREAM: Final = Baseline(t.KINESIS_STREAM, {"shardCount": 1, "encryptionType": "KMS", "kmsKeyId": KEY_ARN})
FIREHOSE_DELIVERY_STREAM: Final = Baseline(
    t.FIREHOSE_DELIVERY_STREAM,
    {
        "destination": "extended_s3",
        "serverSideEncryption": {"enabled": True, "keyType": "CUSTOMER_MANAGED_CMK", "keyArn": KEY_ARN},
    },
)
LOG_GROUP: Final = Baseline(t.LOG_GROUP, {"retentionInDays": 30, "kmsKeyId": KEY_ARN})
SECRET: Final = Baseline(t.SECRET, {"kmsKeyId": KEY_ARN, "recoveryWindowInDays": 30})
BACKUP_VAULT: Final = Baseline(t.BACKUP_VAULT, {"kmsKeyArn": KEY_ARN}, protect=True)
SAGEMAKER_NOTEBOOK: Final = Baseline(
    t.SAGEMAKER_NOTEBOOK,
    {
        "instanceType": "ml.t3.medium",
        "roleArn": f"arn:aws:iam::{ACCOUNT}:role/notebook",
        "kmsKeyId": KEY_ARN,
        "directInternetAccess": "Disabled",
        "subnetId": "subnet-private-1",
        "securityGroups": ["sg-1"],
    },
)
SAGEMAKER_ENDPOINT_CONFIGURATION: Final = Baseline(
    t.SAGEMAKER_ENDPOINT_CONFIGURATION,
    {"kmsKeyArn": KEY_ARN, "productionVariants": [{"modelName": "m", "variantName": "v"}]},
)
CLOUDTRAIL: Final = Baseline(
    t.CLOUDTRAIL, {"s3BucketName": LOGS_BUCKET, "kmsKeyId": KEY_ARN, "enableLogFileValidation": True}
)
ECR_REPOSITORY: Final = Baseline(
    t.ECR_REPOSITORY,
    {
        "imageTagMutability": "IMMUTABLE",
        "imageScanningConfiguration": {"scanOnPush": True},
        "encryptionConfigurations": [{"encryptionType": "KMS", "kmsKey": KEY_ARN}],
    },
)
CODEBUILD_PROJECT: Final = Baseline(
    t.CODEBUILD_PROJECT,
    {
        "serviceRole": f"arn:aws:iam::{ACCOUNT}:role/build",
        "encryptionKey": KEY_ARN,
        "artifacts": {"type": "S3", "location": LOGS_BUCKET},
        "environment": {
            "computeType": "BUILD_GENERAL1_SMALL",
            "image": "aws/codebuild/standard:7.0",
            "type": "LINUX_CONTAINER",
        },
        "source": {"type": "CODEPIPELINE"},
    },
)
GLUE_CATALOG_ENCRYPTION: Final = Baseline(
    t.GLUE_CATALOG_ENCRYPTION,
    {
        "dataCatalogEncryptionSettings": {
            "encryptionAtRest": {"catalogEncryptionMode": "SSE-KMS", "sseAwsKmsKeyId": KEY_ARN},
            "connectionPasswordEncryption": {"returnConnectionPasswordEncrypted": True, "awsKmsKeyId": KEY_ARN},
        }
    },
)
GLUE_SECURITY_CONFIGURATION: Final = Baseline(
    t.GLUE_SECURITY_CONFIGURATION,
    {
        "encryptionConfiguration": {
            "cloudwatchEncryption": {"cloudwatchEncryptionMode": "SSE-KMS", "kmsKeyArn": KEY_ARN},
            "jobBookmarksEncryption": {"jobBookmarksEncryptionMode": "CSE-KMS", "kmsKeyArn": KEY_ARN},
            "s3Encryption": {"s3EncryptionMode": "SSE-KMS", "kmsKeyArn": KEY_ARN},
        }
    },
)
ATHENA_WORKGROUP: Final = Baseline(
    t.ATHENA_WORKGROUP,
    {
        "configuration": {
            "resultConfiguration": {
                "outputLocation": "s3://paved-athena/results/",
                "encryptionConfiguration": {"encryptionOption": "SSE_KMS", "kmsKeyArn": KEY_ARN},
            }
        }
    },
)
ATHENA_DATABASE: Final = Baseline(
    t.ATHENA_DATABASE,
    {"name": "events", "bucket": "paved-athena", "encryptionConfiguration": {"encryptionOption": "SSE_KMS"}},
)

# --- traffic ----------------------------------------------------------------------------------
LB_LISTENER: Final = Baseline(
    t.LB_LISTENERS[0],
    {
        "port": 443,
        "protocol": "HTTPS",
        "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
        "certificateArn": CERTIFICATE_ARN,
        "defaultActions": FORWARD,
    },
)
ALB_LISTENER: Final = Baseline(t.LB_LISTENERS[1], LB_LISTENER.properties)
LOAD_BALANCER: Final = Baseline(
    t.LOAD_BALANCERS[0],
    {"loadBalancerType": "application", "internal": False, "accessLogs": {"bucket": LOGS_BUCKET, "enabled": True}},
)
ALB_LOAD_BALANCER: Final = Baseline(t.LOAD_BALANCERS[1], LOAD_BALANCER.properties)
CLOUDFRONT_DISTRIBUTION: Final = Baseline(
    t.CLOUDFRONT_DISTRIBUTION,
    {
        "enabled": True,
        "origins": [SITE_ORIGIN, API_ORIGIN],
        "defaultCacheBehavior": SITE_BEHAVIOR,
        "orderedCacheBehaviors": [API_BEHAVIOR],
        "viewerCertificate": OWN_CERTIFICATE,
    },
)
API_GATEWAY_DOMAIN: Final = Baseline(
    t.API_GATEWAY_DOMAIN,
    {"domainName": "api.example.com", "regionalCertificateArn": CERTIFICATE_ARN, "securityPolicy": "TLS_1_2"},
)
API_GATEWAY_V2_DOMAIN: Final = Baseline(
    t.API_GATEWAY_V2_DOMAIN,
    {
        "domainName": "api.example.com",
        "domainNameConfiguration": {
            "certificateArn": CERTIFICATE_ARN,
            "endpointType": "REGIONAL",
            "securityPolicy": "TLS_1_2",
        },
    },
)
API_GATEWAY_STAGE: Final = Baseline(
    t.API_GATEWAY_STAGE,
    {"restApi": "api", "stageName": "prod", "accessLogSettings": {"destinationArn": LOG_GROUP_ARN, "format": "{}"}},
)
API_GATEWAY_V2_STAGE: Final = Baseline(
    t.API_GATEWAY_V2_STAGE,
    {"apiId": "api", "name": "$default", "accessLogSettings": {"destinationArn": LOG_GROUP_ARN, "format": "{}"}},
)
EKS_CLUSTER: Final = Baseline(
    t.EKS_CLUSTER,
    {
        "roleArn": f"arn:aws:iam::{ACCOUNT}:role/eks",
        "vpcConfig": {"subnetIds": ["subnet-1"], "endpointPrivateAccess": True, "endpointPublicAccess": False},
        "encryptionConfig": {"resources": ["secrets"], "provider": {"keyArn": KEY_ARN}},
    },
)
LAMBDA_FUNCTION_URL: Final = Baseline(t.LAMBDA_FUNCTION_URL, {"functionName": "api", "authorizationType": "AWS_IAM"})
LAMBDA_PERMISSION: Final = Baseline(
    t.LAMBDA_PERMISSION,
    {
        "action": "lambda:InvokeFunction",
        "function": "api",
        "principal": "apigateway.amazonaws.com",
        "sourceArn": f"arn:aws:execute-api:us-east-1:{ACCOUNT}:abc123/*",
    },
)
TRANSFER_SERVER: Final = Baseline(
    t.TRANSFER_SERVER,
    {"protocols": ["SFTP"], "endpointType": "VPC", "securityPolicyName": "TransferSecurityPolicy-2024-01"},
)

# --- network ----------------------------------------------------------------------------------
VPC_INTERNAL_INGRESS: Final = {"protocol": "tcp", "fromPort": 5432, "toPort": 5432, "cidrBlocks": ["10.0.0.0/16"]}
SECURITY_GROUP: Final = Baseline(
    t.SECURITY_GROUP,
    {
        "vpcId": "vpc-1",
        "ingress": [VPC_INTERNAL_INGRESS],
        "egress": [{"protocol": "-1", "fromPort": 0, "toPort": 0, "cidrBlocks": ["0.0.0.0/0"]}],
    },
)
DEFAULT_SECURITY_GROUP: Final = Baseline(t.DEFAULT_SECURITY_GROUP, {"vpcId": "vpc-1", "ingress": [], "egress": []})
SECURITY_GROUP_RULE: Final = Baseline(
    t.SECURITY_GROUP_RULE, {"type": "ingress", "securityGroupId": "sg-1", **VPC_INTERNAL_INGRESS}
)
SECURITY_GROUP_INGRESS_RULE: Final = Baseline(
    t.SECURITY_GROUP_INGRESS_RULE,
    {"securityGroupId": "sg-1", "ipProtocol": "tcp", "fromPort": 5432, "toPort": 5432, "cidrIpv4": "10.0.0.0/16"},
)

# --- identity and keys ------------------------------------------------------------------------
IAM_ROLE: Final = Baseline(
    t.IAM_ROLE,
    {
        "assumeRolePolicy": document(LAMBDA_TRUST),
        "inlinePolicies": [{"name": "items", "policy": document(READ_ITEMS)}],
        "managedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
    },
)
IAM_POLICY: Final = Baseline(t.IAM_POLICY, {"policy": document(READ_ITEMS)})
IAM_ROLE_POLICY: Final = Baseline(t.IAM_ROLE_POLICY, {"role": "app", "policy": document(READ_ITEMS)})
IAM_GROUP_POLICY: Final = Baseline(t.IAM_GROUP_POLICY, {"group": "readers", "policy": document(READ_ITEMS)})
CUSTOMER_POLICY_ARN: Final = f"arn:aws:iam::{ACCOUNT}:policy/paved-read-items"
IAM_ROLE_POLICY_ATTACHMENT: Final = Baseline(
    t.IAM_ROLE_POLICY_ATTACHMENT, {"role": "app", "policyArn": CUSTOMER_POLICY_ARN}
)
IAM_GROUP_POLICY_ATTACHMENT: Final = Baseline(
    t.IAM_GROUP_POLICY_ATTACHMENT, {"group": "readers", "policyArn": CUSTOMER_POLICY_ARN}
)
IAM_POLICY_ATTACHMENT: Final = Baseline(
    t.IAM_POLICY_ATTACHMENT, {"policyArn": CUSTOMER_POLICY_ARN, "roles": ["app"], "groups": ["readers"]}
)
IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE: Final = Baseline(
    t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, {"roleName": "app", "policyArns": [CUSTOMER_POLICY_ARN]}
)
IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE: Final = Baseline(
    t.IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE, {"groupName": "readers", "policyArns": [CUSTOMER_POLICY_ARN]}
)
KMS_KEY: Final = Baseline(
    t.KMS_KEY,
    {
        "enableKeyRotation": True,
        "deletionWindowInDays": 30,
        "policy": document(ROOT_ADMINISTERS_KEY, LOGS_USE_KEY),
    },
    protect=True,
)
KMS_KEY_POLICY: Final = Baseline(t.KMS_KEY_POLICY, {"keyId": "key-1", "policy": document(ROOT_ADMINISTERS_KEY)})
COGNITO_USER_POOL: Final = Baseline(
    t.COGNITO_USER_POOL, {"deletionProtection": "ACTIVE", "mfaConfiguration": "ON"}, protect=True
)

# --- S3 and other resource policies ------------------------------------------------------------
S3_BUCKET: Final = Baseline(t.S3_BUCKETS[0], {"bucketPrefix": "paved-data"}, protect=True)
S3_BUCKET_V2: Final = Baseline(t.S3_BUCKETS[1], {"bucketPrefix": "paved-data"}, protect=True)
S3_BUCKET_ACL: Final = Baseline(t.S3_ACLS[0], {"bucket": "paved-data", "acl": "private"})
S3_BUCKET_ACL_V2: Final = Baseline(t.S3_ACLS[1], {"bucket": "paved-data", "acl": "private"})
S3_OBJECT: Final = Baseline(t.S3_OBJECTS[0], {"bucket": "paved-data", "key": "index.html", "acl": "private"})
S3_OBJECT_V2: Final = Baseline(t.S3_OBJECTS[1], {"bucket": "paved-data", "key": "index.html", "acl": "private"})
S3_BUCKET_POLICY: Final = Baseline(t.S3_BUCKET_POLICY, {"bucket": "paved-data", "policy": document(DENY_WITHOUT_TLS)})
SNS_TOPIC_POLICY: Final = Baseline(t.SNS_TOPIC_POLICY, {"arn": "topic", "policy": NAMED_PRINCIPAL_POLICY})
SQS_QUEUE_POLICY: Final = Baseline(t.SQS_QUEUE_POLICY, {"queueUrl": "queue", "policy": NAMED_PRINCIPAL_POLICY})
SECRET_POLICY: Final = Baseline(t.SECRET_POLICY, {"secretArn": "secret", "policy": NAMED_PRINCIPAL_POLICY})
ECR_REPOSITORY_POLICY: Final = Baseline(
    t.ECR_REPOSITORY_POLICY, {"repository": "app", "policy": NAMED_PRINCIPAL_POLICY}
)
EFS_FILE_SYSTEM_POLICY: Final = Baseline(
    t.EFS_FILE_SYSTEM_POLICY, {"fileSystemId": "fs-1", "policy": NAMED_PRINCIPAL_POLICY}
)
BACKUP_VAULT_POLICY: Final = Baseline(
    t.BACKUP_VAULT_POLICY, {"backupVaultName": "vault", "policy": NAMED_PRINCIPAL_POLICY}
)

from tests.policies.baselines_encryption import *  # noqa: E402,F403  (the encryption breadth's types)

BASELINES: Final = {
    baseline.type: baseline for baseline in [value for value in dict(globals()).values() if isinstance(value, Baseline)]
}
"""Every baseline above, by resource type."""

NO_COMPLIANT_FORM: Final = frozenset(
    {t.IAM_USER_POLICY, t.IAM_USER_POLICY_ATTACHMENT, t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE}
)
"""Types whose mere existence is a violation (``iam-user-no-policies``): no baseline can pass."""
