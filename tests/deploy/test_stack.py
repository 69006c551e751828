"""Through the real front door: pages cached, purged at once on publish, never per visitor."""

import json
import socket
import time

import pytest
from django.core.files.base import ContentFile

from tests.deploy.conftest import fetch

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def visible_within(url, expected, seconds):
    """Seconds until `expected` is in the body at `url`, or None if it is not within `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        status, _headers, body = fetch(url)
        if expected(status, body):
            return time.monotonic() - start
        time.sleep(0.02)
    return None


@pytest.fixture
def viewpoint(home):
    from viewpoints.factories import ViewpointIndexPageFactory, ViewpointPageFactory

    index = ViewpointIndexPageFactory(parent=home)
    return ViewpointPageFactory(parent=index, title="Trust across boundaries", slug="trust")


def test_a_public_page_is_kept_and_a_publish_shows_within_a_second(through_cache, viewpoint):
    url = through_cache.url("/viewpoints/trust/")
    fetch(url)
    status, headers, body = fetch(url)
    assert status == 200 and headers["X-Cache"] == "HIT"
    assert "Set-Cookie" not in headers

    viewpoint.title = "Trust across every boundary"
    viewpoint.save_revision().publish()

    seconds = visible_within(url, lambda s, b: b"Trust across every boundary" in b, 1.0)
    assert seconds is not None, "the published title was not visible through the cache in 1 s"
    listing = fetch(through_cache.url("/viewpoints/"))[2]
    assert b"Trust across every boundary" in listing


def test_an_unpublished_page_is_gone_within_a_second(through_cache, viewpoint):
    url = through_cache.url("/viewpoints/trust/")
    fetch(url)
    assert fetch(url)[1]["X-Cache"] == "HIT"

    viewpoint.unpublish()

    assert visible_within(url, lambda s, b: s == 404, 1.0) is not None


def test_tracking_cookies_share_the_copy_and_signed_in_editors_bypass_it(stack, viewpoint):
    url = stack.url("/viewpoints/trust/")
    fetch(url)
    assert fetch(url, {"Cookie": "_ga=GA1.2.3; csrftoken=abc"})[1]["X-Cache"] == "HIT"
    for _ in range(2):
        assert fetch(url, {"Cookie": "sessionid=abc"})[1]["X-Cache"] == "MISS"


def test_a_page_for_one_visitor_is_never_kept(stack, home):
    from contact.factories import ContactPageFactory

    ContactPageFactory(parent=home, slug="contact")
    url = stack.url("/contact/")
    fetch(url)
    status, headers, _body = fetch(url)
    assert status == 200
    assert headers["X-Cache"] == "MISS"


def test_a_purge_from_elsewhere_is_refused(stack):
    # Only the cache's own address takes PURGE, never the front door.
    assert fetch(stack.url("/"), method="PURGE")[0] == 405
    # And that address serves nothing else.
    assert fetch(f"http://127.0.0.1:{stack.cache_port}/")[0] == 404


def test_a_document_is_allowed_by_the_app_and_sent_by_nginx(stack, home):
    from core.factories import DocumentFactory
    from publications.factories import PublicationIndexPageFactory, PublicationPageFactory

    content = b"%PDF-1.4\n" + b"x" * 200_000
    document = DocumentFactory(file=ContentFile(content, name="report.pdf"))
    PublicationPageFactory(parent=PublicationIndexPageFactory(parent=home), document=document)
    path = document.url

    status, headers, body = fetch(f"http://127.0.0.1:{stack.app_port}{path}")
    assert status == 200 and body == b"", body[:300]
    assert headers["X-Accel-Redirect"].startswith("/_protected/documents/")

    status, headers, body = fetch(stack.url(path))
    assert status == 200 and body == content
    assert "X-Accel-Redirect" not in headers
    status, headers, body = fetch(stack.url(path), {"Range": "bytes=9-18"})
    assert status == 206 and body == b"x" * 10

    assert fetch(stack.url("/_protected/" + document.file.name))[0] == 404
    assert fetch(stack.url("/media/" + document.file.name))[0] == 404


def test_slow_clients_do_not_hold_up_others(stack, home):
    trickling = []
    for _ in range(3):
        sock = socket.create_connection(("127.0.0.1", stack.port))
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        trickling.append(sock)
    try:
        start = time.monotonic()
        for _ in range(10):
            assert fetch(stack.url("/"))[0] == 200
        assert time.monotonic() - start < 5
    finally:
        for sock in trickling:
            sock.close()


def test_unreleased_documents_are_refused_through_the_front_door(stack, home, settings):
    from wagtail.models import PageViewRestriction

    from core.factories import DocumentFactory
    from publications.factories import PublicationIndexPageFactory, PublicationPageFactory

    # As in production with the worker behind: the reference index is queued, never written.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    index = PublicationIndexPageFactory(parent=home)
    unused = DocumentFactory(file=ContentFile(b"%PDF-1.4\nunused", name="unused.pdf"))
    in_body = DocumentFactory(file=ContentFile(b"%PDF-1.4\nbody", name="body.pdf"))
    PublicationPageFactory(
        parent=index,
        embargoed=True,
        body=[{"type": "document", "value": {"document": in_body.pk}}],
    )
    protected = PublicationPageFactory(parent=index, live=False)
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    protected.save_revision().publish()
    shown = PublicationPageFactory(parent=index)

    for document in (unused, in_body, protected.document):
        status, headers, _body = fetch(f"http://127.0.0.1:{stack.app_port}{document.url}")
        assert status == 404 and "X-Accel-Redirect" not in headers, document.file.name
        assert fetch(stack.url(document.url))[0] == 404, document.file.name
    listing = json.loads(fetch(stack.url("/api/v2/documents/?limit=20"))[2])
    assert {item["id"] for item in listing["items"]} == {shown.document.pk}

    # Served through the cache, then withdrawn by a restriction added with no publish at all.
    url = stack.url(shown.document.url)
    assert fetch(url)[0] == 200 and fetch(url)[0] == 200
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert visible_within(url, lambda s, b: s == 404, 1.0) is not None
