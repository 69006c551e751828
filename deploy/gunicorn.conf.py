"""gunicorn behind nginx: sync workers, since nginx buffers slow clients before they reach one."""

import multiprocessing
import os

# deploy/stack.py holds the listening socket itself and passes it on (fd://N), so that
# connections wait across a restart instead of being refused.
bind = os.environ.get("GUNICORN_BIND") or (
    f"{os.environ.get('APP_HOST', '127.0.0.1')}:{os.environ.get('APP_PORT', '8081')}"
)
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer than this is a fault: the worker is replaced, the client gets 502.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On TERM or HUP, requests already being answered are finished before a worker stops.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Workers are replaced now and then, at different times, so a slow leak never builds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# Django and Wagtail are imported once and shared by the workers' memory pages.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"
# nginx and the cache, on this machine, are the only ones whose X-Forwarded-* headers count.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# gunicorn's control socket (`gunicornc`): one per instance, beside the stack's other run files.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
