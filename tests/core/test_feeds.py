"""RSS 2.0 and Atom feeds of viewpoints, publications, interviews and each focus area."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.factories import StandardPageFactory
from focus_areas.factories import FocusAreaPageFactory
from interviews.factories import InterviewPageFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory
from tests.core.html import parse
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db

SECTIONS = ["viewpoints", "publications", "interviews"]
FORMATS = [("rss", "rss20", "application/rss+xml"), ("atom", "atom10", "application/atom+xml")]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def read(client, url, version):
    """The feed at `url`, parsed as a feed reader would; it must be well formed."""
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (url, feed.get("bozo_exception"))
    assert feed.version == version, url
    return feed, response


@pytest.fixture
def sections(viewpoint_index, publication_index, interview_index):
    """Two pages in each section, the older one first, and a draft that must not show."""
    made = {
        "viewpoints": [
            ViewpointPageFactory(parent=viewpoint_index, first_published_at=days_ago(days))
            for days in (10, 1)
        ],
        "publications": [
            PublicationPageFactory(parent=publication_index, first_published_at=days_ago(days))
            for days in (10, 1)
        ],
        "interviews": [
            InterviewPageFactory(parent=interview_index, first_published_at=days_ago(days))
            for days in (10, 1)
        ],
    }
    ViewpointPageFactory(parent=viewpoint_index, title="Not yet", live=False)
    PublicationPageFactory(parent=publication_index, title="Not yet", live=False)
    InterviewPageFactory(parent=interview_index, title="Not yet", live=False)
    return made


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize(("extension", "version", "content_type"), FORMATS)
def test_section_feeds_are_valid_and_list_live_pages_newest_first(
    client, sections, section, extension, version, content_type
):
    feed, response = read(client, f"/feeds/{section}/{extension}/", version)

    older, newer = sections[section]
    assert response["Content-Type"].startswith(content_type)
    assert [entry.title for entry in feed.entries] == [newer.title, older.title]
    assert [entry.link for entry in feed.entries] == [newer.full_url, older.full_url]
    assert feed.entries[0].summary == " ".join(newer.summary.split())
    assert feed.feed.title.endswith("| Systems Leadership")
    assert feed.feed.link == newer.get_parent().full_url
    assert "public" in response["Cache-Control"]


def test_private_pages_are_left_out(client, viewpoint_index):
    shown = ViewpointPageFactory(parent=viewpoint_index)
    hidden = ViewpointPageFactory(parent=viewpoint_index)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    feed, _ = read(client, "/feeds/viewpoints/rss/", "rss20")

    assert [entry.title for entry in feed.entries] == [shown.title]


def test_a_feed_holds_the_twenty_newest(client, viewpoint_index):
    pages = [
        ViewpointPageFactory(parent=viewpoint_index, first_published_at=days_ago(days))
        for days in range(25)
    ]

    feed, _ = read(client, "/feeds/viewpoints/atom/", "atom10")

    assert [entry.link for entry in feed.entries] == [page.full_url for page in pages[:20]]


def test_items_name_their_authors_and_focus_areas(client, viewpoint_index, focus_areas):
    viewpoint = ViewpointPageFactory(parent=viewpoint_index, focus_areas=[focus_areas[0]])

    rss, _ = read(client, "/feeds/viewpoints/rss/", "rss20")
    atom, _ = read(client, "/feeds/viewpoints/atom/", "atom10")

    for feed in (rss, atom):
        (entry,) = feed.entries
        assert entry.author == viewpoint.author_name
        assert [tag.term for tag in entry.tags] == ["Evaluation"]


@pytest.mark.parametrize(("extension", "version", "_type"), FORMATS)
def test_embargoed_publications_appear_without_their_files(
    client, publication_index, extension, version, _type
):
    open_one = PublicationPageFactory(parent=publication_index, first_published_at=days_ago(2))
    embargoed = PublicationPageFactory(
        parent=publication_index,
        embargoed=True,
        embargo_end=datetime.date.today() + datetime.timedelta(days=30),
        first_published_at=days_ago(1),
    )

    feed, response = read(client, f"/feeds/publications/{extension}/", version)

    by_link = {entry.link: entry for entry in feed.entries}
    assert set(by_link) == {open_one.full_url, embargoed.full_url}
    assert by_link[embargoed.full_url].enclosures == []
    assert by_link[embargoed.full_url].summary.startswith("Embargoed until ")
    (enclosure,) = by_link[open_one.full_url].enclosures
    assert enclosure.href == "http://localhost" + open_one.document.url
    assert enclosure.type == "application/pdf"
    content = response.content.decode()
    assert embargoed.document.url not in content
    assert embargoed.document.filename not in content


@pytest.mark.parametrize(("extension", "version", "_type"), FORMATS)
def test_focus_area_feed_gathers_every_type_tagged_with_it(
    client,
    focus_areas,
    programme_index,
    interview_index,
    viewpoint_index,
    publication_index,
    extension,
    version,
    _type,
):
    evaluation, development = focus_areas[0], focus_areas[1]
    tagged = [
        ProgrammePageFactory(
            parent=programme_index, focus_areas=[evaluation], first_published_at=days_ago(4)
        ),
        InterviewPageFactory(
            parent=interview_index, focus_areas=[evaluation], first_published_at=days_ago(3)
        ),
        ViewpointPageFactory(
            parent=viewpoint_index, focus_areas=[evaluation], first_published_at=days_ago(2)
        ),
        PublicationPageFactory(
            parent=publication_index, focus_areas=[evaluation], first_published_at=days_ago(1)
        ),
    ]
    ViewpointPageFactory(parent=viewpoint_index, focus_areas=[development])

    feed, _ = read(client, f"/feeds/focus-areas/evaluation/{extension}/", version)

    assert [entry.link for entry in feed.entries] == [page.full_url for page in reversed(tagged)]
    assert feed.feed.title == "Evaluation | Systems Leadership"
    assert feed.feed.link == evaluation.full_url


@pytest.mark.parametrize("slug", ["no-such-area", "draft-area"])
def test_feed_of_a_focus_area_that_is_not_public_is_not_found(client, focus_area_index, slug):
    FocusAreaPageFactory(parent=focus_area_index, slug="draft-area", live=False)

    assert client.get(f"/feeds/focus-areas/{slug}/rss/").status_code == 404


def test_feeds_are_announced_in_the_head_of_the_pages_they_follow(
    client, sections, focus_areas, home
):
    viewpoint = sections["viewpoints"][0]
    standard = StandardPageFactory(parent=home)

    def alternates(page):
        links = parse(client.get(page.url)).find_all("link", rel="alternate")
        return {(link["type"], link["href"]) for link in links}, [link["title"] for link in links]

    home_links, _ = alternates(home)
    viewpoint_links, titles = alternates(viewpoint)
    area_links, area_titles = alternates(focus_areas[0])
    standard_links, _ = alternates(standard)

    root = "http://localhost"
    assert home_links == {
        (content_type, f"{root}/feeds/{section}/{extension}/")
        for section in SECTIONS
        for extension, _version, content_type in FORMATS
    }
    assert viewpoint_links == alternates(viewpoint.get_parent())[0]
    assert viewpoint_links == {
        ("application/rss+xml", f"{root}/feeds/viewpoints/rss/"),
        ("application/atom+xml", f"{root}/feeds/viewpoints/atom/"),
    }
    assert titles == ["Viewpoints (RSS)", "Viewpoints (Atom)"]
    assert area_titles == ["Evaluation (RSS)", "Evaluation (Atom)"]
    assert standard_links == set()
    for _type, href in home_links | area_links:
        assert client.get(href.removeprefix(root)).status_code == 200, href


@pytest.mark.parametrize(
    "url",
    ["/feeds/publications/rss/", "/feeds/interviews/atom/", "/feeds/focus-areas/evaluation/rss/"],
)
def test_feed_query_count_does_not_grow_with_items(
    url, focus_areas, programme_index, interview_index, publication_index, count_queries
):
    def add(number):
        for _ in range(number):
            PublicationPageFactory(parent=publication_index, focus_areas=[focus_areas[0]])
            InterviewPageFactory(parent=interview_index, focus_areas=[focus_areas[0]])
            ProgrammePageFactory(parent=programme_index, focus_areas=[focus_areas[0]])

    add(2)
    few = count_queries(url)
    add(6)
    many = count_queries(url)

    assert few == many


@pytest.mark.parametrize(("extension", "version", "_type"), FORMATS)
def test_control_characters_in_titles_and_summaries_are_dropped(
    client, viewpoint_index, focus_area_index, extension, version, _type
):
    area = FocusAreaPageFactory(parent=focus_area_index, title="Eval\x0buation", slug="evaluation")
    ViewpointPageFactory(
        parent=viewpoint_index,
        title="Leading\x0b across\x02 systems\x1f",
        summary="What\x08 leaders \x01learn.",
        search_description="",
        focus_areas=[area],
    )

    for url in (f"/feeds/viewpoints/{extension}/", f"/feeds/focus-areas/evaluation/{extension}/"):
        feed, _ = read(client, url, version)
        (entry,) = feed.entries
        assert entry.title == "Leading across systems"
        assert entry.summary == "What leaders learn."
        assert [tag.term for tag in entry.tags] == ["Evaluation"]
