"""Container mode: the API as an ECS Fargate service in private subnets behind the load balancer.

* Image: ``compute.container.imageUri``, or built from app/ at deploy time with ``awsx.ecr.Image``
  into this stack's ECR repository (KMS-encrypted, scan on push, immutable tags — so every build
  gets its own tag, the digest of the build context — and a lifecycle policy).
* Task: arm64 (or x86_64) Fargate, CPU/memory from config, non-root user, read-only root
  filesystem with a task volume at /tmp, all Linux capabilities dropped, the cache's token injected
  from Secrets Manager (``secrets``), awslogs to an encrypted log group.
* Service: tasks spread over the private subnets of every AZ, only the load balancer may connect,
  rolling deployments with a circuit breaker, target tracking on CPU and requests per target.
* Migrations: a second task definition (same image, ``python -m app.migrate``) whose execution role
  alone may read the database's master secret; run it with ``aws ecs run-task``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws
import pulumi_awsx as awsx

from components.compute import iam, load_balancer, security
from components.compute.context import Context
from components.compute.environment import Environment, api_environment, database_environment
from components.compute.package import APP_DIR, source_digest
from components.outputs import ComputeOutputs

CONTAINER = "api"
USER = "10001:10001"
"""The image's numeric non-root user (app/Dockerfile)."""
TMP_VOLUME = "tmp"
MIGRATION_CPU, MIGRATION_MEMORY_MB = 256, 512

LIFECYCLE_POLICY = {
    "rules": [
        {
            "rulePriority": 1,
            "description": "Untagged layers of failed or replaced builds go after a week",
            "selection": {
                "tagStatus": "untagged",
                "countType": "sinceImagePushed",
                "countUnit": "days",
                "countNumber": 7,
            },
            "action": {"type": "expire"},
        },
        {
            "rulePriority": 2,
            "description": "Keep the 30 most recent images (rollbacks), expire older ones",
            "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 30},
            "action": {"type": "expire"},
        },
    ]
}

ECR_URI = re.compile(
    r"^(?P<account>\d{12})\.dkr\.ecr\.(?P<region>[a-z0-9-]+)\.amazonaws\.com/(?P<repository>[a-z0-9._/-]+?)(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$"
)


@dataclass(frozen=True)
class Image:
    uri: pulumi.Output[str]
    repository_arn: pulumi.Output[str] | None


def build(ctx: Context) -> tuple[ComputeOutputs, dict[str, pulumi.Output[str]]]:
    settings = ctx.settings.container
    security.public_endpoint_egress(
        f"{ctx.name}-egress", ctx.network, "ECR, CloudWatch Logs, Secrets Manager, the issuer's JWKS", ctx.parent
    )
    image = _image(ctx)
    cluster = aws.ecs.Cluster(
        f"{ctx.name}-cluster",
        settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")],
        opts=ctx.child,
    )
    log_group = ctx.log_group("task-logs", settings.log_retention_days)
    execution = iam.create_role(
        f"{ctx.name}-execution-role",
        iam.RoleSpec(
            description="paved compute tier: ECS pulls the API image, writes its logs, injects its secrets",
            trust=_ecs_trust(ctx),
            statements=[
                *iam.ecr_pull_statements(image.repository_arn),
                *iam.log_statements(log_group.arn),
                *iam.secret_read_statements(ctx.account, ctx.key_arn, [ctx.cache.auth_secret_arn] if ctx.cache else []),
            ],
        ),
        ctx.child,
    )
    task_role = iam.create_role(
        f"{ctx.name}-task-role",
        iam.RoleSpec(
            description="paved compute tier: what the API tasks call",
            trust=_ecs_trust(ctx),
            statements=iam.app_statements(ctx.app_access(read_cache_secret=False)),
        ),
        ctx.child,
    )
    secrets: list[dict[str, pulumi.Input[str]]] = []
    if ctx.cache is not None:
        secrets.append({"name": "CACHE_AUTH_TOKEN", "valueFrom": ctx.cache.auth_secret_arn})
    task = aws.ecs.TaskDefinition(
        f"{ctx.name}-task",
        family=f"{pulumi.get_project()}-{pulumi.get_stack()}-api",
        requires_compatibilities=["FARGATE"],
        network_mode="awsvpc",
        cpu=str(settings.cpu),
        memory=str(settings.memory_mb),
        runtime_platform=_platform(settings.architecture),
        execution_role_arn=execution.arn,
        task_role_arn=task_role.arn,
        volumes=[aws.ecs.TaskDefinitionVolumeArgs(name=TMP_VOLUME)],
        container_definitions=pulumi.Output.json_dumps(
            [
                _container(
                    ctx,
                    image=image.uri,
                    log_group=log_group.name,
                    stream_prefix="api",
                    environment=api_environment(ctx, entry_point="container"),
                    secrets=secrets,
                    port=settings.port,
                )
            ]
        ),
        opts=ctx.child.merge(pulumi.ResourceOptions(depends_on=[*execution.ready(), *task_role.ready()])),
    )
    balancer = load_balancer.build(ctx)
    service = aws.ecs.Service(
        f"{ctx.name}-service",
        cluster=cluster.arn,
        task_definition=task.arn,
        desired_count=settings.min_tasks,
        launch_type="FARGATE",
        platform_version="LATEST",
        network_configuration=aws.ecs.ServiceNetworkConfigurationArgs(
            subnets=ctx.network.private_subnet_ids,
            security_groups=[ctx.network.workload_security_group_id],
            assign_public_ip=False,
        ),
        load_balancers=[
            aws.ecs.ServiceLoadBalancerArgs(
                target_group_arn=balancer.target_group.arn, container_name=CONTAINER, container_port=settings.port
            )
        ],
        health_check_grace_period_seconds=60,
        deployment_circuit_breaker=aws.ecs.ServiceDeploymentCircuitBreakerArgs(enable=True, rollback=True),
        deployment_minimum_healthy_percent=100,
        deployment_maximum_percent=200,
        availability_zone_rebalancing="ENABLED",
        enable_execute_command=False,
        enable_ecs_managed_tags=True,
        propagate_tags="SERVICE",
        wait_for_steady_state=False,
        opts=ctx.child.merge(pulumi.ResourceOptions(depends_on=balancer.listeners, ignore_changes=["desiredCount"])),
    )
    _autoscaling(ctx, cluster, service, balancer)
    exports = {"clusterName": cluster.name}
    if ctx.database is not None:
        exports["migrationTaskDefinitionArn"] = _migration_task(ctx, image, log_group).arn
    return (
        ComputeOutputs(
            mode="container",
            api_origin_domain=balancer.origin_domain,
            api_origin_protocol=balancer.origin_protocol,
            api_url=balancer.url,
            role_arns=[task_role.arn, execution.arn],
            log_group_names=[log_group.name],
            load_balancer_arn_suffix=balancer.alb.arn_suffix,
            target_group_arn_suffix=balancer.target_group.arn_suffix,
            cluster_name=cluster.name,
            service_name=service.name,
        ),
        exports,
    )


def _image(ctx: Context) -> Image:
    settings = ctx.settings.container
    if settings.image_uri is not None:
        match = ECR_URI.match(settings.image_uri)
        repository_arn = None
        if match is not None:
            repository_arn = pulumi.Output.concat(
                "arn:", ctx.account.partition, ":ecr:", match["region"], ":", match["account"], ":repository/",
                match["repository"],
            )  # fmt: skip
        return Image(pulumi.Output.from_input(settings.image_uri), repository_arn)
    repository = aws.ecr.Repository(
        f"{ctx.name}-repository",
        image_tag_mutability="IMMUTABLE",
        image_scanning_configuration=aws.ecr.RepositoryImageScanningConfigurationArgs(scan_on_push=True),
        encryption_configurations=[
            aws.ecr.RepositoryEncryptionConfigurationArgs(encryption_type="KMS", kms_key=ctx.key_arn)
        ],
        force_delete=not ctx.protect,
        opts=ctx.child.merge(pulumi.ResourceOptions(protect=ctx.protect)),
    )
    aws.ecr.LifecyclePolicy(
        f"{ctx.name}-repository-lifecycle",
        repository=repository.name,
        policy=json.dumps(LIFECYCLE_POLICY),
        opts=ctx.child,
    )
    built = awsx.ecr.Image(
        f"{ctx.name}-image",
        repository_url=repository.repository_url,
        context=str(APP_DIR),
        platform=f"linux/{settings.architecture.replace('x86_64', 'amd64')}",
        image_tag=f"app-{source_digest(APP_DIR)[:16]}",
        opts=ctx.child.merge(pulumi.ResourceOptions(providers={"aws": ctx.provider})),
    )
    return Image(built.image_uri, repository.arn)


def _ecs_trust(ctx: Context) -> pulumi.Output[str]:
    return iam.service_trust("ecs-tasks.amazonaws.com", ctx.account, iam.arn(ctx.account, "ecs", "*"))


def _platform(architecture: str) -> aws.ecs.TaskDefinitionRuntimePlatformArgs:
    return aws.ecs.TaskDefinitionRuntimePlatformArgs(
        operating_system_family="LINUX", cpu_architecture="ARM64" if architecture == "arm64" else "X86_64"
    )


def _container(
    ctx: Context,
    *,
    image: pulumi.Input[str],
    log_group: pulumi.Input[str],
    stream_prefix: str,
    environment: Environment,
    secrets: Sequence[Mapping[str, pulumi.Input[str]]],
    port: int | None = None,
    command: Sequence[str] | None = None,
) -> dict[str, Any]:
    """One container definition: non-root, read-only root filesystem, no capabilities, awslogs."""
    definition: dict[str, Any] = {
        "name": CONTAINER if command is None else "migrate",
        "image": image,
        "essential": True,
        "user": USER,
        "readonlyRootFilesystem": True,
        "privileged": False,
        "linuxParameters": {"initProcessEnabled": True, "capabilities": {"drop": ["ALL"]}},
        "mountPoints": [{"sourceVolume": TMP_VOLUME, "containerPath": "/tmp", "readOnly": False}],
        "environment": [{"name": key, "value": value} for key, value in sorted(environment.items())],
        "secrets": list(secrets),
        "logConfiguration": {
            "logDriver": "awslogs",
            "options": {
                "awslogs-group": log_group,
                "awslogs-region": ctx.region,
                "awslogs-stream-prefix": stream_prefix,
            },
        },
        "stopTimeout": 30,
    }
    if port is not None:
        definition["portMappings"] = [{"containerPort": port, "protocol": "tcp", "name": "http"}]
        definition["healthCheck"] = {
            "command": [
                "CMD",
                "python",
                "-c",
                f"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/health/live', timeout=4)",
            ],
            "interval": 30,
            "timeout": 5,
            "retries": 3,
            "startPeriod": 20,
        }
        definition["environment"].append({"name": "PORT", "value": str(port)})
    if command is not None:
        definition["command"] = list(command)
    return definition


def _autoscaling(
    ctx: Context, cluster: aws.ecs.Cluster, service: aws.ecs.Service, balancer: load_balancer.LoadBalancer
) -> None:
    settings = ctx.settings.container
    target = aws.appautoscaling.Target(
        f"{ctx.name}-scaling",
        min_capacity=settings.min_tasks,
        max_capacity=settings.max_tasks,
        resource_id=pulumi.Output.concat("service/", cluster.name, "/", service.name),
        scalable_dimension="ecs:service:DesiredCount",
        service_namespace="ecs",
        opts=ctx.child,
    )
    metrics: list[tuple[str, str, float, pulumi.Input[str] | None]] = [
        ("cpu", "ECSServiceAverageCPUUtilization", settings.cpu_target_percent, None),
        (
            "requests",
            "ALBRequestCountPerTarget",
            settings.requests_per_target,
            pulumi.Output.concat(balancer.alb.arn_suffix, "/", balancer.target_group.arn_suffix),
        ),
    ]
    for role, metric, value, label in metrics:
        aws.appautoscaling.Policy(
            f"{ctx.name}-scale-on-{role}",
            policy_type="TargetTrackingScaling",
            resource_id=target.resource_id,
            scalable_dimension=target.scalable_dimension,
            service_namespace=target.service_namespace,
            target_tracking_scaling_policy_configuration=aws.appautoscaling.PolicyTargetTrackingScalingPolicyConfigurationArgs(
                target_value=value,
                predefined_metric_specification=aws.appautoscaling.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs(
                    predefined_metric_type=metric, resource_label=label
                ),
                scale_in_cooldown=300,
                scale_out_cooldown=60,
            ),
            opts=ctx.child,
        )


def _migration_task(ctx: Context, image: Image, log_group: aws.cloudwatch.LogGroup) -> aws.ecs.TaskDefinition:
    """``python -m app.migrate`` as a one-off task; only its execution role reads the master secret."""
    database = ctx.database
    assert database is not None
    execution = iam.create_role(
        f"{ctx.name}-migrate-execution-role",
        iam.RoleSpec(
            description="paved compute tier: ECS starts the migration task with the master credentials",
            trust=_ecs_trust(ctx),
            statements=[
                *iam.ecr_pull_statements(image.repository_arn),
                *iam.log_statements(log_group.arn),
                *iam.secret_read_statements(ctx.account, ctx.key_arn, [database.master_secret_arn]),
            ],
        ),
        ctx.child,
    )
    secrets: list[dict[str, pulumi.Input[str]]] = [
        {"name": "DB_ADMIN_USER", "valueFrom": pulumi.Output.concat(database.master_secret_arn, ":username::")},
        {"name": "DB_ADMIN_PASSWORD", "valueFrom": pulumi.Output.concat(database.master_secret_arn, ":password::")},
    ]
    return aws.ecs.TaskDefinition(
        f"{ctx.name}-migrate-task",
        family=f"{pulumi.get_project()}-{pulumi.get_stack()}-migrate",
        requires_compatibilities=["FARGATE"],
        network_mode="awsvpc",
        cpu=str(MIGRATION_CPU),
        memory=str(MIGRATION_MEMORY_MB),
        runtime_platform=_platform(ctx.settings.container.architecture),
        execution_role_arn=execution.arn,
        volumes=[aws.ecs.TaskDefinitionVolumeArgs(name=TMP_VOLUME)],
        container_definitions=pulumi.Output.json_dumps(
            [
                _container(
                    ctx,
                    image=image.uri,
                    log_group=log_group.name,
                    stream_prefix="migrate",
                    environment={"AWS_REGION": ctx.region, **database_environment(ctx, rds_ca_bundle=False)},
                    secrets=secrets,
                    command=["python", "-m", "app.migrate"],
                )
            ]
        ),
        opts=ctx.child.merge(pulumi.ResourceOptions(depends_on=execution.ready())),
    )
