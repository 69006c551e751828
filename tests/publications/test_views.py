"""Publications: a publication's page (download or embargo notice) and the index."""

import datetime

import pytest
from django.utils.html import escape, strip_tags

from core.factories import ImageFactory
from people.factories import PersonFactory
from publications.factories import PublicationPageFactory, authors
from publications.models import PublicationKind

pytestmark = pytest.mark.django_db


def shows(response, text):
    return escape(text).encode() in response.content


def test_publication_page_shows_authors_year_kind_and_download(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        title="Evaluation of the Bristol Mental Health Systems Leadership model",
        kind=PublicationKind.EVALUATION,
        year=2017,
        authors=authors(newbigging := PersonFactory(honorific="", name="K. Newbigging"),
                        weir := PersonFactory(honorific="", name="B. Weir")),
    )  # fmt: skip

    response = client.get(page.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "publications/publication_page.html"
    for text in [
        "Evaluation of the Bristol Mental Health Systems Leadership model",
        "Evaluation, 2017",
    ]:
        assert shows(response, text), text
    # The authors in order, each linking to their own page.
    assert "By K. Newbigging, B. Weir" in " ".join(strip_tags(response.content.decode()).split())
    for person in (newbigging, weir):
        assert f'href="{person.get_absolute_url()}"'.encode() in response.content
    assert f'href="{page.document.url}"'.encode() in response.content


def test_an_embargoed_publication_says_so_and_offers_no_file(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index,
        title="Report on the development of systems leadership for the NHS LA",
        embargoed=True,
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert shows(response, "Report on the development of systems leadership for the NHS LA")
    assert b"Embargoed" in response.content
    assert page.document.url.encode() not in response.content


def test_a_dated_embargo_gives_its_end(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index, embargoed=True, embargo_end=datetime.date(2099, 3, 1)
    )

    response = client.get(page.url)

    assert b"Embargoed until" in response.content
    assert b"1 March 2099" in response.content
    assert page.document.url.encode() not in response.content


def test_a_lifted_embargo_gives_the_release_day_and_the_file(client, publication_index):
    page = PublicationPageFactory(
        parent=publication_index, embargoed=True, embargo_end=datetime.date(2020, 3, 1)
    )

    response = client.get(page.url)

    assert b"Released on" in response.content
    assert b"1 March 2020" in response.content
    assert page.document.url.encode() in response.content


def test_a_publication_without_a_file_says_so(client, publication_index):
    page = PublicationPageFactory(parent=publication_index, document=None)

    response = client.get(page.url)

    assert b"No download is available yet." in response.content


def test_index_lists_publications_and_marks_embargoes(client, publication_index):
    PublicationPageFactory(parent=publication_index, title="Open report", year=2017)
    PublicationPageFactory(parent=publication_index, title="Closed report", embargoed=True)

    response = client.get(publication_index.url)

    assert response.status_code == 200
    assert shows(response, "Open report")
    assert shows(response, "Closed report")
    assert response.content.count(b"Embargoed</span>") == 1


def make_publications(index, count, focus_areas):
    for n in range(count):
        PublicationPageFactory(
            parent=index,
            listing_image=ImageFactory(),
            authors=authors(PersonFactory(), PersonFactory()),
            embargoed=bool(n % 2),
            focus_areas=focus_areas[:1],
        )


# Pinned: a listing that grows a query per item, or a new query per request, fails here first.
# The filters add one counting query per filter and one for the focus areas visitors may see.
INDEX_QUERIES = 15


def test_index_query_count_does_not_grow(publication_index, focus_areas, count_queries):
    make_publications(publication_index, 2, focus_areas)
    few = count_queries(publication_index.url)

    make_publications(publication_index, 6, focus_areas)
    many = count_queries(publication_index.url)

    assert few == many == INDEX_QUERIES
