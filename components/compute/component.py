"""The compute tier: the API in serverless mode (Lambda + HTTP API) or container mode (Fargate + ALB)."""

from __future__ import annotations

from dataclasses import dataclass

import pulumi

from components.account import AwsAccount
from components.compute import container, serverless, uploads
from components.compute.context import Context, JwtIssuer
from components.config.compute import Compute as ComputeSettings
from components.outputs import AuthOutputs, ComputeOutputs, DataOutputs, NetworkOutputs


@dataclass(frozen=True, kw_only=True)
class ComputeArgs:
    settings: ComputeSettings
    account: AwsAccount
    key_arn: pulumi.Input[str]
    network: NetworkOutputs
    data: DataOutputs
    auth: AuthOutputs | None = None
    """The auth tier's user pool; without it the JWT issuer and audience come from ``compute.jwt``."""
    protect: bool = True
    behind_cdn: bool = True
    """Whether CloudFront fronts the API (the load balancer then admits only CloudFront)."""
    app_origins: tuple[str, ...] = ()
    """Origins of the app's pages (``scheme://host[:port]``): browsers there may PUT presigned uploads."""

    def __post_init__(self) -> None:
        if self.settings.mode == "none":
            raise ValueError("compute.mode: 'none' builds no compute tier; do not create the component")
        if self.auth is None and self.settings.jwt is None:
            raise ValueError("compute.jwt: required when there is no auth tier (the API always checks JWTs)")


class Compute(pulumi.ComponentResource):
    """The API, its roles, logs and network rules; ``outputs`` is what the CDN and watch tiers need."""

    outputs: ComputeOutputs
    exports: dict[str, pulumi.Output[str]]
    """Extra stack outputs for operators: the migration function or task definition, the cluster."""

    def __init__(self, name: str, args: ComputeArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("paved:compute:Compute", name, None, opts)
        ctx = Context(
            name=name,
            parent=self,
            settings=args.settings,
            account=args.account,
            key_arn=args.key_arn,
            network=args.network,
            data=args.data,
            jwt=_jwt_issuer(args),
            protect=args.protect,
            behind_cdn=args.behind_cdn,
            provider=self._aws_provider(),
        )
        build = serverless.build if args.settings.mode == "serverless" else container.build
        self.outputs, self.exports = build(ctx)
        bucket = args.data.bucket("uploads")
        if bucket is not None and args.app_origins:
            uploads.upload_cors(f"{name}-uploads-cors", bucket.name, list(args.app_origins), ctx.child)
        self.register_outputs(
            {
                "mode": self.outputs.mode,
                "apiUrl": self.outputs.api_url,
                "apiOriginDomain": self.outputs.api_origin_domain,
                "roleArns": list(self.outputs.role_arns),
                **self.exports,
            }
        )

    def _aws_provider(self) -> pulumi.ProviderResource:
        provider = self.get_provider("aws:index:Provider")
        if provider is None:
            raise pulumi.RunError("Compute needs the stack's AWS provider in opts.providers")
        return provider


def _jwt_issuer(args: ComputeArgs) -> JwtIssuer:
    if args.auth is not None:
        return JwtIssuer(issuer=args.auth.issuer_url, audiences=args.auth.client_id.apply(lambda client: [client]))
    jwt = args.settings.jwt
    assert jwt is not None  # checked in ComputeArgs
    return JwtIssuer(issuer=jwt.issuer, audiences=list(jwt.audience))
