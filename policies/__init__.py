"""paved's policy pack: guardrails and the cost model, run by ``pulumi preview --policy-pack policies``."""
