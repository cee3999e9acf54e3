"""Serverless mode: the API function behind an API Gateway HTTP API with a JWT authorizer, and the
migration functions beside it.

The function joins the VPC (private subnets, the workload security group) only when it reaches the
database or the cache. Its archive is assembled by the program (``package.py``). The HTTP API has
one explicit route per operation so a policy can see which are public (``GET /api/health`` only);
the ``$default`` stage throttles from config and writes JSON access logs to an encrypted log group.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.compute import iam, security
from components.compute.context import Context
from components.compute.environment import Environment, api_environment, database_environment
from components.compute.package import API_HANDLER, LAMBDA_RUNTIME, MIGRATION_HANDLER, MIGRATION_STARTER, lambda_package
from components.outputs import ComputeOutputs

STAGE = "$default"
MIGRATION_TIMEOUT_SECONDS = 300
MIGRATION_MEMORY_MB = 256
STARTER_MEMORY_MB = 128

ACCESS_LOG_FORMAT = {
    "requestId": "$context.requestId",
    "ip": "$context.identity.sourceIp",
    "requestTime": "$context.requestTime",
    "httpMethod": "$context.httpMethod",
    "routeKey": "$context.routeKey",
    "status": "$context.status",
    "protocol": "$context.protocol",
    "responseLength": "$context.responseLength",
    "latencyMs": "$context.responseLatency",
    "integrationError": "$context.integrationErrorMessage",
    "authorizerError": "$context.authorizer.error",
    "caller": "$context.authorizer.claims.sub",
}


@dataclass(frozen=True)
class ApiRoute:
    role: str
    method: str
    path: str
    needs: str
    """``always``, ``table``, ``uploads`` or ``database``: the route exists only when the stack has it."""
    public: bool = False

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"


ROUTES = (
    ApiRoute("health", "GET", "/api/health", "always", public=True),
    ApiRoute("list-items", "GET", "/api/items", "table"),
    ApiRoute("create-item", "POST", "/api/items", "table"),
    ApiRoute("get-item", "GET", "/api/items/{itemId}", "table"),
    ApiRoute("update-item", "PUT", "/api/items/{itemId}", "table"),
    ApiRoute("delete-item", "DELETE", "/api/items/{itemId}", "table"),
    ApiRoute("create-upload", "POST", "/api/uploads", "uploads"),
    ApiRoute("catalog", "GET", "/api/catalog", "database"),
)
"""Every route of app/api.py that API Gateway exposes; all but health need a verified JWT."""


@dataclass(frozen=True)
class Function:
    function: aws.lambda_.Function
    role: iam.CreatedRole
    log_group: aws.cloudwatch.LogGroup


def build(ctx: Context) -> tuple[ComputeOutputs, dict[str, pulumi.Output[str]]]:
    """The serverless tier; its outputs and the extra stack exports (migration function)."""
    settings = ctx.settings.serverless
    package = lambda_package(settings.architecture)
    code = package.archive()
    _network_rules(ctx)
    api = _function(
        ctx,
        "api",
        description="paved API (app.lambda_handler)",
        handler=API_HANDLER,
        code=code,
        environment=api_environment(ctx, entry_point="lambda", rds_ca_bundle=package.has_rds_ca_bundle),
        statements=iam.app_statements(ctx.app_access(read_cache_secret=True)),
        memory_mb=settings.memory_mb,
        timeout_seconds=settings.timeout_seconds,
        reserved_concurrency=settings.reserved_concurrency,
    )
    functions = [api]
    exports: dict[str, pulumi.Output[str]] = {}
    if ctx.database is not None:
        functions += _migration_functions(ctx, code, rds_ca_bundle=package.has_rds_ca_bundle)
        exports["migrationFunctionName"] = functions[-1].function.name
    http_api, endpoint, access_logs = _http_api(ctx, api.function)
    return (
        ComputeOutputs(
            mode="serverless",
            api_origin_domain=endpoint.apply(lambda url: url.removeprefix("https://").rstrip("/")),
            api_origin_protocol="https-only",
            api_url=pulumi.Output.concat(endpoint, "/api"),
            role_arns=[f.role.arn for f in functions],
            log_group_names=[*(f.log_group.name for f in functions), access_logs.name],
            function_names=[f.function.name for f in functions],
            http_api_id=http_api.id,
            http_api_stage=STAGE,
        ),
        exports,
    )


def _migration_functions(ctx: Context, code: pulumi.Archive, *, rds_ca_bundle: bool) -> list[Function]:
    """The migration function (in the VPC, no secret) and its starter (outside it, reads the master secret).

    Neither needs both the network path to the database and the one to Secrets Manager, so a stack
    without a NAT gateway needs no interface endpoint for migrations (app/migrate.py explains the
    hand-over).
    """
    database = ctx.database
    assert database is not None
    migration = _function(
        ctx,
        "migrate",
        description="paved schema migrations (app.migrate); started by the migrate-start function",
        handler=MIGRATION_HANDLER,
        code=code,
        environment=database_environment(ctx, rds_ca_bundle=rds_ca_bundle),
        statements=[],
        memory_mb=MIGRATION_MEMORY_MB,
        timeout_seconds=MIGRATION_TIMEOUT_SECONDS,
        reserved_concurrency=1,
    )
    starter = _function(
        ctx,
        "migrate-start",
        description="paved: reads the master secret and runs the migrate function; invoke by hand after a deploy",
        handler=MIGRATION_STARTER,
        code=code,
        environment={
            "DB_ADMIN_SECRET_ARN": database.master_secret_arn,
            "MIGRATION_FUNCTION": migration.function.name,
        },
        statements=[
            *iam.secret_read_statements(ctx.account, ctx.key_arn, [database.master_secret_arn]),
            iam.allow("StartTheMigrationFunction", ["lambda:InvokeFunction"], [migration.function.arn]),
        ],
        memory_mb=STARTER_MEMORY_MB,
        timeout_seconds=MIGRATION_TIMEOUT_SECONDS + 20,
        reserved_concurrency=1,
        in_vpc=False,
    )
    return [migration, starter]


def _network_rules(ctx: Context) -> None:
    """Egress for functions in the VPC: the S3/DynamoDB gateway endpoints, and the NAT gateway only when
    the API function reads the cache's token from Secrets Manager (the config model requires a NAT
    gateway with a cache)."""
    if not ctx.in_vpc:
        return
    security.gateway_endpoint_egress(f"{ctx.name}-egress", ctx.network, ctx.region, ctx.parent)
    if ctx.cache is not None:
        security.public_endpoint_egress(f"{ctx.name}-egress", ctx.network, "Secrets Manager", ctx.parent)


def _function(
    ctx: Context,
    role: str,
    *,
    description: str,
    handler: str,
    code: pulumi.Archive,
    environment: Environment,
    statements: Sequence[iam.Statement],
    memory_mb: int,
    timeout_seconds: int,
    reserved_concurrency: int,
    in_vpc: bool | None = None,
) -> Function:
    """A function with its own log group and role; in the VPC when ``in_vpc`` (default: the stack's rule)."""
    settings = ctx.settings.serverless
    log_group = ctx.log_group(f"{role}-logs", settings.log_retention_days)
    vpc_statements: list[iam.Statement] = []
    vpc_config = None
    if ctx.in_vpc if in_vpc is None else in_vpc:
        vpc_statements = iam.vpc_function_statements(
            ctx.account,
            ctx.network.vpc_id,
            ctx.network.private_subnet_ids,
            len(ctx.network.availability_zones),
            ctx.network.workload_security_group_id,
        )
        vpc_config = aws.lambda_.FunctionVpcConfigArgs(
            subnet_ids=ctx.network.private_subnet_ids,
            security_group_ids=[ctx.network.workload_security_group_id],
        )
    created = iam.create_role(
        f"{ctx.name}-{role}-role",
        iam.RoleSpec(
            description=f"paved compute tier: the {role} function",
            trust=iam.lambda_trust(),
            statements=[*statements, *iam.log_statements(log_group.arn), *vpc_statements],
        ),
        ctx.child,
    )
    function = aws.lambda_.Function(
        f"{ctx.name}-{role}",
        description=description,
        runtime=LAMBDA_RUNTIME,
        architectures=[settings.architecture],
        handler=handler,
        code=code,
        role=created.arn,
        memory_size=memory_mb,
        timeout=timeout_seconds,
        reserved_concurrent_executions=reserved_concurrency,
        environment=aws.lambda_.FunctionEnvironmentArgs(variables=environment),
        kms_key_arn=ctx.key_arn,
        logging_config=aws.lambda_.FunctionLoggingConfigArgs(
            log_format="JSON",
            log_group=log_group.name,
            application_log_level="INFO",
            system_log_level="WARN",
        ),
        vpc_config=vpc_config,
        opts=ctx.child.merge(pulumi.ResourceOptions(depends_on=created.ready())),
    )
    return Function(function, created, log_group)


def _http_api(
    ctx: Context, function: aws.lambda_.Function
) -> tuple[aws.apigatewayv2.Api, pulumi.Output[str], aws.cloudwatch.LogGroup]:
    settings = ctx.settings.serverless
    api = aws.apigatewayv2.Api(
        f"{ctx.name}-http-api",
        protocol_type="HTTP",
        description="paved API: the API function behind a JWT authorizer",
        opts=ctx.child,
    )
    authorizer = aws.apigatewayv2.Authorizer(
        f"{ctx.name}-jwt-authorizer",
        api_id=api.id,
        authorizer_type="JWT",
        identity_sources=["$request.header.Authorization"],
        jwt_configuration=aws.apigatewayv2.AuthorizerJwtConfigurationArgs(
            issuer=ctx.jwt.issuer, audiences=ctx.jwt.audiences
        ),
        opts=ctx.child,
    )
    integration = aws.apigatewayv2.Integration(
        f"{ctx.name}-api-integration",
        api_id=api.id,
        integration_type="AWS_PROXY",
        integration_method="POST",
        integration_uri=function.invoke_arn,
        payload_format_version="2.0",
        timeout_milliseconds=min(30_000, settings.timeout_seconds * 1000 + 1000),
        opts=ctx.child,
    )
    available = {
        "always": True,
        "table": ctx.table is not None,
        "uploads": ctx.uploads is not None,
        "database": ctx.database is not None,
    }
    for route in ROUTES:
        if not available[route.needs]:
            continue
        aws.apigatewayv2.Route(
            f"{ctx.name}-route-{route.role}",
            api_id=api.id,
            route_key=route.key,
            target=pulumi.Output.concat("integrations/", integration.id),
            authorization_type="NONE" if route.public else "JWT",
            authorizer_id=None if route.public else authorizer.id,
            opts=ctx.child,
        )
    access_logs = ctx.log_group("http-api-access-logs", settings.log_retention_days)
    aws.apigatewayv2.Stage(
        f"{ctx.name}-http-api-stage",
        api_id=api.id,
        name=STAGE,
        auto_deploy=True,
        default_route_settings=aws.apigatewayv2.StageDefaultRouteSettingsArgs(
            throttling_rate_limit=settings.throttle.rate_limit,
            throttling_burst_limit=settings.throttle.burst_limit,
            detailed_metrics_enabled=True,
        ),
        access_log_settings=aws.apigatewayv2.StageAccessLogSettingsArgs(
            destination_arn=access_logs.arn,
            format=json.dumps(ACCESS_LOG_FORMAT, separators=(",", ":")),
        ),
        opts=ctx.child,
    )
    aws.lambda_.Permission(
        f"{ctx.name}-api-invoke",
        action="lambda:InvokeFunction",
        function=function.name,
        principal="apigateway.amazonaws.com",
        source_arn=pulumi.Output.concat(api.execution_arn, "/*/*/api/*"),
        opts=ctx.child,
    )
    return api, api.api_endpoint, access_logs
