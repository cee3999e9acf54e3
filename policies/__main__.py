"""The paved policy pack's entry point: the Pulumi CLI runs it with ``policies/`` as the working
directory (and on ``sys.path``), and it serves the analyzer gRPC interface on the port it prints.

Run offline through ``tools.analyzer`` (``python -m tools.plan``/``tools.check``), or with the CLI:
``pulumi preview --policy-pack policies --policy-pack-config policies/config/<stack>.json``.
"""

from paved_policies import fast_path, lifeline
from paved_policies.registry import all_policies
from pulumi_policy import EnforcementLevel, Policy, PolicyPack

fast_path.install()
lifeline.watch_parent()

policies: list[Policy] = [*all_policies()]

PolicyPack(
    name="paved",
    policies=policies,
    enforcement_level=EnforcementLevel.ADVISORY,
    description=(
        "paved: encryption, least-privilege IAM, public exposure, data protection, logging, tagging and budget "
        "guardrails"
    ),
)
