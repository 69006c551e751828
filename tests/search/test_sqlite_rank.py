"""On SQLite results are ranked in one pass of the index, in the order Wagtail's backend gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import sqlite_rank
from search.engine import SiteSearch
from viewpoints.factories import ViewpointPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text ranking"),
]

# Bodies where the word weighs differently: repeated, alone, among many others.
BODIES = [
    "Wrenfield " * 6,
    "Wrenfield and the leadership of care in the places people live.",
    "A long account " * 40 + "that mentions Wrenfield once.",
    "Wrenfield, Wrenfield: two mentions among a few words.",
]


def test_the_one_pass_order_is_the_backends_own(small_site):
    for n, body in enumerate(BODIES * 3):
        ViewpointPageFactory(title=f"Viewpoint {n}", summary=body)
    ViewpointPageFactory(title="Wrenfield in the title", summary="Nothing else.")
    searcher = SiteSearch()
    own = searcher.backend.search("wrenfield", searcher.base, operator="and")
    # The backend's order, with the title tier this site puts first.
    expected = [page.pk for page in own if "Wrenfield" in page.title]
    expected += [page.pk for page in own if "Wrenfield" not in page.title]

    matching, ranked, _more = searcher.matching(["wrenfield"])

    assert sqlite_rank.applies_to(own)
    assert [page.pk for page in ranked] == expected
    assert len(expected) == 13
    # The bodies do weigh differently, so the order is the scores' and not the ids'.
    scores = sqlite_rank.scores(own, searcher.backend, [page.pk for page in matching])
    assert len(set(scores.values())) >= 4
    assert expected[1:] != sorted(expected[1:], reverse=True)


def test_ranking_costs_the_same_queries_however_many_pages_match(small_site):
    def queries(word):
        searcher = SiteSearch()
        with CaptureQueriesContext(connection) as captured:
            _matching, ranked, _more = searcher.matching([word])
            list(ranked[:10])
        return len(captured)

    for n in range(3):
        ViewpointPageFactory(title=f"Quillmere {n}")
    for n in range(30):
        ViewpointPageFactory(title=f"Sallowby {n}")

    assert queries("quillmere") == queries("sallowby")


def test_suggestions_come_best_first(small_site, client):
    ViewpointPageFactory(title="Brackenholt")
    ViewpointPageFactory(title="Brackenholt and Brackenholt partners")
    searcher = SiteSearch()
    own = searcher.backend.autocomplete("brackenh", searcher.base, operator="and")

    assert [p.pk for p in searcher.suggestions(["brackenh"], 6)] == [p.pk for p in own]
