"""CloudWatch alarms for every tier that is present, each publishing to the alarm topic."""

from __future__ import annotations

import pytest

from tests.observability.conftest import alarms, run_tier
from tools.program import ProgramRun

TOPIC = "aws:sns/topic:Topic"
GIB = 1024**3


def topic_arn(run: ProgramRun, name: str = "observability-alarms") -> str:
    return str(run.one(TOPIC, name).outputs["arn"])


def test_serverless_functions_alarm_on_any_error_or_throttle() -> None:
    run = run_tier("serverless")
    found = alarms(run)
    for index, function in enumerate(["api-fn-1a2b3c", "worker-fn-4d5e6f"]):
        for metric in ("Errors", "Throttles"):
            alarm = found[f"function-{index}-{metric.lower()}"].inputs
            assert (alarm["namespace"], alarm["metricName"], alarm["statistic"]) == ("AWS/Lambda", metric, "Sum")
            assert alarm["dimensions"] == {"FunctionName": function}
            assert (alarm["comparisonOperator"], alarm["threshold"]) == ("GreaterThanOrEqualToThreshold", 1)


def test_http_api_alarms_on_5xx_and_p99_latency() -> None:
    found = alarms(run_tier("serverless"))
    errors, latency = found["api-5xx"].inputs, found["api-latency"].inputs
    stage = {"ApiId": "abc123", "Stage": "$default"}
    assert (errors["namespace"], errors["metricName"], errors["dimensions"]) == ("AWS/ApiGateway", "5xx", stage)
    assert (errors["comparisonOperator"], errors["threshold"]) == ("GreaterThanThreshold", 5)
    assert (latency["metricName"], latency["dimensions"], latency["extendedStatistic"]) == ("Latency", stage, "p99")
    assert "statistic" not in latency
    assert latency["threshold"] == 3000
    assert (latency["evaluationPeriods"], latency["datapointsToAlarm"]) == (2, 2)


def test_container_mode_alarms_on_load_balancer_5xx_unhealthy_targets_and_ecs_usage() -> None:
    found = alarms(run_tier("container"))
    assert sorted(found) == ["alb-5xx", "alb-target-5xx", "alb-unhealthy-targets", "ecs-cpu", "ecs-memory"]
    balancer = {"LoadBalancer": "app/api-alb/50dc6c495c0c9188"}
    assert found["alb-5xx"].inputs["metricName"] == "HTTPCode_ELB_5XX_Count"
    assert found["alb-5xx"].inputs["dimensions"] == balancer
    assert found["alb-target-5xx"].inputs["metricName"] == "HTTPCode_Target_5XX_Count"
    unhealthy = found["alb-unhealthy-targets"].inputs
    assert unhealthy["dimensions"] == {**balancer, "TargetGroup": "targetgroup/api-tg/73e2d6bc24d8a067"}
    assert (unhealthy["metricName"], unhealthy["statistic"], unhealthy["threshold"]) == (
        "UnHealthyHostCount",
        "Minimum",
        1,
    )
    for key, metric in (("ecs-cpu", "CPUUtilization"), ("ecs-memory", "MemoryUtilization")):
        usage = found[key].inputs
        assert (usage["namespace"], usage["metricName"], usage["statistic"]) == ("AWS/ECS", metric, "Average")
        assert usage["dimensions"] == {"ClusterName": "api-cluster", "ServiceName": "api-service"}
        assert (usage["comparisonOperator"], usage["threshold"]) == ("GreaterThanThreshold", 80)


def test_rds_instance_alarms_on_cpu_free_storage_and_connections() -> None:
    found = alarms(run_tier("instance"))
    dimensions = {"DBInstanceIdentifier": "data-db-1a2b3c"}
    assert {key: found[key].inputs["dimensions"] for key in found} == {
        "database-cpu": dimensions,
        "database-free-storage": dimensions,
        "database-connections": dimensions,
    }
    storage = found["database-free-storage"].inputs
    assert (storage["metricName"], storage["comparisonOperator"]) == ("FreeStorageSpace", "LessThanThreshold")
    assert storage["threshold"] == 2 * GIB
    assert found["database-cpu"].inputs["threshold"] == 80
    assert (found["database-connections"].inputs["metricName"], found["database-connections"].inputs["threshold"]) == (
        "DatabaseConnections",
        80,
    )


def test_aurora_alarms_watch_the_cluster_and_its_local_storage() -> None:
    found = alarms(run_tier("aurora"))
    assert {alarm.inputs["dimensions"]["DBClusterIdentifier"] for alarm in found.values()} == {"data-db-1a2b3c"}
    assert found["database-free-storage"].inputs["metricName"] == "FreeLocalStorage"


def test_every_dynamodb_table_alarms_on_read_and_write_throttling() -> None:
    found = alarms(run_tier("tables"))
    assert sorted(found) == ["table-items-read-throttles", "table-items-write-throttles"]
    for kind in ("read", "write"):
        alarm = found[f"table-items-{kind}-throttles"].inputs
        assert alarm["namespace"] == "AWS/DynamoDB"
        assert alarm["metricName"] == f"{kind.capitalize()}ThrottleEvents"
        assert alarm["dimensions"] == {"TableName": "data-items-1a2b3c"}


def test_cloudfront_alarms_on_its_5xx_rate_in_us_east_1() -> None:
    run = run_tier("cdn")
    alarm = alarms(run)["cdn-5xx-rate"]
    assert alarm.inputs["namespace"] == "AWS/CloudFront"
    assert alarm.inputs["metricName"] == "5xxErrorRate"
    assert alarm.inputs["dimensions"] == {"DistributionId": "E2QWRUHEXAMPLE", "Region": "Global"}
    assert (alarm.inputs["statistic"], alarm.inputs["threshold"]) == ("Average", 5)
    assert alarm.inputs["alarmActions"] == [topic_arn(run)]
    assert alarm.provider_urn == run.one("pulumi:providers:aws", "aws").urn


def test_outside_us_east_1_the_cloudfront_alarm_publishes_to_an_encrypted_us_east_1_topic() -> None:
    run = run_tier("cdn,tables", region="eu-west-1")
    edge = run.one("pulumi:providers:aws", "aws-us-east-1")
    edge_topic = run.one(TOPIC, "observability-edge-alarms")
    alarm = alarms(run)["cdn-5xx-rate"]
    assert edge.inputs["region"] == "us-east-1"
    assert alarm.provider_urn == edge.urn
    assert edge_topic.provider_urn == edge.urn
    assert edge_topic.inputs["kmsMasterKeyId"].startswith("arn:aws:kms:us-east-1:")
    assert alarm.inputs["alarmActions"] == [topic_arn(run, "observability-edge-alarms")]
    assert "us-east-1" in topic_arn(run, "observability-edge-alarms")
    regional = alarms(run)["table-items-read-throttles"]
    assert regional.inputs["alarmActions"] == [topic_arn(run)]
    assert regional.provider_urn == run.one("pulumi:providers:aws", "aws").urn


def test_thresholds_come_from_config() -> None:
    limits = {"cpuPercent": 65, "memoryPercent": 70, "serverErrors": 20, "cdnErrorRatePercent": 1.5}
    run = run_tier("container,instance,cdn", changes={"paved:observability": {"alarms": limits}})
    found = alarms(run)
    assert found["ecs-cpu"].inputs["threshold"] == 65
    assert found["database-cpu"].inputs["threshold"] == 65
    assert found["ecs-memory"].inputs["threshold"] == 70
    assert found["alb-5xx"].inputs["threshold"] == 20
    assert found["cdn-5xx-rate"].inputs["threshold"] == 1.5


@pytest.mark.parametrize("tiers", ["serverless,aurora,tables,cdn", "container,instance,tables,cdn"])
def test_every_alarm_notifies_the_topic_on_alarm_and_recovery_and_ignores_missing_data(tiers: str) -> None:
    run = run_tier(tiers)
    found = alarms(run)
    assert len(found) >= 10
    for alarm in found.values():
        assert alarm.inputs["alarmActions"] == [topic_arn(run)]
        assert alarm.inputs["okActions"] == [topic_arn(run)]
        assert alarm.inputs["treatMissingData"] == "notBreaching"
        assert alarm.inputs["period"] == 300
        assert "name" not in alarm.inputs


def test_no_tier_no_alarm() -> None:
    assert alarms(run_tier("")) == {}


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_the_stacks_alarm_on_their_own_distribution_database_and_tables(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    found = alarms(run)
    distribution = run.one("aws:cloudfront/distribution:Distribution")
    assert found["cdn-5xx-rate"].inputs["dimensions"]["DistributionId"] == distribution.id
    table = run.one("aws:dynamodb/table:Table")
    assert found["table-items-read-throttles"].inputs["dimensions"] == {"TableName": table.outputs["name"]}
    assert {"database-cpu", "database-free-storage", "database-connections"} <= set(found)
