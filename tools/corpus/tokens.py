"""Terraform resource type (``aws_s3_bucket``) → pulumi-aws type token (``aws:s3/bucket:Bucket``).

pulumi-aws names most resources mechanically (``provider/resources.go``: the Terraform name
minus ``aws_`` and a service prefix that maps to a module, the rest camel-cased), so the token
is found by matching ``aws_<prefix>_<rest>`` against the SDK's registered tokens: the module
(or one of its Terraform prefixes) followed by the resource name, compared without underscores
or case. A name that matches no module prefix falls back to the ``ec2`` module, where the bridge
puts the VPC family's unprefixed names (``aws_instance``, ``aws_security_group``). Resources the
bridge names by hand are in ``_EXPLICIT``, each checked against the pulumi-aws source
(``provider/resources.go``, pulumi-aws v7). Tokens the SDK marks as deprecated in favour of
another (``BucketV2``) are never chosen.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Final

from tools.corpus.sdk_schema import deprecated_message, resource_classes

_EXPLICIT: Final = {
    "aws_alb": "alb/loadBalancer",
    "aws_lb": "lb/loadBalancer",
    "aws_elb": "elb/loadBalancer",
    "aws_app_cookie_stickiness_policy": "elb/appCookieStickinessPolicy",
    "aws_lb_cookie_stickiness_policy": "elb/loadBalancerCookieStickinessPolicy",
    "aws_lb_ssl_negotiation_policy": "elb/sslNegotiationPolicy",
    "aws_load_balancer_backend_server_policy": "elb/loadBalancerBackendServerPolicy",
    "aws_load_balancer_listener_policy": "elb/listenerPolicy",
    "aws_load_balancer_policy": "elb/loadBalancerPolicy",
    "aws_cloudtrail": "cloudtrail/trail",
    "aws_codepipeline": "codepipeline/pipeline",
    "aws_config_config_rule": "cfg/rule",
    "aws_config_configuration_recorder": "cfg/recorder",
    "aws_config_configuration_recorder_status": "cfg/recorderStatus",
    "aws_api_gateway_gateway_response": "apigateway/response",
    "aws_s3_object": "s3/bucketObjectv2",
    "aws_s3_bucket_object": "s3/bucketObject",
    "aws_s3_bucket_analytics_configuration": "s3/analyticsConfiguration",
    "aws_s3_bucket_inventory": "s3/inventory",
    "aws_s3_bucket_replication_configuration": "s3/bucketReplicationConfig",
    "aws_account_alternate_contact": "account/alternativeContact",
    "aws_appintegrations_event_integration": "appconfig/eventIntegration",
    "aws_autoscaling_group_tag": "autoscaling/tag",
    "aws_bcmdataexports_export": "bcmdata/export",
    "aws_ce_anomaly_monitor": "costexplorer/anomalyMonitor",
    "aws_ce_anomaly_subscription": "costexplorer/anomalySubscription",
    "aws_ce_cost_allocation_tag": "costexplorer/costAllocationTag",
    "aws_ce_cost_category": "costexplorer/costCategory",
    "aws_cloudcontrolapi_resource": "cloudcontrol/resource",
    "aws_cloudformation_type": "cloudformation/cloudFormationType",
    "aws_codeartifact_domain_permissions_policy": "codeartifact/domainPermissions",
    "aws_codedeploy_app": "codedeploy/application",
    "aws_cognito_identity_pool_roles_attachment": "cognito/identityPoolRoleAttachment",
    "aws_controltower_control": "controltower/controlTowerControl",
    "aws_datasync_location_efs": "datasync/efsLocation",
    "aws_datasync_location_nfs": "datasync/nfsLocation",
    "aws_datasync_location_s3": "datasync/s3Location",
    "aws_datasync_location_fsx_lustre_file_system": "datasync/locationFsxLustre",
    "aws_datasync_location_fsx_openzfs_file_system": "datasync/fsxOpenZfsFileSystem",
    "aws_datasync_location_fsx_windows_file_system": "datasync/locationFsxWindows",
    "aws_db_instance_role_association": "rds/roleAssociation",
    "aws_directory_service_region": "directoryservice/serviceRegion",
    "aws_dx_hosted_transit_virtual_interface_accepter": "directconnect/hostedTransitVirtualInterfaceAcceptor",
    "aws_dx_lag": "directconnect/linkAggregationGroup",
    "aws_ec2_host": "ec2/dedicatedHost",
    "aws_iam_user_ssh_key": "iam/sshKey",
    "aws_internetmonitor_monitor": "cloudwatch/internetMonitor",
    "aws_licensemanager_grant": "licensemanager/licenseGrant",
    "aws_licensemanager_grant_accepter": "licensemanager/licenseGrantAccepter",
    "aws_location_route_calculator": "location/routeCalculation",
    "aws_macie2_custom_data_identifier": "macie/customDataIdentifier",
    "aws_macie2_findings_filter": "macie/findingsFilter",
    "aws_network_interface_sg_attachment": "ec2/networkInterfaceSecurityGroupAttachment",
    "aws_opensearchserverless_vpc_endpoint": "opensearch/serverlessVpcEndpoint",
    "aws_osis_pipeline": "opensearchingest/pipeline",
    "aws_resourceexplorer2_index": "resourceexplorer/index",
    "aws_resourceexplorer2_view": "resourceexplorer/view",
    "aws_route53recoverycontrolconfig_cluster": "route53recoverycontrol/cluster",
    "aws_route53recoverycontrolconfig_control_panel": "route53recoverycontrol/controlPanel",
    "aws_route53recoverycontrolconfig_routing_control": "route53recoverycontrol/routingControl",
    "aws_route53recoverycontrolconfig_safety_rule": "route53recoverycontrol/safetyRule",
    "aws_ses_domain_mail_from": "ses/mailFrom",
    "aws_sns_topic_data_protection_policy": "sns/dataProtectionPolicy",
    "aws_sqs_queue_redrive_allow_policy": "sqs/redriveAllowPolicy",
    "aws_sqs_queue_redrive_policy": "sqs/redrivePolicy",
    "aws_storagegateway_cached_iscsi_volume": "storagegateway/cachesIscsiVolume",
    "aws_vpc_endpoint_security_group_association": "ec2/securityGroupAssociation",
    "aws_vpc_endpoint_service_allowed_principal": "ec2/vpcEndpointServiceAllowedPrinciple",
    "aws_vpc_peering_connection_options": "ec2/peeringConnectionOptions",
}
"""Terraform type → ``<module>/<name>`` of the token the bridge gives it by hand (or that the
mechanical rule would get wrong); the token is ``aws:<module>/<name>:<Name>``."""

_PREFIXES: Final = {
    "apigateway": ("api_gateway",),
    "rds": ("db", "rds"),
    "cfg": ("config",),
    "cloudwatch": ("cloudwatch", "cloudwatch_log"),
    "ec2transitgateway": ("ec2_transit_gateway", "ec2"),
    "ec2clientvpn": ("ec2_client_vpn",),
    "elasticbeanstalk": ("elastic_beanstalk",),
    "directoryservice": ("directory_service",),
    "directconnect": ("dx",),
    "lb": ("lb",),
    "alb": ("alb",),
    "kinesis": ("kinesis",),
    "serverlessrepository": ("serverlessapplicationrepository",),
    "sfn": ("sfn",),
    "lambda": ("lambda",),
    "opensearch": ("opensearch", "opensearchserverless"),
    "cognito": ("cognito",),
    "amp": ("prometheus",),
    "elasticsearch": ("elasticsearch",),
    "route53": ("route53",),
}
"""Terraform prefixes of modules whose Terraform prefix is not the module name."""

_UNPREFIXED_MODULES: Final = ("ec2", "vpc", "ebs")


def _norm(text: str) -> str:
    return text.replace("_", "").lower()


@cache
def _index() -> dict[str, list[str]]:
    """Normalised ``<module><name>`` and ``<prefix><name>`` → candidate tokens."""
    index: dict[str, list[str]] = defaultdict(list)
    for token in resource_classes():
        _, module_and_name, class_name = token.split(":")
        module = module_and_name.split("/")[0]
        for prefix in {module, *_PREFIXES.get(module, ())}:
            index[_norm(prefix) + _norm(class_name)].append(token)
        if module in _UNPREFIXED_MODULES:
            index[_norm(class_name)].append(token)
    return index


def _current(tokens: list[str]) -> list[str]:
    return [token for token in tokens if deprecated_message(token) is None]


@cache
def token_for(terraform_type: str) -> str | None:
    """The pulumi-aws token for a Terraform AWS resource type, or ``None`` when none matches."""
    if terraform_type in _EXPLICIT:
        path = _EXPLICIT[terraform_type]
        name = path.split("/")[1]
        return f"aws:{path}:{name[:1].upper()}{name[1:]}"
    if not terraform_type.startswith("aws_"):
        return None
    candidates = _current(list(dict.fromkeys(_index().get(_norm(terraform_type.removeprefix("aws_")), []))))
    if len(candidates) > 1:
        unprefixed = [token for token in candidates if token.split(":")[1].split("/")[0] in _UNPREFIXED_MODULES]
        candidates = unprefixed[:1] if unprefixed else candidates
    return candidates[0] if len(candidates) == 1 else None
