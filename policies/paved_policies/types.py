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
