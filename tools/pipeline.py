"""Evaluate a snapshot: the real policy pack through the analyzer interface, then the cost model.

The one evaluation ``tools.plan`` and ``tools.check`` (and the tests of the repo's stacks) share.
The pack runs as under ``pulumi preview --policy-pack``: the session started it and sent
``Configure`` and ``ConfigureStack`` (``tools.pack_session``); ``Analyze`` runs per resource
(``tools.analysis_stream``) and ``AnalyzeStack`` once. The cost model (``cost``, in
``policies/cost/``) prices the same resources with the settings the budget policy received.
"""

from __future__ import annotations

from tools.analysis_stream import AnalysisStream
from tools.costing import COST_POLICY, stack_cost
from tools.evaluation import Evaluation
from tools.pack_session import PackSession
from tools.snapshot import Snapshot


def evaluate(snapshot: Snapshot, session: PackSession, stream: AnalysisStream | None = None) -> Evaluation:
    """The pack's violations for every resource of ``snapshot`` and the stack's cost against its cap.

    ``stream``: the snapshot's resources already fed to the pack one by one (``tools.plan`` feeds them
    as the program registers them); by default they are fed now, all at once."""
    analysis = stream if stream is not None else AnalysisStream.of(snapshot.resources, session)
    if len(analysis) != len(snapshot.resources):
        raise AssertionError(f"{len(analysis)} resources analyzed of the snapshot's {len(snapshot.resources)}")
    violations = analysis.finish()
    pack = session.ready()
    cost_settings = pack.settings[COST_POLICY].properties if COST_POLICY in pack.settings else {}
    cost = stack_cost(snapshot.resources, cost_settings, where=session.policy_config.described(snapshot.stack))
    return Evaluation(snapshot, session.policy_config, violations, cost)
