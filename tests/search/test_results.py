"""What a visitor finds, on the seed content and on generated content alike."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from core.factories import DocumentFactory, StandardPageFactory, paragraph_block
from focus_areas.models import FocusAreaPage
from interviews.factories import InterviewPageFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db

NO_RESULTS = "There are no results that match your search"


def body_with(text):
    return [paragraph_block(f"<p>{text}</p>")]


def test_a_title_match_outranks_a_body_match(site_content, search):
    StandardPageFactory(
        title="Quietly about other things",
        summary="Kestrelwood, kestrelwood and kestrelwood again.",
        body=body_with("Kestrelwood " * 20),
    )
    StandardPageFactory(title="The Kestrelwood approach", summary="", body=body_with("Nothing."))

    page = search(q="kestrelwood")

    assert page.titles == ["The Kestrelwood approach", "Quietly about other things"]
    assert page.count_text == "2 results for “kestrelwood”"


def test_each_result_shows_type_date_and_an_excerpt_with_the_words_marked(site_content, search):
    ViewpointPageFactory(
        title="Notes from a meeting",
        date=datetime.date(2024, 3, 5),
        summary="",
        body=body_with(
            "Before the break we discussed the quillon method &lt;b&gt;at length&lt;/b&gt;."
        ),
    )

    page = search(q="quillon")

    (result,) = page.results
    assert result.find("span", class_="search-result__type").text == "Viewpoint"
    assert result.find("time")["datetime"] == "2024-03-05"
    assert result.find("time").text == "5 March 2024"
    excerpt = result.find("p", class_="search-result__excerpt")
    assert [mark.text for mark in excerpt.find_all("mark")] == ["quillon"]
    assert "the quillon method" in excerpt.text
    # Text that looks like markup never becomes markup (PostgreSQL's headline leaves such
    # tags out, SQLite's snippet keeps them as escaped text): the only elements are <mark>s.
    raw = re.search(r'search-result__excerpt">(.*?)</p>', page.html, re.S).group(1)
    assert set(re.findall(r"</?([a-z]+)", raw)) == {"mark"}
    assert "at length" in raw


def test_the_query_is_echoed_escaped(site_content, search):
    page = search(q="<script>alert('x')</script> zzyzxqv")

    assert "<script>alert" not in page.html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; zzyzxqv" in page.html


def _facet_pages():
    areas = list(FocusAreaPage.objects.live().order_by("path"))
    first, second = areas[0], areas[1]
    for i in range(3):
        ViewpointPageFactory(
            title=f"Marrowfield viewpoint {i}", focus_areas=[first] if i < 2 else [second]
        )
    ProgrammePageFactory(title="Marrowfield programme A", focus_areas=[first, second])
    ProgrammePageFactory(title="Marrowfield programme B", focus_areas=[])
    StandardPageFactory(title="Marrowfield page")
    return first, second


def test_facet_counts_agree_with_the_results_they_lead_to(site_content, search, client):
    first, second = _facet_pages()

    page = search(q="marrowfield")

    assert page.count_text == "6 results for “marrowfield”"
    types = page.facet_links("Type")
    assert {label: count for label, (count, _url) in types.items()} == {
        "Viewpoint": 3,
        "Programme": 2,
        "Page": 1,
    }
    areas = page.facet_links("Focus area")
    assert {label: count for label, (count, _url) in areas.items()} == {
        first.title: 3,
        second.title: 2,
    }
    for label, (count, url) in list(types.items()) + list(areas.items()):
        narrowed = search(url)
        assert len(narrowed.results) == count, label
        assert narrowed.count_text.startswith(f"{count} result")

    # Narrowed by a type, the focus areas count only that type, and the reverse.
    narrowed = search(types["Viewpoint"][1])
    assert {k: c for k, (c, _u) in narrowed.facet_links("Focus area").items()} == {
        first.title: 2,
        second.title: 1,
    }
    assert all(
        r.find("span", class_="search-result__type").text == "Viewpoint" for r in narrowed.results
    )
    both = search(narrowed.facet_links("Focus area")[first.title][1])
    assert sorted(both.titles) == ["Marrowfield viewpoint 0", "Marrowfield viewpoint 1"]
    assert {k: c for k, (c, _u) in both.facet_links("Type").items()} == {
        "Viewpoint": 2,
        "Programme": 1,
    }


def test_editors_picks_come_first_marked_and_are_not_repeated(site_content, search):
    StandardPageFactory(title="Wolfram leadership overview")
    picked = StandardPageFactory(title="Wolfram minor note")
    unrelated = StandardPageFactory(title="A page that never says it")
    query = Query.get("wolfram")
    SearchPromotion.objects.create(
        query=query, page=unrelated, sort_order=0, description="Start here."
    )
    SearchPromotion.objects.create(query=query, page=picked, sort_order=1)

    page = search(q="Wolfram")

    assert page.titles == [
        "A page that never says it",
        "Wolfram minor note",
        "Wolfram leadership overview",
    ]
    recommended = [r for r in page.results if "search-result--recommended" in r.classes]
    assert len(recommended) == 2
    assert all(r.find("span", class_="search-result__recommended") for r in recommended)
    assert "Start here." in recommended[0].text
    assert page.count_text == "3 results for “Wolfram”"


def test_a_typo_is_answered_with_the_sites_own_word(site_content, search):
    page = search(q="leadrship")

    suggestion = page.dom.find("a", class_="search-suggestion__link")
    assert suggestion is not None and suggestion.text == "leadership"
    assert suggestion["href"] == "?q=leadership"
    assert search(suggestion["href"]).results


def test_words_spoken_in_an_interview_link_to_the_moment(site_content, search):
    InterviewPageFactory(
        title="Learning from leaders: an interview",
        transcript=[
            {
                "type": "paragraph",
                "value": {"start": "0:00", "speaker": "Interviewer", "text": "Welcome."},
            },
            {
                "type": "paragraph",
                "value": {
                    "start": "3:05",
                    "speaker": "Sam Leader",
                    "text": "We planted wolfsbane.",
                },
            },
        ],
    )

    page = search(q="wolfsbane")

    (result,) = page.results
    moment = result.find("a", class_="search-result__moment")
    assert moment["href"].endswith("#transcript-185")
    assert moment["href"].startswith(result.find("a", class_="search-result__link")["href"])
    assert "3:05" in moment.text
    assert [m.text for m in result.find("q").find_all("mark")] == ["wolfsbane"]


def test_the_empty_query_shows_the_form_and_popular_searches(site_content, search):
    for _ in range(3):
        search(q="leadership")
    for _ in range(3):
        search(q="qqqnothingqqq")

    page = search()

    assert page.status == 200
    assert page.dom.find("input", id="search-q") is not None
    assert not page.results
    popular = [a.text for a in page.dom.find("section", class_="search-popular").find_all("a")]
    assert "leadership" in popular
    # Searches that found nothing are not offered to other visitors.
    assert "qqqnothingqqq" not in popular


def test_no_results_says_so_exactly_and_suggests(site_content, search):
    page = search(q="<i>zzqvxj</i>")

    assert page.status == 200
    assert page.dom.find("p", class_="search-empty__message").text == NO_RESULTS
    assert "&lt;i&gt;zzqvxj&lt;/i&gt;" in page.html
    assert page.dom.find("ul", class_="search-empty__tips").find_all("li")


def test_drafts_private_and_unpublished_pages_never_appear(site_content, search):
    StandardPageFactory(title="Public ravelin page")
    StandardPageFactory(title="Draft ravelin page", live=False)
    private = StandardPageFactory(title="Private ravelin page")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    parent = StandardPageFactory(title="Members area")
    PageViewRestriction.objects.create(page=parent, restriction_type="login")
    StandardPageFactory(title="Ravelin page under a private parent", parent=parent)
    unpublished = StandardPageFactory(title="Unpublished ravelin page")
    unpublished.unpublish()

    page = search(q="ravelin")

    assert page.titles == ["Public ravelin page"]
    # Nor do their words: the vocabulary for suggestions comes from public pages only.
    StandardPageFactory(title="Secret", summary="Sesquipedalian", live=False)
    assert search(q="sesquipedalan").dom.find("a", class_="search-suggestion__link") is None


def test_an_embargoed_publication_appears_without_its_document(site_content, search):
    document = DocumentFactory(title="Fenwarden report file")
    PublicationPageFactory(
        title="Fenwarden report", embargoed=True, embargo_end=None, document=document
    )

    page = search(q="fenwarden")

    (result,) = page.results
    assert result.find("span", class_="tag--warning").text == "Embargoed"
    assert document.url not in page.html
    assert "/documents/" not in page.html


def test_results_sort_by_date_newest_first(site_content, search):
    for year in (2019, 2023, 2021):
        ViewpointPageFactory(title=f"Tamarisk {year}", date=datetime.date(year, 6, 1))

    by_date = search(q="tamarisk", sort="date")

    assert by_date.titles == ["Tamarisk 2023", "Tamarisk 2021", "Tamarisk 2019"]
    sort_links = by_date.dom.find("nav", class_="search-sort").find_all("a")
    assert [a.text for a in sort_links if a.get("aria-current")] == ["Date"]


def test_ten_results_a_page_with_the_total_announced(site_content, search):
    for i in range(23):
        StandardPageFactory(title=f"Bramblewick {i:02d}")

    first = search(q="bramblewick")
    third = search(q="bramblewick", page=3)

    assert len(first.results) == 10 and len(third.results) == 3
    status = first.dom.find(id="search-result-count")
    assert status["role"] == "status" and status.text == "23 results for “bramblewick”"
    assert "(23 results)" in first.dom.find("title").text
    assert third.dom.find("ol", class_="search-results")["start"] == "21"
    assert search(q="bramblewick", page=4).status == 404


def test_the_results_page_is_noindex_public_and_the_same_for_everyone(site_content, search):
    page = search(q="leadership")

    assert page.dom.find("meta", name="robots")["content"] == "noindex"
    cache_control = page.response["Cache-Control"]
    assert "public" in cache_control and "max-age=60" in cache_control
    assert not page.response.cookies
    assert "Cookie" not in page.response.get("Vary", "")


def test_the_index_follows_publish_unpublish_and_delete(site_content, search):
    page = StandardPageFactory(title="Corbelstone first", live=False)
    page.save_revision().publish()
    assert search(q="corbelstone").titles == ["Corbelstone first"]

    page.refresh_from_db()
    page.title = "Corbelstone second"
    page.save_revision().publish()
    assert search(q="corbelstone").titles == ["Corbelstone second"]

    page.refresh_from_db()
    page.unpublish()
    assert search(q="corbelstone").titles == []

    page.save_revision().publish()
    page.refresh_from_db()
    assert search(q="corbelstone").titles == ["Corbelstone second"]
    page.delete()
    assert search(q="corbelstone").titles == []


def test_queries_do_not_grow_with_the_number_of_results(site_content, client):
    def count_queries(query):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("search"), {"q": query}).status_code == 200
        return len(captured)

    # Three results or more, so neither search looks for a spelling suggestion.
    for i in range(3):
        ViewpointPageFactory(title=f"Plinthwise {i}")
    for i in range(12):
        ViewpointPageFactory(title=f"Ossuarine {i}")
    for i in range(3):
        ViewpointPageFactory(title=f"Quarrender {i}")
    # Fill the caches every later request relies on (the first also makes the menu setting).
    count_queries("quarrender")
    count_queries("quarrender")

    assert count_queries("ossuarine") == count_queries("plinthwise")


def test_a_search_matching_more_than_the_limit_answers_from_the_newest(
    site_content, search, monkeypatch
):
    monkeypatch.setattr("search.engine.MATCH_LIMIT", 5)
    first, _second = _facet_pages()  # six pages say "marrowfield"
    ViewpointPageFactory(title="Marrowfield newest", focus_areas=[first])
    oldest = ViewpointPageFactory(title="Marrowfield oldest")
    marrowfield = Page.objects.filter(title__startswith="Marrowfield")
    for days, pk in enumerate(marrowfield.order_by("pk").values_list("pk", flat=True)):
        marrowfield.filter(pk=pk).update(
            first_published_at=timezone.now() - datetime.timedelta(days=100 - days)
        )
    Page.objects.filter(pk=oldest.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=1000)
    )
    chosen = sorted(marrowfield.order_by("-first_published_at").values_list("title", flat=True)[:5])

    page = search(q="marrowfield")

    assert page.count_text == "More than 5 results for “marrowfield”"
    assert sorted(page.titles) == chosen
    assert "Marrowfield newest" in page.titles and "Marrowfield oldest" not in page.titles
    limit = page.dom.find("p", class_="search-limit").text
    assert "drawn from the 5 most recently published" in limit
    assert "Add a word to find older pages" in limit
    # Each facet counts among the same five pages, so choosing it shows what it said.
    types = page.facet_links("Type")
    assert sum(count for count, _url in types.values()) == 5
    for label, (count, url) in list(types.items()) + list(page.facet_links("Focus area").items()):
        narrowed = search(url)
        assert len(narrowed.results) == count, label
        results = f"{count} result{'s' if count != 1 else ''}"
        assert narrowed.count_text == f"{results} for “marrowfield” with the filters chosen"
        assert (
            "results and the filters are drawn from the 5"
            in narrowed.dom.find("p", class_="search-limit").text
        )

    # A word more finds the oldest page, and a search within the limit says nothing of it.
    narrower = search(q="marrowfield oldest")
    assert narrower.titles == ["Marrowfield oldest"]
    assert narrower.count_text == "1 result for “marrowfield oldest”"
    assert narrower.dom.find("p", class_="search-limit") is None


def test_a_search_is_kept_until_the_content_changes(small_site, client):
    def search_queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", {"q": "zephyrine"})
        searched = [q for q in captured.captured_queries if "indexentry" in q["sql"].lower()]
        return response, searched

    StandardPageFactory(parent=small_site, title="Zephyrine one", slug="zephyrine-one")
    search_queries()  # what a first view makes (settings, renditions)
    _response, first = search_queries()
    response, kept = search_queries()
    # Only the excerpts of the page of results shown are read again, not the search itself.
    assert len(kept) == 1 < len(first)
    assert b"1 result" in response.content

    StandardPageFactory(parent=small_site, title="Zephyrine two", slug="zephyrine-two")
    response, searched = search_queries()
    assert len(searched) > 1  # searched again
    assert b"2 results" in response.content


def test_an_editors_pick_shows_at_once_in_a_search_already_kept(small_site, client):
    picked = StandardPageFactory(parent=small_site, title="Pick of the week", slug="pick")
    for _ in range(2):
        response = client.get("/search/", {"q": "zephyrine"})
    assert b"Pick of the week" not in response.content

    SearchPromotion.objects.create(
        query=Query.get("zephyrine"), page=picked, description="Start here."
    )

    response = client.get("/search/", {"q": "zephyrine"})
    assert b"Pick of the week" in response.content
