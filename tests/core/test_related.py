"""'Related' under programmes, interviews, viewpoints and publications."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory, PersonFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory, authors
from tests.core.html import parse
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def related_links(client, page):
    """The addresses of the cards under 'Related', in order."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = parse(response)
    # These pages show no cards but the related ones.
    return [link["href"] for link in html.find_all("a", class_="card__link")], html


def test_related_content_shares_focus_areas_and_never_shows_the_page_itself(
    client, focus_areas, programme_index, viewpoint_index, publication_index
):
    evaluation, development = focus_areas[0], focus_areas[1]
    programme = ProgrammePageFactory(parent=programme_index, focus_areas=[evaluation])
    same_area = ViewpointPageFactory(parent=viewpoint_index, focus_areas=[evaluation])
    other_area = PublicationPageFactory(parent=publication_index, focus_areas=[development])

    links, html = related_links(client, programme)

    assert html.find("h2", id="related-heading") is not None
    assert links == [same_area.url]
    assert programme.url not in links and other_area.url not in links


def test_a_shared_person_counts_for_more_than_a_shared_focus_area(
    client, focus_areas, interview_index, viewpoint_index, publication_index
):
    leader = PersonFactory(name="Jon Glasby")
    interview = InterviewPageFactory(
        parent=interview_index, leader=leader, focus_areas=[focus_areas[0]]
    )
    # Newer, but it shares only the focus area.
    ViewpointPageFactory(
        parent=viewpoint_index, focus_areas=[focus_areas[0]], first_published_at=days_ago(1)
    )
    by_the_leader = PublicationPageFactory(
        parent=publication_index, authors=authors(leader), first_published_at=days_ago(30)
    )
    both = ViewpointPageFactory(
        parent=viewpoint_index,
        author=leader,
        focus_areas=[focus_areas[0]],
        first_published_at=days_ago(60),
    )

    links, _ = related_links(client, interview)

    assert links[:2] == [both.url, by_the_leader.url]


def test_programmes_with_the_same_partner_are_related(client, programme_index):
    partner = PartnerFactory(name="Strategy Unit")
    programme = ProgrammePageFactory(parent=programme_index, partners=[partner])
    sibling = ProgrammePageFactory(parent=programme_index, partners=[partner])
    ProgrammePageFactory(parent=programme_index, partners=[PartnerFactory(name="Elsewhere")])

    links, _ = related_links(client, programme)

    assert links == [sibling.url]


def test_at_most_three_newest_first_among_equals(client, focus_areas, viewpoint_index):
    area = focus_areas[0]
    page = ViewpointPageFactory(parent=viewpoint_index, focus_areas=[area])
    others = [
        ViewpointPageFactory(
            parent=viewpoint_index, focus_areas=[area], first_published_at=days_ago(days)
        )
        for days in (5, 1, 3, 4, 2)
    ]

    links, _ = related_links(client, page)

    newest = sorted(others, key=lambda other: other.first_published_at, reverse=True)
    assert links == [other.url for other in newest[:3]]


def test_drafts_and_private_pages_are_never_related(client, focus_areas, viewpoint_index):
    area = focus_areas[0]
    page = ViewpointPageFactory(parent=viewpoint_index, focus_areas=[area])
    ViewpointPageFactory(parent=viewpoint_index, focus_areas=[area], live=False)
    private = ViewpointPageFactory(parent=viewpoint_index, focus_areas=[area])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    links, html = related_links(client, page)

    assert links == []
    assert html.find("h2", id="related-heading") is None


def test_a_page_with_nothing_in_common_shows_no_related_section(client, viewpoint_index):
    page = ViewpointPageFactory(parent=viewpoint_index, author=None)
    ViewpointPageFactory(parent=viewpoint_index, author=None)

    links, html = related_links(client, page)

    assert links == [] and html.find("section", class_="related") is None


@pytest.mark.parametrize("kind", ["programme", "interview", "viewpoint", "publication"])
def test_related_query_count_does_not_grow_with_candidates(
    kind,
    focus_areas,
    programme_index,
    interview_index,
    viewpoint_index,
    publication_index,
    count_queries,
):
    """With 2 and with 8 candidates, the page makes the same number of queries."""
    area = focus_areas[0]
    leader = PersonFactory(with_photo=True)
    partner = PartnerFactory()

    def candidates(number):
        # Alternating types, so the three newest always hold both: the same batches to load.
        for i in range(number):
            if i % 2:
                PublicationPageFactory(
                    parent=publication_index, focus_areas=[area], authors=authors(leader)
                )
            else:
                ViewpointPageFactory(parent=viewpoint_index, focus_areas=[area], author=leader)

    factories = {
        "programme": lambda: ProgrammePageFactory(
            parent=programme_index, focus_areas=[area], partners=[partner]
        ),
        "interview": lambda: InterviewPageFactory(
            parent=interview_index, focus_areas=[area], leader=leader
        ),
        "viewpoint": lambda: ViewpointPageFactory(
            parent=viewpoint_index, focus_areas=[area], author=leader
        ),
        "publication": lambda: PublicationPageFactory(
            parent=publication_index, focus_areas=[area], authors=authors(leader)
        ),
    }
    page = factories[kind]()
    candidates(2)
    few = count_queries(page.url)
    candidates(6)
    many = count_queries(page.url)

    assert few == many
