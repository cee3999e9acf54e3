"""Mock outputs for the types the data tier reads back, and the data sources it calls.

Shapes follow what AWS returns: RDS endpoints under ``<identifier>.<cluster hash>.<region>.rds.amazonaws.com``,
``db-``/``cluster-`` resource ids, the RDS-managed master secret (``rds!db-…``/``rds!cluster-…``),
ElastiCache primary endpoints, Secrets Manager ARNs with their six-character suffix.
"""

from __future__ import annotations

import uuid
from typing import Any

from tools.mock_outputs.base import CallFor, MockContext, OutputsFor

_RDS_HOST_HASH = "c9akciq32lnd"
_CACHE_HOST_HASH = "ab12cd"


def _identifier(ctx: MockContext, name: str, inputs: dict[str, Any], key: str) -> str:
    given = inputs.get(key)
    return str(given) if given else f"{name}-{ctx.suffix(name, 7)}".lower()


def _uuid(ctx: MockContext, seed: str) -> str:
    return str(uuid.UUID(ctx.suffix(seed, 32)))


def _secret_arn(ctx: MockContext, secret_name: str) -> str:
    return ctx.arn("secretsmanager", f"secret:{secret_name}-{ctx.suffix(secret_name, 6)}")


def _master_user_secrets(ctx: MockContext, kind: str, name: str, inputs: dict[str, Any]) -> list[dict[str, Any]]:
    if not inputs.get("manageMasterUserPassword"):
        return []
    return [
        {
            "secretArn": _secret_arn(ctx, f"rds!{kind}-{_uuid(ctx, name)}"),
            "secretStatus": "active",
            "kmsKeyId": inputs.get("masterUserSecretKmsKeyId") or ctx.arn("kms", "alias/aws/secretsmanager"),
        }
    ]


def _rds_host(ctx: MockContext, identifier: str, *, kind: str = "") -> str:
    return f"{identifier}.{kind}{_RDS_HOST_HASH}.{ctx.region}.rds.amazonaws.com"


def _rds_instance_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    identifier = _identifier(ctx, name, inputs, "identifier")
    port = inputs.get("port") or 5432
    address = _rds_host(ctx, identifier)
    return {
        "id": identifier,
        "identifier": identifier,
        "address": address,
        "endpoint": f"{address}:{port}",
        "port": port,
        "resourceId": "db-" + ctx.suffix(name + "dbi", 26).upper(),
        "arn": ctx.arn("rds", f"db:{identifier}"),
        "masterUserSecrets": _master_user_secrets(ctx, "db", name, inputs),
        "engineVersionActual": inputs.get("engineVersion"),
        "hostedZoneId": "Z2R2ITUGPM61AM",
        "status": "available",
    }


def _rds_cluster_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    identifier = _identifier(ctx, name, inputs, "clusterIdentifier")
    return {
        "id": identifier,
        "clusterIdentifier": identifier,
        "endpoint": _rds_host(ctx, identifier, kind="cluster-"),
        "readerEndpoint": _rds_host(ctx, identifier, kind="cluster-ro-"),
        "port": inputs.get("port") or 5432,
        "clusterResourceId": "cluster-" + ctx.suffix(name + "cluster", 26).upper(),
        "arn": ctx.arn("rds", f"cluster:{identifier}"),
        "masterUserSecrets": _master_user_secrets(ctx, "cluster", name, inputs),
        "engineVersionActual": inputs.get("engineVersion"),
        "hostedZoneId": "Z2R2ITUGPM61AM",
    }


def _rds_cluster_instance_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    identifier = _identifier(ctx, name, inputs, "identifier")
    return {
        "id": identifier,
        "identifier": identifier,
        "endpoint": _rds_host(ctx, identifier),
        "port": 5432,
        "dbiResourceId": "db-" + ctx.suffix(name + "dbi", 26).upper(),
        "arn": ctx.arn("rds", f"db:{identifier}"),
        "writer": inputs.get("promotionTier", 0) == 0,
    }


def _named(service: str, arn_kind: str) -> OutputsFor:
    def outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
        physical = _identifier(ctx, name, inputs, "name")
        return {"id": physical, "name": physical, "arn": ctx.arn(service, f"{arn_kind}:{physical}")}

    return outputs


def _table_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    table = ctx.physical_name(name, inputs)
    return {"id": table, "name": table, "arn": ctx.arn("dynamodb", f"table/{table}")}


def _bucket_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    bucket = ctx.physical_name(name, inputs, key="bucket").lower()
    return {
        "id": bucket,
        "bucket": bucket,
        "arn": f"arn:aws:s3:::{bucket}",
        "bucketDomainName": f"{bucket}.s3.amazonaws.com",
        "bucketRegionalDomainName": f"{bucket}.s3.{ctx.region}.amazonaws.com",
        "hostedZoneId": "Z3AQBSTGFYJSTF",
        "region": ctx.region,
    }


def _bucket_part_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """Bucket settings resources are identified by their bucket's name."""
    return {"id": str(inputs.get("bucket") or name)}


def _secret_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    secret_name = ctx.physical_name(name, inputs)
    arn = _secret_arn(ctx, secret_name)
    return {"id": arn, "arn": arn, "name": secret_name}


def _secret_version_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    version_id = _uuid(ctx, name + "version")
    secret_arn = str(inputs.get("secretId"))
    return {
        "id": f"{secret_arn}|{version_id}",
        "arn": secret_arn,
        "versionId": version_id,
        "versionStages": ["AWSCURRENT"],
    }


def _short_region(region: str) -> str:
    """``us-east-1`` → ``use1``, as in ElastiCache endpoints."""
    area, direction, number = region.split("-")
    return f"{area}{direction[0]}{number}"


def _replication_group_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    group_id = _identifier(ctx, name, inputs, "replicationGroupId")
    members = [f"{group_id}-{n:03d}" for n in range(1, int(inputs.get("numCacheClusters") or 1) + 1)]
    host = f"{group_id}.{_CACHE_HOST_HASH}.{_short_region(ctx.region)}.cache.amazonaws.com"
    return {
        "id": group_id,
        "replicationGroupId": group_id,
        "primaryEndpointAddress": f"master.{host}",
        "readerEndpointAddress": f"replica.{host}",
        "port": inputs.get("port") or 6379,
        "memberClusters": members,
        "arn": ctx.arn("elasticache", f"replicationgroup:{group_id}"),
        "clusterEnabled": False,
    }


def _security_group_rule_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    rule_id = f"sgr-{ctx.suffix(name, 17)}"
    return {"id": rule_id, "securityGroupRuleId": rule_id, "arn": ctx.arn("ec2", f"security-group-rule/{rule_id}")}


OUTPUTS: dict[str, OutputsFor] = {
    "aws:rds/instance:Instance": _rds_instance_outputs,
    "aws:rds/cluster:Cluster": _rds_cluster_outputs,
    "aws:rds/clusterInstance:ClusterInstance": _rds_cluster_instance_outputs,
    "aws:rds/subnetGroup:SubnetGroup": _named("rds", "subgrp"),
    "aws:rds/parameterGroup:ParameterGroup": _named("rds", "pg"),
    "aws:rds/clusterParameterGroup:ClusterParameterGroup": _named("rds", "cluster-pg"),
    "aws:dynamodb/table:Table": _table_outputs,
    "aws:s3/bucket:Bucket": _bucket_outputs,
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": _bucket_part_outputs,
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": _bucket_part_outputs,
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": _bucket_part_outputs,
    "aws:s3/bucketVersioning:BucketVersioning": _bucket_part_outputs,
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": _bucket_part_outputs,
    "aws:s3/bucketLogging:BucketLogging": _bucket_part_outputs,
    "aws:s3/bucketPolicy:BucketPolicy": _bucket_part_outputs,
    "aws:secretsmanager/secret:Secret": _secret_outputs,
    "aws:secretsmanager/secretVersion:SecretVersion": _secret_version_outputs,
    "aws:elasticache/subnetGroup:SubnetGroup": _named("elasticache", "subnetgroup"),
    "aws:elasticache/replicationGroup:ReplicationGroup": _replication_group_outputs,
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": _security_group_rule_outputs,
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": _security_group_rule_outputs,
}
"""Resource type → extra outputs beyond the inputs."""


MOCK_RANDOM_PASSWORD_PREFIX = "MockGeneratedSecret"
"""Every password the mocked ``GetRandomPassword`` returns starts with this: tests search for it."""


def _random_password(ctx: MockContext, args: dict[str, Any]) -> dict[str, Any]:
    length = int(args.get("passwordLength") or 32)
    password = (MOCK_RANDOM_PASSWORD_PREFIX + ctx.suffix(str(sorted(args.items())), 64))[:length]
    return {**args, "randomPassword": password, "id": ctx.region}


def _secret_version(ctx: MockContext, args: dict[str, Any]) -> dict[str, Any]:
    """A secret version's value: a generated-looking password (the mocks cannot see write-only values)."""
    secret_id = str(args.get("secretId"))
    version_id = str(args.get("versionId") or _uuid(ctx, secret_id))
    value = MOCK_RANDOM_PASSWORD_PREFIX + ctx.suffix(secret_id + version_id, 45)
    return {
        "id": f"{secret_id}|{version_id}",
        "arn": secret_id,
        "secretId": secret_id,
        "versionId": version_id,
        "secretString": value,
        "secretBinary": "",
        "versionStages": ["AWSCURRENT"],
        "createdDate": "2025-01-01T00:00:00Z",
    }


CALLS: dict[str, CallFor] = {
    "aws:secretsmanager/getRandomPassword:getRandomPassword": _random_password,
    "aws:secretsmanager/getSecretVersion:getSecretVersion": _secret_version,
}
"""Data sources the data tier calls."""
