"""Drive paved's policy pack through the Pulumi analyzer gRPC interface, exactly as the CLI does.

The CLI starts ``policies/__main__.py`` with ``policies/`` as its working directory, reads the port
the pack prints, then calls ``GetAnalyzerInfo``, ``Configure`` (the policy config, reconciled with
each policy's defaults and validated against its schema: ``tools.policy_reconcile``),
``ConfigureStack``, ``Analyze`` once per resource and ``AnalyzeStack`` once. ``Analyzer`` does the
same in one process for any number of resources, and always stops the pack — on success, on error,
on timeout and on Ctrl-C. ``tools.pack_session`` runs it for ``tools.plan`` and ``tools.check``.
"""

from tools.analyzer.driver import Analyzer, name_from_urn, type_from_urn
from tools.analyzer.model import (
    ADVISORY,
    MANDATORY,
    UNCATEGORIZED,
    AnalyzerError,
    AnalyzerInfo,
    AnalyzerResource,
    PolicyInfo,
    ProviderRef,
    Violation,
)
from tools.analyzer.registrations import resources_from_registrations

__all__ = [
    "ADVISORY",
    "MANDATORY",
    "UNCATEGORIZED",
    "Analyzer",
    "AnalyzerError",
    "AnalyzerInfo",
    "AnalyzerResource",
    "PolicyInfo",
    "ProviderRef",
    "Violation",
    "name_from_urn",
    "resources_from_registrations",
    "type_from_urn",
]
