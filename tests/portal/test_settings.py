"""Production settings: refuse to start without their secrets, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-key-for-the-test-0123456789abcdefghijklmnop",
    "ALLOWED_HOSTS": "leadership.example.ac.uk",
    "EMAIL_URL": "smtp+tls://portal:secret@smtp.example.ac.uk:587",
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
    ],
)
def test_production_refuses_to_start_without_its_secrets(missing, message):
    result = manage("check", **{missing: None})

    assert result.returncode != 0
    assert message in result.stderr


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
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"
