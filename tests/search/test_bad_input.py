"""Whatever a visitor or a robot sends, the answer is a page or a 404, never a 500."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.forms import MAX_QUERY_LENGTH, clean_query, query_terms

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    "",
    "   ",
    "\t\n",
    "x" * 10_000,
    "leadership " * 1_000,
    "Évaluation à Århus, naïve café",
    "日本語の検索",
    "😀🎉🏥",
    "leadership 😀",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    '" OR ""="',
    'title:leadership AND (care OR "health") NOT x~2 +y -z field:[a TO b] ^3 *',
    "{title body} : leader*",
    "NEAR(leadership care, 2)",
    "leader\x00ship",
    "\x00",
    "%s %d %%",
    "\\",
    "'",
    '"',
    "&&||!():^",
    "<script>alert(1)</script>",
    "a",
    "_",
    "__init__",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_get_a_page(small_site, search, query):
    page = search(q=query)

    assert page.status == 200
    assert "<script>alert" not in page.html
    if clean_query(query):
        assert page.dom.find(id="search-result-count") is not None
    else:
        assert page.dom.find("input", id="search-q")["value"] == ""


def test_a_ten_thousand_character_query_costs_what_its_first_words_cost(small_site, client):
    def queries(q):
        cache.clear()  # the search itself, not a kept answer
        client.get("/search/", {"q": q})  # what a first view makes (settings, renditions)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", {"q": q})
        assert response.status_code == 200
        return [query["sql"] for query in captured]

    short, long = "leadership care", "leadership care " * 625
    queries(short), queries(long)  # each logged once, the caches filled

    # The words past the first few are never searched for: the database does the same work.
    assert len(queries(long)) == len(queries(short))
    # Only the logged query, cut to MAX_QUERY_LENGTH, makes any statement longer.
    longest = max(len(sql) for sql in queries(long))
    assert longest <= max(len(sql) for sql in queries(short)) + MAX_QUERY_LENGTH


@pytest.mark.parametrize("page_number", ["0", "-1", "abc", "99999", "1.5", "1e3", "\x00"])
def test_pages_that_do_not_exist_are_404(small_site, search, page_number):
    assert search(q="leadership", page=page_number).status == 404


def test_an_empty_page_parameter_is_the_first_page(small_site, search):
    assert search("?q=leadership&page=").status == 200


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "no-such-type"}, "There is no such type of page; showing every type."),
        ({"type": "\x00"}, "There is no such type of page; showing every type."),
        ({"focus_area": "nowhere"}, "There is no such focus area; showing every focus area."),
        ({"sort": "popularity"}, "Results can be sorted by relevance or by date"),
    ],
)
def test_unknown_filters_are_dropped_with_a_message(small_site, search, params, message):
    unfiltered = search(q="leadership")
    page = search(q="leadership", **params)

    assert page.status == 200
    assert message in page.dom.find("div", class_="message").text
    assert page.count_text == unfiltered.count_text
    # Links on the page never carry the bad value along.
    bad = next(iter(params.values()))
    hrefs = [a.get("href", "") for a in page.dom.find_all("a")]
    assert not any(f"={bad}" in href for href in hrefs if bad)


def test_repeated_parameters_use_one_value(small_site, search):
    assert search("?q=leadership&q=care&type=x&type=y&sort=date&sort=relevance").status == 200


def test_query_cleaning():
    assert clean_query("  a\x00b\u200b  c\t ") == "ab c"
    assert len(clean_query("x" * 10_000)) == MAX_QUERY_LENGTH
    assert clean_query("leadership care " * 625).endswith("leadership care")
    assert len(clean_query("leadership care " * 625)) <= MAX_QUERY_LENGTH
    assert query_terms("Title:Leadership AND (care) leadership") == (
        "title",
        "leadership",
        "and",
        "care",
    )
    assert query_terms("😀 '; --") == ()
    assert len(query_terms(" ".join(f"w{i}" for i in range(50)))) == 10


@pytest.mark.parametrize("query", ["", "a", "x" * 10_000, "😀", "'\"\\\x00", "NEAR(a b)", "le"])
def test_suggestions_answer_odd_input_with_json(small_site, client, query):
    response = client.get("/search/suggest/", {"q": query})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert isinstance(json.loads(response.content)["results"], list)
