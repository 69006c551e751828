"""The documents API lists only files a visitor may download, and their links work."""

import datetime
from urllib.parse import urlparse

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core.factories import DocumentFactory, StandardPageFactory
from interviews.factories import InterviewPageFactory
from publications.factories import PublicationPageFactory
from tests.publications.test_documents import local_noon

pytestmark = pytest.mark.django_db

DOCUMENTS = "/api/v2/documents/"


def detail(document):
    return f"{DOCUMENTS}{document.pk}/"


@pytest.fixture
def documents(home, publication_index, interview_index):
    """One document in each situation, by name."""
    private = Collection.get_first_root_node().add_child(name="Staff only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    restricted_page = StandardPageFactory(parent=home)
    PageViewRestriction.objects.create(
        page=restricted_page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    found = {
        "released": PublicationPageFactory(parent=publication_index).document,
        "lifted": PublicationPageFactory(
            parent=publication_index, embargoed=True, embargo_end=datetime.date(2020, 1, 1)
        ).document,
        "embargoed": PublicationPageFactory(parent=publication_index, embargoed=True).document,
        "dated embargo": PublicationPageFactory(
            parent=publication_index, embargoed=True, embargo_end=datetime.date(2099, 1, 1)
        ).document,
        "unpublished": PublicationPageFactory(parent=publication_index, live=False).document,
        "private collection": DocumentFactory(collection=private),
        "unused": DocumentFactory(),
        "video of a live interview": DocumentFactory(file__filename="talk.mp4"),
        "in a draft's body": DocumentFactory(),
        "in a live body": DocumentFactory(),
        "on a restricted page": DocumentFactory(),
    }
    InterviewPageFactory(parent=interview_index, video_file=found["video of a live interview"])
    for name, live in (("in a draft's body", False), ("in a live body", True)):
        StandardPageFactory(
            parent=home,
            live=live,
            body=[{"type": "document", "value": {"document": found[name].pk}}],
        )
    StandardPageFactory(
        parent=restricted_page,
        body=[{"type": "document", "value": {"document": found["on a restricted page"].pk}}],
    )
    return found


VISIBLE = {"released", "lifted", "video of a live interview", "in a live body"}


def names(documents, ids):
    return {name for name, document in documents.items() if document.pk in ids}


def test_lists_only_what_a_visitor_may_download(listed, documents):
    assert names(documents, listed(DOCUMENTS)) == VISIBLE


def test_the_listing_is_the_same_for_an_editor(client, listed, documents, editor):
    # The API answers as a visitor, whoever asks; editors use the admin.
    client.force_login(editor)

    assert names(documents, listed(DOCUMENTS)) == VISIBLE


def test_hidden_documents_have_no_detail_and_cannot_be_found(client, api, documents):
    for name, document in documents.items():
        status, _ = api(detail(document))
        assert status == (200 if name in VISIBLE else 404), name
        found = client.get(DOCUMENTS + "find/", {"id": document.pk})
        assert found.status_code == (302 if name in VISIBLE else 404), name


def test_every_download_url_listed_works(client, api, documents):
    _, data = api(DOCUMENTS, limit=20)

    for item in data["items"]:
        response = client.get(urlparse(item["meta"]["download_url"]).path)
        assert response.status_code == 200, item


def test_the_download_url_of_a_hidden_document_answers_404(client, documents):
    for name in ("embargoed", "dated embargo", "unpublished", "in a draft's body"):
        assert client.get(documents[name].url).status_code == 404, name


def test_search_finds_no_hidden_document(listed, documents):
    for name, document in documents.items():
        document.title = f"Yellowhammer {name}"
        document.save()
    call_command("update_index", verbosity=0)

    assert names(documents, listed(DOCUMENTS, search="Yellowhammer")) == VISIBLE


def test_a_dated_embargo_lifts_in_the_api_with_no_one_acting(listed, publication_index):
    end = datetime.date(2033, 9, 1)
    document = PublicationPageFactory(
        parent=publication_index, embargoed=True, embargo_end=end
    ).document

    with time_machine.travel(local_noon(end - datetime.timedelta(days=1)), tick=False):
        assert document.pk not in listed(DOCUMENTS)
    with time_machine.travel(local_noon(end), tick=False):
        assert document.pk in listed(DOCUMENTS)


def test_publishing_the_page_brings_its_document_in(listed, publication_index):
    publication = PublicationPageFactory(parent=publication_index, live=False)
    assert publication.document.pk not in listed(DOCUMENTS)

    publication.save_revision().publish()

    assert publication.document.pk in listed(DOCUMENTS)


@pytest.mark.parametrize(
    "params", [{"limit": "x"}, {"order": "nope"}, {"fields": "nope"}, {"type": "x"}]
)
def test_bad_parameters_are_refused_with_a_message(api, home, params):
    status, data = api(DOCUMENTS, **params)

    assert status == 400
    assert data["message"]
