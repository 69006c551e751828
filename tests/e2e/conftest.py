"""Browser tests: the seeded site served by a real server process, driven in Debian's Chromium."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.chromium import require_chromium

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Mobile is the narrowest width the site supports (WCAG 1.4.10 reflow is judged at 320 CSS px).
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 320, "height": 720}}
# Chromium's words for a refusal under Content-Security-Policy, in the console.
CSP_CONSOLE_MARKER = "Content Security Policy"
# Records what the page itself sees refused; Playwright's init scripts run outside the policy.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__cspViolations.push(event.violatedDirective + " blocked " + event.blockedURI);
});
"""
# Adds up the layout shifts the visitor did not cause (Cumulative Layout Shift), page by page.
LAYOUT_SHIFT_LISTENER = """
window.__layoutShift = 0;
new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
        if (!entry.hadRecentInput) { window.__layoutShift += entry.value; }
    });
}).observe({type: "layout-shift", buffered: true});
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Database:
    """A database of the e2e run's own: PostgreSQL when the suite runs on it, else a SQLite file."""

    def __init__(self, tmp, suffix):
        url = os.environ.get("DATABASE_URL", "")
        self.postgres = url.startswith(("postgres://", "postgresql://"))
        if not self.postgres:
            self.url = f"sqlite:///{tmp}/{suffix}.sqlite3"
            return
        parts = urlparse(url)
        self.name = f"{parts.path.lstrip('/') or 'portal'}_{suffix}"
        self.admin_url = parts._replace(path="/postgres").geturl()
        self.url = parts._replace(path=f"/{self.name}").geturl()

    def _execute(self, sql):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def create(self):
        if self.postgres:
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self._execute(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.postgres:
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _wait_for(url, server, log_path):
    # A cold server's first page (templates, renditions) can take seconds on a busy machine:
    # wait on the clock, not on a count of short tries.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/", timeout=15)
            return
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    pytest.fail(f"The e2e server did not start:\n{Path(log_path).read_text()}", pytrace=False)


def _serve(prepare_module, database_suffix):
    """Fill a fresh database with `prepare_module`, then serve it on a loopback port."""
    tmp = tempfile.mkdtemp(prefix="portal-e2e-")
    database = _Database(tmp, database_suffix)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.e2e",
        "DATABASE_URL": database.url,
        "MEDIA_ROOT": f"{tmp}/media",
    }
    server = log = None
    try:
        database.create()
        prepared = subprocess.run(
            [sys.executable, "-m", prepare_module],
            env={**env, "LOG_LEVEL": "WARNING"},
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if prepared.returncode:
            pytest.fail(f"Preparing the e2e database failed:\n{prepared.stderr}", pytrace=False)
        port = _free_port()
        log = open(f"{tmp}/server.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py")]
            + ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        _wait_for(url, server, f"{tmp}/server.log")
        yield url
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if log is not None:
            log.close()
        database.drop()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def site_url():
    """The seeded site, with a little more content than the seed gives (prepare.py)."""
    yield from _serve("tests.e2e.prepare", "e2e")


@pytest.fixture(scope="session")
def full_site_url():
    """Every page type with every optional field filled (full_data.py), on a server of its own."""
    yield from _serve("tests.e2e.full_data", "e2e_full")


@pytest.fixture(scope="session")
def browser():
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageProblems:
    """Collects what the browser reports as wrong: console errors, CSP refusals, off-site requests.

    `ignored_console` holds (text, url) pairs that a test has explained and allows.
    """

    def __init__(self, page, site_url):
        self.page = page
        self.site_url = site_url
        self.console_errors = []
        self.offsite_requests = []
        self.ignored_console = set()
        # Every page (document) the tab loaded: its address, status and Content-Security-Policy.
        self.documents = []
        page.on("console", self._console)
        page.on("response", self._response)
        page.on("pageerror", lambda error: self.console_errors.append(f"page error: {error}"))
        page.on("request", self._request)
        page.add_init_script(CSP_LISTENER)
        page.add_init_script(LAYOUT_SHIFT_LISTENER)

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append((message.text, message.location.get("url", "")))

    def _response(self, response):
        if response.request.resource_type == "document" and response.frame == self.page.main_frame:
            policy = response.headers.get("content-security-policy", "")
            self.documents.append((response.url, response.status, policy))

    def _request(self, request):
        if not request.url.startswith((self.site_url + "/", "data:", "blob:")):
            self.offsite_requests.append(request.url)

    @property
    def errors(self):
        return [
            error if isinstance(error, str) else f"{error[0]} ({error[1]})"
            for error in self.console_errors
            if error not in self.ignored_console
        ]

    @property
    def csp_violations(self):
        from_console = [
            error for error in self.errors if CSP_CONSOLE_MARKER.lower() in error.lower()
        ]
        return from_console + self.page.evaluate("window.__cspViolations || []")


def new_page(browser, site_url, viewport, **options):
    context = browser.new_context(viewport=VIEWPORTS[viewport], base_url=site_url, **options)
    page = context.new_page()
    # A step that cannot happen fails in seconds, not after Playwright's default half-minute.
    page.set_default_timeout(10_000)
    page.problems = PageProblems(page, site_url)
    page.viewport_name = viewport
    return page


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def page(browser, site_url, viewport):
    """A fresh browser tab at each width in turn."""
    page = new_page(browser, site_url, viewport)
    yield page
    page.context.close()


@pytest.fixture
def open_page(browser, site_url):
    """Opens tabs with the options a journey needs (width, JavaScript off, extra headers)."""
    contexts = []

    def make(viewport="desktop", **options):
        page = new_page(browser, site_url, viewport, **options)
        contexts.append(page.context)
        return page

    yield make
    for context in contexts:
        context.close()
