"""Known configurations priced within 1 % of hand-computed published on-demand prices (us-east-1 unless said).

Each case states its arithmetic and the page the unit prices come from. A month is 730 hours.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.cost.conftest import price_one, within_one_percent

RDS_PG = "https://aws.amazon.com/rds/postgresql/pricing/"
AURORA = "https://aws.amazon.com/rds/aurora/pricing/"
CACHE = "https://aws.amazon.com/elasticache/pricing/"
FARGATE = "https://aws.amazon.com/fargate/pricing/"
LAMBDA = "https://aws.amazon.com/lambda/pricing/"
APIGW = "https://aws.amazon.com/api-gateway/pricing/"
ELB = "https://aws.amazon.com/elasticloadbalancing/pricing/"
VPC = "https://aws.amazon.com/vpc/pricing/"
PRIVATELINK = "https://aws.amazon.com/privatelink/pricing/"
CLOUDFRONT = "https://aws.amazon.com/cloudfront/pricing/"
WAF = "https://aws.amazon.com/waf/pricing/"
KMS = "https://aws.amazon.com/kms/pricing/"
SECRETS = "https://aws.amazon.com/secrets-manager/pricing/"
CLOUDWATCH = "https://aws.amazon.com/cloudwatch/pricing/"
ROUTE53 = "https://aws.amazon.com/route53/pricing/"
COGNITO = "https://aws.amazon.com/cognito/pricing/"
DYNAMODB = "https://aws.amazon.com/dynamodb/pricing/on-demand/"
S3 = "https://aws.amazon.com/s3/pricing/"
SNS = "https://aws.amazon.com/sns/pricing/"
ECR = "https://aws.amazon.com/ecr/pricing/"
BACKUP = "https://aws.amazon.com/backup/pricing/"
EC2 = "https://aws.amazon.com/ec2/pricing/on-demand/"
EBS = "https://aws.amazon.com/ebs/pricing/"

CASES: list[Any] = [
    pytest.param(
        "aws:rds/instance:Instance",
        {"engine": "postgres", "instanceClass": "db.t4g.micro", "allocatedStorage": 20, "storageType": "gp3"},
        None,
        "13.98",
        f"730 h × $0.016 = 11.68; 20 GB gp3 × $0.115 = 2.30; total 13.98 ({RDS_PG})",
        id="rds-postgres-t4g-micro-single-az",
    ),
    pytest.param(
        "aws:rds/instance:Instance",
        {
            "engine": "postgres",
            "instanceClass": "db.t4g.small",
            "multiAz": True,
            "allocatedStorage": 20,
            "storageType": "gp3",
            "manageMasterUserPassword": True,
            "performanceInsightsEnabled": True,
            "performanceInsightsRetentionPeriod": 7,
        },
        {"secretsManager": {"apiCallsPerMonth": 10000}},
        "51.77",
        f"Multi-AZ 730 h × $0.064 = 46.72; 20 GB × $0.23 = 4.60; managed secret $0.40 + 10,000 calls × "
        f"$0.05/10k = 0.05; PI 7 days free; total 51.77 ({RDS_PG}, {SECRETS})",
        id="rds-postgres-t4g-small-multi-az-managed-secret",
    ),
    pytest.param(
        "aws:rds/instance:Instance",
        {"engine": "postgres", "instanceClass": "db.m6g.large", "allocatedStorage": 100, "storageType": "gp2"},
        {"database": {"backupGbBeyondFree": 50}},
        "132.32",
        f"730 h × $0.159 = 116.07; 100 GB × $0.115 = 11.50; 50 GB backup beyond free × $0.095 = 4.75; "
        f"total 132.32 ({RDS_PG})",
        id="rds-postgres-m6g-large-backup-beyond-free",
    ),
    pytest.param(
        "aws:elasticache/replicationGroup:ReplicationGroup",
        {"engine": "valkey", "nodeType": "cache.t4g.micro", "numNodeGroups": 1, "replicasPerNodeGroup": 1},
        None,
        "18.688",
        f"1 shard × (1 primary + 1 replica) = 2 nodes × 730 h × $0.0128 (Valkey, 20 % under Redis OSS "
        f"$0.016) = 18.688 ({CACHE})",
        id="elasticache-valkey-t4g-micro-one-replica",
    ),
    pytest.param(
        "aws:elasticache/replicationGroup:ReplicationGroup",
        {"engine": "redis", "nodeType": "cache.r7g.large", "numNodeGroups": 2, "replicasPerNodeGroup": 2},
        None,
        "959.22",
        f"2 shards × (1 + 2 replicas) = 6 nodes × 730 h × $0.219 = 959.22 ({CACHE})",
        id="elasticache-redis-r7g-large-cluster-mode",
    ),
    pytest.param(
        "aws:lambda/function:Function",
        {"architectures": ["arm64"], "memorySize": 512},
        {"lambda": {"invocationsPerMonth": 1_000_000, "averageDurationMs": 100}},
        "0.8667",
        f"1M requests × $0.20/M = 0.20; 1M × 0.1 s × 0.5 GB = 50,000 GB-s × $0.0000133334 = 0.6667; "
        f"total 0.8667 ({LAMBDA})",
        id="lambda-arm64-512mb",
    ),
    pytest.param(
        "aws:lambda/function:Function",
        {"memorySize": 1024},
        {"lambda": {"invocationsPerMonth": 10_000_000, "averageDurationMs": 200}},
        "35.33",
        f"10M × $0.20/M = 2.00; 10M × 0.2 s × 1 GB = 2,000,000 GB-s × $0.0000166667 = 33.33; "
        f"x86_64 by default; total 35.33 ({LAMBDA})",
        id="lambda-x86-1gb",
    ),
    pytest.param(
        "aws:apigatewayv2/api:Api",
        {"protocolType": "HTTP"},
        {"apiGateway": {"requestsPerMonth": 5_000_000}},
        "5.00",
        f"5M requests × $1.00/M = 5.00 ({APIGW})",
        id="http-api",
    ),
    pytest.param(
        "aws:apigateway/restApi:RestApi",
        {},
        {"apiGateway": {"requestsPerMonth": 2_000_000}},
        "7.00",
        f"2M requests × $3.50/M = 7.00 ({APIGW})",
        id="rest-api",
    ),
    pytest.param(
        "aws:lb/loadBalancer:LoadBalancer",
        {"loadBalancerType": "application", "internal": False, "subnets": ["subnet-a", "subnet-b", "subnet-c"]},
        {"loadBalancer": {"averageLcu": 1}},
        "33.215",
        f"730 h × $0.0225 = 16.425; 1 LCU × 730 h × $0.008 = 5.84; 3 public IPv4 × 730 h × $0.005 = 10.95; "
        f"total 33.215 ({ELB}, {VPC})",
        id="alb-internet-facing-three-azs",
    ),
    pytest.param(
        "aws:lb/loadBalancer:LoadBalancer",
        {"loadBalancerType": "network", "internal": True, "subnets": ["subnet-a", "subnet-b"]},
        {"loadBalancer": {"averageLcu": 2}},
        "25.185",
        f"730 h × $0.0225 = 16.425; 2 NLCU × 730 h × $0.006 = 8.76; internal: no public IPv4; total 25.185 ({ELB})",
        id="nlb-internal",
    ),
    pytest.param(
        "aws:ec2/natGateway:NatGateway",
        {"connectivityType": "public"},
        {"nat": {"dataGbPerMonth": 10}},
        "33.30",
        f"730 h × $0.045 = 32.85; 10 GB × $0.045 = 0.45; total 33.30 ({VPC})",
        id="nat-gateway",
    ),
    pytest.param(
        "aws:ec2/eip:Eip",
        {"domain": "vpc"},
        None,
        "3.65",
        f"public IPv4 730 h × $0.005 = 3.65 ({VPC})",
        id="public-ipv4",
    ),
    pytest.param(
        "aws:ec2/vpcEndpoint:VpcEndpoint",
        {"vpcEndpointType": "Interface", "serviceName": "com.amazonaws.us-east-1.ecr.api", "subnetIds": ["a", "b"]},
        {"vpcEndpoint": {"dataGbPerMonth": 1}},
        "14.61",
        f"2 AZ × 730 h × $0.01 = 14.60; 1 GB × $0.01 = 0.01; total 14.61 ({PRIVATELINK})",
        id="interface-endpoint-two-azs",
    ),
    pytest.param(
        "aws:cloudfront/distribution:Distribution",
        {"priceClass": "PriceClass_100"},
        {"cloudfront": {"requestsPerMonth": 1_000_000, "transferGbPerMonth": 10}},
        "1.85",
        f"1M HTTPS requests × $0.0100/10k = 1.00; 10 GB × $0.085 = 0.85; total 1.85 ({CLOUDFRONT})",
        id="cloudfront",
    ),
    pytest.param(
        "aws:wafv2/webAcl:WebAcl",
        {
            "scope": "CLOUDFRONT",
            "rules": [
                {
                    "name": "common",
                    "statement": {"managedRuleGroupStatement": {"name": "AWSManagedRulesCommonRuleSet"}},
                },
                {
                    "name": "bad",
                    "statement": {"managedRuleGroupStatement": {"name": "AWSManagedRulesKnownBadInputsRuleSet"}},
                },
                {
                    "name": "ip",
                    "statement": {"managedRuleGroupStatement": {"name": "AWSManagedRulesAmazonIpReputationList"}},
                },
                {"name": "rate", "statement": {"rateBasedStatement": {"limit": 2000}}},
            ],
        },
        {"waf": {"requestsPerMonth": 1_000_000}},
        "9.60",
        f"web ACL $5.00 + 4 rules × $1.00 + 1M requests × $0.60/M = 9.60 ({WAF})",
        id="waf-web-acl-four-rules",
    ),
    pytest.param(
        "aws:kms/key:Key",
        {"enableKeyRotation": True},
        {"kms": {"requestsPerMonth": 100_000}},
        "1.30",
        f"$1.00 per key-month + 100,000 requests × $0.03/10k = 0.30; total 1.30 ({KMS})",
        id="kms-key",
    ),
    pytest.param(
        "aws:secretsmanager/secret:Secret",
        {},
        {"secretsManager": {"apiCallsPerMonth": 10_000}},
        "0.45",
        f"$0.40 per secret-month + 10,000 calls × $0.05/10k = 0.05; total 0.45 ({SECRETS})",
        id="secret",
    ),
    pytest.param(
        "aws:cloudwatch/metricAlarm:MetricAlarm",
        {"metricName": "Errors", "namespace": "AWS/Lambda", "period": 60},
        None,
        "0.10",
        f"standard-resolution alarm, 1 metric × $0.10 ({CLOUDWATCH})",
        id="alarm-standard",
    ),
    pytest.param(
        "aws:cloudwatch/metricAlarm:MetricAlarm",
        {"metricName": "Errors", "namespace": "AWS/Lambda", "period": 10},
        None,
        "0.30",
        f"high-resolution alarm (period < 60 s), 1 metric × $0.30 ({CLOUDWATCH})",
        id="alarm-high-resolution",
    ),
    pytest.param(
        "aws:cloudwatch/metricAlarm:MetricAlarm",
        {
            "metricQueries": [
                {"id": "errors", "metric": {"metricName": "5xx", "period": 60}},
                {"id": "requests", "metric": {"metricName": "Requests", "period": 60}},
                {"id": "rate", "expression": "errors / requests"},
            ]
        },
        None,
        "0.20",
        f"metric math alarm on 2 metrics × $0.10 ({CLOUDWATCH})",
        id="alarm-metric-math",
    ),
    pytest.param(
        "aws:cloudwatch/dashboard:Dashboard",
        {},
        None,
        "3.00",
        f"$3.00 per dashboard-month ({CLOUDWATCH})",
        id="dashboard",
    ),
    pytest.param(
        "aws:cloudwatch/logGroup:LogGroup",
        {"retentionInDays": 30},
        {"logs": {"ingestGbPerMonth": 10}},
        "5.2958",
        f"10 GB × $0.50 = 5.00; 30 days kept = 10 × 30 × 12 / 365 = 9.86 GB × $0.03 = 0.2958; "
        f"total 5.2958 ({CLOUDWATCH})",
        id="log-group-30-days",
    ),
    pytest.param(
        "aws:route53/zone:Zone",
        {"name": "example.com"},
        {"route53": {"queriesPerMonth": 1_000_000}},
        "0.90",
        f"$0.50 per hosted zone + 1M queries × $0.40/M = 0.90 ({ROUTE53})",
        id="hosted-zone",
    ),
    pytest.param(
        "aws:cognito/userPool:UserPool",
        {"userPoolTier": "ESSENTIALS"},
        {"cognito": {"monthlyActiveUsers": 25_000}},
        "225.00",
        f"Essentials: (25,000 − 10,000 free) MAU × $0.015 = 225.00 ({COGNITO})",
        id="cognito-essentials-beyond-free-tier",
    ),
    pytest.param(
        "aws:cognito/userPool:UserPool",
        {"userPoolTier": "PLUS"},
        {"cognito": {"monthlyActiveUsers": 1_000}},
        "20.00",
        f"Plus (threat protection): 1,000 MAU × $0.02, no free tier = 20.00 ({COGNITO})",
        id="cognito-plus",
    ),
    pytest.param(
        "aws:dynamodb/table:Table",
        {
            "billingMode": "PAY_PER_REQUEST",
            "globalSecondaryIndexes": [{"name": "byDate", "hashKey": "ownerId"}],
            "pointInTimeRecovery": {"enabled": True},
        },
        {"dynamodb": {"writesPerMonth": 1_000_000, "readsPerMonth": 5_000_000, "storageGb": 1}},
        "2.325",
        f"writes (table + 1 GSI) 2M × $0.625/M = 1.25; reads 5M × $0.125/M = 0.625; 1 GB × $0.25 = 0.25; "
        f"PITR 1 GB × $0.20 = 0.20; total 2.325 ({DYNAMODB})",
        id="dynamodb-on-demand-gsi-pitr",
    ),
    pytest.param(
        "aws:dynamodb/table:Table",
        {"billingMode": "PROVISIONED", "readCapacity": 10, "writeCapacity": 5},
        {"dynamodb": {"storageGb": 2}},
        "3.8215",
        "5 WCU × 730 h × $0.00065 = 2.3725; 10 RCU × 730 h × $0.00013 = 0.949; 2 GB × $0.25 = 0.50; "
        "total 3.8215 (https://aws.amazon.com/dynamodb/pricing/provisioned/)",
        id="dynamodb-provisioned-capacity",
    ),
    pytest.param(
        "aws:s3/bucket:Bucket",
        {},
        {"s3": {"storageGb": 100, "putRequestsPerMonth": 100_000, "getRequestsPerMonth": 1_000_000}},
        "3.2",
        f"100 GB × $0.023 = 2.30; 100,000 PUT × $0.005/1,000 = 0.50; 1M GET × $0.0004/1,000 = 0.40; total 3.20 ({S3})",
        id="s3-bucket",
    ),
    pytest.param(
        "aws:sns/topicSubscription:TopicSubscription",
        {"protocol": "email"},
        {"sns": {"publishesPerMonth": 100_000}},
        "2.00",
        f"100,000 email deliveries × $2.00/100,000 = 2.00 ({SNS})",
        id="sns-email-subscription",
    ),
    pytest.param(
        "aws:ecr/repository:Repository",
        {},
        {"ecr": {"storageGb": 5}},
        "0.50",
        f"5 GB × $0.10 = 0.50 ({ECR})",
        id="ecr-repository",
    ),
    pytest.param(
        "aws:backup/vault:Vault",
        {},
        {"backup": {"storageGb": 20}},
        "1.00",
        f"20 GB warm storage × $0.05 = 1.00 ({BACKUP})",
        id="backup-vault",
    ),
    pytest.param(
        "aws:ec2/instance:Instance",
        {"instanceType": "t4g.micro"},
        None,
        "6.772",
        f"730 h × $0.0084 = 6.132; 8 GB gp3 root (AMI default) × $0.08 = 0.64; total 6.772 ({EC2}, {EBS})",
        id="ec2-t4g-micro",
    ),
    pytest.param(
        "aws:ec2/instance:Instance",
        {"instanceType": "m7g.large", "associatePublicIpAddress": True, "rootBlockDevice": {"volumeSize": 30}},
        None,
        "65.618",
        f"730 h × $0.0816 = 59.568; 30 GB gp3 × $0.08 = 2.40; public IPv4 730 h × $0.005 = 3.65; "
        f"total 65.618 ({EC2}, {EBS}, {VPC})",
        id="ec2-m7g-large-public-ip",
    ),
    pytest.param(
        "aws:ebs/volume:Volume",
        {"type": "gp3", "size": 100, "iops": 4000, "throughput": 250},
        None,
        "18.00",
        f"100 GB × $0.08 = 8.00; (4,000 − 3,000 free) IOPS × $0.005 = 5.00; (250 − 125 free) MiB/s × $0.04 "
        f"= 5.00; total 18.00 ({EBS})",
        id="ebs-gp3-provisioned",
    ),
    pytest.param(
        "aws:ebs/volume:Volume",
        {"type": "io2", "size": 100, "iops": 40_000},
        None,
        "2456.50",
        f"100 GB × $0.125 = 12.50; 32,000 IOPS × $0.065 = 2,080; 8,000 IOPS × $0.0455 = 364; total 2,456.50 ({EBS})",
        id="ebs-io2-tiered-iops",
    ),
]


@pytest.mark.parametrize(("type_", "props", "usage", "expected", "arithmetic"), CASES)
def test_known_configuration_is_priced_within_one_percent_of_the_published_price(
    type_: str, props: dict[str, Any], usage: dict[str, Any] | None, expected: str, arithmetic: str
) -> None:
    line = price_one(type_, props, usage=usage)
    assert within_one_percent(line.monthly_usd, expected), f"{line.monthly_usd} vs {arithmetic}; basis {line.basis}"


def test_fargate_arm64_service_is_priced_from_desired_count_and_task_size() -> None:
    """2 tasks × 730 h × 0.5 vCPU × $0.03238 = 23.6374; 2 × 730 × 1 GB × $0.00356 = 5.1976; total 28.835
    (https://aws.amazon.com/fargate/pricing/, Linux/ARM)."""
    from cost.estimator import estimate

    from tests.cost.conftest import res

    task = res(
        "aws:ecs/taskDefinition:TaskDefinition",
        "task",
        {"family": "api", "cpu": "512", "memory": "1024", "runtimePlatform": {"cpuArchitecture": "ARM64"}},
        tier="compute",
    )
    service = res(
        "aws:ecs/service:Service",
        "service",
        {"launchType": "FARGATE", "desiredCount": 2, "taskDefinition": "arn:aws:ecs:us-east-1:1:task-definition/api:3"},
        tier="compute",
    )
    report = estimate([task, service])
    assert within_one_percent(report.line(service["urn"]).monthly_usd, "28.835")


def test_fargate_x86_service_linked_by_property_dependency_is_priced_at_x86_rates() -> None:
    """2 × 730 × 0.5 vCPU × $0.04048 = 29.5504; 2 × 730 × 1 GB × $0.004445 = 6.4897; total 36.04
    (https://aws.amazon.com/fargate/pricing/, Linux/x86)."""
    from cost.estimator import estimate

    from tests.cost.conftest import res

    task = res("aws:ecs/taskDefinition:TaskDefinition", "task", {"cpu": "512", "memory": "1024"}, tier="compute")
    other = res("aws:ecs/taskDefinition:TaskDefinition", "other", {"cpu": "4096", "memory": "8192"}, tier="compute")
    service = res(
        "aws:ecs/service:Service",
        "service",
        {"launchType": "FARGATE", "desiredCount": 2, "taskDefinition": None},
        tier="compute",
        propertyDependencies={"taskDefinition": [task["urn"]]},
    )
    report = estimate([task, other, service])
    assert within_one_percent(report.line(service["urn"]).monthly_usd, "36.04")


def test_aurora_serverless_v2_that_pauses_costs_only_its_active_hours() -> None:
    """min 0 ACU with auto-pause: 40 active h × 0.5 ACU = 20 ACU-h × $0.12 = 2.40 on the instance; the cluster:
    1 GB × $0.10 = 0.10, 1M I/O × $0.20/M = 0.20, managed secret 0.40 + 2,000 calls × $0.05/10k = 0.01
    (https://aws.amazon.com/rds/aurora/pricing/)."""
    from cost.estimator import estimate
    from cost.usage import UsageProfile

    from tests.cost.conftest import res

    cluster = res(
        "aws:rds/cluster:Cluster",
        "db",
        {
            "engine": "aurora-postgresql",
            "engineMode": "provisioned",
            "manageMasterUserPassword": True,
            "serverlessv2ScalingConfiguration": {"minCapacity": 0, "maxCapacity": 2, "secondsUntilAutoPause": 300},
        },
    )
    instance = res(
        "aws:rds/clusterInstance:ClusterInstance",
        "db-writer",
        {"instanceClass": "db.serverless", "engine": "aurora-postgresql"},
        propertyDependencies={"clusterIdentifier": [cluster["urn"]]},
    )
    usage = UsageProfile.from_config(
        {
            "database": {"activeHoursPerMonth": 40, "averageAcu": 0.5, "storageGb": 1, "ioRequestsPerMonth": 1e6},
            "secretsManager": {"apiCallsPerMonth": 2000},
        }
    )
    report = estimate([cluster, instance], usage=usage)
    assert within_one_percent(report.line(instance["urn"]).monthly_usd, "2.40")
    assert within_one_percent(report.line(cluster["urn"]).monthly_usd, "0.71")
    assert "690 h paused" in report.line(instance["urn"]).basis


def test_aurora_serverless_v2_with_a_minimum_capacity_bills_idle_hours_at_the_minimum() -> None:
    """min 0.5 ACU (no pause): 40 h × 1 ACU + 690 h × 0.5 ACU = 385 ACU-h × $0.12 = 46.20
    (https://aws.amazon.com/rds/aurora/pricing/)."""
    from cost.estimator import estimate
    from cost.usage import UsageProfile

    from tests.cost.conftest import res

    cluster = res(
        "aws:rds/cluster:Cluster",
        "db",
        {"engine": "aurora-postgresql", "serverlessv2ScalingConfiguration": {"minCapacity": 0.5, "maxCapacity": 4}},
    )
    instance = res("aws:rds/clusterInstance:ClusterInstance", "db-writer", {"instanceClass": "db.serverless"})
    usage = UsageProfile.from_config({"database": {"activeHoursPerMonth": 40, "averageAcu": 1}})
    report = estimate([cluster, instance], usage=usage)
    assert within_one_percent(report.line(instance["urn"]).monthly_usd, "46.20")


def test_second_region_uses_its_own_prices() -> None:
    """eu-west-1 NAT gateway: 730 h × $0.048 = 35.04; 10 GB × $0.048 = 0.48; total 35.52
    (https://aws.amazon.com/vpc/pricing/, Europe (Ireland))."""
    line = price_one("aws:ec2/natGateway:NatGateway", {}, region="eu-west-1", usage={"nat": {"dataGbPerMonth": 10}})
    assert within_one_percent(line.monthly_usd, "35.52")


def test_basis_spells_out_class_deployment_hours_and_rate() -> None:
    line = price_one(
        "aws:rds/instance:Instance",
        {"engine": "postgres", "instanceClass": "db.t4g.micro", "allocatedStorage": 20},
    )
    assert line.basis.startswith("db.t4g.micro postgres single-AZ 730 h × $0.016/h")


def test_cloudfront_standard_logs_v2_are_priced_as_vended_logs_delivered_to_s3() -> None:
    """5 GB delivered to S3 × $0.25 = 1.25 (https://aws.amazon.com/cloudwatch/pricing/, vended logs to S3);
    the source and destination cost nothing themselves."""
    from cost.estimator import estimate
    from cost.usage import UsageProfile

    from tests.cost.conftest import res

    destination = res(
        "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
        "logs-destination",
        {"deliveryDestinationConfiguration": {"destinationResourceArn": "arn:aws:s3:::logs/cloudfront"}},
        tier="cdn",
    )
    source = res("aws:cloudwatch/logDeliverySource:LogDeliverySource", "logs-source", {"logType": "ACCESS_LOGS"})
    delivery = res(
        "aws:cloudwatch/logDelivery:LogDelivery",
        "logs-delivery",
        {"deliveryDestinationArn": "arn:aws:logs:us-east-1:1:delivery-destination:d"},
        tier="cdn",
        propertyDependencies={"deliveryDestinationArn": [destination["urn"]]},
    )
    usage = UsageProfile.from_config({"logs": {"deliveredGbPerMonth": 5}})
    report = estimate([destination, source, delivery], usage=usage)
    assert report.unpriced == ()
    assert within_one_percent(report.monthly_usd, "1.25")
    assert report.line(delivery["urn"]).basis == "vended logs delivered to s3 5 GB × $0.25/GB"
