"""Home-page sections and body blocks, rendered through the real page templates."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import DocumentFactory, StandardPageFactory
from interviews.factories import InterviewPageFactory
from people.factories import PersonFactory
from programmes.factories import ProgrammePageFactory
from tests.core.html import inline_code, parse
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def render(client, page):
    page.refresh_from_db()
    response = client.get(page.url)
    assert response.status_code == 200
    return parse(response)


def set_sections(home, sections):
    home.sections = sections
    home.save_revision().publish()


def featured(heading, pages, **extra):
    return {
        "type": "featured_pages",
        "value": {"heading": heading, "introduction": "", "pages": [p.pk for p in pages], **extra},
    }


def test_home_page_shows_introduction_as_lead_then_sections(client, home, programme_index):
    programme = ProgrammePageFactory(parent=programme_index, title="Leading Differently")
    set_sections(home, [featured("Our programmes", [programme], more_page=programme_index.pk)])
    html = render(client, home)
    lead = html.find("div", class_="lead")
    assert lead is not None
    assert "the collaborative leadership of many people" in html.text
    assert html.find("h2", class_="section__heading") is not None
    assert html.find("a", class_="card__link", href=programme.url) is not None
    assert html.find("h3", class_="card__title") is not None
    assert html.find("a", href=programme_index.url) is not None
    assert inline_code(html) == []


def test_featured_pages_keep_editor_order_and_skip_drafts(
    client, home, programme_index, interview_index, viewpoint_index
):
    first = InterviewPageFactory(parent=interview_index)
    second = ProgrammePageFactory(parent=programme_index)
    third = ViewpointPageFactory(parent=viewpoint_index)
    draft = ProgrammePageFactory(parent=programme_index, live=False)
    set_sections(home, [featured("Featured", [third, draft, first, second])])
    html = render(client, home)
    links = [a["href"] for a in html.find_all("a", class_="card__link")]
    assert links == [third.url, first.url, second.url]


def test_featured_pages_cost_no_query_per_page(client, home, programme_index, image):
    pages = [ProgrammePageFactory(parent=programme_index, listing_image=image) for _ in range(6)]
    set_sections(home, [featured("Two", pages[:2])])
    client.get(home.url)
    with CaptureQueriesContext(connection) as few:
        client.get(home.url)
    set_sections(home, [featured("Six", pages)])
    client.get(home.url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(home.url)
    assert len(parse(response).find_all("article", class_="card")) == 6
    assert len(many) == len(few)


def test_featured_interviews_falling_back_to_leader_photos_cost_no_query_per_card(
    client, home, interview_index
):
    interviews = [
        InterviewPageFactory(parent=interview_index, leader=PersonFactory(with_photo=True))
        for _ in range(5)
    ]

    def measure(pages):
        set_sections(home, [featured("Leaders", pages)])
        client.get(home.url)  # makes the renditions
        cache.clear()  # measure without the rendition cache, as after a restart
        with CaptureQueriesContext(connection) as captured:
            response = client.get(home.url)
        html = parse(response)
        assert len(html.find_all("article", class_="card--image")) == len(pages)
        return len(captured)

    assert measure(interviews[:2]) == measure(interviews)


def test_latest_pages_lists_newest_children_or_the_empty_text(client, home, viewpoint_index):
    section = {
        "type": "latest_pages",
        "value": {
            "heading": "Latest viewpoints",
            "introduction": "",
            "index": viewpoint_index.pk,
            "count": 2,
            "empty_text": "No viewpoints have been published yet.",
            "more_text": "All viewpoints",
        },
    }
    set_sections(home, [section])
    html = render(client, home)
    assert "No viewpoints have been published yet." in html.text
    assert html.find("a", href=viewpoint_index.url) is not None
    assert "All viewpoints" in html.text

    for _ in range(3):
        ViewpointPageFactory(parent=viewpoint_index)
    html = render(client, home)
    assert len(html.find_all("article", class_="card")) == 2
    assert "No viewpoints have been published yet." not in html.text


def test_call_to_action_links_a_page_or_an_address(client, home, contact_page):
    set_sections(
        home,
        [
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Get in touch",
                    "text": "Talk to us.",
                    "page": contact_page.pk,
                    "url": "",
                    "link_text": "Contact the centre",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Read more",
                    "text": "",
                    "page": None,
                    "url": "https://www.example.org/",
                    "link_text": "Elsewhere",
                },
            },
        ],
    )
    html = render(client, home)
    assert html.find("a", class_="button", href=contact_page.url) is not None
    assert html.find("a", class_="button", href="https://www.example.org/") is not None
    ids = [s["id"] for s in html.find_all("h2", class_="cta__heading")]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_document_and_image_blocks(client, home, image):
    document = DocumentFactory(title="Annual report")
    page = StandardPageFactory(
        parent=home,
        body=[
            {"type": "document", "value": {"document": document.pk, "link_text": ""}},
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Leaders in a workshop",
                    "decorative": False,
                },
            },
            {"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}},
        ],
    )
    html = render(client, page)
    assert html.find("a", href=document.url) is not None
    assert "Annual report (PDF, " in html.text
    images = html.find_all("img", loading="lazy")
    assert [img["alt"] for img in images] == ["Leaders in a workshop", ""]
    assert all(img.get("width") and img.get("height") and img.get("srcset") for img in images)
