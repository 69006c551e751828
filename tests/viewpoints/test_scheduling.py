"""Scheduled publishing and expiry: `manage.py publish_scheduled`, run every minute, does both.

Wagtail keeps a page scheduled for later off the site until the command finds its time has come;
a page past its expiry stays up until the command's next run takes it down.
"""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils.html import escape

from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db

GO_LIVE = datetime.datetime(2031, 1, 10, 9, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


def run_schedule():
    call_command("publish_scheduled", stdout=StringIO())


def seen(client, page):
    """(status of its own address, listed on the index, found by search) for a visitor."""
    title = escape(page.title)
    status = client.get(f"/viewpoints/{page.slug}/").status_code
    listed = title in client.get("/viewpoints/").content.decode()
    found = title in client.get("/search/", {"q": "Quetzalcoatl"}).content.decode()
    return status, listed, found


def draft(viewpoint_index, title):
    return ViewpointPageFactory(
        parent=viewpoint_index,
        title=title,
        summary="Quetzalcoatl and the shape of integrated care.",
        live=False,
        first_published_at=None,
        last_published_at=None,
    )


def test_a_scheduled_page_appears_when_the_command_runs_after_its_time(client, viewpoint_index):
    with time_machine.travel(GO_LIVE - DAY, tick=False):
        page = draft(viewpoint_index, "Leading across Quetzalcoatl")
        page.go_live_at = GO_LIVE
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
        assert seen(client, page) == (404, False, False)

    with time_machine.travel(GO_LIVE - MINUTE, tick=False):
        run_schedule()
        assert seen(client, page) == (404, False, False)

    with time_machine.travel(GO_LIVE + MINUTE, tick=False):
        run_schedule()
        page.refresh_from_db()
        assert page.live
        assert page.first_published_at >= GO_LIVE
        assert seen(client, page) == (200, True, True)


def test_an_expired_page_disappears_when_the_command_runs_after_its_time(client, viewpoint_index):
    expire = GO_LIVE + 30 * DAY
    with time_machine.travel(GO_LIVE, tick=False):
        page = draft(viewpoint_index, "Quetzalcoatl for a season")
        page.expire_at = expire
        page.save_revision().publish()
        assert seen(client, page) == (200, True, True)

    with time_machine.travel(expire + MINUTE, tick=False):
        run_schedule()
        page.refresh_from_db()
        assert (page.live, page.expired) == (False, True)
        assert seen(client, page) == (404, False, False)


def test_other_pages_are_left_as_they_are(client, viewpoint_index):
    with time_machine.travel(GO_LIVE, tick=False):
        keep = ViewpointPageFactory(parent=viewpoint_index, title="Quetzalcoatl stays")
        hidden = draft(viewpoint_index, "Quetzalcoatl draft")

    with time_machine.travel(GO_LIVE + 365 * DAY, tick=False):
        run_schedule()

    keep.refresh_from_db()
    hidden.refresh_from_db()
    assert (keep.live, hidden.live) == (True, False)
