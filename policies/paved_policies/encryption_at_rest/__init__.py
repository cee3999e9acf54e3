"""encryption-at-rest: data-holding resources are encrypted, with a customer-managed KMS key where
it matters. A missing property takes the provider's default (e.g. an RDS instance without
``storageEncrypted`` is unencrypted); an unknown one is never reported.

One module per family of resources: ``s3``, ``databases``, ``volumes``, ``services``.
"""
