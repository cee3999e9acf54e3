"""Resources AWS does not bill for: priced at $0 with their basis (never confused with "unpriced")."""

from __future__ import annotations

from cost.pricing.base import Context, Pricer, Props, Unpriceable, no_charge
from cost.report import Charge
from cost.resources import Resource

NOT_AWS_PACKAGES = frozenset(
    {"pulumi", "random", "tls", "command", "time", "archive", "null", "docker", "docker-build"}
)
"""Packages whose resources live outside AWS's bill (providers, generated values, local builds)."""

FREE_MODULES = ("aws:iam/",)
"""Whole provider modules with no charge."""

_NETWORK = (
    "ec2/vpc:Vpc", "ec2/subnet:Subnet", "ec2/routeTable:RouteTable", "ec2/route:Route",
    "ec2/routeTableAssociation:RouteTableAssociation", "ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    "ec2/internetGateway:InternetGateway", "ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    "ec2/securityGroup:SecurityGroup", "ec2/securityGroupRule:SecurityGroupRule",
    "ec2/defaultSecurityGroup:DefaultSecurityGroup", "ec2/defaultNetworkAcl:DefaultNetworkAcl",
    "ec2/defaultRouteTable:DefaultRouteTable", "ec2/networkAcl:NetworkAcl", "ec2/networkAclRule:NetworkAclRule",
    "ec2/networkAclAssociation:NetworkAclAssociation", "ec2/vpcDhcpOptions:VpcDhcpOptions",
    "ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation", "ec2/eipAssociation:EipAssociation",
    "ec2/keyPair:KeyPair", "ec2/launchTemplate:LaunchTemplate", "ec2/placementGroup:PlacementGroup",
    "ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation",
    "ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation",
    "vpc/securityGroupIngressRule:SecurityGroupIngressRule", "vpc/securityGroupEgressRule:SecurityGroupEgressRule",
)  # fmt: skip
_COMPUTE = (
    "lambda/permission:Permission", "lambda/alias:Alias", "lambda/layerVersion:LayerVersion",
    "lambda/eventSourceMapping:EventSourceMapping", "lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
    "apigatewayv2/stage:Stage", "apigatewayv2/route:Route", "apigatewayv2/integration:Integration",
    "apigatewayv2/authorizer:Authorizer", "apigatewayv2/deployment:Deployment", "apigatewayv2/apiMapping:ApiMapping",
    "apigatewayv2/domainName:DomainName", "apigatewayv2/vpcLink:VpcLink",
    "apigateway/resource:Resource", "apigateway/method:Method", "apigateway/integration:Integration",
    "apigateway/deployment:Deployment", "apigateway/methodSettings:MethodSettings", "apigateway/account:Account",
    "apigateway/authorizer:Authorizer", "apigateway/methodResponse:MethodResponse",
    "apigateway/integrationResponse:IntegrationResponse",
    "ecs/taskDefinition:TaskDefinition", "ecs/clusterCapacityProviders:ClusterCapacityProviders",
    "lb/listener:Listener", "lb/listenerRule:ListenerRule", "lb/targetGroup:TargetGroup",
    "lb/targetGroupAttachment:TargetGroupAttachment", "lb/listenerCertificate:ListenerCertificate",
    "alb/listener:Listener", "alb/listenerRule:ListenerRule", "alb/targetGroup:TargetGroup",
    "alb/targetGroupAttachment:TargetGroupAttachment",
    "appautoscaling/target:Target", "appautoscaling/policy:Policy", "appautoscaling/scheduledAction:ScheduledAction",
)  # fmt: skip
_DATA = (
    "kms/alias:Alias", "kms/grant:Grant", "kms/keyPolicy:KeyPolicy",
    "s3/bucketPolicy:BucketPolicy", "s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "s3/bucketOwnershipControls:BucketOwnershipControls", "s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    "s3/bucketVersioning:BucketVersioning", "s3/bucketVersioningV2:BucketVersioningV2",
    "s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    "s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    "s3/bucketLogging:BucketLogging", "s3/bucketLoggingV2:BucketLoggingV2",
    "s3/bucketCorsConfiguration:BucketCorsConfiguration", "s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2",
    "s3/bucketNotification:BucketNotification", "s3/bucketAcl:BucketAcl", "s3/bucketAclV2:BucketAclV2",
    "s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
    "s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2",
    "rds/subnetGroup:SubnetGroup", "rds/parameterGroup:ParameterGroup",
    "rds/clusterParameterGroup:ClusterParameterGroup", "rds/optionGroup:OptionGroup",
    "rds/roleAssociation:RoleAssociation", "rds/clusterRoleAssociation:ClusterRoleAssociation",
    "elasticache/subnetGroup:SubnetGroup", "elasticache/parameterGroup:ParameterGroup",
    "elasticache/user:User", "elasticache/userGroup:UserGroup", "elasticache/userGroupAssociation:UserGroupAssociation",
    "secretsmanager/secretVersion:SecretVersion", "secretsmanager/secretPolicy:SecretPolicy",
    "ecr/lifecyclePolicy:LifecyclePolicy", "ecr/repositoryPolicy:RepositoryPolicy",
    "backup/plan:Plan", "backup/selection:Selection", "backup/vaultPolicy:VaultPolicy",
    "backup/vaultLockConfiguration:VaultLockConfiguration", "backup/vaultNotifications:VaultNotifications",
)  # fmt: skip
_EDGE_AND_WATCH = (
    "cognito/userPoolClient:UserPoolClient", "cognito/userPoolDomain:UserPoolDomain",
    "cognito/userGroup:UserGroup", "cognito/identityProvider:IdentityProvider",
    "cognito/resourceServer:ResourceServer", "cognito/userPoolUICustomization:UserPoolUICustomization",
    "cognito/managedLoginBranding:ManagedLoginBranding", "cognito/riskConfiguration:RiskConfiguration",
    "cognito/logDeliveryConfiguration:LogDeliveryConfiguration",
    "acm/certificateValidation:CertificateValidation",
    "cloudfront/originAccessControl:OriginAccessControl", "cloudfront/originAccessIdentity:OriginAccessIdentity",
    "cloudfront/cachePolicy:CachePolicy", "cloudfront/originRequestPolicy:OriginRequestPolicy",
    "cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
    "wafv2/ipSet:IpSet", "wafv2/regexPatternSet:RegexPatternSet",
    "wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "wafv2/webAclAssociation:WebAclAssociation",
    "cloudwatch/logResourcePolicy:LogResourcePolicy", "cloudwatch/logStream:LogStream",
    "cloudwatch/eventTarget:EventTarget",
    "sns/topicPolicy:TopicPolicy", "sqs/queuePolicy:QueuePolicy", "sqs/redrivePolicy:RedrivePolicy",
    "ses/domainIdentity:DomainIdentity", "ses/domainDkim:DomainDkim", "ses/receiptRuleSet:ReceiptRuleSet",
    "ses/activeReceiptRuleSet:ActiveReceiptRuleSet", "ses/domainIdentityVerification:DomainIdentityVerification",
    "sesv2/emailIdentity:EmailIdentity",
)  # fmt: skip

FREE_TYPES: frozenset[str] = frozenset(f"aws:{t}" for t in (*_NETWORK, *_COMPUTE, *_DATA, *_EDGE_AND_WATCH))
"""Types with no charge of their own."""

_REASONS = {
    "aws:ec2/flowLog:FlowLog": "no charge (its records are billed as ingestion on the log group)",
    "aws:lambda/functionUrl:FunctionUrl": "no charge (requests are billed as the function's invocations)",
    "aws:route53/record:Record": "no charge (queries are billed on the hosted zone; alias queries are free)",
    "aws:s3/bucketObject:BucketObject": "no charge (storage is billed on the bucket)",
    "aws:s3/bucketObjectv2:BucketObjectv2": "no charge (storage is billed on the bucket)",
    "aws:dynamodb/tableItem:TableItem": "no charge (storage is billed on the table)",
    "aws:secretsmanager/secretRotation:SecretRotation": "no charge (the rotation function is billed as Lambda)",
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": "no charge (the destination is billed)",
    "aws:cloudwatch/eventRule:EventRule": "no charge (AWS service events and schedules are free)",
    "aws:budgets/budget:Budget": "no charge (cost budgets are free)",
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": "no charge (its deliveries are billed on the log delivery)",
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": "no charge (billed on the log delivery)",
}


def acm_certificate(resource: Resource, ctx: Context) -> list[Charge]:
    if Props(resource.props).text("certificateAuthorityArn"):
        raise Unpriceable("private certificates (AWS Private CA) are not in the price file")
    return no_charge("no charge (public certificate)")


def ssm_parameter(resource: Resource, ctx: Context) -> list[Charge]:
    if Props(resource.props).text("tier", default="Standard") != "Standard":
        raise Unpriceable("advanced and intelligent-tiering parameters are not in the price file")
    return no_charge("no charge (standard parameter)")


def free_reason(type_: str) -> str | None:
    """Why a type costs nothing, or None if it may."""
    if type_ in _REASONS:
        return _REASONS[type_]
    if type_ in FREE_TYPES or type_.startswith(FREE_MODULES):
        return "no charge"
    if type_.split(":", 1)[0] in NOT_AWS_PACKAGES:
        return "no charge (not billed by AWS)"
    return None


PRICERS: dict[str, Pricer] = {
    "aws:acm/certificate:Certificate": acm_certificate,
    "aws:ssm/parameter:Parameter": ssm_parameter,
}
