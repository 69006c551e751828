"""Tests: each speed-up below keeps the suite fast without changing what is tested."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: each thread of the live server then has a connection of its own and
    # takes its turn at the write lock, as under `make run`. Removed when the run ends.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"portal-test-{os.getpid()}.sqlite3")
    }
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# A fast hasher: the tests log users in, they do not test password strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# An in-memory cache, emptied between tests by a fixture.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Plain static storage: no manifest needed, so no collectstatic before tests.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Uploads go to a temporary folder, never into the project.
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
# Tasks run immediately, inside the test.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Contact form: posts may follow the page at once; the spam tests set their own minimum.
CONTACT_MIN_SECONDS = 0
# No collectstatic before tests: WhiteNoise finds the files where they are written.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
