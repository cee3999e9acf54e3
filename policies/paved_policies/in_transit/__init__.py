"""encryption-in-transit, by service family (the first rules live in ``encryption_in_transit``):
``load_balancers``, ``databases``, ``services``, ``api_gateway``, ``resource_policies``.
"""
