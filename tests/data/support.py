"""Helpers shared by the data tier's specifications."""

from __future__ import annotations

import json
from typing import Any

from cost.tiers import tier_of

from tools.program import ProgramRun, Registration

RDS_INSTANCE = "aws:rds/instance:Instance"
RDS_CLUSTER = "aws:rds/cluster:Cluster"
RDS_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance"
RDS_SUBNET_GROUP = "aws:rds/subnetGroup:SubnetGroup"
RDS_PARAMETER_GROUP = "aws:rds/parameterGroup:ParameterGroup"
RDS_CLUSTER_PARAMETER_GROUP = "aws:rds/clusterParameterGroup:ClusterParameterGroup"
TABLE = "aws:dynamodb/table:Table"
BUCKET = "aws:s3/bucket:Bucket"
PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls"
ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
VERSIONING = "aws:s3/bucketVersioning:BucketVersioning"
LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"
LOGGING = "aws:s3/bucketLogging:BucketLogging"
BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy"
REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup"
CACHE_SUBNET_GROUP = "aws:elasticache/subnetGroup:SubnetGroup"
SECRET = "aws:secretsmanager/secret:Secret"
SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion"
SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup"
INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
KMS_KEY = "aws:kms/key:Key"

BUCKET_PARTS = (PUBLIC_ACCESS_BLOCK, OWNERSHIP, ENCRYPTION, VERSIONING, LIFECYCLE, LOGGING, BUCKET_POLICY)


def data_resources(run: ProgramRun) -> list[Registration]:
    """Every AWS resource the data tier registers."""
    return [r for r in run.resources if r.custom and tier_of(r.urn) == "data"]


def data_of_type(run: ProgramRun, type_: str) -> list[Registration]:
    return [r for r in data_resources(run) if r.type == type_]


def key_arn(run: ProgramRun) -> str:
    return str(run.one(KMS_KEY).outputs["arn"])


def workload_sg_id(run: ProgramRun) -> str:
    return str(run.one(SECURITY_GROUP, "network-workload-sg").id)


def bucket(run: ProgramRun, config_name: str) -> Registration:
    return run.one(BUCKET, f"data-{config_name}")


def part(run: ProgramRun, type_: str, config_name: str) -> Registration:
    """The settings resource of one kind attached to the bucket named ``config_name`` in config."""
    target = bucket(run, config_name).outputs["bucket"]
    found = [r for r in run.of_type(type_) if r.inputs.get("bucket") == target]
    assert len(found) == 1, f"expected one {type_} for bucket {config_name}, found {[r.name for r in found]}"
    return found[0]


def policy_statements(run: ProgramRun, config_name: str) -> list[dict[str, Any]]:
    statements = json.loads(part(run, BUCKET_POLICY, config_name).inputs["policy"])["Statement"]
    assert isinstance(statements, list)
    return statements


def statement(statements: list[dict[str, Any]], sid: str) -> dict[str, Any]:
    (found,) = [s for s in statements if s.get("Sid") == sid]
    return found
