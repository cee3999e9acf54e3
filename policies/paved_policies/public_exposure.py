"""public-exposure: nothing answers the internet unless it is meant to — and then only on
80/443 through a load balancer or CloudFront."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from pulumi_policy import PolicyResource, ResourceValidationArgs, Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.documents import parse_document, restricts_principal
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import ANY_TYPE, PUBLIC_EXPOSURE, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, items, number, text, truth
from paved_policies.unknown import UNKNOWN

OPEN_CIDRS = frozenset({"0.0.0.0/0", "::/0"})
WEB_PORTS = frozenset({80, 443})
ALL_PROTOCOLS = frozenset({"-1", "all"})


def _open_cidrs(rule: object, keys: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for key in keys:
        for cidr in items(get(rule, key)):
            if isinstance(cidr, str) and cidr.strip() in OPEN_CIDRS:
                found.append(cidr.strip())
    return found


def _ports(rule: object, protocol_key: str) -> tuple[int, int] | None:
    """The rule's port range (all ports for protocol -1); ``None`` if unknown."""
    protocol = get(rule, protocol_key)
    if protocol is UNKNOWN:
        return None
    if str(protocol).lower() in ALL_PROTOCOLS:
        return (0, 65535)
    low, high = number(get(rule, "fromPort")), number(get(rule, "toPort"))
    if low is UNKNOWN or high is UNKNOWN:
        return None
    low_port = int(low) if isinstance(low, float) else 0
    high_port = int(high) if isinstance(high, float) else 65535
    if low_port < 0 or high_port < 0:  # ICMP "-1" ports: every type and code
        return (0, 65535)
    return (low_port, high_port)


def open_ingress(resource_type: str, props: object) -> Iterator[tuple[str, tuple[int, int]]]:
    """Every (CIDR, port range) a resource opens to the internet."""
    if resource_type in (t.SECURITY_GROUP, t.DEFAULT_SECURITY_GROUP):
        for rule in items(get(props, "ingress")):
            cidrs = _open_cidrs(rule, ("cidrBlocks", "ipv6CidrBlocks"))
            ports = _ports(rule, "protocol") if cidrs else None
            if ports is not None:
                for cidr in cidrs:
                    yield cidr, ports
    elif resource_type == t.SECURITY_GROUP_RULE:
        kind = get(props, "type")
        if kind == "ingress":
            cidrs = _open_cidrs(props, ("cidrBlocks", "ipv6CidrBlocks"))
            ports = _ports(props, "protocol") if cidrs else None
            if ports is not None:
                for cidr in cidrs:
                    yield cidr, ports
    elif resource_type == t.SECURITY_GROUP_INGRESS_RULE:
        cidrs = _open_cidrs(props, ("cidrIpv4", "cidrIpv6"))
        ports = _ports(props, "ipProtocol") if cidrs else None
        if ports is not None:
            for cidr in cidrs:
                yield cidr, ports


def _is_web_only(ports: tuple[int, int]) -> bool:
    low, high = ports
    return low == high and low in WEB_PORTS


SECURITY_GROUP_TYPES = (
    t.SECURITY_GROUP,
    t.DEFAULT_SECURITY_GROUP,
    t.SECURITY_GROUP_RULE,
    t.SECURITY_GROUP_INGRESS_RULE,
)


def _no_public_ingress(args: ResourceValidationArgs, report: Report) -> None:
    for cidr, ports in open_ingress(args.resource_type, args.props):
        if not _is_web_only(ports):
            shown = str(ports[0]) if ports[0] == ports[1] else f"{ports[0]}-{ports[1]}"
            report(f"Security group admits {cidr} on port(s) {shown}; only 80 and 443 may be open to the internet.")


security_group_no_public_ingress = define_policy(
    name="security-group-no-public-ingress",
    description="Checks that security groups admit 0.0.0.0/0 or ::/0 only on ports 80 and 443.",
    validate=_no_public_ingress,
    resource_types=SECURITY_GROUP_TYPES,
    category=PUBLIC_EXPOSURE,
    severity=Severity.CRITICAL,
    remediation_steps=(
        "Admit the load balancer's or the workload's security group instead of a CIDR (paved's data tier "
        "admits the network tier's workload security group); use SSM Session Manager instead of SSH."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-EC23",), checkov=("CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277")),
)

_SECURITY_GROUP_PROPS = ("securityGroups", "vpcSecurityGroupIds", "securityGroupIds", "securityGroupId")


def _web_open_groups(stack: StackIndex) -> dict[str, PolicyResource]:
    """Security groups (by URN) that admit the internet on 80/443."""
    groups: dict[str, PolicyResource] = {}
    for resource in stack.of_types(SECURITY_GROUP_TYPES):
        if not any(_is_web_only(ports) for _, ports in open_ingress(resource.resource_type, resource.props)):
            continue
        if resource.resource_type in (t.SECURITY_GROUP, t.DEFAULT_SECURITY_GROUP):
            groups[resource.urn] = resource
            continue
        try:
            for group in stack.referenced(resource, "securityGroupId", (t.SECURITY_GROUP, t.DEFAULT_SECURITY_GROUP)):
                groups[group.urn] = group
        except UnresolvedError:
            continue
    return groups


def _web_ports_on_load_balancers(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    groups = _web_open_groups(stack)
    if not groups:
        return
    # Rules belong to their group; an egress rule of the load balancer's group is not a use of it.
    allowed_types = {*t.LOAD_BALANCERS, t.CLASSIC_LOAD_BALANCER, *SECURITY_GROUP_TYPES, t.SECURITY_GROUP_EGRESS_RULE}
    cloudfront_origins = {
        dependency.urn
        for distribution in stack.of_types([t.CLOUDFRONT_DISTRIBUTION])
        for dependency in distribution.property_dependencies.get("origins") or distribution.dependencies
    }
    for resource in args.resources:
        if resource.resource_type in allowed_types or resource.urn in cloudfront_origins:
            continue
        if resource.resource_type.startswith(("pulumi:", "paved:", "awsx:")):
            continue
        used = {d.urn for d in resource.dependencies if d.urn in groups}
        for prop in _SECURITY_GROUP_PROPS:
            if get(resource.props, prop) is not None:
                with contextlib.suppress(UnresolvedError):
                    used.update(g.urn for g in stack.referenced(resource, prop, (t.SECURITY_GROUP,)) if g.urn in groups)
        for urn in sorted(used):
            report(
                f"{resource.resource_type} uses a security group open to the internet on 80/443 "
                f"({groups[urn].name}); only load balancers and CloudFront origins may.",
                resource.urn,
            )


security_group_web_ports_only_on_load_balancers = define_policy(
    name="security-group-web-ports-only-on-load-balancers",
    kind=STACK,
    description=(
        "Checks that security groups open to the internet on 80/443 are used only by load balancers and "
        "CloudFront origins."
    ),
    validate=_web_ports_on_load_balancers,
    resource_types=[ANY_TYPE],
    category=PUBLIC_EXPOSURE,
    severity=Severity.HIGH,
    remediation_steps=(
        "Put the workload behind a load balancer (paved's container mode) and admit only the load "
        "balancer's security group on the workload's port."
    ),
)


def _database_public(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "publiclyAccessible"), default=False) is True:
        report("The database or broker is publicly accessible.")


database_not_publicly_accessible = define_policy(
    name="database-not-publicly-accessible",
    description="Checks that RDS, Aurora, Neptune, Redshift, DMS and Amazon MQ endpoints are not publicly accessible.",
    validate=_database_public,
    resource_types=[
        t.RDS_INSTANCE,
        t.RDS_CLUSTER_INSTANCE,
        t.REDSHIFT_CLUSTER,
        t.REDSHIFT_SERVERLESS_WORKGROUP,
        t.DMS_REPLICATION_INSTANCE,
        t.MQ_BROKER,
        t.NEPTUNE_CLUSTER_INSTANCE,
    ],
    category=PUBLIC_EXPOSURE,
    severity=Severity.CRITICAL,
    remediation_steps="Set publiclyAccessible: false and keep the database in isolated subnets (paved:data does).",
    equivalents=Equivalents(
        awsguard=("rds-instance-public-access", "redshift-cluster-public-access"),
        cdk_nag=("AwsSolutions-RS8",),
        checkov=("CKV_AWS_17", "CKV_AWS_87", "CKV_AWS_89", "CKV_AWS_69"),
    ),
)

PUBLIC_ACLS = frozenset({"public-read", "public-read-write", "authenticated-read"})
PUBLIC_GRANTEES = (
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
)


def _public_grants(grants: object) -> bool:
    for grant in items(grants):
        uri = get(grant, "uri")
        if uri is None:
            uri = get(grant, "grantee", "uri")
        if isinstance(uri, str) and uri in PUBLIC_GRANTEES:
            return True
    return False


def _s3_public_acl(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    acl = get(props, "acl")
    if isinstance(acl, str) and acl in PUBLIC_ACLS:
        report(f"Grants the public ACL {acl}.")
    grants = [*items(get(props, "grants")), *items(get(props, "accessControlPolicy", "grants"))]
    if _public_grants(grants):
        report("Grants access to AllUsers or AuthenticatedUsers.")


s3_no_public_acl = define_policy(
    name="s3-no-public-acl",
    description="Checks that S3 buckets and objects are never granted to AllUsers or AuthenticatedUsers by ACL.",
    validate=_s3_public_acl,
    resource_types=[*t.S3_BUCKETS, *t.S3_ACLS, *t.S3_OBJECTS],
    category=PUBLIC_EXPOSURE,
    severity=Severity.CRITICAL,
    remediation_steps=(
        "Use ownership controls BucketOwnerEnforced (ACLs off) and serve public content through CloudFront."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_20",)),
)

_BLOCK_FLAGS = ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")


def _block_state(props: object) -> bool | None:
    """All four flags true → True, any false → False, any unknown → None."""
    values = [truth(get(props, flag), default=False) for flag in _BLOCK_FLAGS]
    if UNKNOWN in values:
        return None
    return all(value is True for value in values)


def _s3_public_access_block(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    for account_block in stack.of_types([t.S3_ACCOUNT_PUBLIC_ACCESS_BLOCK]):
        if _block_state(account_block.props) is not False:
            return  # the account-level block covers every bucket
    covered: dict[str, bool | None] = {}
    buckets = stack.of_types(t.S3_BUCKETS)
    for block in stack.of_types([t.S3_PUBLIC_ACCESS_BLOCK]):
        state = _block_state(block.props)
        if state is False:
            report("Public access block leaves a flag off; set all four to true.", block.urn)
        try:
            targets = stack.referenced(block, "bucket", t.S3_BUCKETS)
        except UnresolvedError:
            targets, state = buckets, None
        for bucket in targets:
            covered[bucket.urn] = True if covered.get(bucket.urn) else state
    for bucket in buckets:
        if bucket.urn not in covered:
            report("S3 bucket has no public access block.", bucket.urn)


s3_bucket_public_access_block = define_policy(
    name="s3-bucket-public-access-block",
    kind=STACK,
    description=(
        "Checks that every S3 bucket has a public access block with all four settings on (or the account has one)."
    ),
    validate=_s3_public_access_block,
    resource_types=[*t.S3_BUCKETS, t.S3_PUBLIC_ACCESS_BLOCK],
    category=PUBLIC_EXPOSURE,
    severity=Severity.HIGH,
    remediation_steps=(
        "Add an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls "
        "and restrictPublicBuckets true; paved's data tier adds one per bucket."
    ),
    equivalents=Equivalents(
        cdk_nag=("AwsSolutions-S2",), checkov=("CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56")
    ),
)


def _public_snapshots(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.EC2_AMI_LAUNCH_PERMISSION:
        if get(props, "group") == "all":
            report("Shares the AMI with every AWS account (group all).")
    elif args.resource_type in (t.RDS_SNAPSHOT, t.RDS_CLUSTER_SNAPSHOT):
        if "all" in [account for account in items(get(props, "sharedAccounts")) if isinstance(account, str)]:
            report("Shares the RDS snapshot with every AWS account (sharedAccounts all).")
    else:
        state = get(props, "state")
        if isinstance(state, str) and state == "unblocked":
            report("Turns off the region's block on public sharing (state unblocked).")


no_public_snapshots_or_images = define_policy(
    name="no-public-snapshots-or-images",
    description="Checks that AMIs, EBS snapshots and RDS snapshots are never shared publicly.",
    validate=_public_snapshots,
    resource_types=[
        t.EC2_AMI_LAUNCH_PERMISSION,
        t.RDS_SNAPSHOT,
        t.RDS_CLUSTER_SNAPSHOT,
        t.EBS_SNAPSHOT_BLOCK_PUBLIC_ACCESS,
        t.EC2_IMAGE_BLOCK_PUBLIC_ACCESS,
    ],
    category=PUBLIC_EXPOSURE,
    severity=Severity.CRITICAL,
    remediation_steps=(
        "Share with named account ids only; keep block-public-access at block-all-sharing / block-new-sharing."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_302",)),
)


def _eks_endpoint(args: ResourceValidationArgs, report: Report) -> None:
    vpc_config = get(args.props, "vpcConfig")
    if vpc_config is UNKNOWN:
        return
    if truth(get(vpc_config, "endpointPublicAccess"), default=True) is not True:
        return
    cidrs = get(vpc_config, "publicAccessCidrs")
    if cidrs is UNKNOWN:
        return
    listed = [cidr for cidr in items(cidrs) if isinstance(cidr, str)]
    if not listed or any(cidr.strip() in OPEN_CIDRS for cidr in listed):
        report("EKS API endpoint is public to the whole internet (publicAccessCidrs defaults to 0.0.0.0/0).")


eks_endpoint_restricted = define_policy(
    name="eks-endpoint-restricted",
    description="Checks that a public EKS API endpoint is limited to named CIDR blocks.",
    validate=_eks_endpoint,
    resource_types=[t.EKS_CLUSTER],
    category=PUBLIC_EXPOSURE,
    severity=Severity.HIGH,
    remediation_steps="Set vpcConfig.endpointPublicAccess: false, or publicAccessCidrs to your office/VPN ranges.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-EKS1",), checkov=("CKV_AWS_38", "CKV_AWS_39")),
)


def _function_url_auth(args: ResourceValidationArgs, report: Report) -> None:
    if get(args.props, "authorizationType") == "NONE":
        report("Lambda function URL has authorizationType NONE: anyone can invoke it.")


lambda_function_url_requires_auth = define_policy(
    name="lambda-function-url-requires-auth",
    description="Checks that Lambda function URLs require IAM authorization.",
    validate=_function_url_auth,
    resource_types=[t.LAMBDA_FUNCTION_URL],
    category=PUBLIC_EXPOSURE,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set authorizationType: AWS_IAM, or expose the function through paved's HTTP API with its JWT authorizer."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_258",)),
)


def _opensearch_public(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type in t.OPENSEARCH_DOMAINS:
        vpc = get(props, "vpcOptions")
        if vpc is None or (
            vpc is not UNKNOWN and get(vpc, "subnetIds") is not UNKNOWN and not items(get(vpc, "subnetIds"))
        ):
            report("OpenSearch domain has a public endpoint (no vpcOptions).")
        policy = get(props, "accessPolicies")
    else:
        policy = get(props, "accessPolicies")
    document = parse_document(policy)
    if document is None:
        return
    for statement in document.statements:
        if statement.allows and statement.is_public and not restricts_principal(statement):
            report("OpenSearch access policy grants any principal without a condition.")


opensearch_domain_not_public = define_policy(
    name="opensearch-domain-not-public",
    description=(
        "Checks that OpenSearch and Elasticsearch domains sit in a VPC and their access policy names its principals."
    ),
    validate=_opensearch_public,
    resource_types=[*t.OPENSEARCH_DOMAINS, *t.OPENSEARCH_DOMAIN_POLICIES],
    category=PUBLIC_EXPOSURE,
    severity=Severity.CRITICAL,
    remediation_steps="Set vpcOptions with private subnets and grant named IAM principals in accessPolicies.",
    equivalents=Equivalents(
        awsguard=("elasticsearch-in-vpc-only",),
        cdk_nag=("AwsSolutions-OS1", "AwsSolutions-OS5"),
        checkov=("CKV_AWS_137",),
    ),
)


def _instance_public_ip(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.EC2_INSTANCE:
        if truth(get(props, "associatePublicIpAddress")) is True:
            report("EC2 instance gets a public IP address.")
        return
    for interface in items(get(props, "networkInterfaces")):
        if truth(get(interface, "associatePublicIpAddress")) is True:
            report("Launch template gives instances a public IP address.")


ec2_instance_no_public_ip = define_policy(
    name="ec2-instance-no-public-ip",
    description="Checks that EC2 instances and launch templates do not assign public IP addresses.",
    validate=_instance_public_ip,
    resource_types=[t.EC2_INSTANCE, t.EC2_LAUNCH_TEMPLATE],
    category=PUBLIC_EXPOSURE,
    severity=Severity.HIGH,
    remediation_steps="Run instances in private subnets behind a load balancer; reach them with SSM Session Manager.",
    equivalents=Equivalents(awsguard=("ec2-instance-no-public-ip",), checkov=("CKV_AWS_88",)),
)


def _notebook_internet(args: ResourceValidationArgs, report: Report) -> None:
    access = get(args.props, "directInternetAccess")
    if access is UNKNOWN:
        return
    if text(access) != "Disabled":
        report("SageMaker notebook instance has direct internet access (directInternetAccess defaults to Enabled).")


sagemaker_notebook_no_direct_internet = define_policy(
    name="sagemaker-notebook-no-direct-internet",
    description="Checks that SageMaker notebook instances have direct internet access disabled.",
    validate=_notebook_internet,
    resource_types=[t.SAGEMAKER_NOTEBOOK],
    category=PUBLIC_EXPOSURE,
    severity=Severity.HIGH,
    remediation_steps="Set directInternetAccess: Disabled with subnetId and securityGroups in the VPC.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-SM3",)),
)
