"""The README's backup, restored: `pg_dump -Fc` of the site, `pg_restore` into a fresh database,
and the site served from the copy."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from core.factories import DocumentFactory, StandardPageFactory
from deploy.stack import PROJECT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def postgres():
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("backups are of the PostgreSQL database: needs DATABASE_URL (PostgreSQL)")
    missing = [p for p in ("pg_dump", "pg_restore", "psql") if not shutil.which(p)]
    if missing:
        pytest.fail(f"The backup test needs {', '.join(missing)} (postgresql-client).")
    args = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
    args += ["-U", db["USER"] or "postgres"]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return db, args, env


@pytest.fixture
def restored_name():
    """A fresh database's name, dropped after the test whatever happened."""
    db, args, env = postgres()
    name = f"{db['NAME']}_restored_{os.getpid()}"
    psql = ["psql", *args, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c"]
    subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{name}"'], env=env, check=True)
    subprocess.run([*psql, f'CREATE DATABASE "{name}"'], env=env, check=True)
    yield name
    subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], env=env, check=True)


def test_a_dump_restored_into_a_fresh_database_serves_the_site(home, restored_name, tmp_path):
    db, args, env = postgres()
    page = StandardPageFactory(parent=home, title="Restored from the backup", slug="restored")
    document = DocumentFactory(file=ContentFile(b"minutes of the board", name="minutes.txt"))

    dump = tmp_path / "portal.dump"
    subprocess.run(
        ["pg_dump", *args, "-Fc", "--no-owner", "-f", str(dump), db["NAME"]], env=env, check=True
    )
    subprocess.run(
        ["pg_restore", *args, "--no-owner", "--exit-on-error", "-d", restored_name, str(dump)],
        env=env,
        check=True,
    )
    # The uploads are copied beside the dump, as the README says, and restored to a new folder.
    media = tmp_path / "media"
    subprocess.run(["cp", "-a", f"{settings.MEDIA_ROOT}/.", str(media)], check=True)

    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    restored_url = f"postgres://{args[5]}{password}@{args[1]}:{args[3]}/{restored_name}"
    script = (
        "from django.test import Client\n"
        "from wagtail.documents.models import Document\n"
        "client = Client()\n"
        f"response = client.get({page.url!r})\n"
        "print(response.status_code)\n"
        "print('Restored from the backup' in response.content.decode())\n"
        f"print(Document.objects.get(pk={document.pk}).file.read().decode())\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--verbosity=0", "-c", script],
        cwd=PROJECT,
        env={
            **env,
            # The test settings, with the media folder taken from the environment.
            "DJANGO_SETTINGS_MODULE": "portal.settings.e2e",
            "DATABASE_URL": restored_url,
            "MEDIA_ROOT": str(media),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["200", "True", "minutes of the board"]
