"""The observability tier: alarm topic, CloudWatch alarms per tier, dashboard and the stack's budget."""

from components.observability.component import EdgeTopicArgs, Observability, ObservabilityArgs, edge_topic

__all__ = ["EdgeTopicArgs", "Observability", "ObservabilityArgs", "edge_topic"]
