"""The repo's dev and prod stacks: alarms, the budget action and the CDN's API origin follow the
compute, data and cdn tiers they watch (the tier programs specify each family on its own)."""

from __future__ import annotations

from tests.observability.conftest import alarms
from tools.program import ProgramRun


def test_dev_alarms_watch_its_functions_and_http_api(dev: ProgramRun) -> None:
    found = alarms(dev)
    functions = {f.outputs["name"] for f in dev.of_type("aws:lambda/function:Function")}
    watched = {a.inputs["dimensions"]["FunctionName"] for a in found.values() if a.inputs["namespace"] == "AWS/Lambda"}
    assert watched == functions
    assert len(functions) == 3  # the API, the migration function and its starter
    api = dev.one("aws:apigatewayv2/api:Api")
    stage = dev.one("aws:apigatewayv2/stage:Stage")
    for key in ("api-5xx", "api-latency"):
        assert found[key].inputs["dimensions"] == {"ApiId": api.id, "Stage": stage.inputs["name"]}


def test_prod_alarms_watch_its_load_balancer_targets_and_service(prod: ProgramRun) -> None:
    found = alarms(prod)
    balancer = prod.one("aws:lb/loadBalancer:LoadBalancer").outputs["arnSuffix"]
    targets = prod.one("aws:lb/targetGroup:TargetGroup").outputs["arnSuffix"]
    assert found["alb-5xx"].inputs["dimensions"] == {"LoadBalancer": balancer}
    assert found["alb-unhealthy-targets"].inputs["dimensions"] == {"LoadBalancer": balancer, "TargetGroup": targets}
    service = {
        "ClusterName": prod.one("aws:ecs/cluster:Cluster").outputs["name"],
        "ServiceName": prod.one("aws:ecs/service:Service").outputs["name"],
    }
    assert found["ecs-cpu"].inputs["dimensions"] == found["ecs-memory"].inputs["dimensions"] == service
    assert not [key for key in found if key.startswith(("function-", "api-"))]


def test_dev_budget_action_denies_every_role_the_compute_tier_runs_as(dev: ProgramRun) -> None:
    (action,) = dev.of_type("aws:budgets/budgetAction:BudgetAction")
    compute = dev.one("paved:compute:Compute").urn
    roles = sorted(r.outputs["name"] for r in dev.of_type("aws:iam/role:Role") if r.parent == compute)
    assert sorted(action.inputs["definition"]["iamActionDefinition"]["roles"]) == roles
    assert len(roles) >= 2


def test_the_cdn_serves_the_compute_tiers_api_over_https(dev: ProgramRun, prod: ProgramRun) -> None:
    for run in (dev, prod):
        distribution = run.one("aws:cloudfront/distribution:Distribution").inputs
        (api,) = [o for o in distribution["origins"] if o["originId"] == "api"]
        assert api["domainName"] == run.outputs["api"]["originDomain"]
        assert api["customOriginConfig"]["originProtocolPolicy"] == run.outputs["api"]["originProtocol"] == "https-only"
        assert [b["pathPattern"] for b in distribution["orderedCacheBehaviors"]] == ["/api/*"]
