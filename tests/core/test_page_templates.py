"""Every page type renders through its own template, in the site's frame, with no inline code."""

import re

import pytest

from core.factories import StandardPageFactory, heading_block, paragraph_block, quote_block
from focus_areas.factories import FocusAreaPageFactory
from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory, PersonFactory
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammeStatus
from publications.factories import PublicationPageFactory
from tests.core.html import inline_code, parse
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def get(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200, response.status_code
    return response


@pytest.fixture
def site_pages(
    home, focus_areas, programme_index, interview_index, viewpoint_index, publication_index
):
    """One page of every type, with what they link to."""
    evaluation = focus_areas[0]
    standard = StandardPageFactory(
        parent=home,
        title="Why systems leadership?",
        body=[
            heading_block("Three areas of focus"),
            paragraph_block("<p>Systems leadership is not a new concept.</p>"),
            quote_block("It involves shifts in mind-set.", "The centre"),
        ],
    )
    programme = ProgrammePageFactory(
        parent=programme_index,
        title="Leading Differently",
        place="Cornwall",
        audience="Three localities",
        partners=[PartnerFactory(name="Cornwall Council", url="https://www.cornwall.gov.uk/")],
        focus_areas=[evaluation],
    )
    interview = InterviewPageFactory(parent=interview_index, focus_areas=[evaluation])
    viewpoint = ViewpointPageFactory(parent=viewpoint_index, title="On shared purpose")
    viewpoint.tags.add("integration")
    viewpoint.focus_areas.add(evaluation)
    viewpoint.save_revision().publish()
    publication = PublicationPageFactory(parent=publication_index, focus_areas=[evaluation])
    return {
        "home": home,
        "standard": standard,
        "focus_area_index": evaluation.get_parent().specific,
        "focus_area": evaluation,
        "programme_index": programme_index,
        "programme": programme,
        "interview_index": interview_index,
        "interview": interview,
        "viewpoint_index": viewpoint_index,
        "viewpoint": viewpoint,
        "publication_index": publication_index,
        "publication": publication,
    }


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "standard",
        "focus_area_index",
        "focus_area",
        "programme_index",
        "programme",
        "interview_index",
        "interview",
        "viewpoint_index",
        "viewpoint",
        "publication_index",
        "publication",
    ],
)
def test_page_renders_in_the_site_frame_without_inline_code(client, site_pages, name):
    page = site_pages[name]
    html = parse(get(client, page))
    assert inline_code(html) == []
    # One h1, the skip link pointing at main, the search form and the footer.
    assert len(html.find_all("h1")) == 1
    skip = html.find("a", href="#main-content")
    assert skip is not None and html.find("main", id="main-content") is not None
    assert html.find("form", role="search", action="/search/") is not None
    assert html.find("footer", class_="site-footer") is not None
    assert page.title in html.text
    # JavaScript is only ever loaded from a file; the only other scripts are JSON-LD data.
    scripts = [s for s in html.find_all("script") if s.get("type") != "application/ld+json"]
    assert scripts and all(script.get("src", "").startswith("/static/") for script in scripts)


def test_pages_below_the_home_page_have_breadcrumbs(client, site_pages):
    html = parse(get(client, site_pages["programme"]))
    nav = html.find("nav", aria_label="Breadcrumb")
    assert nav is not None
    current = html.find("a", aria_current="page", href=site_pages["programme"].url)
    assert current is not None
    assert "Home" in html.text and "Programmes" in html.text


def test_home_page_has_no_breadcrumbs(client, site_pages):
    html = parse(get(client, site_pages["home"]))
    assert html.find("nav", aria_label="Breadcrumb") is None


def test_standard_page_shows_summary_and_every_body_block(client, site_pages):
    page = site_pages["standard"]
    html = parse(get(client, page))
    assert page.summary in html.text
    assert html.find("h2", class_="block-heading") is not None
    assert "Systems leadership is not a new concept." in html.text
    assert html.find("blockquote") is not None
    assert html.find("figcaption", class_="quote__attribution") is not None
    assert "It involves shifts in mind-set." in html.text


def test_programme_page_shows_status_period_place_audience_partners_and_focus_areas(
    client, site_pages
):
    page = site_pages["programme"]
    html = parse(get(client, page))
    assert page.status_label in html.text
    assert page.period and page.period in html.text
    assert "Cornwall" in html.text and "Three localities" in html.text
    # The partner's name leads to its page on the site, which links to its own website.
    assert html.find("a", href="/partners/cornwall-council/") is not None
    assert html.find("a", href=site_pages["focus_area"].url) is not None


def test_programme_partner_without_address_is_plain_text(client, programme_index):
    page = ProgrammePageFactory(
        parent=programme_index, partners=[PartnerFactory(name="Strategy Unit", url="")]
    )
    html = parse(get(client, page))
    assert "Strategy Unit" in html.text
    assert not [a for a in html.find_all("a") if a.get("href") == ""]


def test_viewpoint_page_shows_author_date_tags_and_focus_areas(client, site_pages):
    page = site_pages["viewpoint"]
    html = parse(get(client, page))
    assert page.author_name in html.text
    assert html.find("time", datetime=page.date.isoformat()) is not None
    assert "integration" in html.text
    assert html.find("a", href=site_pages["focus_area"].url) is not None


def test_viewpoint_by_the_centre_names_the_centre(client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None)
    html = parse(get(client, page))
    assert "By Centre for Health and Social Care Leadership" in html.text


def test_empty_viewpoint_index_says_so(client, viewpoint_index):
    html = parse(get(client, viewpoint_index))
    assert viewpoint_index.empty_text in html.text


def test_focus_area_lists_what_is_tagged_with_it_under_headings(client, site_pages):
    html = parse(get(client, site_pages["focus_area"]))
    headings = re.findall(r'<h2 class="section__heading" id="related-\d">([^<]+)</h2>', html.html)
    assert headings == ["Programmes", "Learning from leaders", "Viewpoints", "Publications"]
    assert html.find("a", href=site_pages["programme"].url) is not None
    assert html.find("a", href=site_pages["viewpoint"].url) is not None
    assert "Nothing is tagged with this focus area yet." not in html.text


def test_focus_area_with_nothing_tagged_says_so(client, focus_area_index):
    area = FocusAreaPageFactory(parent=focus_area_index, title="Research")
    html = parse(get(client, area))
    assert "Nothing is tagged with this focus area yet." in html.text


def test_interview_page_names_the_leader_and_question(client, interview_index):
    leader = PersonFactory(
        honorific="Professor", name="Jon Glasby", role="Head of School", organisation="UoB"
    )
    page = InterviewPageFactory(
        parent=interview_index,
        title="What does leadership look like?",
        question="What does leadership look like in a health and social care setting?",
        leader=leader,
    )
    html = parse(get(client, page))
    assert "Learning from leaders" in html.text
    assert "Professor Jon Glasby" in html.text
    assert "Head of School, UoB" in html.text
    assert page.question in html.text
    assert page.summary in html.text


def test_programme_status_tag_uses_the_derived_status(client, programme_index):
    page = ProgrammePageFactory(parent=programme_index, start_date=None, end_date=None)
    html = parse(get(client, page))
    assert page.current_status == ProgrammeStatus.IN_DEVELOPMENT
    assert html.find("span", class_="tag tag--in_development") is not None
    assert "In development" in html.text
