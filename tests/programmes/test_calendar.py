"""The closing date for applications as a calendar file that calendar programs import."""

import datetime
import re

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from programmes.applications import ApplicationMode
from programmes.calendar import escape, fold
from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db

CLOSES = datetime.date(2027, 3, 12)


@pytest.fixture
def programme(programme_index):
    return ProgrammePageFactory(
        parent=programme_index,
        title="Leading Differently, in Cornwall; second cohort",
        slug="leading-differently",
        application_mode=ApplicationMode.DATES,
        applications_close=CLOSES,
    )


def unfold(body):
    return body.replace("\r\n ", "")


def properties(body):
    """{name with parameters: value} of the event's lines."""
    event = unfold(body).split("BEGIN:VEVENT\r\n")[1].split("END:VEVENT")[0]
    return dict(line.split(":", 1) for line in event.split("\r\n") if line)


def test_the_calendar_file_holds_one_all_day_event_on_the_closing_day(client, programme):
    response = client.get(f"{programme.url}apply-by.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "leading-differently-apply-by.ics" in response["Content-Disposition"]
    assert f"max-age={settings.PAGE_CACHE_SECONDS}" in response["Cache-Control"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert body.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    # Every line ends CRLF: no bare LF anywhere, and none longer than 75 octets.
    assert "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    event = properties(body)
    assert event["DTSTART;VALUE=DATE"] == "20270312"
    assert event["DTEND;VALUE=DATE"] == "20270313"
    assert event["SUMMARY"] == (
        "Applications close: Leading Differently\\, in Cornwall\\; second cohort"
    )
    assert event["URL;VALUE=URI"] == programme.get_full_url()
    assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"])
    assert event["UID"] == f"programme-{programme.pk}-applications-close@localhost"


def test_the_file_is_the_same_on_every_request_and_its_uid_survives_a_new_date(client, programme):
    first = client.get(f"{programme.url}apply-by.ics").content
    assert client.get(f"{programme.url}apply-by.ics").content == first

    programme.applications_close = CLOSES + datetime.timedelta(days=7)
    programme.save_revision().publish()
    moved = client.get(f"{programme.url}apply-by.ics").content.decode()

    assert properties(moved)["UID"] == properties(first.decode())["UID"]
    assert properties(moved)["DTSTART;VALUE=DATE"] == "20270319"


def test_no_closing_date_no_calendar_file(client, programme_index):
    opening = ProgrammePageFactory(
        parent=programme_index,
        application_mode=ApplicationMode.DATES,
        applications_open=CLOSES,
    )
    quiet = ProgrammePageFactory(parent=programme_index)

    for page in (opening, quiet):
        assert client.get(f"{page.url}apply-by.ics").status_code == 404
        assert b"apply-by.ics" not in client.get(page.url).content


@pytest.mark.parametrize(
    "path",
    [
        "/programmes/no-such-programme/apply-by.ics",
        "/programmes/apply-by.ics",
        "/apply-by.ics",
        "/programmes/%3Cscript%3E/apply-by.ics",
    ],
)
def test_unknown_addresses_answer_not_found(client, programme, path):
    assert client.get(path).status_code == 404


def test_a_draft_or_private_programme_has_no_calendar_file(client, programme_index):
    dated = {"application_mode": ApplicationMode.DATES, "applications_close": CLOSES}
    draft = ProgrammePageFactory(parent=programme_index, slug="draft", live=False, **dated)
    private = ProgrammePageFactory(parent=programme_index, slug="private", **dated)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    for page in (draft, private):
        assert client.get(f"/programmes/{page.slug}/apply-by.ics").status_code == 404


def test_only_get_is_answered(client, programme):
    assert client.post(f"{programme.url}apply-by.ics").status_code == 405


def test_publishing_purges_the_calendar_file_too(programme):
    from core.cache import urls_for

    assert f"{programme.get_full_url()}apply-by.ics" in urls_for(programme)


def test_text_is_escaped_and_long_lines_folded_by_octets():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "é" * 60
    folded = fold(line)
    assert all(len(piece.encode()) <= 75 for piece in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
