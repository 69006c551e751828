"""Search-as-you-type: titles of live, public pages as JSON, for the header box's script."""

import json

import pytest
from wagtail.models import PageViewRestriction

from core.factories import StandardPageFactory
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def suggestions(client, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_titles_that_start_with_what_was_typed(site_content, client):
    viewpoint = ViewpointPageFactory(title="Gallowglass partnerships")
    StandardPageFactory(title="Gallowglass draft", live=False)
    private = StandardPageFactory(title="Gallowglass private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response, data = suggestions(client, "gallowgl")

    assert data["query"] == "gallowgl"
    assert data["results"] == [
        {"title": "Gallowglass partnerships", "url": viewpoint.url, "type": "Viewpoint"}
    ]
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_too_short_a_query_suggests_nothing(site_content, client):
    assert suggestions(client, "g")[1]["results"] == []
