"""The error pages: in the site's look, and the 500 page without a database or a request."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.core.html import inline_code, parse


@pytest.mark.django_db
def test_404_page_in_the_site_frame(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = parse(response)
    assert "Page not found" in html.text
    assert html.find("main", id="main-content") is not None
    assert html.find("form", role="search") is not None
    assert inline_code(html) == []


def test_500_page_needs_no_database_and_no_request():
    # No django_db mark: any query while rendering would raise here.
    html = parse(render_to_string("500.html"))
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert parse(response).text == html.text

    assert "Sorry, there is a problem with the service" in html.text
    assert html.find("link", rel="stylesheet") is not None
    assert html.find("a", href="/") is not None
    assert inline_code(html) == []


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?page=abc", "?page=99999", "?page=0", "?page=-1"])
def test_bad_page_numbers_get_the_404_page(client, programme_index, query):
    response = client.get(programme_index.url + query)
    assert response.status_code == 404
    assert "Page not found" in parse(response).text
