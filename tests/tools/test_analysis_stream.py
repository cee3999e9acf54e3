"""Resources fed to the pack one by one while the program runs are judged exactly as when fed all at once.

``tools.plan`` sends ``Analyze`` for each resource as it registers (as the Pulumi CLI does); requests
made before the session has configured the pack wait for it, so none is judged by the pack's defaults.
"""

from __future__ import annotations

from tools.analysis_stream import AnalysisStream
from tools.analyzer import Violation
from tools.pack_session import PackSession
from tools.policy_config import PolicyConfig, resolve_policy_config
from tools.program import ProgramRun


def _key(violation: Violation) -> tuple[str, ...]:
    return (violation.policy, violation.urn, violation.enforcement, violation.message)


def _streamed(run: ProgramRun, config: PolicyConfig) -> list[Violation]:
    """Half the resources fed while the pack starts, the rest once it is configured."""
    half = len(run.resources) // 2
    with PackSession(stack=run.stack, project=run.project, policy_config=config) as session:
        stream = AnalysisStream(session)
        for registration in run.resources[:half]:
            stream.add(registration)
        assert not session.configured, "the first half was queued while the pack started (it takes 0.2 s or more)"
        session.ready()
        for registration in run.resources[half:]:
            stream.add(registration)
        assert len(stream) == len(run.resources)
        return stream.finish()


def _batch(run: ProgramRun, config: PolicyConfig) -> list[Violation]:
    with PackSession(stack=run.stack, project=run.project, policy_config=config) as session:
        return AnalysisStream.of(run.resources, session).finish()


def test_resources_fed_one_by_one_get_the_verdict_of_one_batch(dev: ProgramRun) -> None:
    config = resolve_policy_config("dev", None)
    batch = _batch(dev, config)
    assert batch, "dev has advisory violations"
    assert sorted(map(_key, _streamed(dev, config))) == sorted(map(_key, batch))


def test_resources_fed_before_configure_are_judged_by_the_config_not_the_defaults(dev: ProgramRun) -> None:
    """dev's config disables stateful-resource-protected, which is mandatory by default."""
    by_default = {v.policy for v in _batch(dev, PolicyConfig(path=None))}
    assert "stateful-resource-protected" in by_default
    configured = {v.policy for v in _streamed(dev, resolve_policy_config("dev", None))}
    assert "stateful-resource-protected" not in configured
