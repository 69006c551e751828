"""Results are ranked from one read of the newest matches, in the order Wagtail's backend gives
(on SQLite, scored in one pass of the full-text index)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import sqlite_rank
from search.engine import SiteSearch
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text ranking")

# Bodies where the word weighs differently: repeated, alone, among many others.
BODIES = [
    "Wrenfield " * 6,
    "Wrenfield and the leadership of care in the places people live.",
    "A long account " * 40 + "that mentions Wrenfield once.",
    "Wrenfield, Wrenfield: two mentions among a few words.",
]


def test_the_order_is_the_backends_own(small_site):
    for n, body in enumerate(BODIES * 3):
        ViewpointPageFactory(title=f"Viewpoint {n}", summary=body)
    ViewpointPageFactory(title="Wrenfield in the title", summary="Nothing else.")
    searcher = SiteSearch()
    own = searcher.backend.search("wrenfield", searcher.base, operator="and")
    # The backend's order, with the title tier this site puts first.
    expected = [page.pk for page in own if "Wrenfield" in page.title]
    expected += [page.pk for page in own if "Wrenfield" not in page.title]

    matching, ranked, _more = searcher.matching(["wrenfield"])

    assert sqlite_rank.applies_to(own) == (connection.vendor == "sqlite")
    assert ranked == expected
    assert sorted(matching.values_list("pk", flat=True)) == sorted(expected)
    assert len(expected) == 13
    # The bodies do weigh differently, so the order is the scores' and not the ids'.
    assert expected[1:] != sorted(expected[1:], reverse=True)


def test_ranking_costs_the_same_queries_however_many_pages_match(small_site):
    def queries(word):
        searcher = SiteSearch()
        with CaptureQueriesContext(connection) as captured:
            _matching, ranked, _more = searcher.matching([word])
            ranked[:10]
        return len(captured)

    for n in range(3):
        ViewpointPageFactory(title=f"Quillmere {n}")
    for n in range(30):
        ViewpointPageFactory(title=f"Sallowby {n}")

    assert queries("quillmere") == queries("sallowby")


@sqlite_only
def test_sqlite_scores_tell_the_bodies_apart(small_site):
    for n, body in enumerate(BODIES):
        ViewpointPageFactory(title=f"Viewpoint {n}", summary=body)
    searcher = SiteSearch()
    own = searcher.backend.search("wrenfield", searcher.base, operator="and")

    scores = sqlite_rank.scores(own, searcher.backend, [page.pk for page in own])

    assert len(set(scores.values())) == len(BODIES)


def test_suggestions_come_best_first(small_site, client):
    ViewpointPageFactory(title="Brackenholt")
    ViewpointPageFactory(title="Brackenholt and Brackenholt partners")
    searcher = SiteSearch()
    own = searcher.backend.autocomplete("brackenh", searcher.base, operator="and")

    assert [p.pk for p in searcher.suggestions(["brackenh"], 6)] == [p.pk for p in own]
