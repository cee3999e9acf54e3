"""The app's environment variables: names, ARNs and sizes of this stack's resources — never a secret value."""

from __future__ import annotations

import pulumi

from components.compute.context import Context
from components.compute.package import RDS_CA_BUNDLE

Environment = dict[str, pulumi.Input[str]]


def api_environment(ctx: Context, *, entry_point: str, rds_ca_bundle: bool = False) -> Environment:
    """What app/settings.py reads. ``entry_point``: ``lambda`` or ``container``."""
    env: Environment = {"API_BASE_PATH": "/api"}
    if ctx.table is not None:
        env["ITEMS_TABLE"] = ctx.table.name
    if ctx.uploads is not None:
        env["UPLOADS_BUCKET"] = ctx.uploads.name
    env.update(database_environment(ctx, rds_ca_bundle=rds_ca_bundle))
    if ctx.cache is not None:
        env["CACHE_HOST"] = ctx.cache.host
        env["CACHE_PORT"] = ctx.cache.port.apply(str)
        if entry_point == "lambda":
            env["CACHE_AUTH_SECRET_ARN"] = ctx.cache.auth_secret_arn
    if entry_point == "container":
        env["AWS_REGION"] = ctx.region
        env["JWT_ISSUER"] = ctx.jwt.issuer
        env["JWT_AUDIENCE"] = pulumi.Output.from_input(ctx.jwt.audiences).apply(",".join)
    return env


def database_environment(ctx: Context, *, rds_ca_bundle: bool) -> Environment:
    database = ctx.database
    if database is None:
        return {}
    env: Environment = {
        "DB_HOST": database.host,
        "DB_PORT": database.port.apply(str),
        "DB_NAME": database.database_name,
        "DB_USER": database.iam_user,
    }
    if rds_ca_bundle:
        env["DB_SSL_ROOT_CERT"] = RDS_CA_BUNDLE
    return env
