"""Focus areas: the index, and each area's page with everything tagged with it."""

import pytest
from django.utils.html import escape

from core.factories import ImageFactory, paragraph_block
from focus_areas.factories import FocusAreaPageFactory
from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory, PersonFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory, authors
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def shows(response, text):
    return escape(text).encode() in response.content


def test_index_lists_the_areas_in_the_editors_order(client, focus_area_index, focus_areas):
    response = client.get(focus_area_index.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "focus_areas/focus_area_index_page.html"
    links = [f'class="card__link" href="{area.url}"'.encode() for area in focus_areas]
    positions = [response.content.index(link) for link in links]
    assert positions == sorted(positions)


def test_area_page_shows_its_description(client, focus_area_index):
    page = FocusAreaPageFactory(
        parent=focus_area_index,
        title="Evaluation",
        body=[
            paragraph_block("<p>Exploring how Systems Leadership approaches are being adopted.</p>")
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "focus_areas/focus_area_page.html"
    assert shows(response, "Exploring how Systems Leadership approaches are being adopted.")


def test_area_page_lists_what_is_tagged_with_it_and_nothing_else(
    client, focus_areas, programme_index, interview_index, viewpoint_index, publication_index
):
    evaluation, development, _research = focus_areas
    ProgrammePageFactory(parent=programme_index, title="Tagged programme", focus_areas=[evaluation])
    ProgrammePageFactory(parent=programme_index, title="Other programme", focus_areas=[development])
    ProgrammePageFactory(
        parent=programme_index, title="Draft programme", focus_areas=[evaluation], live=False
    )
    InterviewPageFactory(parent=interview_index, title="Tagged interview", focus_areas=[evaluation])
    ViewpointPageFactory(parent=viewpoint_index, title="Tagged viewpoint", focus_areas=[evaluation])
    PublicationPageFactory(
        parent=publication_index, title="Tagged publication", focus_areas=[evaluation]
    )

    response = client.get(evaluation.url)

    assert response.status_code == 200
    for heading in ["Programmes", "Learning from leaders", "Viewpoints", "Publications"]:
        assert f">{heading}</h2>".encode() in response.content, heading
    for title in ["Tagged programme", "Tagged interview", "Tagged viewpoint", "Tagged publication"]:
        assert shows(response, title), title
    assert not shows(response, "Other programme")
    assert not shows(response, "Draft programme")


def test_an_area_with_nothing_tagged_says_so(client, focus_areas):
    response = client.get(focus_areas[2].url)

    assert b"Nothing is tagged with this focus area yet." in response.content


def tag_items(area, count, indexes):
    programme_index, interview_index, viewpoint_index, publication_index = indexes
    for _ in range(count):
        ProgrammePageFactory(
            parent=programme_index,
            listing_image=ImageFactory(),
            partners=PartnerFactory.create_batch(2),
            focus_areas=[area],
        )
        InterviewPageFactory(
            parent=interview_index, leader=PersonFactory(with_photo=True), focus_areas=[area]
        )
        ViewpointPageFactory(
            parent=viewpoint_index,
            listing_image=ImageFactory(),
            tags=["integration"],
            focus_areas=[area],
        )
        PublicationPageFactory(
            parent=publication_index,
            listing_image=ImageFactory(),
            authors=authors(PersonFactory(), PersonFactory()),
            focus_areas=[area],
        )


# Pinned: a page that grows a query per item, or a new query per request, fails here first.
AREA_QUERIES = 14
INDEX_QUERIES = 13


def test_area_page_query_count_does_not_grow(
    focus_areas,
    programme_index,
    interview_index,
    viewpoint_index,
    publication_index,
    count_queries,
):
    indexes = (programme_index, interview_index, viewpoint_index, publication_index)
    area = focus_areas[0]
    tag_items(area, 2, indexes)
    few = count_queries(area.url)

    tag_items(area, 5, indexes)  # more than a section shows: one query finds their listings
    more = count_queries(area.url)
    tag_items(area, 6, indexes)
    many = count_queries(area.url)

    assert (few, more, many) == (AREA_QUERIES, AREA_QUERIES + 1, AREA_QUERIES + 1)


def test_each_section_shows_the_newest_and_links_to_the_rest_in_its_listing(
    client, focus_areas, programme_index, interview_index, viewpoint_index, publication_index
):
    from focus_areas.models import FocusAreaPage

    evaluation, development, _research = focus_areas
    limit = FocusAreaPage.section_limit
    for n in range(limit + 2):
        InterviewPageFactory(
            parent=interview_index, title=f"Interview {n}", focus_areas=[evaluation]
        )
    InterviewPageFactory(parent=interview_index, title="Elsewhere", focus_areas=[development])
    ViewpointPageFactory(parent=viewpoint_index, title="Only viewpoint", focus_areas=[evaluation])

    response = client.get(evaluation.url)

    content = response.content.decode()
    shown = [n for n in range(limit + 2) if f">Interview {n}</a>" in content]
    assert shown == list(range(2, limit + 2))  # the newest
    link = f'href="{interview_index.url}?focus_area={evaluation.slug}">All {limit + 2} interviews'
    assert link in content
    assert "Only viewpoint" in content and "All 1 viewpoints" not in content

    listing = client.get(f"{interview_index.url}?focus_area={evaluation.slug}").content.decode()
    assert all(f">Interview {n}</a>" in listing for n in range(limit + 2))
    assert "Elsewhere" not in listing


def test_index_query_count_does_not_grow(focus_area_index, count_queries):
    for title in ("Evaluation", "Development"):
        FocusAreaPageFactory(parent=focus_area_index, title=title, listing_image=ImageFactory())
    few = count_queries(focus_area_index.url)

    for n in range(6):
        FocusAreaPageFactory(
            parent=focus_area_index, title=f"Area {n}", listing_image=ImageFactory()
        )
    many = count_queries(focus_area_index.url)

    assert few == many == INDEX_QUERIES


def test_a_new_area_previews_before_it_is_saved(client, admin_user, focus_area_index):
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    client.force_login(admin_user)
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("focus_areas", "focusareapage", focus_area_index.pk),
    )
    data = nested_form_data(
        {"title": "Practice", "slug": "practice", "summary": "", "body": streamfield([])}
    )
    data["comments-TOTAL_FORMS"] = data["comments-INITIAL_FORMS"] = "0"
    posted = client.post(url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content

    response = client.get(url)

    assert response.status_code == 200
    assert b"Nothing is tagged with this focus area yet." in response.content
