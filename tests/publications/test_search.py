"""Search finds an embargoed publication's page, never a way to its file."""

import re

import pytest
from django.core.management import call_command

from core.factories import StandardPageFactory
from publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

DOCUMENT_LINK = re.compile(r'href="[^"]*/documents/\d+/')


@pytest.fixture
def embargoed(publication_index):
    publication = PublicationPageFactory(
        parent=publication_index,
        title="Zanzibar integrated care evaluation",
        summary="How Zanzibar leaders worked across the system.",
        embargoed=True,
    )
    publication.document.title = "Zanzibar integrated care evaluation (full report)"
    publication.document.save()
    # Another page offers the same file as a download block.
    StandardPageFactory(
        title="Zanzibar reading list",
        body=[{"type": "document", "value": {"document": publication.document.pk}}],
    )
    call_command("update_index", verbosity=0)
    return publication


def test_results_name_the_embargo_and_link_no_file(client, embargoed):
    response = client.get("/search/", {"q": "Zanzibar"})

    html = response.content.decode()
    assert response.status_code == 200
    assert embargoed.url in html
    assert "Zanzibar reading list" in html
    assert "This publication is under embargo" in html
    assert not DOCUMENT_LINK.search(html)
    assert embargoed.document.url not in html


def test_suggestions_link_no_file(client, embargoed):
    response = client.get("/search/suggest/", {"q": "Zanzib"})

    body = response.content.decode()
    assert response.status_code == 200
    assert embargoed.url in body
    assert "/documents/" not in body


def test_a_released_publication_is_found_by_its_page_not_its_file(client, publication_index):
    released = PublicationPageFactory(parent=publication_index, title="Quixotic systems report")
    call_command("update_index", verbosity=0)

    html = client.get("/search/", {"q": "Quixotic"}).content.decode()

    assert released.url in html
    assert "under embargo" not in html
    assert not DOCUMENT_LINK.search(html)
