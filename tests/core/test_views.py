"""The home page, standard pages and the contact page, rendered through their real templates."""

import pytest
from django.utils.html import escape

from core.factories import (
    DocumentFactory,
    ImageFactory,
    StandardPageFactory,
    heading_block,
    paragraph_block,
    quote_block,
)
from interviews.factories import InterviewPageFactory
from people.factories import PersonFactory
from publications.factories import PublicationPageFactory, authors
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def shows(response, text):
    return escape(text).encode() in response.content


def featured(heading, pages, more_page=None):
    return {
        "type": "featured_pages",
        "value": {
            "heading": heading,
            "introduction": "",
            "pages": [page.pk for page in pages],
            "more_page": more_page.pk if more_page else None,
            "more_text": "",
        },
    }


def latest(heading, index, count):
    return {
        "type": "latest_pages",
        "value": {
            "heading": heading,
            "introduction": "",
            "index": index.pk,
            "count": count,
            "empty_text": "",
            "more_text": "",
        },
    }


def call_to_action(page):
    return {
        "type": "call_to_action",
        "value": {
            "heading": "Contact us",
            "text": "Talk to the centre about a programme.",
            "page": page.pk,
            "url": "",
            "link_text": "Get in touch",
        },
    }


def test_home_page_shows_the_definition_and_the_editors_sections(
    client, home, interview_index, viewpoint_index, contact_page
):
    interview = InterviewPageFactory(
        parent=interview_index,
        title="Learning from leaders: leadership in primary care",
        leader=PersonFactory(honorific="", name="Sarah-Jane Marsh"),
    )
    ViewpointPageFactory(parent=viewpoint_index, title="A view on integrated care")
    home.sections = [
        featured("Learning from leaders", [interview], more_page=interview_index),
        latest("Systems leadership viewpoints", viewpoint_index, 3),
        call_to_action(contact_page),
    ]
    home.save()

    response = client.get("/")

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "core/home_page.html"
    for text in [
        "the collaborative leadership of many people at different places in a system",
        "Learning from leaders",
        "Learning from leaders: leadership in primary care",
        "Sarah-Jane Marsh",
        "Systems leadership viewpoints",
        "A view on integrated care",
        "Talk to the centre about a programme.",
        "Get in touch",
    ]:
        assert shows(response, text), text
    assert f'href="{contact_page.url}"'.encode() in response.content


def test_an_empty_latest_section_says_so(client, home, viewpoint_index):
    home.sections = [latest("Systems leadership viewpoints", viewpoint_index, 3)]
    home.save()

    response = client.get("/")

    assert b"There is nothing here yet." in response.content


def test_standard_page_shows_its_body(client, home):
    document = DocumentFactory(title="Developing People-Improving Care")
    image = ImageFactory()
    page = StandardPageFactory(
        parent=home,
        title="Why systems leadership?",
        summary="Why the centre studies systems leadership.",
        body=[
            heading_block("Three areas of focus"),
            paragraph_block("<p>The NHS Long-Term Plan is built on systems leadership.</p>"),
            quote_block("Shifts in mind-set, behaviour and leadership practice", "The centre"),
            {
                "type": "image",
                "value": {"image": image.pk, "decorative": False, "alt_text": "Leaders meeting"},
            },
            {"type": "document", "value": {"document": document.pk, "link_text": ""}},
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "core/standard_page.html"
    for text in [
        "Why systems leadership?",
        "Why the centre studies systems leadership.",
        "Three areas of focus",
        "The NHS Long-Term Plan is built on systems leadership.",
        "Shifts in mind-set, behaviour and leadership practice",
        'alt="Leaders meeting"',
        "Developing People-Improving Care",
    ]:
        assert text.encode() in response.content or shows(response, text), text
    assert document.url.encode() in response.content


def test_a_nested_standard_page_has_breadcrumbs(client, home):
    parent = StandardPageFactory(parent=home, title="About the centre")
    child = StandardPageFactory(parent=parent, title="Our people")

    response = client.get(child.url)

    assert response.status_code == 200
    assert f'href="{parent.url}"'.encode() in response.content


def test_contact_page_shows_its_form(client, contact_page):
    response = client.get(contact_page.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "contact/contact_page.html"
    assert shows(response, contact_page.title)
    content = response.content.decode()
    assert "<form" in content and 'method="post"' in content
    for label in ("Name", "Email", "Message"):
        assert f">{label}" in content, label


def make_home_items(indexes, count, leader_photos_only=False):
    interview_index, viewpoint_index, publication_index = indexes
    interviews = [
        InterviewPageFactory(
            parent=interview_index,
            leader=PersonFactory(with_photo=True),
            listing_image=None if leader_photos_only else ImageFactory(),
        )
        for _ in range(count)
    ]
    for _ in range(count):
        ViewpointPageFactory(parent=viewpoint_index, listing_image=ImageFactory())
        PublicationPageFactory(
            parent=publication_index,
            listing_image=ImageFactory(),
            authors=authors(PersonFactory(), PersonFactory()),
        )
    return interviews


def home_query_counts(home, indexes, contact_page, count_queries, leader_photos_only=False):
    """Queries of the home page with two, then eight, cards in each section."""
    interview_index, viewpoint_index, publication_index = indexes

    def set_sections(interviews, count):
        home.sections = [
            featured("Learning from leaders", interviews, more_page=interview_index),
            latest("Viewpoints", viewpoint_index, count),
            latest("Publications", publication_index, count),
            call_to_action(contact_page),
        ]
        home.save()

    few_interviews = make_home_items(indexes, 2, leader_photos_only)
    set_sections(few_interviews, 2)
    few = count_queries("/")

    set_sections(few_interviews + make_home_items(indexes, 6, leader_photos_only), 8)
    many = count_queries("/")
    return few, many


# Pinned: a home page that grows a query per card, or a new query per request, fails here first.
HOME_QUERIES = 21
HOME_QUERIES_WITH_LEADER_PHOTOS = 21


def test_home_page_query_count_does_not_grow(
    home, interview_index, viewpoint_index, publication_index, contact_page, count_queries
):
    indexes = (interview_index, viewpoint_index, publication_index)

    few, many = home_query_counts(home, indexes, contact_page, count_queries)

    assert few == many == HOME_QUERIES


def test_featured_interviews_with_leader_photos_do_not_add_queries(
    home, interview_index, viewpoint_index, publication_index, contact_page, count_queries
):
    indexes = (interview_index, viewpoint_index, publication_index)

    few, many = home_query_counts(
        home, indexes, contact_page, count_queries, leader_photos_only=True
    )

    # Cards that fall back to the leader's photo: its renditions come in bulk too.
    assert few == many == HOME_QUERIES_WITH_LEADER_PHOTOS
