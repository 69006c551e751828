"""Production settings: refuse to start without their secrets or with unsafe values, and pass
Django's deploy checks."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-key-for-the-test-0123456789abcdefghijklmnop",
    "ALLOWED_HOSTS": "leadership.example.ac.uk",
    "EMAIL_URL": "smtp+tls://portal:secret@smtp.example.ac.uk:587",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SITE_URL": "https://leadership.example.ac.uk",
    "DEFAULT_FROM_EMAIL": "Systems Leadership Portal <no-reply@example.ac.uk>",
    "MEDIA_ROOT": str(Path(tempfile.gettempdir()) / "portal-media"),
    # Whatever the calling shell has set, these start unset.
    "ALLOW_MEDIA_ROOT_IN_CODE": None,
    "WAGTAILADMIN_BASE_URL": None,
    "ADMINS": None,
    "LOG_FILE": None,
    "SENTRY_DSN": None,
}


def manage(*args, **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update({**COMPLETE, **env_changes})
    env = {k: v for k, v in env.items() if v is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "Set SECRET_KEY"),
        ("ALLOWED_HOSTS", "Set ALLOWED_HOSTS"),
        ("EMAIL_URL", "Set EMAIL_URL"),
        ("DATABASE_URL", "Set DATABASE_URL to a PostgreSQL database"),
        ("REDIS_URL", "Set REDIS_URL"),
        ("SITE_URL", "Set SITE_URL"),
        ("DEFAULT_FROM_EMAIL", "Set DEFAULT_FROM_EMAIL"),
        ("MEDIA_ROOT", "Set MEDIA_ROOT"),
    ],
)
def test_production_refuses_to_start_without_its_secrets(missing, message):
    result = manage("check", **{missing: None})

    assert result.returncode != 0
    assert "ImproperlyConfigured: Production settings refused" in result.stderr
    assert message in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SECRET_KEY", "short-key", "SECRET_KEY is weak"),
        ("SECRET_KEY", "ab" * 40, "SECRET_KEY is weak"),
        (
            "SECRET_KEY",
            "django-insecure-" + "k3y9f0q2z8x7w1v6u5t4s3r2p1o0n9m8l7",
            "SECRET_KEY is weak",
        ),
        ("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/portal.sqlite3", "PostgreSQL"),
        ("SITE_URL", "leadership.example.ac.uk", "Set SITE_URL"),
        ("DEFAULT_FROM_EMAIL", "portal@localhost", "not one at localhost"),
        ("DEFAULT_FROM_EMAIL", "Portal <portal@LOCALHOST>", "not one at localhost"),
        ("DEFAULT_FROM_EMAIL", "portal", "Set DEFAULT_FROM_EMAIL"),
        ("MEDIA_ROOT", "media", "absolute path"),
        ("MEDIA_ROOT", str(ROOT / "media"), "inside the code directory"),
        ("MEDIA_ROOT", str(ROOT / "deploy" / ".." / "uploads"), "inside the code directory"),
    ],
)
def test_production_refuses_unsafe_values(name, value, message):
    result = manage("check", **{name: value})

    assert result.returncode != 0
    assert message in result.stderr


def test_every_refusal_is_listed_at_once():
    result = manage("check", SECRET_KEY="short", REDIS_URL=None, SITE_URL=None)

    assert result.returncode != 0
    for message in ("SECRET_KEY is weak", "Set REDIS_URL", "Set SITE_URL"):
        assert message in result.stderr


def show(*expressions, **env_changes):
    """The values of settings expressions under the production settings, one a line."""
    code = "from django.conf import settings as s; " + "; ".join(f"print({e})" for e in expressions)
    result = manage("shell", "--verbosity=0", "-c", code, **env_changes)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_a_loopback_run_may_opt_in_to_media_inside_the_code():
    media = str(ROOT / "media")

    assert show("s.MEDIA_ROOT", MEDIA_ROOT=media, ALLOW_MEDIA_ROOT_IN_CODE="true") == [media]


def test_the_admin_address_defaults_to_the_site_address():
    assert show("s.WAGTAILADMIN_BASE_URL") == ["https://leadership.example.ac.uk"]
    assert show("s.WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL="https://cms.example.ac.uk") == [
        "https://cms.example.ac.uk"
    ]


def test_production_waits_on_nothing_for_long():
    lines = show(
        "s.DATABASES['default']['OPTIONS']['connect_timeout']",
        "s.DATABASES['default']['OPTIONS']['options']",
        "s.DATABASES['default']['CONN_HEALTH_CHECKS']",
        "s.DATABASES['default']['CONN_MAX_AGE']",
        "s.CACHES['default']['BACKEND']",
        "sorted(s.CACHES['default']['OPTIONS'].items())",
    )

    assert lines[:5] == [
        "3",
        "-c statement_timeout=20000 -c jit=off",
        "True",
        "60",
        "django_redis.cache.RedisCache",
    ]
    assert lines[5] == str(
        [("IGNORE_EXCEPTIONS", True), ("SOCKET_CONNECT_TIMEOUT", 0.1), ("SOCKET_TIMEOUT", 0.1)]
    )


def test_the_statement_timeout_comes_from_the_environment():
    assert show(
        "s.DATABASES['default']['OPTIONS']['options']", DATABASE_STATEMENT_TIMEOUT="60000"
    ) == ["-c statement_timeout=60000 -c jit=off"]


def test_production_settings_pass_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_strict():
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS > 0, \"'unsafe-inline'\" in str(s.SECURE_CSP))",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "True", "False"]


def test_an_empty_database_url_means_the_embedded_sqlite_database():
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'])",
        DATABASE_URL="",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"
