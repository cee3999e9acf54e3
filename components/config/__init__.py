"""The typed model of one stack's configuration, and how a stack file becomes it.

- ``base``: the base model and the small types sections share;
- one module per section (tier): ``network``, ``compute``, ``data`` (with ``buckets``), ``cdn``,
  ``auth`` (which also declares the secret keys), ``mail``, ``observability`` (with the budget);
- ``stack``: ``StackConfig``, the whole stack, and the lists of its keys;
- ``rules``: what one section needs from another, what prod requires, and the limits shared with the
  stack's policy config (``limits``) — all problems at once;
- ``loader``: raw Pulumi config → ``StackConfig`` or one ``ConfigError`` (``messages`` words it);
- ``docs``: the README's key tables and ``Pulumi.yaml``'s declarations, generated from the model.

Every key has a description (``Field(description=...)``); defaults are the secure values. Tiers
import their settings from here; only ``rules`` imports what a tier or the app owns (the data tier's
master user, the app's item keys), since those rules restate what that tier needs.
"""
