"""Compliant baselines for the types the encryption breadth (issue 16) brought into the pack: each
encrypts at rest with a customer-managed key and in transit with TLS 1.2, and passes the whole pack.
``baselines.py`` imports them into ``BASELINES``; a policy test changes one property of one."""

from __future__ import annotations

import json
from typing import Final

from paved_policies import types as t
from paved_policies.testing import Baseline

KEY: Final = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
ROLE: Final = "arn:aws:iam::123456789012:role/paved-service"
SUBNET: Final = "subnet-private-1"

# --- databases and caches ---------------------------------------------------------------------
DOCDB_GLOBAL_CLUSTER: Final = Baseline(
    t.DOCDB_GLOBAL_CLUSTER, {"globalClusterIdentifier": "paved", "engine": "docdb", "storageEncrypted": True}
)
DYNAMODB_TABLE_REPLICA: Final = Baseline(t.DYNAMODB_TABLE_REPLICA, {"globalTableArn": "table", "kmsKeyArn": KEY})
KEYSPACES_TABLE: Final = Baseline(
    t.KEYSPACES_TABLE,
    {
        "keyspaceName": "paved",
        "tableName": "items",
        "encryptionSpecification": {"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyIdentifier": KEY},
    },
)
TIMESTREAM_DATABASE: Final = Baseline(t.TIMESTREAM_DATABASE, {"databaseName": "metrics", "kmsKeyId": KEY})
MEMORYDB_SNAPSHOT: Final = Baseline(t.MEMORYDB_SNAPSHOT, {"clusterName": "cache", "kmsKeyArn": KEY})
RDS_SNAPSHOT_COPY: Final = Baseline(
    t.RDS_SNAPSHOT_COPY,
    {"sourceDbSnapshotIdentifier": "db-1", "targetDbSnapshotIdentifier": "db-1-copy", "kmsKeyId": KEY},
)
RDS_CLUSTER_ACTIVITY_STREAM: Final = Baseline(
    t.RDS_CLUSTER_ACTIVITY_STREAM, {"resourceArn": "cluster", "mode": "async", "kmsKeyId": KEY}
)
RDS_BACKUPS_REPLICATION: Final = Baseline(
    t.RDS_BACKUPS_REPLICATION, {"sourceDbInstanceArn": "arn:aws:rds:us-west-2:123456789012:db:paved", "kmsKeyId": KEY}
)
REDSHIFT_SNAPSHOT_COPY_GRANT: Final = Baseline(
    t.REDSHIFT_SNAPSHOT_COPY_GRANT, {"snapshotCopyGrantName": "paved", "kmsKeyId": KEY}
)
REDSHIFT_SERVERLESS_NAMESPACE: Final = Baseline(
    t.REDSHIFT_SERVERLESS_NAMESPACE, {"namespaceName": "analytics", "kmsKeyId": KEY}
)
DMS_ENDPOINT: Final = Baseline(
    t.DMS_ENDPOINT,
    {
        "endpointId": "source",
        "endpointType": "source",
        "engineName": "postgres",
        "sslMode": "verify-full",
        "kmsKeyArn": KEY,
    },
)
DMS_S3_ENDPOINT: Final = Baseline(
    t.DMS_S3_ENDPOINT,
    {
        "endpointId": "lake",
        "endpointType": "target",
        "bucketName": "paved-lake",
        "serviceAccessRoleArn": ROLE,
        "kmsKeyArn": KEY,
    },
)

# --- storage, images and snapshots ------------------------------------------------------------
FSX_LUSTRE: Final = Baseline(t.FSX_FILE_SYSTEMS[0], {"storageCapacity": 1200, "subnetIds": [SUBNET], "kmsKeyId": KEY})
FSX_ONTAP: Final = Baseline(
    t.FSX_FILE_SYSTEMS[1],
    {"storageCapacity": 1024, "subnetIds": [SUBNET], "deploymentType": "SINGLE_AZ_1", "kmsKeyId": KEY},
)
FSX_OPENZFS: Final = Baseline(
    t.FSX_FILE_SYSTEMS[2],
    {"storageCapacity": 64, "subnetIds": [SUBNET], "deploymentType": "SINGLE_AZ_1", "kmsKeyId": KEY},
)
FSX_WINDOWS: Final = Baseline(
    t.FSX_FILE_SYSTEMS[3], {"storageCapacity": 32, "subnetIds": [SUBNET], "throughputCapacity": 8, "kmsKeyId": KEY}
)
EC2_AMI: Final = Baseline(
    t.EC2_AMI,
    {
        "name": "paved-base",
        "rootDeviceName": "/dev/xvda",
        "ebsBlockDevices": [
            {"deviceName": "/dev/xvda", "snapshotId": "snap-1"},
            {"deviceName": "/dev/xvdb", "volumeSize": 8, "encrypted": True},
        ],
    },
)
EC2_AMI_COPY: Final = Baseline(
    t.EC2_AMI_COPY,
    {
        "name": "paved-base-copy",
        "sourceAmiId": "ami-1",
        "sourceAmiRegion": "us-west-2",
        "encrypted": True,
        "kmsKeyId": KEY,
    },
)
EC2_LAUNCH_CONFIGURATION: Final = Baseline(
    t.EC2_LAUNCH_CONFIGURATION,
    {"imageId": "ami-1", "instanceType": "t4g.micro", "rootBlockDevice": {"encrypted": True}},
)
IMAGEBUILDER_COMPONENT: Final = Baseline(
    t.IMAGEBUILDER_COMPONENT, {"name": "harden", "platform": "Linux", "version": "1.0.0", "kmsKeyId": KEY}
)
IMAGEBUILDER_DISTRIBUTION: Final = Baseline(
    t.IMAGEBUILDER_DISTRIBUTION,
    {"name": "paved", "distributions": [{"region": "us-east-1", "amiDistributionConfiguration": {"kmsKeyId": KEY}}]},
)
IMAGEBUILDER_IMAGE_RECIPE: Final = Baseline(
    t.IMAGEBUILDER_IMAGE_RECIPE,
    {
        "name": "paved",
        "parentImage": "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-arm64/x.x.x",
        "version": "1.0.0",
        "blockDeviceMappings": [{"deviceName": "/dev/xvda", "ebs": {"encrypted": "true", "kmsKeyId": KEY}}],
    },
)
WORKSPACES_WORKSPACE: Final = Baseline(
    t.WORKSPACES_WORKSPACE,
    {
        "directoryId": "d-1",
        "bundleId": "wsb-1",
        "userName": "alice",
        "rootVolumeEncryptionEnabled": True,
        "userVolumeEncryptionEnabled": True,
        "volumeEncryptionKey": KEY,
    },
)
DLM_LIFECYCLE_POLICY: Final = Baseline(
    t.DLM_LIFECYCLE_POLICY,
    {
        "description": "daily snapshots",
        "executionRoleArn": ROLE,
        "policyDetails": {
            "resourceTypes": ["VOLUME"],
            "schedules": [
                {
                    "name": "daily",
                    "createRule": {"interval": 24},
                    "retainRule": {"count": 7},
                    "crossRegionCopyRules": [{"target": "us-west-2", "encrypted": True, "cmkArn": KEY}],
                }
            ],
        },
    },
)

# --- streams, pipelines, analytics and machine learning ----------------------------------------
KINESIS_VIDEO_STREAM: Final = Baseline(t.KINESIS_VIDEO_STREAM, {"name": "camera", "kmsKeyId": KEY})
CODEPIPELINE: Final = Baseline(
    t.CODEPIPELINE,
    {
        "roleArn": ROLE,
        "artifactStores": [{"location": "paved-artifacts", "type": "S3", "encryptionKey": {"id": KEY, "type": "KMS"}}],
        "stages": [],
    },
)
CODEARTIFACT_DOMAIN: Final = Baseline(t.CODEARTIFACT_DOMAIN, {"domain": "paved", "encryptionKey": KEY})
CODEGURU_REPOSITORY_ASSOCIATION: Final = Baseline(
    t.CODEGURU_REPOSITORY_ASSOCIATION,
    {
        "repository": {"codecommit": {"name": "app"}},
        "kmsKeyDetails": {"encryptionOption": "CUSTOMER_MANAGED_CMK", "kmsKeyId": KEY},
    },
)
CLOUDTRAIL_EVENT_DATA_STORE: Final = Baseline(t.CLOUDTRAIL_EVENT_DATA_STORE, {"name": "audit", "kmsKeyId": KEY})
SCHEDULER_SCHEDULE: Final = Baseline(
    t.SCHEDULER_SCHEDULE,
    {
        "scheduleExpression": "rate(1 hour)",
        "flexibleTimeWindow": {"mode": "OFF"},
        "target": {"arn": "fn", "roleArn": ROLE},
        "kmsKeyArn": KEY,
    },
)
APPFLOW_FLOW: Final = Baseline(t.APPFLOW_FLOW, {"name": "sync", "kmsArn": KEY})
APPFLOW_CONNECTOR_PROFILE: Final = Baseline(
    t.APPFLOW_CONNECTOR_PROFILE,
    {"name": "crm", "connectorType": "Salesforce", "connectionMode": "Private", "kmsArn": KEY},
)
KENDRA_INDEX: Final = Baseline(
    t.KENDRA_INDEX, {"name": "docs", "roleArn": ROLE, "serverSideEncryptionConfiguration": {"kmsKeyId": KEY}}
)
COMPREHEND_ENTITY_RECOGNIZER: Final = Baseline(
    t.COMPREHEND_ENTITY_RECOGNIZER,
    {"name": "entities", "dataAccessRoleArn": ROLE, "languageCode": "en", "modelKmsKeyId": KEY, "volumeKmsKeyId": KEY},
)
CONNECT_INSTANCE_STORAGE_CONFIG: Final = Baseline(
    t.CONNECT_INSTANCE_STORAGE_CONFIG,
    {
        "instanceId": "connect-1",
        "resourceType": "CHAT_TRANSCRIPTS",
        "storageConfig": {
            "storageType": "S3",
            "s3Config": {
                "bucketName": "paved-transcripts",
                "bucketPrefix": "chat",
                "encryptionConfig": {"encryptionType": "KMS", "keyId": KEY},
            },
        },
    },
)
SAGEMAKER_DOMAIN: Final = Baseline(
    t.SAGEMAKER_DOMAIN,
    {"domainName": "studio", "authMode": "IAM", "vpcId": "vpc-1", "subnetIds": [SUBNET], "kmsKeyId": KEY},
)
SAGEMAKER_DATA_QUALITY_JOB: Final = Baseline(
    t.SAGEMAKER_DATA_QUALITY_JOB,
    {
        "roleArn": ROLE,
        "dataQualityJobOutputConfig": {"kmsKeyId": KEY, "monitoringOutputs": {"s3Output": {"s3Uri": "s3://paved/out"}}},
        "jobResources": {
            "clusterConfig": {
                "instanceCount": 1,
                "instanceType": "ml.m5.large",
                "volumeSizeInGb": 20,
                "volumeKmsKeyId": KEY,
            }
        },
        "networkConfig": {"enableInterContainerTrafficEncryption": True},
    },
)
SAGEMAKER_FLOW_DEFINITION: Final = Baseline(
    t.SAGEMAKER_FLOW_DEFINITION,
    {
        "flowDefinitionName": "review",
        "roleArn": ROLE,
        "outputConfig": {"s3OutputPath": "s3://paved/review", "kmsKeyId": KEY},
    },
)
BEDROCK_AGENT: Final = Baseline(
    t.BEDROCK_AGENT, {"agentName": "helper", "agentResourceRoleArn": ROLE, "customerEncryptionKeyArn": KEY}
)
NETWORK_FIREWALL: Final = Baseline(
    t.NETWORK_FIREWALLS[0],
    {
        "name": "edge",
        "vpcId": "vpc-1",
        "subnetMappings": [{"subnetId": SUBNET}],
        "encryptionConfiguration": {"type": "CUSTOMER_KMS", "keyId": KEY},
    },
)
NETWORK_FIREWALL_POLICY: Final = Baseline(
    t.NETWORK_FIREWALLS[1], {"name": "edge", "encryptionConfiguration": {"type": "CUSTOMER_KMS", "keyId": KEY}}
)
NETWORK_FIREWALL_RULE_GROUP: Final = Baseline(
    t.NETWORK_FIREWALLS[2],
    {
        "name": "edge",
        "capacity": 100,
        "type": "STATEFUL",
        "encryptionConfiguration": {"type": "CUSTOMER_KMS", "keyId": KEY},
    },
)
EMR_SECURITY_CONFIGURATION: Final = Baseline(
    t.EMR_SECURITY_CONFIGURATION,
    {
        "configuration": json.dumps(
            {
                "EncryptionConfiguration": {
                    "EnableAtRestEncryption": True,
                    "EnableInTransitEncryption": True,
                    "AtRestEncryptionConfiguration": {
                        "S3EncryptionConfiguration": {"EncryptionMode": "SSE-KMS", "AwsKmsKey": KEY},
                        "LocalDiskEncryptionConfiguration": {
                            "EncryptionKeyProviderType": "AwsKms",
                            "AwsKmsKey": KEY,
                            "EnableEbsEncryption": True,
                        },
                    },
                    "InTransitEncryptionConfiguration": {
                        "TLSCertificateConfiguration": {
                            "CertificateProviderType": "PEM",
                            "S3Object": "s3://paved/certs.zip",
                        }
                    },
                }
            }
        )
    },
)
EMR_CLUSTER: Final = Baseline(
    t.EMR_CLUSTER, {"releaseLabel": "emr-7.1.0", "serviceRole": ROLE, "securityConfiguration": "paved-emr"}
)
GLUE_CRAWLER: Final = Baseline(
    t.GLUE_JOBS[0], {"databaseName": "lake", "role": ROLE, "securityConfiguration": "paved-glue"}
)
GLUE_DEV_ENDPOINT: Final = Baseline(t.GLUE_JOBS[1], {"roleArn": ROLE, "securityConfiguration": "paved-glue"})
GLUE_JOB: Final = Baseline(
    t.GLUE_JOBS[2],
    {"roleArn": ROLE, "command": {"scriptLocation": "s3://paved/job.py"}, "securityConfiguration": "paved-glue"},
)

# --- containers, functions, parameters ----------------------------------------------------------
ECS_CLUSTER: Final = Baseline(
    t.ECS_CLUSTER,
    {
        "configuration": {
            "executeCommandConfiguration": {
                "kmsKeyId": KEY,
                "logging": "OVERRIDE",
                "logConfiguration": {"cloudWatchEncryptionEnabled": True, "cloudWatchLogGroupName": "/paved/exec"},
            }
        }
    },
)
ECS_TASK_DEFINITION: Final = Baseline(
    t.ECS_TASK_DEFINITION,
    {
        "family": "app",
        "containerDefinitions": "[]",
        "volumes": [
            {"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "transitEncryption": "ENABLED"}}
        ],
    },
)
LAMBDA_FUNCTION: Final = Baseline(
    t.LAMBDA_FUNCTION,
    {
        "role": ROLE,
        "runtime": "python3.13",
        "handler": "app.handler",
        "environment": {"variables": {"STAGE": "prod"}},
        "kmsKeyArn": KEY,
    },
)
SSM_PARAMETER: Final = Baseline(
    t.SSM_PARAMETER, {"name": "/paved/api-token", "type": "SecureString", "value": "x", "keyId": KEY}
)
SSM_DOCUMENT: Final = Baseline(
    t.SSM_DOCUMENT,
    {
        "name": "SSM-SessionManagerRunShell",
        "documentType": "Session",
        "content": json.dumps({"schemaVersion": "1.0", "sessionType": "Standard_Stream", "inputs": {"kmsKeyId": KEY}}),
    },
)

# --- traffic ----------------------------------------------------------------------------------
APPSYNC_API_CACHE: Final = Baseline(
    t.APPSYNC_API_CACHE,
    {
        "apiId": "api",
        "type": "SMALL",
        "ttl": 60,
        "apiCachingBehavior": "FULL_REQUEST_CACHING",
        "atRestEncryptionEnabled": True,
        "transitEncryptionEnabled": True,
    },
)
API_GATEWAY_METHOD_SETTINGS: Final = Baseline(
    t.API_GATEWAY_METHOD_SETTINGS,
    {
        "restApi": "api",
        "stageName": "prod",
        "methodPath": "*/*",
        "settings": {"cachingEnabled": True, "cacheDataEncrypted": True},
    },
)
CLASSIC_LOAD_BALANCER: Final = Baseline(
    t.CLASSIC_LOAD_BALANCER,
    {
        "listeners": [
            {
                "lbPort": 443,
                "lbProtocol": "https",
                "instancePort": 8443,
                "instanceProtocol": "https",
                "sslCertificateId": "arn:aws:acm:us-east-1:123456789012:certificate/abcd",
            }
        ]
    },
)
CLASSIC_LB_POLICY: Final = Baseline(
    t.CLASSIC_LB_POLICY,
    {
        "loadBalancerName": "legacy",
        "policyName": "tls",
        "policyTypeName": "SSLNegotiationPolicyType",
        "policyAttributes": [{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"}],
    },
)
CLOUDSEARCH_DOMAIN: Final = Baseline(
    t.CLOUDSEARCH_DOMAIN,
    {"name": "docs", "endpointOptions": {"enforceHttps": True, "tlsSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"}},
)
SES_CONFIGURATION_SET: Final = Baseline(
    t.SES_CONFIGURATION_SET, {"name": "mail", "deliveryOptions": {"tlsPolicy": "Require"}}
)
QUICKSIGHT_DATA_SOURCE: Final = Baseline(
    t.QUICKSIGHT_DATA_SOURCE, {"dataSourceId": "warehouse", "name": "warehouse", "type": "REDSHIFT", "parameters": {}}
)
CLOUDFRONT_RESPONSE_HEADERS_POLICY: Final = Baseline(
    t.CLOUDFRONT_RESPONSE_HEADERS_POLICY,
    {
        "name": "security-headers",
        "securityHeadersConfig": {
            "strictTransportSecurity": {"accessControlMaxAgeSec": 63072000, "includeSubdomains": True, "override": True}
        },
    },
)
