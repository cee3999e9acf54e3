"""paved's policy pack: the policies, their registry, and the helpers they share.

``policies/__main__.py`` is the only place that turns the registry into a running ``PolicyPack``.
"""
