"""cdk-nag's AwsSolutions rules restated on pulumi-aws types: what each reads, by hand.

cdk-nag checks CloudFormation resources (``src/rules/<service>/<Rule>.ts``, read at the commit in
``cdk_nag.json``); pulumi-aws is built on the Terraform provider, so the properties differ and
some CloudFormation properties are separate resources in pulumi-aws (an API Gateway stage's method
settings, a Redshift cluster's logging, a secret's rotation). Each entry lists, per pulumi-aws
token, the engine properties that carry what the rule reads. ``None`` marks a rule whose
CloudFormation type has no pulumi-aws counterpart, with the reason.
"""

from __future__ import annotations

from typing import Final

from tools.corpus.categories import (
    DATA_PROTECTION,
    ENCRYPTION_AT_REST,
    ENCRYPTION_IN_TRANSIT,
    IAM,
    LOGGING,
    OTHER,
    PUBLIC_EXPOSURE,
)

Types = dict[str, list[str]]

_SG: Final = "aws:ec2/securityGroup:SecurityGroup"
_RDS_INSTANCE: Final = "aws:rds/instance:Instance"
_RDS_CLUSTER: Final = "aws:rds/cluster:Cluster"
_REDSHIFT: Final = "aws:redshift/cluster:Cluster"
_DOCDB: Final = "aws:docdb/cluster:Cluster"
_NEPTUNE: Final = "aws:neptune/cluster:Cluster"
_CACHE_CLUSTER: Final = "aws:elasticache/cluster:Cluster"
_CACHE_GROUP: Final = "aws:elasticache/replicationGroup:ReplicationGroup"
_CLB: Final = "aws:elb/loadBalancer:LoadBalancer"
_BUCKET: Final = "aws:s3/bucket:Bucket"
_BUCKET_POLICY: Final = "aws:s3/bucketPolicy:BucketPolicy"
_DISTRIBUTION: Final = "aws:cloudfront/distribution:Distribution"
_OPENSEARCH: Final = ("aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain")
_NOTEBOOK: Final = "aws:sagemaker/notebookInstance:NotebookInstance"
_EMR: Final = "aws:emr/cluster:Cluster"
_EMR_SECURITY: Final = "aws:emr/securityConfiguration:SecurityConfiguration"
_GLUE_SECURITY: Final = "aws:glue/securityConfiguration:SecurityConfiguration"
_MSK: Final = "aws:msk/cluster:Cluster"
_EB: Final = "aws:elasticbeanstalk/environment:Environment"
_TASK: Final = "aws:ecs/taskDefinition:TaskDefinition"
_ASG: Final = "aws:autoscaling/group:Group"
_METHOD: Final = "aws:apigateway/method:Method"
_USER_POOL: Final = "aws:cognito/userPool:UserPool"

_IDENTITY_POLICIES: Final = {
    "aws:iam/policy:Policy": ["policy"],
    "aws:iam/rolePolicy:RolePolicy": ["policy"],
    "aws:iam/userPolicy:UserPolicy": ["policy"],
    "aws:iam/groupPolicy:GroupPolicy": ["policy"],
    "aws:iam/role:Role": ["inlinePolicies"],
}
_MANAGED_ATTACHMENTS: Final = {
    "aws:iam/role:Role": ["managedPolicyArns"],
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": ["policyArn"],
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": ["policyArn"],
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": ["policyArn"],
    "aws:iam/policyAttachment:PolicyAttachment": ["policyArn"],
}


def _domains(*properties: str) -> Types:
    return {token: list(properties) for token in _OPENSEARCH}


REVIEW: Final[dict[str, tuple[str, bool, Types | None, str]]] = {
    # suffix: (category, security-relevant, pulumi-aws token → properties, note)
    "EB1": (OTHER, False, {_EB: ["settings"]}, "VPC option setting; the default VPC is not an exposure by itself"),
    "EB3": (OTHER, True, {_EB: ["settings"]}, "managed platform updates: patching"),
    "EB4": (LOGGING, True, {_EB: ["settings"]}, ""),
    "EC23": (
        PUBLIC_EXPOSURE,
        True,
        {
            _SG: ["ingress.cidrBlocks", "ingress.ipv6CidrBlocks"],
            "aws:ec2/securityGroupRule:SecurityGroupRule": ["type", "cidrBlocks", "ipv6CidrBlocks"],
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["cidrIpv4", "cidrIpv6"],
        },
        "",
    ),
    "EC26": (
        ENCRYPTION_AT_REST,
        True,
        {
            "aws:ebs/volume:Volume": ["encrypted"],
            "aws:ec2/instance:Instance": ["rootBlockDevice.encrypted", "ebsBlockDevices.encrypted"],
            "aws:ec2/launchConfiguration:LaunchConfiguration": [
                "rootBlockDevice.encrypted",
                "ebsBlockDevices.encrypted",
            ],
            "aws:ec2/launchTemplate:LaunchTemplate": ["blockDeviceMappings.ebs.encrypted"],
            _ASG: ["launchTemplate", "launchConfiguration"],
        },
        "",
    ),
    "EC27": (OTHER, False, {_SG: ["description"]}, "tidiness"),
    "EC28": (
        LOGGING,
        False,
        {
            "aws:ec2/instance:Instance": ["monitoring"],
            "aws:ec2/launchConfiguration:LaunchConfiguration": ["enableMonitoring"],
        },
        "metrics granularity",
    ),
    "EC29": (DATA_PROTECTION, False, {"aws:ec2/instance:Instance": ["disableApiTermination"]}, "availability"),
    "ECR1": (
        IAM,
        True,
        {"aws:ecr/repositoryPolicy:RepositoryPolicy": ["policy"], "aws:ecr/registryPolicy:RegistryPolicy": ["policy"]},
        "resource policy open to any principal",
    ),
    "ECS2": (OTHER, True, {_TASK: ["containerDefinitions"]}, "secrets in plain inputs (issue 16 item 3)"),
    "ECS4": (LOGGING, False, {"aws:ecs/cluster:Cluster": ["settings"]}, "container insights are metrics"),
    "ECS7": (LOGGING, True, {_TASK: ["containerDefinitions"]}, ""),
    "EKS1": (PUBLIC_EXPOSURE, True, {"aws:eks/cluster:Cluster": ["vpcConfig.endpointPublicAccess"]}, ""),
    "EKS2": (LOGGING, True, {"aws:eks/cluster:Cluster": ["enabledClusterLogTypes"]}, ""),
    "ELB1": (OTHER, False, {_CLB: ["listeners.lbProtocol"]}, "use an ALB: a product choice"),
    "ELB2": (
        LOGGING,
        True,
        {
            _CLB: ["accessLogs.enabled"],
            "aws:lb/loadBalancer:LoadBalancer": ["accessLogs.enabled"],
            "aws:alb/loadBalancer:LoadBalancer": ["accessLogs.enabled"],
        },
        "",
    ),
    "ELB3": (OTHER, False, {_CLB: ["connectionDraining"]}, "availability"),
    "ELB4": (OTHER, False, {_CLB: ["crossZoneLoadBalancing", "availabilityZones", "subnets"]}, "availability"),
    "ELB5": (ENCRYPTION_IN_TRANSIT, True, {_CLB: ["listeners.lbProtocol", "listeners.instanceProtocol"]}, ""),
    "S1": (LOGGING, True, {_BUCKET: ["logging"], "aws:s3/bucketLogging:BucketLogging": ["bucket", "targetBucket"]}, ""),
    "S2": (
        PUBLIC_EXPOSURE,
        True,
        {
            _BUCKET: [],
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": [
                "blockPublicAcls",
                "blockPublicPolicy",
                "ignorePublicAcls",
                "restrictPublicBuckets",
            ],
        },
        "",
    ),
    "S5": (
        PUBLIC_EXPOSURE,
        True,
        {
            _BUCKET: ["website"],
            "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration": ["bucket"],
            _BUCKET_POLICY: ["policy"],
        },
        "a website bucket served without an origin access identity",
    ),
    "S10": (ENCRYPTION_IN_TRANSIT, True, {_BUCKET: ["policy"], _BUCKET_POLICY: ["policy"]}, ""),
    "EFS1": (ENCRYPTION_AT_REST, True, {"aws:efs/fileSystem:FileSystem": ["encrypted"]}, ""),
    "RDS2": (
        ENCRYPTION_AT_REST,
        True,
        {_RDS_INSTANCE: ["storageEncrypted", "engine"], _RDS_CLUSTER: ["storageEncrypted", "engine"]},
        "",
    ),
    "RDS3": (OTHER, False, {_RDS_INSTANCE: ["multiAz", "engine"]}, "availability"),
    "RDS6": (IAM, True, {_RDS_CLUSTER: ["iamDatabaseAuthenticationEnabled", "engine"]}, ""),
    "RDS8": (PUBLIC_EXPOSURE, True, None, "DB security groups (EC2-Classic) have no pulumi-aws type"),
    "RDS10": (
        DATA_PROTECTION,
        True,
        {_RDS_INSTANCE: ["deletionProtection", "engine"], _RDS_CLUSTER: ["deletionProtection", "engine"]},
        "",
    ),
    "RDS11": (OTHER, False, {_RDS_INSTANCE: ["port", "engine"], _RDS_CLUSTER: ["port", "engine", "engineMode"]}, ""),
    "RDS13": (DATA_PROTECTION, True, {_RDS_INSTANCE: ["backupRetentionPeriod"]}, ""),
    "RDS14": (OTHER, False, {_RDS_CLUSTER: ["backtrackWindow", "engine"]}, "point-in-time rewind convenience"),
    "RDS16": (LOGGING, True, {_RDS_CLUSTER: ["enabledCloudwatchLogsExports", "engine", "engineMode"]}, ""),
    "DDB3": (DATA_PROTECTION, True, {"aws:dynamodb/table:Table": ["pointInTimeRecovery.enabled"]}, ""),
    "DDB4": (ENCRYPTION_AT_REST, True, {"aws:dax/cluster:Cluster": ["serverSideEncryption.enabled"]}, ""),
    "AEC1": (
        PUBLIC_EXPOSURE,
        True,
        {_CACHE_CLUSTER: ["subnetGroupName"], _CACHE_GROUP: ["subnetGroupName"]},
        "",
    ),
    "AEC3": (ENCRYPTION_AT_REST, True, {_CACHE_GROUP: ["atRestEncryptionEnabled", "transitEncryptionEnabled"]}, ""),
    "AEC4": (OTHER, False, {_CACHE_GROUP: ["multiAzEnabled"]}, "availability"),
    "AEC5": (OTHER, False, {_CACHE_CLUSTER: ["port", "engine"], _CACHE_GROUP: ["port", "engine"]}, ""),
    "AEC6": (IAM, True, {_CACHE_GROUP: ["authToken"]}, "Redis AUTH"),
    "N1": (OTHER, False, {_NEPTUNE: ["availabilityZones", "neptuneSubnetGroupName"]}, "availability"),
    "N2": (OTHER, True, {"aws:neptune/clusterInstance:ClusterInstance": ["autoMinorVersionUpgrade"]}, "patching"),
    "N3": (DATA_PROTECTION, True, {_NEPTUNE: ["backupRetentionPeriod"]}, ""),
    "N4": (ENCRYPTION_AT_REST, True, {_NEPTUNE: ["storageEncrypted"]}, ""),
    "N5": (IAM, True, {_NEPTUNE: ["iamDatabaseAuthenticationEnabled"]}, ""),
    "RS1": (
        ENCRYPTION_IN_TRANSIT,
        True,
        {_REDSHIFT: ["clusterParameterGroupName"], "aws:redshift/parameterGroup:ParameterGroup": ["parameters"]},
        "",
    ),
    "RS2": (PUBLIC_EXPOSURE, True, {_REDSHIFT: ["clusterSubnetGroupName"]}, ""),
    "RS3": (OTHER, False, {_REDSHIFT: ["masterUsername"]}, ""),
    "RS4": (OTHER, False, {_REDSHIFT: ["port"]}, ""),
    "RS5": (
        LOGGING,
        True,
        {_REDSHIFT: [], "aws:redshift/logging:Logging": ["clusterIdentifier", "logDestinationType", "bucketName"]},
        "pulumi-aws 7 holds a cluster's audit logging in its own resource",
    ),
    "RS6": (ENCRYPTION_AT_REST, True, {_REDSHIFT: ["encrypted"]}, ""),
    "RS8": (PUBLIC_EXPOSURE, True, {_REDSHIFT: ["publiclyAccessible"]}, ""),
    "RS9": (OTHER, True, {_REDSHIFT: ["allowVersionUpgrade"]}, "patching"),
    "RS10": (DATA_PROTECTION, True, {_REDSHIFT: ["automatedSnapshotRetentionPeriod"]}, ""),
    "RS11": (
        LOGGING,
        True,
        {_REDSHIFT: ["clusterParameterGroupName"], "aws:redshift/parameterGroup:ParameterGroup": ["parameters"]},
        "",
    ),
    "DOC1": (ENCRYPTION_AT_REST, True, {_DOCDB: ["storageEncrypted"]}, ""),
    "DOC2": (OTHER, False, {_DOCDB: ["port"]}, ""),
    "DOC3": (OTHER, True, {_DOCDB: ["masterPassword", "masterUsername"]}, "secrets in plain inputs (issue 16 item 3)"),
    "DOC4": (DATA_PROTECTION, True, {_DOCDB: ["backupRetentionPeriod"]}, ""),
    "DOC5": (LOGGING, True, {_DOCDB: ["enabledCloudwatchLogsExports"]}, ""),
    "TS3": (ENCRYPTION_AT_REST, True, {"aws:timestreamwrite/database:Database": ["kmsKeyId"]}, ""),
    "VPC3": (
        OTHER,
        False,
        {"aws:ec2/networkAcl:NetworkAcl": [], "aws:ec2/networkAclRule:NetworkAclRule": []},
        "advice against NACLs",
    ),
    "VPC7": (LOGGING, True, {"aws:ec2/vpc:Vpc": [], "aws:ec2/flowLog:FlowLog": ["vpcId"]}, ""),
    "CFR1": (OTHER, False, {_DISTRIBUTION: ["restrictions.geoRestriction.restrictionType"]}, "a business rule"),
    "CFR2": (OTHER, True, {_DISTRIBUTION: ["webAclId"]}, "web application firewall"),
    "CFR3": (LOGGING, True, {_DISTRIBUTION: ["loggingConfig"]}, ""),
    "CFR4": (
        ENCRYPTION_IN_TRANSIT,
        True,
        {_DISTRIBUTION: ["viewerCertificate.minimumProtocolVersion", "viewerCertificate.cloudfrontDefaultCertificate"]},
        "",
    ),
    "CFR5": (ENCRYPTION_IN_TRANSIT, True, {_DISTRIBUTION: ["origins.customOriginConfig.originSslProtocols"]}, ""),
    "CFR6": (PUBLIC_EXPOSURE, True, None, "RTMP streaming distributions have no pulumi-aws type"),
    "CFR7": (
        PUBLIC_EXPOSURE,
        True,
        {_DISTRIBUTION: ["origins.originAccessControlId", "origins.s3OriginConfig"]},
        "",
    ),
    "APIG1": (
        LOGGING,
        True,
        {"aws:apigateway/stage:Stage": ["accessLogSettings"], "aws:apigatewayv2/stage:Stage": ["accessLogSettings"]},
        "",
    ),
    "APIG2": (
        OTHER,
        False,
        {
            "aws:apigateway/restApi:RestApi": [],
            "aws:apigateway/requestValidator:RequestValidator": ["validateRequestBody", "validateRequestParameters"],
        },
        "input validation convenience",
    ),
    "APIG3": (
        OTHER,
        True,
        {"aws:apigateway/stage:Stage": [], "aws:wafv2/webAclAssociation:WebAclAssociation": ["resourceArn"]},
        "web application firewall",
    ),
    "APIG4": (
        PUBLIC_EXPOSURE,
        True,
        {_METHOD: ["authorization", "httpMethod"], "aws:apigatewayv2/route:Route": ["authorizationType"]},
        "",
    ),
    "APIG6": (
        LOGGING,
        True,
        {"aws:apigateway/stage:Stage": [], "aws:apigateway/methodSettings:MethodSettings": ["settings.loggingLevel"]},
        "pulumi-aws holds a stage's method settings in their own resource",
    ),
    "AS1": (OTHER, False, {_ASG: ["defaultCooldown"]}, "availability"),
    "AS2": (OTHER, False, {_ASG: ["healthCheckType", "healthCheckGracePeriod"]}, "availability"),
    "AS3": (
        OTHER,
        False,
        {_ASG: [], "aws:autoscaling/notification:Notification": ["groupNames", "notifications"]},
        "operations",
    ),
    "LEX4": (ENCRYPTION_AT_REST, True, None, "Lex V2 bot aliases have no pulumi-aws type"),
    "SM1": (PUBLIC_EXPOSURE, True, {_NOTEBOOK: ["subnetId"]}, ""),
    "SM2": (ENCRYPTION_AT_REST, True, {_NOTEBOOK: ["kmsKeyId"]}, ""),
    "SM3": (PUBLIC_EXPOSURE, True, {_NOTEBOOK: ["directInternetAccess"]}, ""),
    "EMR2": (LOGGING, True, {_EMR: ["logUri"]}, ""),
    "EMR4": (ENCRYPTION_AT_REST, True, {_EMR: ["securityConfiguration"], _EMR_SECURITY: ["configuration"]}, ""),
    "EMR5": (ENCRYPTION_IN_TRANSIT, True, {_EMR: ["securityConfiguration"], _EMR_SECURITY: ["configuration"]}, ""),
    "EMR6": (IAM, True, {_EMR: ["ec2Attributes.keyName", "kerberosAttributes"]}, "authentication to the nodes"),
    "GL1": (
        ENCRYPTION_AT_REST,
        True,
        {
            _GLUE_SECURITY: ["encryptionConfiguration.cloudwatchEncryption"],
            "aws:glue/crawler:Crawler": ["securityConfiguration"],
            "aws:glue/job:Job": ["securityConfiguration"],
        },
        "",
    ),
    "GL3": (
        ENCRYPTION_AT_REST,
        True,
        {
            _GLUE_SECURITY: ["encryptionConfiguration.jobBookmarksEncryption"],
            "aws:glue/job:Job": ["securityConfiguration"],
        },
        "",
    ),
    "KDA3": (
        OTHER,
        False,
        {"aws:kinesisanalyticsv2/application:Application": ["applicationConfiguration", "runtimeEnvironment"]},
        "fault tolerance",
    ),
    "KDF1": (
        ENCRYPTION_AT_REST,
        True,
        {"aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": ["serverSideEncryption.enabled"]},
        "",
    ),
    "KDS1": (ENCRYPTION_AT_REST, True, {"aws:kinesis/stream:Stream": ["encryptionType"]}, ""),
    "KDS3": (ENCRYPTION_AT_REST, True, {"aws:kinesis/stream:Stream": ["encryptionType", "kmsKeyId"]}, ""),
    "MSK2": (ENCRYPTION_IN_TRANSIT, True, {_MSK: ["encryptionInfo.encryptionInTransit.clientBroker"]}, ""),
    "MSK3": (ENCRYPTION_IN_TRANSIT, True, {_MSK: ["encryptionInfo.encryptionInTransit.inCluster"]}, ""),
    "MSK6": (LOGGING, True, {_MSK: ["loggingInfo.brokerLogs"]}, ""),
    "OS1": (PUBLIC_EXPOSURE, True, _domains("vpcOptions"), ""),
    "OS2": (ENCRYPTION_IN_TRANSIT, True, _domains("nodeToNodeEncryption.enabled"), ""),
    "OS3": (
        PUBLIC_EXPOSURE,
        True,
        {
            **_domains("accessPolicies"),
            "aws:opensearch/domainPolicy:DomainPolicy": ["accessPolicies"],
            "aws:elasticsearch/domainPolicy:DomainPolicy": ["accessPolicies"],
        },
        "",
    ),
    "OS4": (OTHER, False, _domains("clusterConfig.dedicatedMasterEnabled"), "availability"),
    "OS5": (
        PUBLIC_EXPOSURE,
        True,
        {
            **_domains("accessPolicies"),
            "aws:opensearch/domainPolicy:DomainPolicy": ["accessPolicies"],
            "aws:elasticsearch/domainPolicy:DomainPolicy": ["accessPolicies"],
        },
        "",
    ),
    "OS7": (OTHER, False, _domains("clusterConfig.zoneAwarenessEnabled"), "availability"),
    "OS8": (ENCRYPTION_AT_REST, True, _domains("encryptAtRest.enabled"), ""),
    "OS9": (LOGGING, True, _domains("logPublishingOptions"), ""),
    "QS1": (ENCRYPTION_IN_TRANSIT, True, {"aws:quicksight/dataSource:DataSource": ["sslProperties.disableSsl"]}, ""),
    "IAM4": (IAM, True, dict(_MANAGED_ATTACHMENTS), ""),
    "IAM5": (IAM, True, dict(_IDENTITY_POLICIES), ""),
    "COG1": (IAM, True, {_USER_POOL: ["passwordPolicy"]}, ""),
    "COG2": (IAM, True, {_USER_POOL: ["mfaConfiguration"]}, ""),
    "COG4": (OTHER, False, {_METHOD: ["authorization", "httpMethod"]}, "a particular authorizer; APIG4 covers none"),
    "COG7": (IAM, True, {"aws:cognito/identityPool:IdentityPool": ["allowUnauthenticatedIdentities"]}, ""),
    "COG8": (OTHER, True, {_USER_POOL: ["userPoolTier"]}, "threat protection needs the Plus tier"),
    "KMS5": (DATA_PROTECTION, True, {"aws:kms/key:Key": ["enableKeyRotation", "customerMasterKeySpec"]}, ""),
    "SMG4": (
        DATA_PROTECTION,
        True,
        {
            "aws:secretsmanager/secret:Secret": [],
            "aws:secretsmanager/secretRotation:SecretRotation": ["rotationLambdaArn", "rotationRules"],
        },
        "",
    ),
    "ASC3": (LOGGING, True, {"aws:appsync/graphQLApi:GraphQLApi": ["logConfig"]}, ""),
    "SF1": (LOGGING, True, {"aws:sfn/stateMachine:StateMachine": ["loggingConfiguration"]}, ""),
    "SF2": (LOGGING, False, {"aws:sfn/stateMachine:StateMachine": ["tracingConfiguration"]}, "tracing"),
    "EVB1": (
        IAM,
        True,
        {
            "aws:cloudwatch/eventPermission:EventPermission": ["principal", "condition"],
            "aws:cloudwatch/eventBusPolicy:EventBusPolicy": ["policy"],
        },
        "",
    ),
    "SNS3": (
        ENCRYPTION_IN_TRANSIT,
        True,
        {"aws:sns/topicPolicy:TopicPolicy": ["policy"], "aws:sns/topic:Topic": ["policy", "kmsMasterKeyId"]},
        "",
    ),
    "SQS2": (ENCRYPTION_AT_REST, True, {"aws:sqs/queue:Queue": ["kmsMasterKeyId", "sqsManagedSseEnabled"]}, ""),
    "SQS3": (
        OTHER,
        False,
        {"aws:sqs/queue:Queue": ["redrivePolicy"], "aws:sqs/redrivePolicy:RedrivePolicy": ["redrivePolicy"]},
        "operations",
    ),
    "SQS4": (
        ENCRYPTION_IN_TRANSIT,
        True,
        {"aws:sqs/queuePolicy:QueuePolicy": ["policy"], "aws:sqs/queue:Queue": ["policy"]},
        "",
    ),
    "MS1": (LOGGING, True, None, "pulumi-aws MediaStore containers have no access-logging input"),
    "MS3": (ENCRYPTION_IN_TRANSIT, True, {"aws:mediastore/containerPolicy:ContainerPolicy": ["policy"]}, ""),
    "MS4": (OTHER, False, None, "pulumi-aws MediaStore containers have no metric-policy input"),
    "MS7": (
        IAM,
        False,
        {"aws:mediastore/container:Container": [], "aws:mediastore/containerPolicy:ContainerPolicy": ["policy"]},
        "a missing policy falls back to the account's IAM",
    ),
    "MS8": (OTHER, False, None, "pulumi-aws MediaStore containers have no CORS input"),
    "MS10": (OTHER, False, None, "pulumi-aws MediaStore containers have no lifecycle input"),
    "CB4": (ENCRYPTION_AT_REST, True, {"aws:codebuild/project:Project": ["encryptionKey"]}, ""),
    "CB5": (OTHER, False, {"aws:codebuild/project:Project": ["environment.image"]}, "image provenance advice"),
    "C91": (PUBLIC_EXPOSURE, True, {"aws:cloud9/environmentEC2:EnvironmentEC2": ["connectionType"]}, "SSH ingress"),
    "L1": (
        OTHER,
        True,
        {"aws:lambda/function:Function": ["runtime"]},
        "unpatched or unsupported version (issue 16 item 4)",
    ),
}
