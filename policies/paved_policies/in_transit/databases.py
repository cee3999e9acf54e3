"""encryption-in-transit for RDS and Aurora: TLS is forced through the database's parameter group.

A stack policy, because the setting lives in another resource: each database is judged through the
parameter group it names (joined by the engine's property dependency or by name), and reported
itself, so a database forcing TLS through its group is clean. A database on the engine's default
group forces nothing (except RDS for PostgreSQL 15 and newer, ``data/aws_defaults.json``); a group
no database of the stack uses is judged on its own. Db2 forces TLS with ``db2comm = SSL``.
"""

from __future__ import annotations

import re

from pulumi_policy import PolicyResource, ResourceValidationArgs, Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.aws_defaults import aws_default
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import ENCRYPTION_IN_TRANSIT, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, items, number, text
from paved_policies.unknown import UNKNOWN, Unknown

_FORCED = frozenset({"1", "on", "true"})


def parameter_value(parameters: object, name: str) -> object:
    """A parameter's value (lower-cased text), ``None`` if the group does not set it, ``UNKNOWN``."""
    for parameter in items(parameters):
        if parameter is UNKNOWN:
            return UNKNOWN
        if str(get(parameter, "name")).lower() == name:
            value = get(parameter, "value")
            return UNKNOWN if value is UNKNOWN else str(value).strip().lower()
    return None


def ssl_parameter(family: str) -> tuple[str, frozenset[str]] | None:
    """The parameter that forces TLS for an engine family and the values that do, ``None`` for
    engines without one (Oracle uses an option group)."""
    family = family.lower()
    if family.startswith(("postgres", "aurora-postgresql", "sqlserver")):
        return "rds.force_ssl", _FORCED
    if family.startswith(("mysql", "aurora-mysql", "mariadb", "aurora5")):
        return "require_secure_transport", _FORCED
    if "db2" in family:
        return "db2comm", frozenset({"ssl"})
    return None


def forces_ssl_by_default(family: str) -> bool:
    """RDS for PostgreSQL from the major version in ``data/aws_defaults.json`` sets rds.force_ssl to 1."""
    match = re.fullmatch(r"postgres(\d+)", family.lower())
    return match is not None and int(match.group(1)) >= aws_default("rds-postgres-force-ssl").value


def group_problem(group_props: object) -> str | Unknown | None:
    """Why a parameter group does not force TLS, ``None`` if it does (or its engine has no such
    parameter), ``UNKNOWN`` if it cannot be known."""
    family = get(group_props, "family")
    if isinstance(family, Unknown):
        return UNKNOWN
    if not isinstance(family, str) or (setting := ssl_parameter(family)) is None:
        return None
    parameter, forced = setting
    parameters = get(group_props, "parameters")
    value = parameter_value(parameters, parameter)
    if value is UNKNOWN or parameters is UNKNOWN:
        return UNKNOWN
    if value in forced or (value is None and forces_ssl_by_default(family)):
        return None
    return f"parameter group for {family} does not force TLS ({parameter} is {value or 'unset'})"


def _default_group_problem(database: PolicyResource) -> str | None:
    """Why a database on the engine's default parameter group does not force TLS, or ``None``."""
    engine, version = text(get(database.props, "engine")), get(database.props, "engineVersion")
    if not isinstance(engine, str) or (setting := ssl_parameter(engine)) is None:
        return None
    if engine == "postgres":
        major = number(str(version).split(".")[0]) if isinstance(version, str) else None
        if (
            version is UNKNOWN
            or major is None
            or (isinstance(major, float) and major >= aws_default("rds-postgres-force-ssl").value)
        ):
            return None
    return f"{engine} uses the default parameter group, which does not force TLS ({setting[0]})"


_GROUP_OF = (
    (t.RDS_INSTANCE, "parameterGroupName", t.RDS_PARAMETER_GROUP),
    (t.RDS_CLUSTER, "dbClusterParameterGroupName", t.RDS_CLUSTER_PARAMETER_GROUP),
)


def _judged_here(database: PolicyResource) -> bool:
    """Replicas follow their source; Aurora instances take TLS settings from their cluster."""
    if database.resource_type != t.RDS_INSTANCE:
        return True
    engine = text(get(database.props, "engine"))
    return get(database.props, "replicateSourceDb") is None and not (
        isinstance(engine, str) and engine.startswith("aurora")
    )


def _rds_ssl(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    used: set[str] = set()
    for database_type, key, group_type in _GROUP_OF:
        for database in stack.of_types([database_type]):
            try:
                groups = stack.referenced(database, key, [group_type])
            except UnresolvedError:
                continue
            used.update(group.urn for group in groups)
            if not _judged_here(database):
                continue
            default_problem = _default_group_problem(database) if get(database.props, key) is None else None
            if default_problem is not None:
                report(f"The database {default_problem}.", database.urn)
            for group in groups:
                problem = group_problem(group.props)
                if isinstance(problem, str):
                    report(f"The database's {problem}.", database.urn)
    for group in stack.of_types([t.RDS_PARAMETER_GROUP, t.RDS_CLUSTER_PARAMETER_GROUP]):
        lone_problem = group_problem(group.props)
        if group.urn not in used and isinstance(lone_problem, str):
            report(f"The {lone_problem}.", group.urn)


rds_ssl_enforced = define_policy(
    name="rds-ssl-enforced",
    kind=STACK,
    description=(
        "Checks that RDS and Aurora databases force TLS through their parameter groups (a stack policy: each "
        "database is judged through the group it names)."
    ),
    validate=_rds_ssl,
    resource_types=[t.RDS_PARAMETER_GROUP, t.RDS_CLUSTER_PARAMETER_GROUP, t.RDS_INSTANCE, t.RDS_CLUSTER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps=(
        "Give the database a parameter group with rds.force_ssl = 1 (PostgreSQL, SQL Server), "
        "require_secure_transport = 1 (MySQL, MariaDB) or db2comm = SSL (Db2); paved:data.postgres does."
    ),
    equivalents=Equivalents(checkov=("CKV2_AWS_69",)),
)


def _redshift_default_group(args: ResourceValidationArgs, report: Report) -> None:
    group = get(args.props, "clusterParameterGroupName")
    if group is UNKNOWN or aws_default("redshift-require-ssl").value is not False:
        return
    if group is None or str(group).startswith("default."):
        report(
            "Redshift cluster uses a default parameter group, which does not require SSL (clusterParameterGroupName)."
        )


redshift_cluster_requires_ssl = define_policy(
    name="redshift-cluster-requires-ssl",
    description=(
        "Checks that Redshift clusters use a parameter group of their own, since the default one accepts "
        "connections without SSL (database-parameter-group-tls judges the group)."
    ),
    validate=_redshift_default_group,
    resource_types=[t.REDSHIFT_CLUSTER],
    category=ENCRYPTION_IN_TRANSIT,
    severity=Severity.HIGH,
    remediation_steps=(
        "Create an aws.redshift.ParameterGroup with require_ssl = true and set clusterParameterGroupName."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-RS1",)),
)
