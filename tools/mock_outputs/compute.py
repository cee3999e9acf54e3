"""Mock outputs for the types the compute tier reads back: functions, HTTP APIs, load balancers, ECS, ECR."""

from __future__ import annotations

from typing import Any

from tools.mock_outputs.base import ACCOUNT_ID, CallFor, MockContext, OutputsFor

ALB_HOSTED_ZONES = {"us-east-1": "Z35SXDOTRQ7X7K", "us-east-2": "Z3AADJGX6KTTL2", "eu-west-1": "Z32O12XQLNTSW2"}
"""Route 53 zone of each region's Application Load Balancers (AWS's published values)."""

PREFIX_LISTS = {
    "com.amazonaws.us-east-1.s3": "pl-63a5400a",
    "com.amazonaws.us-east-1.dynamodb": "pl-02cd2c6b",
    "com.amazonaws.global.cloudfront.origin-facing": "pl-3b927c52",
}
"""AWS-managed prefix lists by name (us-east-1 ids as AWS publishes them)."""


def _function(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    function = ctx.physical_name(name, inputs)
    arn = ctx.arn("lambda", f"function:{function}")
    return {
        "name": function,
        "arn": arn,
        "qualifiedArn": f"{arn}:$LATEST",
        "version": "$LATEST",
        "invokeArn": f"arn:aws:apigateway:{ctx.region}:lambda:path/2015-03-31/functions/{arn}/invocations",
    }


def _http_api(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    api_id = ctx.suffix(name, 10)
    return {
        "id": api_id,
        "apiEndpoint": f"https://{api_id}.execute-api.{ctx.region}.amazonaws.com",
        "executionArn": ctx.arn("execute-api", api_id),
        "arn": f"arn:aws:apigateway:{ctx.region}::/apis/{api_id}",
    }


def _short_id(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {"id": ctx.suffix(name, 7)}


def _stage(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    api_id = inputs.get("apiId", "")
    return {
        "id": inputs.get("name", "$default"),
        "invokeUrl": f"https://{api_id}.execute-api.{ctx.region}.amazonaws.com/",
        "arn": f"arn:aws:apigateway:{ctx.region}::/apis/{api_id}/stages/{inputs.get('name', '$default')}",
    }


def _load_balancer(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    balancer = ctx.physical_name(name, inputs)[:32]
    suffix = f"app/{balancer}/{ctx.suffix(name, 16)}"
    return {
        "name": balancer,
        "arn": ctx.arn("elasticloadbalancing", f"loadbalancer/{suffix}"),
        "arnSuffix": suffix,
        "dnsName": f"{balancer}-{int(ctx.suffix(name, 8), 16) % 10**9}.{ctx.region}.elb.amazonaws.com",
        "zoneId": ALB_HOSTED_ZONES.get(ctx.region, "Z35SXDOTRQ7X7K"),
    }


def _target_group(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    group = ctx.physical_name(name, inputs)[:32]
    suffix = f"targetgroup/{group}/{ctx.suffix(name, 16)}"
    return {"name": group, "arn": ctx.arn("elasticloadbalancing", suffix), "arnSuffix": suffix}


def _listener(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    balancer = str(inputs.get("loadBalancerArn", "")).split(":loadbalancer/")[-1]
    return {"arn": ctx.arn("elasticloadbalancing", f"listener/{balancer}/{ctx.suffix(name, 16)}")}


def _cluster(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    cluster = ctx.physical_name(name, inputs)
    return {"name": cluster, "arn": ctx.arn("ecs", f"cluster/{cluster}")}


def _service(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    service = ctx.physical_name(name, inputs)
    cluster = str(inputs.get("cluster", "")).rsplit("/", 1)[-1]
    arn = ctx.arn("ecs", f"service/{cluster}/{service}")
    return {"id": arn, "name": service, "arn": arn}


def _task_definition(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    family = inputs.get("family") or ctx.physical_name(name, inputs)
    base = ctx.arn("ecs", f"task-definition/{family}")
    return {"arn": f"{base}:1", "arnWithoutRevision": base, "revision": 1}


def _repository(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    repository = ctx.physical_name(name, inputs).lower()
    return {
        "name": repository,
        "arn": ctx.arn("ecr", f"repository/{repository}"),
        "registryId": ACCOUNT_ID,
        "repositoryUrl": f"{ACCOUNT_ID}.dkr.ecr.{ctx.region}.amazonaws.com/{repository}",
    }


def _image(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    tag = inputs.get("imageTag") or "latest"
    return {"imageUri": f"{inputs.get('repositoryUrl')}:{tag}@sha256:{ctx.suffix(name + str(tag), 64)}"}


def _vpc_endpoint(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    endpoint_id = f"vpce-{ctx.suffix(name, 17)}"
    return {"id": endpoint_id, "arn": ctx.arn("ec2", f"vpc-endpoint/{endpoint_id}")}


def _scaling_target(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {"arn": ctx.arn("application-autoscaling", f"scalable-target/{ctx.suffix(name, 20)}")}


OUTPUTS: dict[str, OutputsFor] = {
    "aws:lambda/function:Function": _function,
    "aws:apigatewayv2/api:Api": _http_api,
    "aws:apigatewayv2/authorizer:Authorizer": _short_id,
    "aws:apigatewayv2/integration:Integration": _short_id,
    "aws:apigatewayv2/route:Route": _short_id,
    "aws:apigatewayv2/stage:Stage": _stage,
    "aws:lb/loadBalancer:LoadBalancer": _load_balancer,
    "aws:lb/targetGroup:TargetGroup": _target_group,
    "aws:lb/listener:Listener": _listener,
    "aws:ecs/cluster:Cluster": _cluster,
    "aws:ecs/service:Service": _service,
    "aws:ecs/taskDefinition:TaskDefinition": _task_definition,
    "aws:ecr/repository:Repository": _repository,
    "awsx:ecr:Image": _image,
    "aws:ec2/vpcEndpoint:VpcEndpoint": _vpc_endpoint,
    "aws:appautoscaling/target:Target": _scaling_target,
}
"""Resource type → outputs beyond the inputs."""


def _managed_prefix_list(ctx: MockContext, args: dict[str, Any]) -> dict[str, Any]:
    name = str(args.get("name", ""))
    list_id = PREFIX_LISTS.get(name, f"pl-{ctx.suffix(name, 8)}")
    return {"id": list_id, "name": name, "arn": f"arn:aws:ec2:{ctx.region}:aws:prefix-list/{list_id}", "entries": []}


CALLS: dict[str, CallFor] = {"aws:ec2/getManagedPrefixList:getManagedPrefixList": _managed_prefix_list}
"""Data sources the compute tier calls."""
