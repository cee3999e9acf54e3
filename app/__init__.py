"""paved's workload: a small HTTP API served by a Lambda function or a container, from one code base.

``app.api`` holds the routes and knows nothing of how a request arrived; ``app.lambda_handler``
(API Gateway HTTP API v2 events) and ``app.wsgi`` (the container, under gunicorn) are thin
adapters around it. ``app.mail_forwarder`` is a separate function (the mail tier's), packaged on its own.
"""
