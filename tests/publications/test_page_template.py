"""A publication page: its download, or why there is none."""

import datetime

import pytest

from people.factories import PersonFactory
from publications.factories import PublicationPageFactory, authors
from publications.models import PublicationKind
from tests.core.html import parse

pytestmark = pytest.mark.django_db


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return parse(response)


def document_links(html, page):
    return [a for a in html.find_all("a") if page.document and a.get("href") == page.document.url]


def test_available_publication_links_its_document_with_type_and_size(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        kind=PublicationKind.EVALUATION,
        year=2017,
        authors=authors(
            PersonFactory(honorific="", name="K. Newbigging"),
            PersonFactory(honorific="", name="B. Weir"),
        ),
    )
    html = render(client, page)
    assert len(document_links(html, page)) == 1
    assert "(PDF, " in html.text and "bytes" in html.text
    assert "Evaluation, 2017" in html.text
    assert "By K. Newbigging, B. Weir" in html.text
    assert "Embargoed" not in html.text


def test_indefinitely_embargoed_publication_has_no_download(client, publication_index):
    page = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=None)
    html = render(client, page)
    assert "Embargoed." in html.text
    assert "Embargoed until" not in html.text
    assert document_links(html, page) == []
    assert not [a for a in html.find_all("a") if a.get("href", "").startswith("/documents/")]


def test_publication_embargoed_until_a_date_says_when(client, publication_index):
    until = datetime.date.today() + datetime.timedelta(days=30)
    page = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=until)
    html = render(client, page)
    assert f"Embargoed until {until:%-d %B %Y}" in html.text
    assert html.find("time", datetime=until.isoformat()) is not None
    assert document_links(html, page) == []


def test_publication_whose_embargo_ended_is_downloadable_and_says_when(client, publication_index):
    ended = datetime.date.today() - datetime.timedelta(days=3)
    page = PublicationPageFactory(parent=publication_index, embargoed=True, embargo_end=ended)
    html = render(client, page)
    assert len(document_links(html, page)) == 1
    assert f"Released on {ended:%-d %B %Y}" in html.text
    assert "Embargoed" not in html.text


def test_publication_without_document_says_so(client, publication_index):
    page = PublicationPageFactory(parent=publication_index, document=None)
    html = render(client, page)
    assert "No download is available yet." in html.text


def test_embargoed_publication_card_is_marked(client, publication_index):
    PublicationPageFactory(parent=publication_index, embargoed=True, kind=PublicationKind.REPORT)
    html = render(client, publication_index)
    card = html.find("article", class_="card")
    assert card is not None
    assert "Report Embargoed" in html.text
