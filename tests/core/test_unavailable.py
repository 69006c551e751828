"""The branded 503: a database that cannot be reached answers the site's own page, at once."""

import socket
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.template.loader import render_to_string

from core.unavailable import DatabaseUnavailableMiddleware
from tests.core.html import inline_code, parse


def closed_port():
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def database_gone(django_db_blocker):
    """The default database unreachable for the length of the test: refused, or no such file.

    No test database is used: nothing can be read anyway, and the connection is put back after.
    """
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    with django_db_blocker.unblock():
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-folder/portal.sqlite3"
        else:
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


@pytest.mark.parametrize("path", ["/", "/search/?q=leadership", "/no-such-page/"])
def test_a_database_that_cannot_be_reached_answers_the_branded_503(client, database_gone, path):
    start = time.monotonic()
    response = client.get(path)
    seconds = time.monotonic() - start

    assert response.status_code == 503
    assert seconds < 5
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = parse(response)
    assert "Sorry, the service is unavailable" in html.text
    assert html.find("main", id="main-content") is not None
    assert html.find("h1") is not None
    assert inline_code(html) == []
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_other_errors_are_not_taken_for_an_outage():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)

    assert middleware.process_exception(None, ValueError("not the database")) is None


def test_the_503_page_needs_no_database():
    # No django_db mark: any query while rendering would raise here.
    html = parse(render_to_string("503.html"))

    assert "Sorry, the service is unavailable" in html.text
    assert html.find("a", href="/") is not None
    assert inline_code(html) == []


def test_nginx_shows_the_same_page_when_the_app_is_gone():
    """static/errors/503.html is nginx's page for 502 and 504: the template's page."""
    static_page = Path(settings.BASE_DIR, "static", "errors", "503.html").read_text()

    assert static_page == render_to_string("503.html"), (
        "static/errors/503.html is out of date: write render_to_string('503.html') to it "
        "under the test settings"
    )
    nginx = Path(settings.BASE_DIR, "deploy", "nginx.conf.template").read_text()
    assert "error_page 502 504 =503 /_errors/503.html;" in nginx
    assert "alias {{STATIC_ROOT}}/errors/503.html;" in nginx


def test_an_outage_is_logged_once_a_request_and_not_mailed_to_every_admin(
    client, database_gone, settings, mailoutbox, caplog
):
    # Django mails ADMINS every 5xx it logs; an outage would send one per visitor.
    settings.ADMINS = ["web-team@example.ac.uk"]

    with caplog.at_level("ERROR"):
        for _ in range(3):
            assert client.get("/").status_code == 503

    assert mailoutbox == []
    outages = [r for r in caplog.records if r.name == "core.unavailable"]
    assert len(outages) == 3
    assert all(r.getMessage().startswith("Database unavailable for /:") for r in outages)
    assert not [r for r in caplog.records if r.name == "django.request"]
