"""Hostile values in every query parameter the site's own GET views read: never a 500."""

import pytest

from focus_areas.factories import FocusAreaPageFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nul": "\x00",
    "control": "lead\x0bership\x1b[2J",
    "huge": "9" * 30,
    "too-long-for-int": "9" * 5000,
    "long-text": "leadership " * 2000,
    "lone-surrogate-bytes": "%ED%A0%80",
}

# What each page reads from its query string (and one name it does not read at all).
ENDPOINTS = {
    "home": ("/", ["page", "unread"]),
    "search": ("/search/", ["q", "page", "type", "focus_area", "sort"]),
    "suggest": ("/search/suggest/", ["q"]),
    "programmes": ("/programmes/", ["page", "status", "applications", "focus_area"]),
    "publications": ("/publications/", ["page", "kind", "author", "focus_area"]),
    "viewpoints": ("/viewpoints/", ["page", "year", "author", "focus_area"]),
    "focus area": ("/focus-areas/evaluation/", ["page"]),
    "people": ("/people/", ["page"]),
    "partners": ("/partners/", ["page"]),
    "viewpoint feed": ("/feeds/viewpoints/rss/", ["page", "unread"]),
    "focus area feed": ("/feeds/focus-areas/evaluation/atom/", ["unread"]),
    "sitemap": ("/sitemap.xml", ["p"]),
    "robots": ("/robots.txt", ["unread"]),
}


@pytest.fixture
def site(home, programme_index, publication_index, viewpoint_index, focus_area_index):
    area = FocusAreaPageFactory(parent=focus_area_index, title="Evaluation", slug="evaluation")
    ProgrammePageFactory(parent=programme_index, focus_areas=[area])
    PublicationPageFactory(parent=publication_index, focus_areas=[area])
    ViewpointPageFactory(parent=viewpoint_index, focus_areas=[area])
    return home


def url_with(path, name, value):
    if value.startswith("%"):  # already percent-encoded bytes that are no UTF-8
        return f"{path}?{name}={value}"
    return path, {name: value}


def test_every_endpoint_answers_without_parameters(client, site):
    # So that a 404 below is the answer to the value, not to a page that is not there.
    statuses = {endpoint: client.get(path).status_code for endpoint, (path, _) in ENDPOINTS.items()}
    assert set(statuses.values()) == {200}, statuses


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_no_hostile_value_makes_a_500(client, site, value):
    answers = {}
    for endpoint, (path, names) in ENDPOINTS.items():
        for name in names:
            target = url_with(path, name, value)
            response = client.get(*target) if isinstance(target, tuple) else client.get(target)
            answers[(endpoint, name)] = response.status_code
    broken = {key: status for key, status in answers.items() if status not in (200, 400, 404)}
    assert not broken, broken
    # A page number that is no page is not found; a filter that is no choice is a bad request.
    assert answers[("programmes", "page")] == 404
    assert answers[("viewpoints", "year")] == 400
