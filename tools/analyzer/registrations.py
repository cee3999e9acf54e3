"""From ``tools.program`` registrations to the resources the engine would hand the analyzer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from tools.analyzer.driver import name_from_urn, type_from_urn
from tools.analyzer.model import AnalyzerResource, ProviderRef

if TYPE_CHECKING:
    from tools.program import Registration


def resources_from_registrations(registrations: Iterable[Registration]) -> list[AnalyzerResource]:
    """What the engine would hand analyzers for these registrations (custom resources, components,
    providers), each provider's properties taken from the provider's own registration."""
    registered = list(registrations)
    providers = {r.urn: r for r in registered if r.is_provider}
    return [analyzer_resource(registration, providers) for registration in registered]


def analyzer_resource(registration: Registration, providers: Mapping[str, Registration]) -> AnalyzerResource:
    """One registration with its wire properties, options, parent, dependencies and provider
    (``providers``: the provider registrations by URN)."""
    return AnalyzerResource(
        urn=registration.urn,
        type=registration.type,
        name=registration.name,
        properties=registration.properties,
        parent=registration.parent,
        dependencies=list(registration.dependencies),
        property_dependencies={key: list(urns) for key, urns in registration.property_dependencies.items()},
        provider=_provider_ref(registration.provider_urn, providers),
        protect=registration.protect,
        retain_on_delete=registration.retain_on_delete,
        delete_before_replace=registration.delete_before_replace or None,
        ignore_changes=list(registration.ignore_changes),
        additional_secret_outputs=list(registration.additional_secret_outputs),
        custom=registration.custom,
    )


def _provider_ref(urn: str, providers: Mapping[str, Registration]) -> ProviderRef | None:
    if not urn:
        return None
    provider = providers.get(urn)
    return ProviderRef(
        type=type_from_urn(urn),
        name=name_from_urn(urn),
        urn=urn,
        properties=dict(provider.properties) if provider is not None else {},
    )
