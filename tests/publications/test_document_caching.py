"""A served document says who may keep it: restricted files never go into a shared cache."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core.factories import DocumentFactory
from publications.factories import PublicationPageFactory
from tests.publications.test_documents import local_noon

pytestmark = pytest.mark.django_db


def cache_rules(response):
    """The Cache-Control directives of a response, as a set of lower-case words."""
    return {part.strip().lower() for part in response.get("Cache-Control", "").split(",")} - {""}


def test_an_open_document_may_be_cached_but_is_checked_on_every_use(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index)

    response = client.get(publication.document.url)

    assert response.status_code == 200
    assert cache_rules(response) == {"public", "no-cache"}


def test_an_editors_download_of_an_embargoed_file_is_private(client, publication_index, editor):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)
    client.force_login(editor)

    response = client.get(publication.document.url)

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_rules(response)
    assert "public" not in cache_rules(response)


def test_an_editors_download_of_an_open_file_is_still_public(client, publication_index, editor):
    # Open files are the same for everyone, whoever asks for them.
    publication = PublicationPageFactory(parent=publication_index)
    client.force_login(editor)

    assert cache_rules(client.get(publication.document.url)) == {"public", "no-cache"}


def test_a_file_of_an_unpublished_page_fetched_by_an_editor_is_private(
    client, publication_index, editor
):
    publication = PublicationPageFactory(parent=publication_index, live=False)
    client.force_login(editor)

    response = client.get(publication.document.url)

    assert response.status_code == 200
    assert "private" in cache_rules(response)


def test_a_file_behind_a_page_restriction_is_private_for_those_let_in(
    client, publication_index, django_user_model
):
    publication = PublicationPageFactory(parent=publication_index)
    PageViewRestriction.objects.create(page=publication, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user(username="member", password="x"))

    response = client.get(publication.document.url)

    assert response.status_code == 200
    assert "private" in cache_rules(response)


def test_a_file_in_a_private_collection_is_private_for_those_let_in(client, home, editor):
    private = Collection.get_first_root_node().add_child(name="Staff only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    document = DocumentFactory(collection=private)

    assert client.get(document.url).status_code != 200
    client.force_login(editor)
    response = client.get(document.url)

    assert response.status_code == 200
    assert "private" in cache_rules(response)


def test_a_revalidated_copy_keeps_its_private_rule(client, publication_index, editor):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)
    document = publication.document
    document.file_hash = "0123456789abcdef"
    document.save()
    client.force_login(editor)

    response = client.get(document.url, headers={"If-None-Match": '"0123456789abcdef"'})

    assert response.status_code == 304
    assert "private" in cache_rules(response)


def test_once_the_embargo_ends_the_file_is_public_with_no_one_acting(client, publication_index):
    end = datetime.date(2032, 5, 1)
    publication = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=end)

    with time_machine.travel(local_noon(end - datetime.timedelta(days=1)), tick=False):
        assert client.get(publication.document.url).status_code == 404
    with time_machine.travel(local_noon(end), tick=False):
        response = client.get(publication.document.url)
        assert response.status_code == 200
        assert cache_rules(response) == {"public", "no-cache"}


def test_the_uploaded_file_is_not_served_from_the_media_folder(client, publication_index):
    # Only /documents/ applies the embargo: the application never serves the raw upload.
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)

    response = client.get(publication.document.file.url)

    assert response.status_code == 404


# ---------------------------------------------------------------------------
# Byte ranges: a video's player and transcript links jump to a moment by asking for part of it.

VIDEO_BYTES = bytes(range(256)) * 4


@pytest.fixture
def video(interview_index):
    from interviews.factories import InterviewPageFactory

    document = DocumentFactory(file__filename="talk.mp4", file__data=VIDEO_BYTES)
    InterviewPageFactory(parent=interview_index, video_url="", video_file=document)
    return document


def ranged(client, document, value, **headers):
    return client.get(document.url, headers={"Range": value, **headers})


def body(response):
    return b"".join(response.streaming_content)


def test_the_whole_file_says_ranges_are_accepted(client, video):
    response = client.get(video.url)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == VIDEO_BYTES


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("bytes=0-9", 0, 9),
        ("bytes=1000-", 1000, 1023),
        ("bytes=-24", 1000, 1023),
        ("bytes=1020-5000", 1020, 1023),
        ("bytes=-5000", 0, 1023),
    ],
)
def test_a_range_answers_with_that_part(client, video, value, first, last):
    response = ranged(client, video, value)

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(VIDEO_BYTES)}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "video/mp4"
    assert body(response) == VIDEO_BYTES[first : last + 1]
    assert cache_rules(response) == {"public", "no-cache"}


@pytest.mark.parametrize("value", ["bytes=2000-", "bytes=-0", "bytes=10-5"])
def test_a_range_outside_the_file_is_refused_with_its_size(client, video, value):
    response = ranged(client, video, value)

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(VIDEO_BYTES)}"


@pytest.mark.parametrize("value", ["bytes=0-1,5-9", "pages=1-2", "bytes=a-b", "bytes=-"])
def test_ranges_it_does_not_serve_get_the_whole_file(client, video, value):
    response = ranged(client, video, value)

    assert response.status_code == 200
    assert body(response) == VIDEO_BYTES


def test_a_stale_if_range_gets_the_whole_file(client, video):
    response = ranged(client, video, "bytes=0-9", **{"If-Range": '"an-old-version"'})

    assert response.status_code == 200
    assert body(response) == VIDEO_BYTES


def test_a_range_of_an_embargoed_file_is_still_refused(client, publication_index):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)

    assert ranged(client, publication.document, "bytes=0-9").status_code == 404


def test_an_editors_range_of_an_embargoed_file_is_private(client, publication_index, editor):
    publication = PublicationPageFactory(parent=publication_index, embargoed=True)
    client.force_login(editor)

    response = ranged(client, publication.document, "bytes=0-7")

    assert response.status_code == 206
    assert body(response) == b"%PDF-1.4"
    assert {"private", "no-store"} <= cache_rules(response)


HUGE = "9" * 5000


@pytest.mark.parametrize(
    ("value", "status", "first", "last"),
    [
        (f"bytes={HUGE}-", 416, None, None),
        (f"bytes={HUGE}-{HUGE}", 416, None, None),
        (f"bytes=0-{HUGE}", 206, 0, 1023),
        (f"bytes=-{HUGE}", 206, 0, 1023),
        (f"bytes=10-{HUGE}", 206, 10, 1023),
    ],
)
def test_a_range_with_a_5000_digit_number_is_answered(client, video, value, status, first, last):
    response = ranged(client, video, value)

    assert response.status_code == status
    if status == 416:
        assert response["Content-Range"] == f"bytes */{len(VIDEO_BYTES)}"
    else:
        assert response["Content-Range"] == f"bytes {first}-{last}/{len(VIDEO_BYTES)}"
        assert body(response) == VIDEO_BYTES[first : last + 1]


@pytest.mark.parametrize("value", [f"bytes={HUGE}-", f"bytes=0-{HUGE}", f"bytes=-{HUGE}"])
def test_a_static_file_with_a_5000_digit_range_is_answered(client, value):
    whole = client.get("/static/css/site.css")
    assert whole.status_code == 200

    response = client.get("/static/css/site.css", headers={"Range": value})

    # WhiteNoise ignores a range it cannot read: the whole file, a correct answer to any range.
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"".join(whole.streaming_content)
