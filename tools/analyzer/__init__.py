"""Drive paved's policy pack through the Pulumi analyzer gRPC interface, exactly as the CLI does.

The CLI starts ``policies/__main__.py`` with ``policies/`` as its working directory, reads the port
the pack prints, then calls ``GetAnalyzerInfo``, ``Configure`` (the policy config, reconciled with
each policy's defaults and validated against its schema), ``ConfigureStack``, ``Analyze`` once per
resource and ``AnalyzeStack`` once. ``Analyzer`` does the same in one process for any number of
resources, and always stops the pack — on success, on error, on timeout and on Ctrl-C::

    with Analyzer() as pack:
        pack.configure(load_policy_config(POLICIES_DIR / "config" / "dev.json"))
        pack.configure_stack(stack="dev", project="paved")
        violations = pack.analyze_all(resources_from_registrations(run.resources))

``tools.plan``/``tools.check`` build on this module; tests feed the repo's stacks through it.
"""

from tools.analyzer.bench import benchmark, synthetic_resources
from tools.analyzer.driver import Analyzer, name_from_urn
from tools.analyzer.model import (
    CATEGORIES,
    ENFORCEMENT_LEVELS,
    POLICIES_DIR,
    REPO_ROOT,
    AnalyzerError,
    AnalyzerInfo,
    AnalyzerResource,
    PolicyConfigError,
    PolicyInfo,
    ProviderRef,
    Violation,
)
from tools.analyzer.policy_config import load_policy_config, parse_policy_config, reconcile_policy_config
from tools.analyzer.registrations import resources_from_registrations
from tools.analyzer.run import Analysis, analyze_resources, default_policy_config

__all__ = [
    "CATEGORIES",
    "ENFORCEMENT_LEVELS",
    "POLICIES_DIR",
    "REPO_ROOT",
    "Analysis",
    "Analyzer",
    "AnalyzerError",
    "AnalyzerInfo",
    "AnalyzerResource",
    "PolicyConfigError",
    "PolicyInfo",
    "ProviderRef",
    "Violation",
    "analyze_resources",
    "benchmark",
    "default_policy_config",
    "load_policy_config",
    "name_from_urn",
    "parse_policy_config",
    "reconcile_policy_config",
    "resources_from_registrations",
    "synthetic_resources",
]
