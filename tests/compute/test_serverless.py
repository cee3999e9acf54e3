"""Serverless mode, as dev builds it: the API function and the migration function, the HTTP API with its
JWT authorizer, throttling and access logs, and only the network rules the functions need."""

from __future__ import annotations

import json
import re

import pulumi

from tests.compute.conftest import AUDIENCE, ISSUER, compute_resources, run_variant, statements
from tools.program import ProgramRun

FUNCTION = "aws:lambda/function:Function"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
ROUTE = "aws:apigatewayv2/route:Route"
EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint"


def key_arn(run: ProgramRun) -> str:
    return str(run.one("aws:kms/key:Key").outputs["arn"])


def workload_sg(run: ProgramRun) -> str:
    return run.one("aws:ec2/securityGroup:SecurityGroup", "network-workload-sg").id


def test_api_function_runs_python_312_on_arm64_with_sizes_from_config(serverless: ProgramRun) -> None:
    function = serverless.one(FUNCTION, "compute-api").inputs
    assert (function["runtime"], function["architectures"], function["handler"]) == (
        "python3.12",
        ["arm64"],
        "app.lambda_handler.handler",
    )
    assert (function["memorySize"], function["timeout"], function["reservedConcurrentExecutions"]) == (512, 10, 5)


def test_function_code_is_an_archive_of_the_app_and_its_dependencies(serverless: ProgramRun) -> None:
    code = serverless.one(FUNCTION, "compute-api").inputs["code"]
    assert isinstance(code, pulumi.AssetArchive)
    assert {"app/lambda_handler.py", "app/migrations/0001_catalog.sql", "pg8000/native.py", "redis/client.py"} <= set(
        code.assets
    )
    assert all(isinstance(asset, pulumi.FileAsset) for asset in code.assets.values())
    assert serverless.one(FUNCTION, "compute-migrate").inputs["code"].assets.keys() == code.assets.keys()


def test_functions_reach_the_database_from_private_subnets_in_the_workload_group(serverless: ProgramRun) -> None:
    for name in ("compute-api", "compute-migrate"):
        vpc = serverless.one(FUNCTION, name).inputs["vpcConfig"]
        assert vpc["subnetIds"] == serverless.outputs["subnetIds"]["private"]
        assert vpc["securityGroupIds"] == [workload_sg(serverless)]
    assert serverless.one(FUNCTION, "compute-migrate-start").inputs.get("vpcConfig") is None


def test_environment_carries_names_and_arns_never_secrets(serverless: ProgramRun) -> None:
    env = serverless.one(FUNCTION, "compute-api").inputs["environment"]["variables"]
    data = serverless.outputs["data"]
    assert env == {
        "API_BASE_PATH": "/api",
        "ITEMS_TABLE": data["tables"]["items"]["name"],
        "UPLOADS_BUCKET": data["buckets"]["uploads"]["name"],
        "DB_HOST": data["database"]["host"],
        "DB_PORT": "5432",
        "DB_NAME": "app",
        "DB_USER": data["database"]["iamUser"],
    }
    migrate = serverless.one(FUNCTION, "compute-migrate").inputs["environment"]["variables"]
    assert migrate == {key: env[key] for key in ("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER")}
    starter = serverless.one(FUNCTION, "compute-migrate-start").inputs["environment"]["variables"]
    assert starter == {
        "DB_ADMIN_SECRET_ARN": data["database"]["masterSecretArn"],
        "MIGRATION_FUNCTION": serverless.one(FUNCTION, "compute-migrate").outputs["name"],
    }
    assert starter["DB_ADMIN_SECRET_ARN"].startswith("arn:aws:secretsmanager:us-east-1:123456789012:secret:")
    for variables in (env, migrate, starter):
        assert not [k for k in variables if re.search("PASSWORD|TOKEN", k)]


def test_environment_is_encrypted_with_the_stack_key(serverless: ProgramRun) -> None:
    for name in ("compute-api", "compute-migrate", "compute-migrate-start"):
        assert serverless.one(FUNCTION, name).inputs["kmsKeyArn"] == key_arn(serverless)


def test_functions_log_json_to_their_own_encrypted_log_groups_with_retention(serverless: ProgramRun) -> None:
    for role in ("api", "migrate", "migrate-start"):
        group = serverless.one(LOG_GROUP, f"compute-{role}-logs")
        assert (group.inputs["retentionInDays"], group.inputs["kmsKeyId"]) == (14, key_arn(serverless))
        logging = serverless.one(FUNCTION, f"compute-{role}").inputs["loggingConfig"]
        assert (logging["logFormat"], logging["logGroup"]) == ("JSON", group.outputs["name"])


def test_migrations_run_one_at_a_time_started_by_hand_and_are_not_routed(serverless: ProgramRun) -> None:
    migrate = serverless.one(FUNCTION, "compute-migrate").inputs
    starter = serverless.one(FUNCTION, "compute-migrate-start")
    assert (migrate["handler"], migrate["reservedConcurrentExecutions"]) == ("app.migrate.handler", 1)
    assert (starter.inputs["handler"], starter.inputs["reservedConcurrentExecutions"]) == (
        "app.migrate.start_handler",
        1,
    )
    assert starter.inputs["timeout"] > migrate["timeout"]
    assert serverless.outputs["migrationFunctionName"] == starter.outputs["name"]
    assert not [p for p in serverless.of_type("aws:lambda/permission:Permission") if "migrate" in p.inputs["function"]]


def test_http_api_checks_jwts_from_the_auth_tiers_user_pool(serverless: ProgramRun) -> None:
    authorizer = serverless.one("aws:apigatewayv2/authorizer:Authorizer", "compute-jwt-authorizer").inputs
    auth = serverless.outputs["auth"]
    assert authorizer["authorizerType"] == "JWT"
    assert authorizer["identitySources"] == ["$request.header.Authorization"]
    assert authorizer["jwtConfiguration"] == {"issuer": auth["issuerUrl"], "audiences": [auth["clientId"]]}
    assert auth["issuerUrl"] != ISSUER


def test_without_the_auth_tier_the_http_api_checks_jwts_from_the_configured_issuer() -> None:
    run = run_variant("dev", "no-database-auth-off")
    authorizer = run.one("aws:apigatewayv2/authorizer:Authorizer", "compute-jwt-authorizer").inputs
    assert authorizer["jwtConfiguration"] == {"issuer": ISSUER, "audiences": [AUDIENCE]}


def test_every_route_but_health_needs_the_jwt_authorizer(serverless: ProgramRun) -> None:
    authorizer_id = serverless.one("aws:apigatewayv2/authorizer:Authorizer", "compute-jwt-authorizer").id
    routes = {r.inputs["routeKey"]: r.inputs for r in compute_resources(serverless, ROUTE)}
    assert set(routes) == {
        "GET /api/health",
        "GET /api/items",
        "POST /api/items",
        "GET /api/items/{itemId}",
        "PUT /api/items/{itemId}",
        "DELETE /api/items/{itemId}",
        "POST /api/uploads",
        "GET /api/catalog",
    }
    assert routes.pop("GET /api/health")["authorizationType"] == "NONE"
    assert {(r["authorizationType"], r["authorizerId"]) for r in routes.values()} == {("JWT", authorizer_id)}


def test_routes_invoke_the_function_through_a_v2_proxy_integration(serverless: ProgramRun) -> None:
    integration = serverless.one("aws:apigatewayv2/integration:Integration", "compute-api-integration")
    assert integration.inputs["integrationType"] == "AWS_PROXY"
    assert integration.inputs["payloadFormatVersion"] == "2.0"
    assert integration.inputs["integrationUri"] == serverless.one(FUNCTION, "compute-api").outputs["invokeArn"]
    assert {r.inputs["target"] for r in compute_resources(serverless, ROUTE)} == {f"integrations/{integration.id}"}


def test_stage_throttles_from_config_and_writes_json_access_logs(serverless: ProgramRun) -> None:
    stage = serverless.one("aws:apigatewayv2/stage:Stage", "compute-http-api-stage").inputs
    assert (stage["name"], stage["autoDeploy"]) == ("$default", True)
    assert stage["defaultRouteSettings"] == {
        "throttlingRateLimit": 20,
        "throttlingBurstLimit": 40,
        "detailedMetricsEnabled": True,
    }
    access_logs = serverless.one(LOG_GROUP, "compute-http-api-access-logs")
    assert stage["accessLogSettings"]["destinationArn"] == access_logs.outputs["arn"]
    assert json.loads(stage["accessLogSettings"]["format"])["requestId"] == "$context.requestId"
    assert (access_logs.inputs["kmsKeyId"], access_logs.inputs["retentionInDays"]) == (key_arn(serverless), 14)


def test_only_this_apis_routes_may_invoke_the_function(serverless: ProgramRun) -> None:
    permission = serverless.one("aws:lambda/permission:Permission", "compute-api-invoke").inputs
    api = serverless.one("aws:apigatewayv2/api:Api", "compute-http-api").outputs
    assert (permission["principal"], permission["action"]) == ("apigateway.amazonaws.com", "lambda:InvokeFunction")
    assert permission["sourceArn"] == f"{api['executionArn']}/*/*/api/*"
    assert permission["function"] == serverless.one(FUNCTION, "compute-api").outputs["name"]


def test_api_role_grants_exactly_what_the_app_calls(serverless: ProgramRun) -> None:
    granted = statements(serverless, "compute-api-role-policy")
    data = serverless.outputs["data"]
    assert granted["ItemsTable"]["Action"] == [
        "dynamodb:DeleteItem",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
    ]
    assert granted["ItemsTable"]["Resource"] == [data["tables"]["items"]["arn"]]
    assert granted["UploadUnderUserPrefixes"] == {
        "Sid": "UploadUnderUserPrefixes",
        "Effect": "Allow",
        "Action": ["s3:PutObject"],
        "Resource": [f"{data['buckets']['uploads']['arn']}/users/*"],
    }
    cluster = serverless.one("aws:rds/cluster:Cluster").outputs["clusterResourceId"]
    assert granted["ConnectAsTheAppDatabaseUser"]["Resource"] == [
        f"arn:aws:rds-db:us-east-1:123456789012:dbuser:{cluster}/{data['database']['iamUser']}"
    ]
    kms = granted["StackKeyThroughTheseServicesOnly"]
    assert kms["Resource"] == [key_arn(serverless)]
    assert kms["Condition"] == {
        "StringEquals": {"kms:ViaService": ["dynamodb.us-east-1.amazonaws.com", "s3.us-east-1.amazonaws.com"]}
    }


def test_devs_api_function_never_calls_secrets_manager(serverless: ProgramRun) -> None:
    actions = [a for s in statements(serverless, "compute-api-role-policy").values() for a in s["Action"]]
    assert not [a for a in actions if a.startswith("secretsmanager:")]
    assert "CACHE_AUTH_SECRET_ARN" not in serverless.one(FUNCTION, "compute-api").inputs["environment"]["variables"]


def test_only_the_starter_reads_the_master_secret_and_it_may_only_run_the_migration(
    serverless: ProgramRun,
) -> None:
    granted = statements(serverless, "compute-migrate-start-role-policy")
    master = serverless.outputs["data"]["database"]["masterSecretArn"]
    assert granted["ReadTheseSecrets"]["Resource"] == [master]
    assert granted["DecryptSecretsOnlyThroughSecretsManager"]["Condition"] == {
        "StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.amazonaws.com"}
    }
    assert granted["StartTheMigrationFunction"]["Resource"] == [
        serverless.one(FUNCTION, "compute-migrate").outputs["arn"]
    ]
    assert set(granted) == {
        "ReadTheseSecrets",
        "DecryptSecretsOnlyThroughSecretsManager",
        "StartTheMigrationFunction",
        "WriteOwnLogGroup",
    }
    in_vpc = statements(serverless, "compute-migrate-role-policy")
    assert set(in_vpc) == {
        "WriteOwnLogGroup",
        "CreateInterfacesInThisVpc",
        "ManageInterfacesInThisVpc",
        "DescribeInterfaces",
    }


def test_functions_attach_to_the_vpc_only_through_this_vpcs_interfaces(serverless: ProgramRun) -> None:
    granted = statements(serverless, "compute-api-role-policy")
    vpc = serverless.outputs["vpcId"]
    assert granted["ManageInterfacesInThisVpc"]["Condition"] == {
        "ArnEquals": {"ec2:Vpc": f"arn:aws:ec2:us-east-1:123456789012:vpc/{vpc}"}
    }
    create = granted["CreateInterfacesInThisVpc"]["Resource"]
    subnets = serverless.outputs["subnetIds"]["private"]
    assert create == [
        "arn:aws:ec2:us-east-1:123456789012:network-interface/*",
        f"arn:aws:ec2:us-east-1:123456789012:security-group/{workload_sg(serverless)}",
        *(f"arn:aws:ec2:us-east-1:123456789012:subnet/{subnet}" for subnet in subnets),
    ]
    assert granted["DescribeInterfaces"]["Resource"] == ["*"]


def test_function_roles_trust_only_lambda(serverless: ProgramRun) -> None:
    for name in ("compute-api-role", "compute-migrate-role", "compute-migrate-start-role"):
        trust = json.loads(serverless.one("aws:iam/role:Role", name).inputs["assumeRolePolicy"])
        assert trust["Statement"] == [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ]


def test_functions_are_created_after_their_permissions(serverless: ProgramRun) -> None:
    policy = serverless.one("aws:iam/rolePolicy:RolePolicy", "compute-api-role-policy").urn
    assert policy in serverless.one(FUNCTION, "compute-api").dependencies


def test_workloads_reach_s3_and_dynamodb_through_gateway_endpoints_only_on_443(serverless: ProgramRun) -> None:
    rules = {r.name: r.inputs for r in compute_resources(serverless, EGRESS)}
    assert rules["compute-egress-to-s3"]["prefixListId"] == "pl-63a5400a"
    assert rules["compute-egress-to-dynamodb"]["prefixListId"] == "pl-02cd2c6b"
    assert {(r["securityGroupId"], r["fromPort"], r["toPort"]) for r in rules.values()} == {
        (workload_sg(serverless), 443, 443)
    }
    assert not [r for r in rules.values() if r.get("cidrIpv4")]


def test_dev_needs_no_interface_endpoint_and_no_route_to_the_internet(serverless: ProgramRun) -> None:
    assert serverless.of_type(ENDPOINT) == []
    assert not [r.name for r in serverless.of_type(EGRESS) if r.inputs.get("cidrIpv4") or r.inputs.get("cidrIpv6")]


def test_functions_admit_no_inbound_traffic(serverless: ProgramRun) -> None:
    sg = workload_sg(serverless)
    assert not [r for r in serverless.of_type(INGRESS) if r.inputs["securityGroupId"] == sg]


def test_stack_exports_the_api_behind_its_https_endpoint(serverless: ProgramRun) -> None:
    api = serverless.one("aws:apigatewayv2/api:Api", "compute-http-api").outputs
    assert serverless.outputs["api"] == {
        "url": f"{api['apiEndpoint']}/api",
        "originDomain": api["apiEndpoint"].removeprefix("https://"),
        "originProtocol": "https-only",
    }


def test_without_a_database_the_function_stays_out_of_the_vpc() -> None:
    run = run_variant("dev", "no-database-auth-off")
    function = run.one(FUNCTION, "compute-api").inputs
    assert function.get("vpcConfig") is None
    assert [f.name for f in compute_resources(run, FUNCTION)] == ["compute-api"]
    assert compute_resources(run, ENDPOINT) == [] and compute_resources(run, EGRESS) == []
    assert "GET /api/catalog" not in {r.inputs["routeKey"] for r in compute_resources(run, ROUTE)}
    assert "DB_HOST" not in function["environment"]["variables"]
    assert "migrationFunctionName" not in run.outputs


def test_architecture_comes_from_config() -> None:
    assert run_variant("dev", "single-nat-x86").one(FUNCTION, "compute-api").inputs["architectures"] == ["x86_64"]


def test_functions_reach_the_internet_only_to_read_the_caches_token() -> None:
    assert not [r for r in compute_resources(run_variant("dev", "single-nat-x86"), EGRESS) if r.inputs.get("cidrIpv4")]
    with_cache = run_variant("prod", "serverless")
    egress = with_cache.one(EGRESS, "compute-egress-to-https").inputs
    assert (egress["cidrIpv4"], egress["fromPort"], egress["toPort"]) == ("0.0.0.0/0", 443, 443)
    granted = statements(with_cache, "compute-api-role-policy")
    assert granted["ReadCacheToken"]["Resource"] == [with_cache.outputs["data"]["cache"]["authSecretArn"]]
    env = with_cache.one(FUNCTION, "compute-api").inputs["environment"]["variables"]
    assert env["CACHE_AUTH_SECRET_ARN"] == with_cache.outputs["data"]["cache"]["authSecretArn"]


def test_compute_switched_off_creates_nothing_and_exports_no_api() -> None:
    run = run_variant("prod", "compute-off")
    assert not [r for r in run.resources if r.type.startswith("paved:compute")]
    assert "api" not in run.outputs


def test_browsers_on_the_apps_origins_may_put_presigned_uploads_and_nothing_else(
    serverless: ProgramRun, container: ProgramRun
) -> None:
    for run, origin in ((serverless, "http://localhost:3000"), (container, "https://app.example.com")):
        cors = run.one("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", "compute-uploads-cors").inputs
        assert cors["bucket"] == run.outputs["data"]["buckets"]["uploads"]["name"]
        assert cors["corsRules"] == [
            {
                "allowedMethods": ["PUT"],
                "allowedOrigins": [origin],
                "allowedHeaders": ["Content-Type"],
                "exposeHeaders": ["ETag"],
                "maxAgeSeconds": 3000,
            }
        ]
    assert (
        run_variant("dev", "no-database-auth-off").of_type("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration")
        == []
    )


def test_app_origins_are_the_callback_urls_scheme_host_and_port() -> None:
    from components.compute.uploads import app_origins

    assert app_origins(
        ["https://app.example.com/callback", "https://app.example.com/other", "http://localhost:3000/cb"]
    ) == ["https://app.example.com", "http://localhost:3000"]
