"""The compute tier (DESIGN §3): ``Compute`` and its ``ComputeArgs``; one module per part.

``serverless`` (Lambda + HTTP API), ``container`` (ECS Fargate + ECR) and ``load_balancer`` (the ALB)
build the two modes; ``package`` assembles the function's archive; ``iam`` and ``security`` hold
the roles' documents and the network rules; ``environment`` the app's variables.
"""

from components.compute.component import Compute, ComputeArgs

__all__ = ["Compute", "ComputeArgs"]
