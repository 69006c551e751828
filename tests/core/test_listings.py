"""Every listing answers bad query strings with a page or a 404, never a server error."""

import pytest

from core.factories import StandardPageFactory
from focus_areas.factories import FocusAreaPageFactory
from interviews.factories import InterviewPageFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db

# (index fixture, factory for one of its children)
LISTINGS = {
    "programme_index": ProgrammePageFactory,
    "interview_index": InterviewPageFactory,
    "viewpoint_index": ViewpointPageFactory,
    "publication_index": PublicationPageFactory,
    "focus_area_index": FocusAreaPageFactory,
}

LONG = "9" * 5000
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(params=list(LISTINGS))
def listing(request):
    """A listing page with one item in it."""
    index = request.getfixturevalue(request.param)
    LISTINGS[request.param](parent=index, title="Leading differently in Cornwall")
    return index


NO_SUCH_PAGE = [
    "page=abc",
    "page=0",
    "page=-1",
    "page=2",
    "page=99999",
    "page=1.5",
    "page=%00",
    "page=1%00",
    f"page={LONG}",
    "page=%3Cscript%3E",
    "page=1&page=abc",
    "status=current&page=abc",
]
FIRST_PAGE = ["", "page=", "page=1", "page=%20", "page=01"]
UNKNOWN_FILTERS = [
    "status=bogus",
    "focus_area=bogus",
    "status=",
    "focus_area=",
    "status=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "focus_area=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "status=current%00",
    "focus_area=%00",
    f"status={'x' * 5000}",
    f"focus_area={'x' * 5000}",
    "unknown=1",
    "status=current&status=delivered",
    "q=%FF%FE",
]

# Each listing is checked with every value in one test: building the site is the slow part.


def test_a_page_of_results_that_does_not_exist_is_a_404(client, listing):
    for query in NO_SUCH_PAGE:
        response = client.get(f"{listing.url}?{query}")

        assert response.status_code == 404, query
        assert b"Page not found" in response.content, query


def test_the_first_page_is_shown(client, listing):
    for query in FIRST_PAGE:
        response = client.get(f"{listing.url}?{query}")

        assert response.status_code == 200, query
        assert b"Leading differently in Cornwall" in response.content, query


def test_unknown_filters_never_break_a_listing(client, listing):
    filterset = type(listing).filterset_class
    for query in UNKNOWN_FILTERS:
        response = client.get(f"{listing.url}?{query}")

        # A listing with a filterset (core.filtering) names a value of its own filters that it
        # cannot use, and answers 400; anything else it does not filter by is no concern of it.
        name, _, value = query.partition("=")
        # A filter given twice with values it knows takes the last, as django-filter does.
        repeated = "&" in value
        bad = filterset is not None and name in filterset.base_filters and bool(value)
        bad = bad and not repeated
        assert response.status_code == (400 if bad else 200), query
        if bad:
            assert b"Some filters could not be used" in response.content, query
        assert SCRIPT.encode() not in response.content, query


def test_the_second_page_lists_what_the_first_does_not(client, programme_index):
    for n in range(11):
        ProgrammePageFactory(parent=programme_index, title=f"Programme {n:02d}", start_date=None)

    first = client.get(programme_index.url)
    second = client.get(f"{programme_index.url}?page=2")

    assert first.status_code == second.status_code == 200
    on_first = [n for n in range(11) if f"Programme {n:02d}<".encode() in first.content]
    on_second = [n for n in range(11) if f"Programme {n:02d}<".encode() in second.content]
    assert len(on_first) == 10
    assert len(on_second) == 1
    assert not set(on_first) & set(on_second)
    assert b'rel="next"' in first.content
    assert client.get(f"{programme_index.url}?page=3").status_code == 404


IGNORED = ["page=abc", "page=99999", "status=bogus", f"focus_area={SCRIPT}", "x=%00"]


def test_pages_that_do_not_list_ignore_query_strings(client, focus_areas):
    home = focus_areas[0].get_parent().get_parent()
    why = StandardPageFactory(parent=home, title="Why systems leadership?")

    for page in (home, why, focus_areas[0]):
        for query in IGNORED:
            response = client.get(f"{page.url}?{query}")

            assert response.status_code == 200, (page.url, query)
            assert SCRIPT.encode() not in response.content, (page.url, query)
