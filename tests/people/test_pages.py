"""People and partner organisations have pages listing everything published with them."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory, PersonFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory, authors
from tests.core.html import inline_code, ld_json, of_type, parse
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def glasby(interview_index, viewpoint_index, publication_index):
    """A leader interviewed, writing a viewpoint and a report; and a page of someone else."""
    person = PersonFactory(
        name="Jon Glasby", honorific="Professor", role="Head of School", organisation="University"
    )
    pages = {
        "interview": InterviewPageFactory(
            parent=interview_index, leader=person, first_published_at=days_ago(30)
        ),
        "viewpoint": ViewpointPageFactory(
            parent=viewpoint_index, author=person, first_published_at=days_ago(20)
        ),
        "old_report": PublicationPageFactory(
            parent=publication_index, authors=authors(person), first_published_at=days_ago(300)
        ),
        "new_report": PublicationPageFactory(
            parent=publication_index,
            authors=authors(PersonFactory(), person),
            first_published_at=days_ago(10),
        ),
        "someone_else": ViewpointPageFactory(parent=viewpoint_index),
    }
    return person, pages


def sections(html):
    """{heading: [card addresses]} of the page's sections, in order."""
    found = {}
    heading = None
    for element in html.elements:
        if element.tag == "h2" and (element.get("id") or "").startswith("linked-"):
            heading = element["id"]
            found[heading] = []
        elif element.tag == "a" and "card__link" in element.get("class", "") and heading:
            found[heading].append(element["href"])
    return list(found.values())


def test_a_person_page_lists_everything_they_are_named_on_by_type_newest_first(client, glasby):
    person, pages = glasby

    response = client.get(f"/people/{person.slug}/")

    assert response.status_code == 200
    html = parse(response)
    assert html.find("h1").get("class") == "page-header__title"
    assert "Professor Jon Glasby" in html.text and "Head of School, University" in html.text
    headings = [
        h.get("id") for h in html.find_all("h2") if (h.get("id") or "").startswith("linked")
    ]
    assert len(headings) == 3
    assert "Learning from leaders" in html.text and "Viewpoints" in html.text
    assert sections(html) == [
        [pages["interview"].url],
        [pages["viewpoint"].url],
        [pages["new_report"].url, pages["old_report"].url],
    ]
    assert pages["someone_else"].url not in response.content.decode()
    assert inline_code(html) == []
    assert "public" in response["Cache-Control"]


def test_a_person_page_describes_them_as_a_person_with_breadcrumbs(client, glasby):
    person, _pages = glasby

    response = client.get(person.get_absolute_url())

    objects = ld_json(response)
    described = of_type(objects, "Person")
    assert described["name"] == "Professor Jon Glasby"
    assert described["url"] == f"http://localhost/people/{person.slug}/"
    trail = of_type(objects, "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in trail] == ["Home", "People", "Professor Jon Glasby"]
    html = parse(response)
    assert html.find("link", rel="canonical")["href"] == described["url"]
    assert html.find("a", aria_current="page", href=f"/people/{person.slug}/") is not None


def test_someone_named_only_on_drafts_or_private_pages_has_no_page(
    client, interview_index, viewpoint_index
):
    drafted = PersonFactory(name="Draft Person")
    InterviewPageFactory(parent=interview_index, leader=drafted, live=False)
    private = PersonFactory(name="Private Person")
    page = ViewpointPageFactory(parent=viewpoint_index, author=private)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    unnamed = PersonFactory(name="Nobody Yet")

    for person in (drafted, private, unnamed):
        assert client.get(f"/people/{person.slug}/").status_code == 404
    assert client.get("/people/no-such-person/").status_code == 404
    listing = parse(client.get("/people/"))
    for person in (drafted, private, unnamed):
        assert listing.find("a", href=f"/people/{person.slug}/") is None


def test_the_people_listing_names_everyone_published_once_in_order(client, glasby):
    person, pages = glasby
    co_author = pages["new_report"].people[0]

    html = parse(client.get("/people/"))

    links = [a["href"] for a in html.find_all("a", class_="name-list__link")]
    expected = sorted(
        [person, co_author, pages["someone_else"].author], key=lambda someone: someone.name
    )
    assert links == [f"/people/{someone.slug}/" for someone in expected]
    assert html.find("h1").get("class") == "page-header__title"


@pytest.mark.parametrize("query", ["?page=2", "?page=0", "?page=abc", "?page=" + "9" * 30])
def test_a_page_of_people_that_does_not_exist_is_not_found(client, glasby, query):
    assert client.get("/people/" + query).status_code == 404


def test_leader_and_author_names_link_to_their_pages(client, glasby):
    person, pages = glasby

    interview = parse(client.get(pages["interview"].url))
    viewpoint = parse(client.get(pages["viewpoint"].url))

    assert interview.find("a", class_="leader__name", href=f"/people/{person.slug}/") is not None
    assert viewpoint.find("a", class_="byline__author", href=f"/people/{person.slug}/") is not None


def test_a_viewpoint_by_the_centre_names_it_without_a_link(client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None)

    html = parse(client.get(page.url))

    assert html.find("a", class_="byline__author") is None
    assert "Centre for Health and Social Care Leadership" in html.text


def test_a_partner_page_lists_its_programmes_and_links_to_its_website(client, programme_index):
    partner = PartnerFactory(name="Strategy Unit", url="https://www.strategyunitwm.nhs.uk/")
    older = ProgrammePageFactory(
        parent=programme_index, partners=[partner], first_published_at=days_ago(9)
    )
    newer = ProgrammePageFactory(
        parent=programme_index, partners=[partner], first_published_at=days_ago(1)
    )
    ProgrammePageFactory(parent=programme_index, partners=[PartnerFactory(name="Elsewhere")])

    programme = parse(client.get(older.url))
    response = client.get("/partners/strategy-unit/")

    assert programme.find("a", href="/partners/strategy-unit/") is not None
    assert response.status_code == 200
    html = parse(response)
    assert sections(html) == [[newer.url, older.url]]
    assert html.find("a", href="https://www.strategyunitwm.nhs.uk/") is not None
    organisation = of_type(ld_json(response), "Organization")
    assert organisation["sameAs"] == ["https://www.strategyunitwm.nhs.uk/"]
    listing = parse(client.get("/partners/"))
    assert [a["href"] for a in listing.find_all("a", class_="name-list__link")] == [
        "/partners/elsewhere/",
        "/partners/strategy-unit/",
    ]


def test_a_partner_of_drafts_only_has_no_page(client, programme_index):
    partner = PartnerFactory(name="Strategy Unit")
    ProgrammePageFactory(parent=programme_index, partners=[partner], live=False)

    assert client.get("/partners/strategy-unit/").status_code == 404


def test_person_page_query_count_does_not_grow(client, glasby, publication_index, count_queries):
    person, _pages = glasby

    few = count_queries(person.get_absolute_url())
    for _ in range(6):
        PublicationPageFactory(parent=publication_index, authors=authors(person, PersonFactory()))
    many = count_queries(person.get_absolute_url())

    assert few == many


def test_people_listing_query_count_does_not_grow(glasby, viewpoint_index, count_queries):
    few = count_queries("/people/")
    for _ in range(8):
        ViewpointPageFactory(parent=viewpoint_index, author=PersonFactory(with_photo=True))
    many = count_queries("/people/")

    assert few == many


def test_partner_page_and_listing_query_counts_do_not_grow(programme_index, count_queries):
    partner = PartnerFactory(name="Strategy Unit")
    ProgrammePageFactory(parent=programme_index, partners=[partner])
    few = (count_queries(partner.get_absolute_url()), count_queries("/partners/"))
    for _ in range(6):
        ProgrammePageFactory(parent=programme_index, partners=[partner, PartnerFactory()])
    many = (count_queries(partner.get_absolute_url()), count_queries("/partners/"))

    assert few == many


def test_a_person_and_a_partner_share_one_profile_layout(client, glasby, programme_index):
    person, _pages = glasby
    partner = PartnerFactory(name="Strategy Unit", url="https://strategy.example/")
    ProgrammePageFactory(parent=programme_index, partners=[partner])

    person_html = parse(client.get(person.get_absolute_url()))
    partner_html = parse(client.get(partner.get_absolute_url()))

    assert person_html.find("header", class_="page-header")["class"] == "page-header profile"
    assert '<p class="eyebrow">Person</p>' in person_html.html
    assert '<p class="lead">Head of School, University</p>' in person_html.html
    assert partner_html.find("header", class_="page-header")["class"] == "page-header"
    assert '<p class="eyebrow">Partner organisation</p>' in partner_html.html
    assert partner_html.find("a", href="https://strategy.example/") is not None
    assert "Strategy Unit's website" in partner_html.text


@pytest.mark.parametrize("url", ["/people/nobody/", "/partners/nobody/", "/partners/?page=x"])
def test_unknown_people_and_partners_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_people_and_partner_pages_answer_only_reading(client, glasby):
    person, _pages = glasby

    assert client.post(person.get_absolute_url()).status_code == 405
    assert client.post("/partners/").status_code == 405
