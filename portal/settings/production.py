"""Production: every secret and host from the environment; refuses to start without them."""

from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, LOGGING, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])


def refusals():
    """Every unsafe or missing value, each with what to set; empty when production may start."""
    problems = []
    if not SECRET_KEY:
        problems.append("Set SECRET_KEY in the environment.")
    elif (
        len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
        or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
        or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
    ):
        problems.append(
            f"SECRET_KEY is weak: use at least {SECRET_KEY_MIN_LENGTH} random characters "
            f"(not Django's '{SECRET_KEY_INSECURE_PREFIX}' one), e.g. from "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    if not ALLOWED_HOSTS:
        problems.append("Set ALLOWED_HOSTS in the environment (comma-separated).")
    if not env("EMAIL_URL", default=""):
        problems.append("Set EMAIL_URL in the environment: enquiries are sent by email.")
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":  # noqa: F405
        problems.append(
            "Set DATABASE_URL to a PostgreSQL database (postgres://user:pass@host:5432/portal): "
            "SQLite has one writer and is for development only."
        )
    if not env("REDIS_URL", default=""):
        problems.append(
            "Set REDIS_URL (redis://host:6379/0): menus, rate limits and search vocabulary "
            "must be shared by every worker."
        )
    site = urlsplit(env("SITE_URL", default=""))
    if site.scheme not in ("http", "https") or not site.hostname:
        problems.append(
            "Set SITE_URL to the site's public address (https://leadership.example.ac.uk): "
            "feeds, the sitemap and admin emails link to it."
        )
    sender = parseaddr(env("DEFAULT_FROM_EMAIL", default=""))[1]
    if "@" not in sender or sender.rpartition("@")[2].lower() in ("localhost", ""):
        problems.append(
            "Set DEFAULT_FROM_EMAIL to an address mail servers accept (no-reply@example.ac.uk), "
            "not one at localhost."
        )
    media = env("MEDIA_ROOT", default="")
    if not media or not Path(media).is_absolute():
        problems.append("Set MEDIA_ROOT to the absolute path of the uploads folder.")
    elif Path(media).resolve().is_relative_to(BASE_DIR) and not env.bool(
        "ALLOW_MEDIA_ROOT_IN_CODE", default=False
    ):
        problems.append(
            f"MEDIA_ROOT ({media}) is inside the code directory ({BASE_DIR}), where a new release "
            "would lose the uploads: set it to a folder outside it."
        )
    return problems


if problems := refusals():
    raise ImproperlyConfigured(
        "Production settings refused:\n" + "\n".join(f"- {p}" for p in problems)
    )

WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=env("SITE_URL"))

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": env("REDIS_URL"),
        "OPTIONS": {
            # A cache outage must not take the site down: every call gives up quickly, and the
            # page is built without the cache. A page makes about a dozen calls on a cold cache,
            # and Redis on the same network answers in well under a millisecond: 0.1 s each keeps
            # a Redis that accepts and never answers to about a second per page.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=0.1),
            "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT", default=0.1),
        },
    }
}

# Background work in production: the database backend and `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

SILENCED_SYSTEM_CHECKS = [
    # Wagtail's live preview shows the site in a frame of the admin, on the same origin.
    "security.W019",
    # HSTS preload is a commitment for the whole parent domain, which the university decides.
    "security.W021",
]

# The HTTP cache in front (deploy/varnish.vcl.template): pages changed by editors are purged from
# it at once (core/cache.py). Unset, nothing is purged and pages expire after PAGE_CACHE_SECONDS.
if env("FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE = {
        "cache": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_URL"),
        }
    }

# Errors reach the staff: a request that fails is mailed to ADMINS, every line may go to a log
# file, and to Sentry when SENTRY_DSN names a project.
ADMINS = env.list("ADMINS", default=[])
LOGGING["handlers"]["mail_admins"] = {
    "class": "django.utils.log.AdminEmailHandler",
    "level": "ERROR",
}
LOGGING["loggers"]["django"] = {"handlers": [], "level": "INFO"}
LOGGING["loggers"]["django.request"] = {"handlers": ["mail_admins"], "level": "WARNING"}
if env("LOG_FILE", default=""):
    # Reopened when logrotate moves it away: gunicorn's workers, the task worker and the schedule
    # all write to it, and a handler that rotated by itself would rename it under the others.
    LOGGING["handlers"]["file"] = {
        "class": "logging.handlers.WatchedFileHandler",
        "filename": env("LOG_FILE"),
        "formatter": "timestamped",
    }
    LOGGING.setdefault("formatters", {})["timestamped"] = {
        "format": "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
    }
    LOGGING["root"]["handlers"].append("file")
if env("SENTRY_DSN", default=""):
    import sentry_sdk

    sentry_sdk.init(
        dsn=env("SENTRY_DSN"),
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        # Enquirers' and editors' details stay here; errors only, no performance tracing.
        send_default_pii=False,
        traces_sample_rate=0,
    )
