"""Container mode, as prod builds it: ECR and the image, the Fargate service across AZs, the load balancer
with its listeners, autoscaling, the migration task, and the rules around them."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.compute.conftest import compute_resources, run_variant, statements
from tools.program import ProgramRun

TASK = "aws:ecs/taskDefinition:TaskDefinition"
SERVICE = "aws:ecs/service:Service"
ALB = "aws:lb/loadBalancer:LoadBalancer"
LISTENER = "aws:lb/listener:Listener"
INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-4000-8000-000000000000"


def key_arn(run: ProgramRun) -> str:
    return str(run.one("aws:kms/key:Key").outputs["arn"])


def workload_sg(run: ProgramRun) -> str:
    return run.one("aws:ec2/securityGroup:SecurityGroup", "network-workload-sg").id


def container_definitions(run: ProgramRun, name: str = "compute-task") -> list[dict[str, Any]]:
    definitions: list[dict[str, Any]] = json.loads(run.one(TASK, name).inputs["containerDefinitions"])
    return definitions


def test_repository_is_encrypted_scanned_immutable_and_protected_in_prod(container: ProgramRun) -> None:
    repository = container.one("aws:ecr/repository:Repository", "compute-repository")
    assert repository.inputs["imageTagMutability"] == "IMMUTABLE"
    assert repository.inputs["imageScanningConfiguration"] == {"scanOnPush": True}
    assert repository.inputs["encryptionConfigurations"] == [{"encryptionType": "KMS", "kmsKey": key_arn(container)}]
    assert (repository.protect, repository.inputs["forceDelete"]) == (True, False)


def test_repository_lifecycle_expires_untagged_layers_and_keeps_30_images(container: ProgramRun) -> None:
    lifecycle = container.one("aws:ecr/lifecyclePolicy:LifecyclePolicy", "compute-repository-lifecycle").inputs
    rules = json.loads(lifecycle["policy"])["rules"]
    assert [(r["selection"]["tagStatus"], r["selection"]["countNumber"]) for r in rules] == [
        ("untagged", 7),
        ("any", 30),
    ]
    assert lifecycle["repository"] == container.one("aws:ecr/repository:Repository").outputs["name"]


def test_image_is_built_from_app_for_arm64_with_a_content_tag(container: ProgramRun) -> None:
    image = container.one("awsx:ecr:Image", "compute-image")
    assert image.remote
    assert (image.inputs["context"], image.inputs["platform"]) == ("app", "linux/arm64")
    assert "dockerfile" not in image.inputs  # app/Dockerfile, at the root of the build context
    assert re.fullmatch(r"app-[0-9a-f]{16}", image.inputs["imageTag"])
    assert image.inputs["repositoryUrl"] == container.one("aws:ecr/repository:Repository").outputs["repositoryUrl"]
    assert image.providers["aws"].startswith(container.one("pulumi:providers:aws").urn)


def test_cluster_has_container_insights(container: ProgramRun) -> None:
    cluster = container.one("aws:ecs/cluster:Cluster", "compute-cluster").inputs
    assert cluster["settings"] == [{"name": "containerInsights", "value": "enabled"}]


def test_task_is_arm64_fargate_sized_from_config(container: ProgramRun) -> None:
    task = container.one(TASK, "compute-task").inputs
    assert (task["requiresCompatibilities"], task["networkMode"], task["cpu"], task["memory"]) == (
        ["FARGATE"],
        "awsvpc",
        "512",
        "1024",
    )
    assert task["runtimePlatform"] == {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"}
    assert task["volumes"] == [{"name": "tmp"}]


def test_container_runs_non_root_on_a_read_only_root_without_capabilities(container: ProgramRun) -> None:
    (api,) = container_definitions(container)
    assert (api["user"], api["readonlyRootFilesystem"], api["privileged"]) == ("10001:10001", True, False)
    assert api["linuxParameters"]["capabilities"] == {"drop": ["ALL"]}
    assert api["mountPoints"] == [{"sourceVolume": "tmp", "containerPath": "/tmp", "readOnly": False}]
    assert api["image"] == container.one("awsx:ecr:Image").outputs["imageUri"]
    assert api["portMappings"] == [{"containerPort": 8080, "protocol": "tcp", "name": "http"}]
    assert "/health/live" in api["healthCheck"]["command"][-1]


def test_the_cache_token_is_injected_from_secrets_manager_never_written_in(container: ProgramRun) -> None:
    (api,) = container_definitions(container)
    cache_secret = container.outputs["data"]["cache"]["authSecretArn"]
    assert api["secrets"] == [{"name": "CACHE_AUTH_TOKEN", "valueFrom": cache_secret}]
    env = {item["name"]: item["value"] for item in api["environment"]}
    assert not [name for name in env if re.search("PASSWORD|TOKEN|SECRET", name)]
    assert env["JWT_ISSUER"] == container.outputs["auth"]["issuerUrl"]
    assert env["JWT_AUDIENCE"] == container.outputs["auth"]["clientId"]
    assert (env["CACHE_HOST"], env["PORT"], env["AWS_REGION"]) == (
        container.outputs["data"]["cache"]["host"],
        "8080",
        "us-east-1",
    )


def test_container_logs_go_to_an_encrypted_log_group(container: ProgramRun) -> None:
    (api,) = container_definitions(container)
    group = container.one("aws:cloudwatch/logGroup:LogGroup", "compute-task-logs")
    assert api["logConfiguration"] == {
        "logDriver": "awslogs",
        "options": {
            "awslogs-group": group.outputs["name"],
            "awslogs-region": "us-east-1",
            "awslogs-stream-prefix": "api",
        },
    }
    assert (group.inputs["kmsKeyId"], group.inputs["retentionInDays"]) == (key_arn(container), 90)


def test_service_runs_min_tasks_in_private_subnets_of_every_az(container: ProgramRun) -> None:
    service = container.one(SERVICE, "compute-service")
    network = service.inputs["networkConfiguration"]
    assert service.inputs["desiredCount"] == 2
    assert service.inputs["launchType"] == "FARGATE"
    assert network["subnets"] == container.outputs["subnetIds"]["private"]
    assert len(network["subnets"]) == 3
    assert (network["securityGroups"], network["assignPublicIp"]) == ([workload_sg(container)], False)
    assert service.inputs["deploymentCircuitBreaker"] == {"enable": True, "rollback": True}
    assert service.ignore_changes == ["desiredCount"]
    target_group = container.one("aws:lb/targetGroup:TargetGroup").outputs["arn"]
    assert service.inputs["loadBalancers"] == [
        {"targetGroupArn": target_group, "containerName": "api", "containerPort": 8080}
    ]


def test_load_balancer_is_public_drops_bad_headers_logs_and_resists_deletion(container: ProgramRun) -> None:
    alb = container.one(ALB, "compute-alb").inputs
    assert (alb["loadBalancerType"], alb["internal"]) == ("application", False)
    assert alb["subnets"] == container.outputs["subnetIds"]["public"]
    assert alb["dropInvalidHeaderFields"] is True
    assert alb["enableDeletionProtection"] is True
    logs_bucket = container.outputs["data"]["buckets"]["logs"]["name"]
    assert alb["accessLogs"] == {"bucket": logs_bucket, "prefix": "alb", "enabled": True}


def test_https_listener_uses_the_tls13_policy_and_the_configured_certificate(container: ProgramRun) -> None:
    https = container.one(LISTENER, "compute-https").inputs
    assert (https["port"], https["protocol"], https["sslPolicy"]) == (
        443,
        "HTTPS",
        "ELBSecurityPolicy-TLS13-1-2-2021-06",
    )
    assert https["certificateArn"] == CERTIFICATE
    assert https["defaultActions"] == [
        {"type": "forward", "targetGroupArn": container.one("aws:lb/targetGroup:TargetGroup").outputs["arn"]}
    ]
    assert https["routingHttpResponseStrictTransportSecurityHeaderValue"].startswith("max-age=31536000")


def test_http_listener_only_redirects_to_https(container: ProgramRun) -> None:
    http = container.one(LISTENER, "compute-http-redirect").inputs
    assert (http["port"], http["protocol"]) == (80, "HTTP")
    assert http["defaultActions"] == [
        {"type": "redirect", "redirect": {"protocol": "HTTPS", "port": "443", "statusCode": "HTTP_301"}}
    ]
    assert len(compute_resources(container, LISTENER)) == 2


def test_the_certificates_host_name_points_at_the_load_balancer(container: ProgramRun) -> None:
    record = container.one("aws:route53/record:Record", "compute-alb-alias").inputs
    alb = container.one(ALB).outputs
    assert (record["zoneId"], record["name"], record["type"]) == ("Z0123456789EXAMPLE", "api.example.com", "A")
    assert record["aliases"] == [{"name": alb["dnsName"], "zoneId": alb["zoneId"], "evaluateTargetHealth": True}]
    assert container.outputs["api"] == {
        "url": "https://api.example.com/api",
        "originDomain": "api.example.com",
        "originProtocol": "https-only",
    }


def test_target_group_checks_the_configured_health_path(container: ProgramRun) -> None:
    group = container.one("aws:lb/targetGroup:TargetGroup", "compute-targets").inputs
    assert (group["targetType"], group["protocol"], group["port"]) == ("ip", "HTTP", 8080)
    assert (group["healthCheck"]["path"], group["healthCheck"]["matcher"]) == ("/health", "200")


def test_autoscaling_tracks_cpu_and_requests_between_min_and_max(container: ProgramRun) -> None:
    target = container.one("aws:appautoscaling/target:Target", "compute-scaling").inputs
    cluster = container.one("aws:ecs/cluster:Cluster").outputs["name"]
    service = container.one(SERVICE).outputs["name"]
    assert (target["minCapacity"], target["maxCapacity"]) == (2, 6)
    assert target["resourceId"] == f"service/{cluster}/{service}"
    policies = {p.name: p.inputs for p in container.of_type("aws:appautoscaling/policy:Policy")}
    cpu = policies["compute-scale-on-cpu"]["targetTrackingScalingPolicyConfiguration"]
    requests = policies["compute-scale-on-requests"]["targetTrackingScalingPolicyConfiguration"]
    assert (cpu["targetValue"], cpu["predefinedMetricSpecification"]["predefinedMetricType"]) == (
        60,
        "ECSServiceAverageCPUUtilization",
    )
    assert requests["targetValue"] == 1000
    alb, group = container.one(ALB).outputs["arnSuffix"], container.one("aws:lb/targetGroup:TargetGroup").outputs
    assert requests["predefinedMetricSpecification"] == {
        "predefinedMetricType": "ALBRequestCountPerTarget",
        "resourceLabel": f"{alb}/{group['arnSuffix']}",
    }


def test_with_cloudfront_in_front_the_load_balancer_admits_only_cloudfront(container: ProgramRun) -> None:
    alb_sg = container.one("aws:ec2/securityGroup:SecurityGroup", "compute-alb-sg").id
    ingress = [r.inputs for r in container.of_type(INGRESS) if r.inputs["securityGroupId"] == alb_sg]
    assert ingress == [
        {
            "securityGroupId": alb_sg,
            "prefixListId": "pl-3b927c52",
            "ipProtocol": "tcp",
            "fromPort": 443,
            "toPort": 443,
            "description": "HTTPS from CloudFront origin-facing addresses only",
        }
    ]


def test_tasks_admit_only_the_load_balancer_on_the_container_port(container: ProgramRun) -> None:
    alb_sg = container.one("aws:ec2/securityGroup:SecurityGroup", "compute-alb-sg").id
    ingress = [r.inputs for r in container.of_type(INGRESS) if r.inputs["securityGroupId"] == workload_sg(container)]
    assert [(r["referencedSecurityGroupId"], r["fromPort"], r["toPort"]) for r in ingress] == [(alb_sg, 8080, 8080)]
    egress = container.one(EGRESS, "compute-alb-to-tasks").inputs
    assert (egress["securityGroupId"], egress["referencedSecurityGroupId"], egress["fromPort"]) == (
        alb_sg,
        workload_sg(container),
        8080,
    )


def test_no_rule_anywhere_admits_the_internet_when_cloudfront_fronts_the_api(container: ProgramRun) -> None:
    assert not [r.name for r in container.of_type(INGRESS) if r.inputs.get("cidrIpv4") or r.inputs.get("cidrIpv6")]


def test_tasks_reach_aws_apis_and_the_jwks_through_the_nat_gateways_on_443_only(container: ProgramRun) -> None:
    egress = [
        r.inputs for r in compute_resources(container, EGRESS) if r.inputs["securityGroupId"] == workload_sg(container)
    ]
    assert [(r.get("cidrIpv4"), r["fromPort"], r["toPort"]) for r in egress] == [("0.0.0.0/0", 443, 443)]


def test_execution_role_pulls_this_image_writes_these_logs_and_reads_the_cache_token(container: ProgramRun) -> None:
    granted = statements(container, "compute-execution-role-policy")
    repository = container.one("aws:ecr/repository:Repository").outputs["arn"]
    group = container.one("aws:cloudwatch/logGroup:LogGroup", "compute-task-logs").outputs["arn"]
    assert granted["PullThisRepository"]["Resource"] == [repository]
    assert granted["RegistryToken"] == {
        "Sid": "RegistryToken",
        "Effect": "Allow",
        "Action": ["ecr:GetAuthorizationToken"],
        "Resource": ["*"],
    }
    assert granted["WriteOwnLogGroup"]["Resource"] == [group, f"{group}:log-stream:*"]
    assert granted["ReadTheseSecrets"]["Resource"] == [container.outputs["data"]["cache"]["authSecretArn"]]


def test_task_role_grants_the_app_its_calls_but_no_secret(container: ProgramRun) -> None:
    granted = statements(container, "compute-task-role-policy")
    assert set(granted) == {
        "ItemsTable",
        "UploadUnderUserPrefixes",
        "UploadsBucketHealth",
        "ConnectAsTheAppDatabaseUser",
        "StackKeyThroughTheseServicesOnly",
    }
    instance = container.one("aws:rds/instance:Instance").outputs["resourceId"]
    assert granted["ConnectAsTheAppDatabaseUser"]["Resource"] == [
        f"arn:aws:rds-db:us-east-1:123456789012:dbuser:{instance}/app"
    ]


def test_task_roles_trust_ecs_tasks_of_this_account_only(container: ProgramRun) -> None:
    for name in ("compute-task-role", "compute-execution-role", "compute-migrate-execution-role"):
        (statement,) = json.loads(container.one("aws:iam/role:Role", name).inputs["assumeRolePolicy"])["Statement"]
        assert statement["Principal"] == {"Service": "ecs-tasks.amazonaws.com"}
        assert statement["Condition"] == {
            "StringEquals": {"aws:SourceAccount": "123456789012"},
            "ArnLike": {"aws:SourceArn": "arn:aws:ecs:us-east-1:123456789012:*"},
        }


def test_migration_task_runs_the_migrations_with_the_master_credentials_injected(container: ProgramRun) -> None:
    task = container.one(TASK, "compute-migrate-task")
    (migrate,) = container_definitions(container, "compute-migrate-task")
    master = container.outputs["data"]["database"]["masterSecretArn"]
    assert migrate["command"] == ["python", "-m", "app.migrate"]
    assert migrate["secrets"] == [
        {"name": "DB_ADMIN_USER", "valueFrom": f"{master}:username::"},
        {"name": "DB_ADMIN_PASSWORD", "valueFrom": f"{master}:password::"},
    ]
    assert (migrate["readonlyRootFilesystem"], migrate["user"]) == (True, "10001:10001")
    assert task.inputs.get("taskRoleArn") is None
    granted = statements(container, "compute-migrate-execution-role-policy")
    assert granted["ReadTheseSecrets"]["Resource"] == [master]
    assert container.outputs["migrationTaskDefinitionArn"] == task.outputs["arn"]
    assert "ReadTheseSecrets" in statements(container, "compute-execution-role-policy")
    assert master not in json.dumps(statements(container, "compute-execution-role-policy"))


def test_without_a_certificate_the_load_balancer_serves_http_to_cloudfront_only() -> None:
    run = run_variant("dev", "containers")
    (listener,) = compute_resources(run, LISTENER)
    assert (listener.inputs["port"], listener.inputs["protocol"], listener.inputs["defaultActions"][0]["type"]) == (
        80,
        "HTTP",
        "forward",
    )
    alb_sg = run.one("aws:ec2/securityGroup:SecurityGroup", "compute-alb-sg").id
    (ingress,) = [r.inputs for r in run.of_type(INGRESS) if r.inputs["securityGroupId"] == alb_sg]
    assert (ingress["prefixListId"], ingress["fromPort"]) == ("pl-3b927c52", 80)
    dns = run.one(ALB).outputs["dnsName"]
    assert run.outputs["api"] == {"url": f"http://{dns}/api", "originDomain": dns, "originProtocol": "http-only"}
    assert compute_resources(run, "aws:route53/record:Record") == []


def test_without_cloudfront_the_load_balancer_admits_the_internet_on_443_and_80_only() -> None:
    run = run_variant("prod", "no-cdn-image-uri")
    alb_sg = run.one("aws:ec2/securityGroup:SecurityGroup", "compute-alb-sg").id
    ingress = [r.inputs for r in run.of_type(INGRESS) if r.inputs["securityGroupId"] == alb_sg]
    assert sorted((r["cidrIpv4"], r["fromPort"], r["toPort"]) for r in ingress) == [
        ("0.0.0.0/0", 80, 80),
        ("0.0.0.0/0", 443, 443),
    ]


def test_a_configured_image_is_used_as_is_and_only_its_repository_may_be_pulled() -> None:
    run = run_variant("prod", "no-cdn-image-uri")
    assert compute_resources(run, "aws:ecr/repository:Repository") == []
    assert run.of_type("awsx:ecr:Image") == []
    (api,) = container_definitions(run)
    assert api["image"] == "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4.2"
    assert statements(run, "compute-execution-role-policy")["PullThisRepository"]["Resource"] == [
        "arn:aws:ecr:us-east-1:123456789012:repository/team/api"
    ]


def test_an_unprotected_stack_can_delete_its_load_balancer_and_repository() -> None:
    run = run_variant("dev", "containers")
    assert run.one(ALB, "compute-alb").inputs["enableDeletionProtection"] is False
    repository = run.one("aws:ecr/repository:Repository", "compute-repository")
    assert (repository.protect, repository.inputs["forceDelete"]) == (False, True)
    assert run.one(SERVICE, "compute-service").inputs["desiredCount"] == 1


def test_database_and_cache_admit_only_the_compute_workload_group(container: ProgramRun) -> None:
    groups = {
        container.one("aws:ec2/securityGroup:SecurityGroup", name).id: name for name in ("data-db-sg", "data-cache-sg")
    }
    ingress = [r.inputs for r in container.of_type(INGRESS) if r.inputs["securityGroupId"] in groups]
    assert sorted((groups[r["securityGroupId"]], r["referencedSecurityGroupId"], r["fromPort"]) for r in ingress) == [
        ("data-cache-sg", workload_sg(container), 6379),
        ("data-db-sg", workload_sg(container), 5432),
    ]
