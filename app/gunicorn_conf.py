"""gunicorn settings for the container (``gunicorn -c python:app.gunicorn_conf app.wsgi:application``).

Read-only-root friendly: the heartbeat files go to ``/tmp`` (a task volume in ECS), the control
socket (which would be written to the home directory) is off, and nothing else is written.
"""

from __future__ import annotations

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8080')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = 30
graceful_timeout = 20
keepalive = 75
"""Longer than the load balancer's 60 s idle timeout, so the balancer closes idle connections first (no 502s)."""
worker_tmp_dir = os.environ.get("TMPDIR", "/tmp")
control_socket_disable = True
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
limit_request_line = 8190
limit_request_fields = 100
forwarded_allow_ips = "*"
"""Only the load balancer can reach the tasks (security group), so its X-Forwarded-* headers are trusted."""
