"""The `make serve` stack (Varnish, nginx, gunicorn, Redis) on free ports, on the test database."""

import sys
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from deploy.stack import Stack, free_port, missing_programs


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, headers=None, method="GET"):
    """(status, headers, body) of one request, errors included."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def terminate_other_connections():
    """End every other session on the test database (the stack's); how many were ended."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def require_stack():
    """Skip without PostgreSQL (the stack shares the test database); fail without its programs."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip(
            "the stack's gunicorn must share the test database: needs DATABASE_URL (PostgreSQL)"
        )
    missing = missing_programs()
    if missing:
        pytest.fail(
            f"The stack tests need {', '.join(missing)}: run `sudo scripts/install-stack.sh`.",
            pytrace=False,
        )


def loopback_stack(run_dir, env=None, background=False):
    """A Stack on free ports whose gunicorn shares the test database (PostgreSQL only)."""
    require_stack()
    db = settings.DATABASES["default"]
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    url = f"postgres://{db['USER'] or 'postgres'}@{host}/{db['NAME']}"
    if db.get("PASSWORD"):
        url = url.replace("@", f":{db['PASSWORD']}@", 1)
    return Stack(
        port=free_port(),
        app_port=free_port(),
        cache_port=free_port(),
        redis_port=free_port(),
        web_port=free_port(),
        run_dir=run_dir,
        env={"DATABASE_URL": url, "MEDIA_ROOT": str(settings.MEDIA_ROOT), **(env or {})},
        background=background,
        quiet=True,
    )


_collected = []


def start(stack, redis_url=None):
    """Start the stack; if it cannot start, stop what did and show the end of its logs.

    Static files (and nginx's 503 page among them) are collected once per test run, before the
    first stack starts: without the manifest every page is a 500.

    While it runs, this process's cache is the stack's Redis (`redis_url`, else the stack's own),
    as an editor's process shares it in production: what a test changes moves the content
    generation the stack's workers read (core/fragments.py), so they never serve what they kept
    from before. `stop()` puts the test cache back.
    """
    try:
        if not _collected:
            # The test database is migrated already; a migrate here would write content types
            # into whatever state the previous test left it in.
            stack.prepare(migrate=False)
            _collected.append(True)
        stack.start()
    except BaseException:
        stack.stop()
        for log in sorted(stack.run_dir.glob("*.log")):
            sys.stderr.write(f"--- {log.name}\n{log.read_text()[-3000:]}\n")
        raise
    location = redis_url or f"redis://127.0.0.1:{stack.redis_port}/0"
    backend = "django.core.cache.backends.redis.RedisCache"
    stack.shared_cache = override_settings(
        CACHES={"default": {"BACKEND": backend, "LOCATION": location}}
    )
    stack.shared_cache.enable()


def stop(stack):
    stack.stop()
    shared = getattr(stack, "shared_cache", None)
    if shared is not None:
        shared.disable()
        stack.shared_cache = None


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    stack = loopback_stack(tmp_path_factory.mktemp("stack"), {"WEB_CONCURRENCY": "2"})
    start(stack)
    yield stack
    stop(stack)


@pytest.fixture
def through_cache(stack, settings):
    """Purges from this process go to the stack's Varnish, as gunicorn's would."""
    settings.WAGTAILFRONTENDCACHE = {
        "cache": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{stack.cache_port}",
        }
    }
    return stack
