"""Cards and pagination: one card for every type, no query per card, filters kept across pages."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from focus_areas.factories import FocusAreaPageFactory
from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory, PersonFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory
from publications.models import PublicationKind
from tests.core.html import parse
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), parse(response)


def test_cards_show_type_label_and_per_type_extras(
    client, focus_areas, programme_index, interview_index, viewpoint_index, publication_index
):
    programme = ProgrammePageFactory(
        parent=programme_index,
        start_date=datetime.date(2017, 1, 1),
        end_date=datetime.date(2020, 1, 1),
        partners=[PartnerFactory(name="Strategy Unit")],
        focus_areas=[focus_areas[0]],
    )
    leader = PersonFactory(
        honorific="", name="Sarah-Jane Marsh", role="Chief Executive", organisation="BCH"
    )
    interview = InterviewPageFactory(
        parent=interview_index, leader=leader, focus_areas=[focus_areas[0]]
    )
    viewpoint = ViewpointPageFactory(parent=viewpoint_index, date=datetime.date(2024, 3, 5))
    viewpoint.focus_areas.add(focus_areas[0])
    viewpoint.save_revision().publish()
    publication = PublicationPageFactory(
        parent=publication_index,
        kind=PublicationKind.EVALUATION,
        year=2017,
        authors=[],
        embargoed=True,
        focus_areas=[focus_areas[0]],
    )

    count, html = queries_for(client, focus_areas[0].url)
    text = html.text
    assert "Programme" in text and "Delivered" in text and "2017–2020" in text
    assert "With Strategy Unit" in text
    assert "Learning from leaders" in text
    assert "Sarah-Jane Marsh, Chief Executive, BCH" in text
    assert viewpoint.author_name in text and "5 March 2024" in text
    assert html.find("time", datetime="2024-03-05") is not None
    assert "Evaluation" in text and "Embargoed" in text and "2017" in text
    titles = [a["href"] for a in html.find_all("a", class_="card__link")]
    assert set(titles) == {programme.url, interview.url, viewpoint.url, publication.url}


def test_card_images_are_responsive_lazy_and_decorative(client, programme_index, image):
    ProgrammePageFactory(parent=programme_index, listing_image=image)
    _, html = queries_for(client, programme_index.url)
    img = html.find("img", loading="lazy")
    assert img is not None and img["alt"] == ""
    assert img["width"] == "480" and img["height"] == "270"
    assert "960w" in img["srcset"]
    types = {source["type"] for source in html.find_all("source")}
    assert types == {"image/avif", "image/webp"}


@pytest.mark.parametrize(
    ("index_fixture", "make"),
    [
        (
            "programme_index",
            lambda parent, image: ProgrammePageFactory(
                parent=parent, listing_image=image, with_partners=True
            ),
        ),
        (
            "viewpoint_index",
            lambda parent, image: ViewpointPageFactory(parent=parent, listing_image=image),
        ),
        (
            "publication_index",
            lambda parent, image: PublicationPageFactory(parent=parent, listing_image=image),
        ),
    ],
    ids=["programmes", "viewpoints", "publications"],
)
def test_cards_add_no_query_per_item(client, request, image, index_fixture, make):
    parent = request.getfixturevalue(index_fixture)
    make(parent, image)
    # Renditions are made on the first visit, which also creates the menu setting (a change
    # of content, so what the cache kept is read again once more).
    client.get(parent.url)
    client.get(parent.url)
    few, _ = queries_for(client, parent.url)
    for _ in range(4):
        make(parent, image)
    client.get(parent.url)
    many, html = queries_for(client, parent.url)
    assert len(html.find_all("article", class_="card")) == 5
    assert many == few


def test_pagination_keeps_filters_and_marks_the_current_page(client, programme_index, focus_areas):
    for _ in range(12):
        ProgrammePageFactory(parent=programme_index, focus_areas=[focus_areas[0]])
    ProgrammePageFactory(parent=programme_index)

    _, html = queries_for(client, programme_index.url + "?focus_area=evaluation")
    nav = html.find("nav", aria_label="Pagination")
    assert nav is not None
    assert html.find("a", aria_current="page", href="?focus_area=evaluation") is not None
    assert html.find("a", href="?focus_area=evaluation&page=2", rel="next") is not None
    assert "12 programmes match your filters" in html.text
    assert html.find("option", value="evaluation", selected=True) is not None

    _, html = queries_for(client, programme_index.url + "?focus_area=evaluation&page=2")
    assert html.find("a", aria_current="page", href="?focus_area=evaluation&page=2") is not None
    assert html.find("a", href="?focus_area=evaluation", rel="prev") is not None
    assert len(html.find_all("article", class_="card")) == 2


def test_no_pagination_when_everything_fits(client, programme_index):
    ProgrammePageFactory(parent=programme_index)
    _, html = queries_for(client, programme_index.url)
    assert html.find("nav", aria_label="Pagination") is None
    assert "1 programme" in html.text


def test_bad_filter_values_are_explained_not_fatal(client, programme_index):
    ProgrammePageFactory(parent=programme_index)
    response = client.get(programme_index.url + "?status=nonsense&focus_area=%3Cb%3E")
    assert response.status_code == 400
    html = parse(response)
    alert = html.find("div", role="alert")
    assert alert is not None
    assert "There is no such status" in html.text
    assert "There is no such focus area" in html.text
    # Both filters fall back to "any", which is what the form now shows.
    assert html.find_all("option", selected=True) == []


def test_long_pagination_is_elided_and_escapes_the_query():
    request = RequestFactory().get("/search/", {"q": 'care & "systems"', "page": "50"})
    items = Paginator(range(100), 1).page(50)
    html = parse(render_to_string("components/pagination.html", {"items": items}, request))
    hrefs = [a["href"] for a in html.find_all("a")]
    assert "?q=care+%26+%22systems%22&page=49" in hrefs
    assert "?q=care+%26+%22systems%22" in hrefs  # page 1
    assert "?q=care+%26+%22systems%22&page=100" in hrefs
    assert len(hrefs) < 12
    assert "…" in html.text
    assert "Page 50 of 100" in html.text


def test_focus_area_index_lists_areas_as_cards(client, focus_areas):
    index = focus_areas[0].get_parent().specific
    FocusAreaPageFactory(parent=index, title="Draft area", live=False)
    _, html = queries_for(client, index.url)
    titles = [a["href"] for a in html.find_all("a", class_="card__link")]
    assert titles == [area.url for area in focus_areas]
    assert "Focus area" in html.text


def test_interview_cards_show_the_leaders_photo_when_there_is_no_listing_image(
    client, interview_index, image
):
    InterviewPageFactory(parent=interview_index, leader=PersonFactory(photo=image))
    InterviewPageFactory(parent=interview_index, leader=PersonFactory(photo=None))
    _, html = queries_for(client, interview_index.url)
    assert len(html.find_all("article", class_="card")) == 2
    assert len(html.find_all("article", class_="card--image")) == 1
    img = html.find("img", loading="lazy")
    assert img is not None and img["alt"] == "" and "960w" in img["srcset"]
