"""paved's tiers: one ComponentResource per module, built by ``__main__.py`` from the stack config."""
