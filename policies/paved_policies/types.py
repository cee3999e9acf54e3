"""AWS resource type tokens the pack covers, as the engine names them (``aws:<module>/<kind>:<Kind>``).

Older pulumi-aws releases registered some S3 types under a ``V2`` token; stacks exported from them
still carry those tokens, so each S3 family lists both. ``tests/policies/test_types.py`` checks every
token here against the installed pulumi-aws SDK.
"""

from __future__ import annotations

from typing import Final

# --- S3 ---------------------------------------------------------------------------------------
S3_BUCKETS: Final = ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
S3_SSE_CONFIGS: Final = (
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
)
S3_VERSIONINGS: Final = ("aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2")
S3_LOGGINGS: Final = ("aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2")
S3_ACLS: Final = ("aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2")
S3_OBJECTS: Final = ("aws:s3/bucketObject:BucketObject", "aws:s3/bucketObjectv2:BucketObjectv2")
S3_BUCKET_POLICY: Final = "aws:s3/bucketPolicy:BucketPolicy"
S3_PUBLIC_ACCESS_BLOCK: Final = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
S3_ACCOUNT_PUBLIC_ACCESS_BLOCK: Final = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"

# --- databases and caches ---------------------------------------------------------------------
RDS_INSTANCE: Final = "aws:rds/instance:Instance"
RDS_CLUSTER: Final = "aws:rds/cluster:Cluster"
RDS_CLUSTER_INSTANCE: Final = "aws:rds/clusterInstance:ClusterInstance"
RDS_GLOBAL_CLUSTER: Final = "aws:rds/globalCluster:GlobalCluster"
RDS_PARAMETER_GROUP: Final = "aws:rds/parameterGroup:ParameterGroup"
RDS_CLUSTER_PARAMETER_GROUP: Final = "aws:rds/clusterParameterGroup:ClusterParameterGroup"
RDS_SNAPSHOT: Final = "aws:rds/snapshot:Snapshot"
RDS_CLUSTER_SNAPSHOT: Final = "aws:rds/clusterSnapshot:ClusterSnapshot"
DOCDB_CLUSTER: Final = "aws:docdb/cluster:Cluster"
NEPTUNE_CLUSTER: Final = "aws:neptune/cluster:Cluster"
NEPTUNE_CLUSTER_INSTANCE: Final = "aws:neptune/clusterInstance:ClusterInstance"
DOCDB_CLUSTER_PARAMETER_GROUP: Final = "aws:docdb/clusterParameterGroup:ClusterParameterGroup"
REDSHIFT_PARAMETER_GROUP: Final = "aws:redshift/parameterGroup:ParameterGroup"
MEMORYDB_CLUSTER: Final = "aws:memorydb/cluster:Cluster"
REDSHIFT_CLUSTER: Final = "aws:redshift/cluster:Cluster"
REDSHIFT_SERVERLESS_WORKGROUP: Final = "aws:redshiftserverless/workgroup:Workgroup"
DYNAMODB_TABLE: Final = "aws:dynamodb/table:Table"
DAX_CLUSTER: Final = "aws:dax/cluster:Cluster"
ELASTICACHE_REPLICATION_GROUP: Final = "aws:elasticache/replicationGroup:ReplicationGroup"
ELASTICACHE_CLUSTER: Final = "aws:elasticache/cluster:Cluster"
OPENSEARCH_DOMAINS: Final = ("aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain")
OPENSEARCH_DOMAIN_POLICIES: Final = (
    "aws:opensearch/domainPolicy:DomainPolicy",
    "aws:elasticsearch/domainPolicy:DomainPolicy",
)
DMS_REPLICATION_INSTANCE: Final = "aws:dms/replicationInstance:ReplicationInstance"
MQ_BROKER: Final = "aws:mq/broker:Broker"
MSK_CLUSTER: Final = "aws:msk/cluster:Cluster"

# --- storage, compute, streams, messaging ----------------------------------------------------
EBS_VOLUME: Final = "aws:ebs/volume:Volume"
EBS_SNAPSHOT_COPY: Final = "aws:ebs/snapshotCopy:SnapshotCopy"
EBS_ENCRYPTION_BY_DEFAULT: Final = "aws:ebs/encryptionByDefault:EncryptionByDefault"
EBS_SNAPSHOT_BLOCK_PUBLIC_ACCESS: Final = "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess"
EC2_INSTANCE: Final = "aws:ec2/instance:Instance"
EC2_LAUNCH_TEMPLATE: Final = "aws:ec2/launchTemplate:LaunchTemplate"
EC2_SPOT_INSTANCE_REQUEST: Final = "aws:ec2/spotInstanceRequest:SpotInstanceRequest"
EC2_AMI_LAUNCH_PERMISSION: Final = "aws:ec2/amiLaunchPermission:AmiLaunchPermission"
EC2_IMAGE_BLOCK_PUBLIC_ACCESS: Final = "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess"
EFS_FILE_SYSTEM: Final = "aws:efs/fileSystem:FileSystem"
SNS_TOPIC: Final = "aws:sns/topic:Topic"
SNS_TOPIC_POLICY: Final = "aws:sns/topicPolicy:TopicPolicy"
SQS_QUEUE: Final = "aws:sqs/queue:Queue"
SQS_QUEUE_POLICY: Final = "aws:sqs/queuePolicy:QueuePolicy"
KINESIS_STREAM: Final = "aws:kinesis/stream:Stream"
FIREHOSE_DELIVERY_STREAM: Final = "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"
LOG_GROUP: Final = "aws:cloudwatch/logGroup:LogGroup"
SECRET: Final = "aws:secretsmanager/secret:Secret"
SECRET_POLICY: Final = "aws:secretsmanager/secretPolicy:SecretPolicy"
ECR_REPOSITORY: Final = "aws:ecr/repository:Repository"
ECR_REPOSITORY_POLICY: Final = "aws:ecr/repositoryPolicy:RepositoryPolicy"
BACKUP_VAULT: Final = "aws:backup/vault:Vault"
SAGEMAKER_NOTEBOOK: Final = "aws:sagemaker/notebookInstance:NotebookInstance"
SAGEMAKER_ENDPOINT_CONFIGURATION: Final = "aws:sagemaker/endpointConfiguration:EndpointConfiguration"
TRANSFER_SERVER: Final = "aws:transfer/server:Server"
CODEBUILD_PROJECT: Final = "aws:codebuild/project:Project"
GLUE_CATALOG_ENCRYPTION: Final = "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings"
GLUE_SECURITY_CONFIGURATION: Final = "aws:glue/securityConfiguration:SecurityConfiguration"
ATHENA_WORKGROUP: Final = "aws:athena/workgroup:Workgroup"
ATHENA_DATABASE: Final = "aws:athena/database:Database"
CLOUDTRAIL: Final = "aws:cloudtrail/trail:Trail"
EFS_FILE_SYSTEM_POLICY: Final = "aws:efs/fileSystemPolicy:FileSystemPolicy"
BACKUP_VAULT_POLICY: Final = "aws:backup/vaultPolicy:VaultPolicy"

# --- traffic ----------------------------------------------------------------------------------
LB_LISTENERS: Final = ("aws:lb/listener:Listener", "aws:alb/listener:Listener")
LOAD_BALANCERS: Final = ("aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer")
CLASSIC_LOAD_BALANCER: Final = "aws:elb/loadBalancer:LoadBalancer"
CLOUDFRONT_DISTRIBUTION: Final = "aws:cloudfront/distribution:Distribution"
LOG_DELIVERY_SOURCE: Final = "aws:cloudwatch/logDeliverySource:LogDeliverySource"
API_GATEWAY_DOMAIN: Final = "aws:apigateway/domainName:DomainName"
API_GATEWAY_V2_DOMAIN: Final = "aws:apigatewayv2/domainName:DomainName"
API_GATEWAY_STAGE: Final = "aws:apigateway/stage:Stage"
API_GATEWAY_V2_STAGE: Final = "aws:apigatewayv2/stage:Stage"
EKS_CLUSTER: Final = "aws:eks/cluster:Cluster"
LAMBDA_FUNCTION_URL: Final = "aws:lambda/functionUrl:FunctionUrl"
LAMBDA_PERMISSION: Final = "aws:lambda/permission:Permission"

# --- network ----------------------------------------------------------------------------------
VPC: Final = "aws:ec2/vpc:Vpc"
AWSX_VPC: Final = "awsx:ec2:Vpc"
FLOW_LOG: Final = "aws:ec2/flowLog:FlowLog"
SECURITY_GROUP: Final = "aws:ec2/securityGroup:SecurityGroup"
DEFAULT_SECURITY_GROUP: Final = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"
SECURITY_GROUP_RULE: Final = "aws:ec2/securityGroupRule:SecurityGroupRule"
SECURITY_GROUP_INGRESS_RULE: Final = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
SECURITY_GROUP_EGRESS_RULE: Final = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"

# --- identity and keys ------------------------------------------------------------------------
IAM_ROLE: Final = "aws:iam/role:Role"
IAM_POLICY: Final = "aws:iam/policy:Policy"
IAM_ROLE_POLICY: Final = "aws:iam/rolePolicy:RolePolicy"
IAM_USER_POLICY: Final = "aws:iam/userPolicy:UserPolicy"
IAM_GROUP_POLICY: Final = "aws:iam/groupPolicy:GroupPolicy"
IAM_ROLE_POLICY_ATTACHMENT: Final = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
IAM_USER_POLICY_ATTACHMENT: Final = "aws:iam/userPolicyAttachment:UserPolicyAttachment"
IAM_GROUP_POLICY_ATTACHMENT: Final = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment"
IAM_POLICY_ATTACHMENT: Final = "aws:iam/policyAttachment:PolicyAttachment"
IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE: Final = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive"
IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE: Final = "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive"
IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE: Final = (
    "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive"
)
KMS_KEY: Final = "aws:kms/key:Key"
KMS_KEY_POLICY: Final = "aws:kms/keyPolicy:KeyPolicy"
COGNITO_USER_POOL: Final = "aws:cognito/userPool:UserPool"

# --- cost -------------------------------------------------------------------------------------
BUDGET: Final = "aws:budgets/budget:Budget"

# --- encryption at rest and in transit (issue 16 breadth) --------------------------------------
S3_OBJECT_COPY: Final = "aws:s3/objectCopy:ObjectCopy"
S3_WEBSITE_CONFIGS: Final = (
    "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
    "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2",
)
DOCDB_GLOBAL_CLUSTER: Final = "aws:docdb/globalCluster:GlobalCluster"
NEPTUNE_CLUSTER_SNAPSHOT: Final = "aws:neptune/clusterSnapshot:ClusterSnapshot"
RDS_SNAPSHOT_COPY: Final = "aws:rds/snapshotCopy:SnapshotCopy"
RDS_CLUSTER_ACTIVITY_STREAM: Final = "aws:rds/clusterActivityStream:ClusterActivityStream"
RDS_BACKUPS_REPLICATION: Final = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"
REDSHIFT_SNAPSHOT_COPY_GRANT: Final = "aws:redshift/snapshotCopyGrant:SnapshotCopyGrant"
REDSHIFT_SERVERLESS_NAMESPACE: Final = "aws:redshiftserverless/namespace:Namespace"
DYNAMODB_TABLE_REPLICA: Final = "aws:dynamodb/tableReplica:TableReplica"
KEYSPACES_TABLE: Final = "aws:keyspaces/table:Table"
TIMESTREAM_DATABASE: Final = "aws:timestreamwrite/database:Database"
MEMORYDB_SNAPSHOT: Final = "aws:memorydb/snapshot:Snapshot"
DMS_ENDPOINT: Final = "aws:dms/endpoint:Endpoint"
DMS_S3_ENDPOINT: Final = "aws:dms/s3Endpoint:S3Endpoint"
EBS_SNAPSHOT: Final = "aws:ebs/snapshot:Snapshot"
EC2_AMI: Final = "aws:ec2/ami:Ami"
EC2_AMI_COPY: Final = "aws:ec2/amiCopy:AmiCopy"
EC2_LAUNCH_CONFIGURATION: Final = "aws:ec2/launchConfiguration:LaunchConfiguration"
IMAGEBUILDER_COMPONENT: Final = "aws:imagebuilder/component:Component"
IMAGEBUILDER_DISTRIBUTION: Final = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration"
IMAGEBUILDER_IMAGE_RECIPE: Final = "aws:imagebuilder/imageRecipe:ImageRecipe"
FSX_FILE_SYSTEMS: Final = (
    "aws:fsx/lustreFileSystem:LustreFileSystem",
    "aws:fsx/ontapFileSystem:OntapFileSystem",
    "aws:fsx/openZfsFileSystem:OpenZfsFileSystem",
    "aws:fsx/windowsFileSystem:WindowsFileSystem",
)
WORKSPACES_WORKSPACE: Final = "aws:workspaces/workspace:Workspace"
DLM_LIFECYCLE_POLICY: Final = "aws:dlm/lifecyclePolicy:LifecyclePolicy"
KINESIS_VIDEO_STREAM: Final = "aws:kinesis/videoStream:VideoStream"
ECS_CLUSTER: Final = "aws:ecs/cluster:Cluster"
ECS_TASK_DEFINITION: Final = "aws:ecs/taskDefinition:TaskDefinition"
LAMBDA_FUNCTION: Final = "aws:lambda/function:Function"
SSM_PARAMETER: Final = "aws:ssm/parameter:Parameter"
SSM_DOCUMENT: Final = "aws:ssm/document:Document"
CODEPIPELINE: Final = "aws:codepipeline/pipeline:Pipeline"
CODEARTIFACT_DOMAIN: Final = "aws:codeartifact/domain:Domain"
CODEGURU_REPOSITORY_ASSOCIATION: Final = "aws:codegurureviewer/repositoryAssociation:RepositoryAssociation"
CLOUDTRAIL_EVENT_DATA_STORE: Final = "aws:cloudtrail/eventDataStore:EventDataStore"
SCHEDULER_SCHEDULE: Final = "aws:scheduler/schedule:Schedule"
APPFLOW_FLOW: Final = "aws:appflow/flow:Flow"
APPFLOW_CONNECTOR_PROFILE: Final = "aws:appflow/connectorProfile:ConnectorProfile"
APPSYNC_API_CACHE: Final = "aws:appsync/apiCache:ApiCache"
API_GATEWAY_METHOD_SETTINGS: Final = "aws:apigateway/methodSettings:MethodSettings"
API_GATEWAY_V2_API: Final = "aws:apigatewayv2/api:Api"
KENDRA_INDEX: Final = "aws:kendra/index:Index"
COMPREHEND_ENTITY_RECOGNIZER: Final = "aws:comprehend/entityRecognizer:EntityRecognizer"
CONNECT_INSTANCE_STORAGE_CONFIG: Final = "aws:connect/instanceStorageConfig:InstanceStorageConfig"
SAGEMAKER_DOMAIN: Final = "aws:sagemaker/domain:Domain"
SAGEMAKER_DATA_QUALITY_JOB: Final = "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"
SAGEMAKER_FLOW_DEFINITION: Final = "aws:sagemaker/flowDefinition:FlowDefinition"
BEDROCK_AGENT: Final = "aws:bedrock/agentAgent:AgentAgent"
NETWORK_FIREWALLS: Final = (
    "aws:networkfirewall/firewall:Firewall",
    "aws:networkfirewall/firewallPolicy:FirewallPolicy",
    "aws:networkfirewall/ruleGroup:RuleGroup",
)
EMR_CLUSTER: Final = "aws:emr/cluster:Cluster"
EMR_SECURITY_CONFIGURATION: Final = "aws:emr/securityConfiguration:SecurityConfiguration"
GLUE_JOBS: Final = ("aws:glue/crawler:Crawler", "aws:glue/devEndpoint:DevEndpoint", "aws:glue/job:Job")
CLASSIC_LB_POLICY: Final = "aws:elb/loadBalancerPolicy:LoadBalancerPolicy"
LB_TARGET_GROUPS: Final = ("aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup")
CLOUDFRONT_RESPONSE_HEADERS_POLICY: Final = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy"
CLOUDSEARCH_DOMAIN: Final = "aws:cloudsearch/domain:Domain"
SES_CONFIGURATION_SET: Final = "aws:ses/configurationSet:ConfigurationSet"
QUICKSIGHT_DATA_SOURCE: Final = "aws:quicksight/dataSource:DataSource"
LB_LISTENER_RULES: Final = ("aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule")
API_GATEWAY_REST_API: Final = "aws:apigateway/restApi:RestApi"
API_GATEWAY_INTEGRATION: Final = "aws:apigateway/integration:Integration"
API_GATEWAY_V2_INTEGRATION: Final = "aws:apigatewayv2/integration:Integration"
MEDIASTORE_CONTAINER: Final = "aws:mediastore/container:Container"
MEDIASTORE_CONTAINER_POLICY: Final = "aws:mediastore/containerPolicy:ContainerPolicy"
