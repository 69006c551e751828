"""The browser tests' server: the test settings, served by a real server process."""

from .base import env
from .test import *  # noqa: F403

# The server runs in its own process with a media folder of the run's own.
MEDIA_ROOT = env.path("MEDIA_ROOT")

# The whole suite posts the contact form a handful of times from 127.0.0.1; this never trips.
CONTACT_RATE_LIMIT = 30
# The rate-limit test posts as an address of its own (X-Forwarded-For), so that reaching the
# limit there leaves every other test's address untouched. Without the header the connection's
# own address counts, as in production.
CONTACT_TRUSTED_PROXY_COUNT = 1

# Uploads (image renditions) served by the test server, as the web server does in production.
ROOT_URLCONF = "tests.e2e.urls"
