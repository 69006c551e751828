"""When the search backend fails, search says so (503) and the rest of the site carries on."""

import json

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

pytestmark = pytest.mark.django_db


class BackendDown(Exception):
    pass


@pytest.fixture
def backend_down(monkeypatch):
    """Every search and autocomplete raises, as when the index or the search service is gone."""
    backend_class = type(get_search_backend())

    def fail(*args, **kwargs):
        raise BackendDown("the search backend is unreachable")

    monkeypatch.setattr(backend_class, "search", fail)
    monkeypatch.setattr(backend_class, "autocomplete", fail)


@pytest.fixture
def database_error_in_search(monkeypatch):
    """The search's own SQL fails inside the request's transaction (fatal to it on PostgreSQL)."""
    backend_class = type(get_search_backend())

    def fail(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM search_table_that_does_not_exist")

    monkeypatch.setattr(backend_class, "search", fail)


def test_search_says_it_is_unavailable(small_site, client, backend_down):
    response = client.get("/search/", {"q": "leadership"})

    assert response.status_code == 503
    assert b"Search is unavailable" in response.content
    assert response["Retry-After"] == "120"
    assert "no-store" in response["Cache-Control"]


def test_other_pages_keep_working(small_site, client, backend_down):
    assert client.get("/search/", {"q": "leadership"}).status_code == 503

    assert client.get("/").status_code == 200
    assert client.get("/viewpoints/").status_code == 200
    # The empty search page does not need the backend.
    assert client.get("/search/").status_code == 200


def test_a_failing_query_does_not_spoil_the_rest_of_the_request(
    small_site, client, database_error_in_search
):
    response = client.get("/search/", {"q": "leadership"})

    # The page around the message (menu, footer) still renders from the database.
    assert response.status_code == 503
    assert b"Search is unavailable" in response.content
    assert b"site-footer" in response.content


def test_suggestions_say_they_are_unavailable(small_site, client, backend_down):
    response = client.get("/search/suggest/", {"q": "leader"})

    assert response.status_code == 503
    assert json.loads(response.content)["results"] == []
