"""``Analyze`` for each resource as soon as it is known, then ``AnalyzeStack`` once over them all.

The Pulumi CLI calls ``Analyze`` for a resource when the program registers it, while the program
goes on; ``tools.plan`` does the same: the pack judges each resource on its own process while the
program under mocks still runs here. Nothing is sent before the pack is configured (the session
configures it on its own thread): a resource analyzed earlier would be judged by the pack's
defaults. Requests wait until then, and are sent with the next resource or at ``finish``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tools.analyzer import AnalyzerError, AnalyzerResource, Violation
from tools.analyzer.driver import AnalyzeCalls
from tools.analyzer.registrations import analyzer_resource
from tools.errors import EvaluationError
from tools.pack_session import PackSession, first_line

if TYPE_CHECKING:
    from tools.program import Registration


class AnalysisStream:
    """The pack's verdict on resources fed one by one (``add``, from any single thread)."""

    def __init__(self, session: PackSession) -> None:
        self._session = session
        self._resources: list[AnalyzerResource] = []
        self._providers: dict[str, Registration] = {}
        self._calls: AnalyzeCalls | None = None
        self._sent = 0
        self._failure: AnalyzerError | None = None
        """A call that failed while the program ran: reported by ``finish``, not to the program."""

    @classmethod
    def of(cls, registrations: Iterable[Registration], session: PackSession) -> AnalysisStream:
        """A stream fed with every registration at once (every provider known before any resource)."""
        stream = cls(session)
        registered = list(registrations)
        stream._providers.update((r.urn, r) for r in registered if r.is_provider)
        for registration in registered:
            stream.add(registration)
        return stream

    def __len__(self) -> int:
        return len(self._resources)

    def add(self, registration: Registration) -> None:
        """Queue ``registration``'s ``Analyze``; send what is queued once the pack is configured."""
        if registration.is_provider:
            self._providers[registration.urn] = registration
        self._resources.append(analyzer_resource(registration, self._providers))
        if self._session.configured and self._failure is None:
            try:
                self._send()
            except AnalyzerError as error:
                self._failure = error

    def finish(self) -> list[Violation]:
        """Every violation: ``Analyze``'s per resource in order, then ``AnalyzeStack``'s."""
        pack = self._session.ready()
        try:
            if self._failure is not None:
                raise self._failure
            self._send()
            violations = self._calls.finish() if self._calls is not None else []
            return [*violations, *pack.analyzer.analyze_stack(self._resources)]
        except AnalyzerError as error:
            raise EvaluationError(f"the policy pack failed: {first_line(error)}") from None

    def _send(self) -> None:
        if self._calls is None:
            self._calls = self._session.analyzer.calls()
        for resource in self._resources[self._sent :]:
            self._calls.send(resource)
        self._sent = len(self._resources)
