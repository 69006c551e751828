"""Settings shared by every environment. Deployment values come from the environment."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A developer may keep local values in .env (never committed); the real environment wins.
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "core",
    "images",
    "people",
    "focus_areas",
    "programmes",
    "interviews",
    "viewpoints",
    "publications",
    "contact",
    "search",
    "devdata",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    # The read-only content API at /api/v2/ (portal/api.py), and the REST framework under it.
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # Sign-in throttling and two-step verification (accounts/).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so static files from WhiteNoise and the 503 page carry its headers too.
    "core.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Site and home page from the cache (core/routing.py), before anything asks.
    "core.routing.SiteFromCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # After the CSP middleware, so it marks admin responses before the header is written.
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "core.middleware.EditingSessionPingMiddleware",
    # Inside the CSP middleware, so its 503 page gets the strict policy.
    "core.unavailable.DatabaseUnavailableMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Before any view reads the body (the CSRF check does), inside the CSP middleware.
    "contact.middleware.ContactBodyLimitMiddleware",
    "accounts.throttle.PasswordFormThrottleMiddleware",
    # Last, as django-axes asks: it turns a lock-out into our "too many attempts" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite by default (zero set-up); PostgreSQL through DATABASE_URL.
# An empty DATABASE_URL means "not set", as an unset one does.
DATABASE_URL = env("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": environ.Env.db_url_config(DATABASE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The admin sends autosaves, previews and editing-session pings at once. SQLite has one
    # writer: a transaction that starts as a reader and then writes fails at once with "database
    # is locked", whatever the timeout. Taking the write lock at BEGIN (IMMEDIATE) makes it wait
    # its turn instead; WAL lets readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
    # Not ATOMIC_REQUESTS here: with IMMEDIATE every request, even a page view or a preview,
    # would hold the only write lock for its whole length. Wagtail and our own writes open
    # their transactions where they need them.
    DATABASES["default"]["ATOMIC_REQUESTS"] = False
else:
    # PostgreSQL has row locks and many writers: a request is all or nothing.
    DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Full-text and trigram search indexes on PostgreSQL need its contrib app.
    INSTALLED_APPS.append("django.contrib.postgres")
    # Nothing waits on the database for long: a server that does not answer is given up after
    # DATABASE_CONNECT_TIMEOUT seconds, and one statement after DATABASE_STATEMENT_TIMEOUT (ms;
    # generous for the admin's large saves, under gunicorn's 30 s; 0 turns it off, e.g. for a
    # long migration). A kept connection is checked before each request reuses it.
    # JIT compilation is off: it pays only for long analytical queries, and a page's queries
    # (many joins, estimated costly while a table has no statistics yet) took seconds to compile
    # and milliseconds to run.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=3)
    )
    DATABASES["default"]["OPTIONS"].setdefault(
        "options",
        f"-c statement_timeout={env.int('DATABASE_STATEMENT_TIMEOUT', default=20000)} -c jit=off",
    )
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Passwords, sign-in throttling and two-step verification: portal/settings/signing_in.py.
from .signing_in import *  # noqa: E402, F403

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Large enough for an editor's upload, small enough to refuse an abusive POST early.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# An uploaded file larger than this is written to a temporary file rather than held in memory;
# file parts are not counted by the limit above, so each upload field sets its own (below).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

# Every page is public and the same for every visitor, so an HTTP cache can keep it this long.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)


# Email: one mailer, from EMAIL_URL (smtp+tls://user:password@host:587); the console when unset.
def mailer_from_url(url, timeout):
    config = environ.Env.email_url_config(url)
    backend = config["EMAIL_BACKEND"]
    if not backend.endswith("smtp.EmailBackend"):
        return {"BACKEND": backend}
    return {
        "BACKEND": backend,
        "OPTIONS": {
            "host": config.get("EMAIL_HOST"),
            "port": config.get("EMAIL_PORT"),
            "username": config.get("EMAIL_HOST_USER") or None,
            "password": config.get("EMAIL_HOST_PASSWORD") or None,
            "use_tls": bool(config.get("EMAIL_USE_TLS")),
            "use_ssl": bool(config.get("EMAIL_USE_SSL")),
            # A mail server that does not answer must not hold a request or a worker for long.
            "timeout": timeout,
        },
    }


MAILERS = {
    "default": mailer_from_url(
        env("EMAIL_URL", default="consolemail://"), env.int("EMAIL_TIMEOUT", default=10)
    )
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: Django tasks through the backport Wagtail uses.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A task waiting longer than this (minutes) for a worker means the worker is stopped or behind:
# `check_tasks` logs it at ERROR and the admin's home page says so.
TASKS_MAX_WAIT_MINUTES = env.float("TASKS_MAX_WAIT_MINUTES", default=5)

# A strict policy for every public page: no inline scripts or styles, nothing from third parties.
# Video embeds are loaded in a frame only after the visitor asks for them.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Wagtail
WAGTAIL_SITE_NAME = "Systems Leadership Portal"
# The site's public address: `manage.py ensure_site` gives it to the default Site, which every
# absolute link (feeds, sitemap, citations, canonical links) is built from.
SITE_URL = env("SITE_URL", default="")
# Links in admin emails; the site's own address unless the admin lives elsewhere.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=SITE_URL or "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "vtt",
    "mp4",
    "webm",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The largest document an editor may upload (videos and their captions are documents); nginx's
# client_max_body_size (deploy/) must be a little larger so the admin, not nginx, says why.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 500 * 1024 * 1024
# Images: the largest file, and the most pixels Pillow may decode (a small file can decompress
# into a huge image).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
# Behind nginx (deploy/), documents the app has allowed are sent by nginx from this internal
# location with X-Accel-Redirect; empty, the app streams them itself.
DOCUMENTS_ACCEL_PREFIX = env("DOCUMENTS_ACCEL_PREFIX", default="")
# Played or shown in the browser rather than downloaded: PDFs, videos and their captions.
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "video/mp4",
    "video/webm",
    "text/vtt",
]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from Gravatar would be fetched from a third party, which the admin's policy refuses.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Moderation mail: who submitted, approved or rejected a page, sent to the people concerned.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
# A page waiting for approval is mailed to the Moderators group only, not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILEMBEDS_FINDERS = []
# Query hits feed the 30-day search report: keep them longer than that.
WAGTAILSEARCH_HITS_MAX_AGE = 90
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
if env("SEARCH_URL", default=""):
    # OpenSearch or Elasticsearch, for sites that outgrow the database backend.
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": env("SEARCH_BACKEND", default="wagtail.search.backends.elasticsearch8"),
        "URLS": [env("SEARCH_URL")],
        "INDEX": env("SEARCH_INDEX", default="portal"),
        "TIMEOUT": 5,
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Every background task logs its start and end at INFO; failures still show.
    # Wagtail logs every page created, edited and published; the admin's history keeps them.
    "loggers": {"django_tasks": {"level": "WARNING"}, "wagtail": {"level": "WARNING"}},
}
# django-axes repeats at INFO what `portal.auth` logs (accounts/signals.py); its warnings show.
LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# The Wagtail admin uses inline scripts and styles; it gets a looser policy of its own.
ADMIN_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # Live preview frames the site in the admin, on the same origin; no other site may.
    "frame-ancestors": ["'self'"],
}

# Browser features the site never uses are off for it and every frame in it. The video players
# (youtube-nocookie, Vimeo), framed only after the visitor presses play, may play at once, go
# full screen and float picture-in-picture: what static/js/site.js's frame asks for.
VIDEO_PLAYERS = ['"https://www.youtube-nocookie.com"', '"https://player.vimeo.com"']
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self", *VIDEO_PLAYERS],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self", *VIDEO_PLAYERS],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": ["self", *VIDEO_PLAYERS],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# Contact form
# Spam checks without third parties. A person takes longer than this (seconds) to fill the form in.
CONTACT_MIN_SECONDS = env.int("CONTACT_MIN_SECONDS", default=3)
# A form shown longer ago than this (seconds) must be sent again: a token is not reusable forever.
CONTACT_FORM_MAX_AGE = env.int("CONTACT_FORM_MAX_AGE", default=24 * 60 * 60)
# Enquiries accepted from one client address per window (seconds), counted from the stored
# enquiries, so the limit holds whatever state the cache is in; refused posts never count.
CONTACT_RATE_LIMIT = env.int("CONTACT_RATE_LIMIT", default=5)
CONTACT_RATE_WINDOW = env.int("CONTACT_RATE_WINDOW", default=60 * 60)
# Proxies in front of the site that append to X-Forwarded-For; 0 reads the connection's address.
CONTACT_TRUSTED_PROXY_COUNT = env.int("CONTACT_TRUSTED_PROXY_COUNT", default=0)
# The addresses (or networks) those proxies connect from: a hop of X-Forwarded-For is believed
# only when the address that handed it on is one of these. Loopback: Varnish and nginx on the host.
CONTACT_TRUSTED_PROXIES = env.list("CONTACT_TRUSTED_PROXIES", default=["127.0.0.0/8", "::1"])
# The largest post (bytes) the contact form reads: room for several full-length answers in any
# script, percent-encoded. Larger is refused with a 413 before the body is read.
CONTACT_MAX_BODY_BYTES = env.int("CONTACT_MAX_BODY_BYTES", default=256 * 1024)
# The longest message (characters) a multi-line answer may hold; the form states it.
CONTACT_MESSAGE_MAX_LENGTH = 5000
# Attempts to email an enquiry to the centre before `retry_contact_notifications` gives up
# (waits double from 5 minutes up to 12 hours: 12 attempts span about two and a half days).
CONTACT_NOTIFICATION_MAX_ATTEMPTS = env.int("CONTACT_NOTIFICATION_MAX_ATTEMPTS", default=12)
