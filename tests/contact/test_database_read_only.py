"""When the database cannot store an enquiry, the visitor gets every word back and can resend."""

import contextlib
import logging

import pytest
from django.db import connection

from contact.models import ContactSubmission
from core.site_settings import MainMenu, SiteSettings

from .conftest import form_token, valid_answers

# Real commits: the read-only mode is the connection's own, as on a replica or a full disk.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NOT_STORED = (
    "We could not send your message just now. Please try again in a few minutes; your message "
    "is still below."
)


@contextlib.contextmanager
def read_only_database():
    """Every new transaction read-only (PostgreSQL), or every write refused (SQLite)."""
    on, off = {
        "postgresql": (
            "SET SESSION default_transaction_read_only = on",
            "SET SESSION default_transaction_read_only = off",
        ),
        "sqlite": ("PRAGMA query_only = ON", "PRAGMA query_only = OFF"),
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(on)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(off)


def test_the_form_comes_back_filled_in_with_a_503_and_can_be_sent_once_it_recovers(
    client, enquiry_page, caplog
):
    answers = valid_answers(
        name="Grace Hopper",
        email="grace@example.org",
        organisation="Navy & Partners <Trust>",
        message="Line one of a long enquiry.\nLine two, with \u201cquotes\u201d and \u00e9.",
    )
    answers["form_token"] = form_token(client, enquiry_page)

    with read_only_database():
        with connection.cursor() as cursor, pytest.raises(Exception, match="read.?only"):
            cursor.execute("CREATE TABLE write_probe (id integer)")
        refused = client.post(enquiry_page.url, answers)

    assert refused.status_code == 503
    assert refused["Retry-After"] == "120"
    assert "no-store" in refused["Cache-Control"]
    html = refused.content.decode()
    # In the form's error summary, announced and focused like every other problem.
    summary = html[html.index("data-error-summary") : html.index("</ul>")]
    assert NOT_STORED in summary
    assert 'value="Grace Hopper"' in html
    assert 'value="grace@example.org"' in html
    assert 'value="Navy &amp; Partners &lt;Trust&gt;"' in html
    assert "Line two, with \u201cquotes\u201d and \u00e9.</textarea>" in html
    assert 'value="Research collaboration" selected' in html
    assert 'name="consent" required id="id_consent" checked' in html
    assert ContactSubmission.objects.count() == 0
    assert any(r.levelno == logging.ERROR and r.name == "contact.pipeline" for r in caplog.records)

    # The same answers, sent again once the database takes writes: stored, nothing lost.
    resent = client.post(enquiry_page.url, answers)
    assert resent.status_code == 200
    stored = ContactSubmission.objects.get()
    assert stored.form_data["message"] == answers["message"]
    assert stored.form_data["organisation"] == answers["organisation"]


def test_pages_are_served_from_a_read_only_database_before_any_setting_was_saved(
    client, enquiry_page
):
    with read_only_database():
        page = client.get(enquiry_page.url)
        home = client.get("/")

    assert page.status_code == 200 and home.status_code == 200
    assert 'name="message"' in page.content.decode()
    assert not SiteSettings.objects.exists() and not MainMenu.objects.exists()
    # Saved with their defaults once the database takes writes again, as Wagtail does.
    assert client.get("/").status_code == 200
    assert SiteSettings.objects.count() == 1 and MainMenu.objects.count() == 1
