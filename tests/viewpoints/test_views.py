"""Viewpoints: an article's page and the index that pages them, newest first."""

import datetime

import pytest
from django.utils.html import escape

from core.factories import ImageFactory, paragraph_block
from people.factories import PersonFactory
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def shows(response, text):
    return escape(text).encode() in response.content


def test_viewpoint_page_shows_author_date_body_and_tags(client, viewpoint_index, focus_areas):
    page = ViewpointPageFactory(
        parent=viewpoint_index,
        title="Is systems leadership contested?",
        author=PersonFactory(honorific="Dr", name="Ann Lee"),
        date=datetime.date(2019, 5, 14),
        summary="Clarity is needed about what systems leadership means.",
        body=[paragraph_block("<p>The Long-Term Plan is built on systems leadership.</p>")],
        focus_areas=[focus_areas[2]],
        tags=["ICSs", "NHS Long-Term Plan"],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "viewpoints/viewpoint_page.html"
    for text in [
        "Is systems leadership contested?",
        "Dr Ann Lee",
        "14 May 2019",
        "Clarity is needed about what systems leadership means.",
        "The Long-Term Plan is built on systems leadership.",
        "Research",
        "ICSs",
        "NHS Long-Term Plan",
    ]:
        assert shows(response, text), text


def test_a_viewpoint_without_an_author_is_the_centres(client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None)

    response = client.get(page.url)

    assert shows(response, "Centre for Health and Social Care Leadership")


def test_index_lists_newest_first(client, viewpoint_index):
    ViewpointPageFactory(parent=viewpoint_index, title="Older view", date=datetime.date(2018, 1, 1))
    ViewpointPageFactory(parent=viewpoint_index, title="Newer view", date=datetime.date(2020, 1, 1))

    response = client.get(viewpoint_index.url)

    assert response.status_code == 200
    content = response.content
    assert content.index(b"Newer view") < content.index(b"Older view")
    assert shows(response, "Discussion relating to system leadership")


def test_an_empty_index_says_so(client, viewpoint_index):
    response = client.get(viewpoint_index.url)

    assert response.status_code == 200
    assert b"No viewpoints have been published yet." in response.content


def test_index_pages_ten_at_a_time(client, viewpoint_index):
    for n in range(12):
        ViewpointPageFactory(
            parent=viewpoint_index, title=f"View {n:02d}", date=datetime.date(2020, 1, n + 1)
        )

    first = client.get(viewpoint_index.url)
    second = client.get(f"{viewpoint_index.url}?page=2")

    assert sum(f"View {n:02d}<".encode() in first.content for n in range(12)) == 10
    assert b"View 00<" in second.content and b"View 01<" in second.content
    assert b"View 11<" not in second.content


def make_viewpoints(index, count, focus_areas):
    for _ in range(count):
        ViewpointPageFactory(
            parent=index,
            author=PersonFactory(),
            listing_image=ImageFactory(),
            focus_areas=focus_areas[:1],
            tags=["integration", "leadership"],
        )


# Pinned: a listing that grows a query per item, or a new query per request, fails here first.
# The filters add one counting query per filter and one for the focus areas visitors may see.
INDEX_QUERIES = 14


def test_index_query_count_does_not_grow(viewpoint_index, focus_areas, count_queries):
    make_viewpoints(viewpoint_index, 2, focus_areas)
    few = count_queries(viewpoint_index.url)

    make_viewpoints(viewpoint_index, 6, focus_areas)
    many = count_queries(viewpoint_index.url)

    assert few == many == INDEX_QUERIES
