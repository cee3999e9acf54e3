"""``paved:compute``: the API, serverless (Lambda + HTTP API) or container (Fargate behind a load balancer)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from components.catalog import FARGATE_CPU_MEMORY
from components.config.base import Domain, LogRetentionDays, Model, Name

CERTIFICATE_ARN_PATTERN = r"^arn:aws[\w-]*:acm:[\w-]+:\d{12}:certificate/[\w-]+$"

Architecture = Literal["arm64", "x86_64"]


class Throttle(Model):
    """The HTTP API stage's throttling."""

    rate_limit: Annotated[int, Field(ge=1, le=10000)] = Field(50, description="Steady requests per second.")
    burst_limit: Annotated[int, Field(ge=1, le=5000)] = Field(100, description="Requests in a burst.")


class Jwt(Model):
    """Issuer and audience for the API's JWT authorizer when the stack has no auth tier."""

    issuer: Annotated[str, Field(pattern=r"^https://\S+$")] = Field(description="The token issuer URL (https).")
    audience: Annotated[tuple[str, ...], Field(min_length=1)] = Field(
        description="Accepted audiences (client ids); at least one."
    )


class Serverless(Model):
    """The API as a Lambda function behind an API Gateway HTTP API."""

    memory_mb: Annotated[int, Field(ge=128, le=10240)] = Field(512, description="Function memory in MiB.")
    timeout_seconds: Annotated[int, Field(ge=1, le=29)] = Field(
        10, description="Function timeout; the HTTP API waits at most 29 s."
    )
    reserved_concurrency: Annotated[int, Field(ge=1, le=1000)] = Field(
        10, description="Concurrent executions reserved for (and capping) the API function."
    )
    architecture: Architecture = Field("arm64", description="The function's processor architecture.")
    log_retention_days: LogRetentionDays = Field(30, description="Retention of the function and access logs.")
    throttle: Throttle = Field(Throttle(), description="The HTTP API stage's throttling.")


class Container(Model):
    """The API as a Fargate service behind an Application Load Balancer."""

    cpu: Literal[256, 512, 1024, 2048, 4096] = Field(512, description="Task CPU units.")
    memory_mb: Annotated[int, Field(ge=512, le=30720)] = Field(
        1024, description="Task memory in MiB; Fargate allows only some sizes per `cpu`."
    )
    architecture: Architecture = Field("arm64", description="The tasks' processor architecture.")
    min_tasks: Annotated[int, Field(ge=1, le=100)] = Field(2, description="Fewest running tasks (autoscaling).")
    max_tasks: Annotated[int, Field(ge=1, le=200)] = Field(6, description="Most running tasks (autoscaling).")
    port: Annotated[int, Field(ge=1024, le=65535)] = Field(8080, description="The port the container listens on.")
    health_check_path: Annotated[str, Field(pattern=r"^/\S*$")] = Field(
        "/health", description="The load balancer's health check path."
    )
    image_uri: str | None = Field(
        None, description="A prebuilt image to run; by default the image is built from `app/Dockerfile`."
    )
    certificate_arn: Annotated[str, Field(pattern=CERTIFICATE_ARN_PATTERN)] | None = Field(
        None,
        description="ACM certificate of the HTTPS listener; required in prod, and unless CloudFront fronts the API.",
    )
    domain: Domain | None = Field(
        None,
        description="Required with `certificateArn`: the host name the certificate covers; paved aliases it to "
        "the load balancer, and CloudFront and clients reach the HTTPS listener by it.",
    )
    cpu_target_percent: Annotated[int, Field(ge=10, le=90)] = Field(
        60, description="Autoscaling target: average CPU of the service."
    )
    requests_per_target: Annotated[int, Field(ge=10, le=100000)] = Field(
        1000, description="Autoscaling target: requests per task per minute."
    )
    log_retention_days: LogRetentionDays = Field(30, description="Retention of the tasks' logs.")

    @model_validator(mode="after")
    def _fargate_size_and_scaling(self) -> Container:
        problems: list[str] = []
        allowed = FARGATE_CPU_MEMORY[self.cpu]
        if self.memory_mb not in allowed:
            problems.append(
                f"memoryMb {self.memory_mb} is not valid with cpu {self.cpu} on Fargate "
                f"(accepted: {', '.join(str(m) for m in allowed)})"
            )
        if self.min_tasks > self.max_tasks:
            problems.append(f"minTasks {self.min_tasks} is greater than maxTasks {self.max_tasks}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Compute(Model):
    """How the API runs."""

    mode: Literal["serverless", "container", "none"] = Field(
        "serverless", description="Lambda + HTTP API, Fargate + load balancer, or no API (a static site)."
    )
    serverless: Serverless = Field(Serverless(), description="Settings of mode `serverless`.")
    container: Container = Field(Container(), description="Settings of mode `container`.")
    jwt: Jwt | None = Field(
        None, description="Issuer and audience of the API's JWT check; required when `auth.enabled` is false."
    )
    items_table: Name | None = Field(
        None,
        description="The `data.tables` entry the API keeps callers' items in (default: the table named "
        "`items`, if any).",
    )

    def items_table_name(self) -> str:
        return self.items_table or "items"
