"""A copy kept past its lifetime is never shown: the first request after it gets the page as it
is now. An embargo lifting at midnight relies on it (core/cache.py keep_until_change)."""

import time

import pytest
from wagtail.models import Page

from tests.deploy.conftest import fetch, loopback_stack, start, stop

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECONDS = 2


@pytest.fixture(scope="module")
def short_lived(django_db_setup, django_db_blocker, tmp_path_factory):
    """The stack with pages (and the fragments behind them) kept for two seconds."""
    stack = loopback_stack(
        tmp_path_factory.mktemp("short-lived"),
        {"WEB_CONCURRENCY": "1", "PAGE_CACHE_SECONDS": str(SECONDS)},
    )
    start(stack)
    yield stack
    stop(stack)


def test_the_first_request_after_a_copy_expires_gets_the_page_as_it_is_now(short_lived, home):
    from viewpoints.factories import ViewpointIndexPageFactory, ViewpointPageFactory

    index = ViewpointIndexPageFactory(parent=home)
    page = ViewpointPageFactory(parent=index, title="Before midnight", slug="dated")
    url = short_lived.url(page.url)
    assert b"Before midnight" in fetch(url)[2]
    status, headers, body = fetch(url)
    assert headers["X-Cache"] == "HIT" and b"Before midnight" in body

    # Changed with no publish, so nothing is purged: as a date passing changes a page.
    Page.objects.filter(pk=page.pk).update(title="After midnight")
    time.sleep(SECONDS + 0.5)

    status, headers, body = fetch(url)
    assert status == 200 and headers["X-Cache"] == "MISS"
    assert b"After midnight" in body and b"Before midnight" not in body
