"""Bad parameters on every API endpoint answer 400 with a message in the API's JSON, never 500."""

import pytest

from core.factories import DocumentFactory, ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = ["pages", "images", "documents"]

HUGE = "9" * 20

# (query string, words the message must hold)
BAD_LISTING_PARAMETERS = [
    ("search=%00", "control characters: search"),
    ("search=leader%00ship&order=title", "control characters: search"),
    (f"offset={HUGE}", "offset cannot be higher than"),
    (f"limit={HUGE}", "limit cannot be higher than"),
    ("offset=-1", "offset must be a positive integer"),
    ("search=leadership&search_operator=xor", "search_operator must be 'and' or 'or'"),
    ("search_operator=xor", "search_operator must be 'and' or 'or'"),
    ("locale=%00", "control characters: locale"),
    ("order=%00", "control characters: order"),
    ("fields=%00", "control characters: fields"),
    ("id=%00", "control characters: id"),
    ("title%00=x", "control characters"),
]


@pytest.fixture
def content(home):
    StandardPageFactory(parent=home, title="Quorate stewardship")
    ImageFactory()
    DocumentFactory()


def bad_request(client, path):
    response = client.get(path)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    assert response.status_code == 400, response.content[:200]
    return response.json()["message"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(("query", "expected"), BAD_LISTING_PARAMETERS)
def test_bad_listing_parameters_answer_400(client, content, endpoint, query, expected):
    assert expected in bad_request(client, f"/api/v2/{endpoint}/?{query}")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("first_published_at=notadate", "not a valid value for first_published_at"),
        ("first_published_at=2024-02-30", "not a valid value for first_published_at"),
    ],
)
def test_a_date_filter_that_is_no_date_answers_400(client, content, query, expected):
    assert expected in bad_request(client, f"/api/v2/pages/?{query}")


def test_a_date_filter_that_is_a_date_still_filters(client, content):
    response = client.get("/api/v2/pages/?first_published_at=2000-01-01T00:00:00Z")
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0


def test_an_image_date_filter_that_is_no_date_answers_400(client, content):
    message = bad_request(client, "/api/v2/images/?created_at=notadate")
    # Either refused as a field not offered, or as a value that is no date: never a query.
    assert "created_at" in message


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("html_path=%00", "control characters: html_path"),
        ("html_path=/leadership%00/", "control characters: html_path"),
        ("id=%00", "control characters: id"),
        ("id=abc", "id must be a positive integer"),
    ],
)
def test_find_with_bad_parameters_answers_400(client, content, query, expected):
    assert expected in bad_request(client, f"/api/v2/pages/find/?{query}")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_find_or_detail_of_a_huge_id_is_not_found(client, content, endpoint):
    for path in (f"/api/v2/{endpoint}/find/?id={HUGE}", f"/api/v2/{endpoint}/{HUGE}/"):
        response = client.get(path)
        assert response.status_code == 404, (path, response.content[:200])


def test_good_parameters_still_answer(client, content):
    response = client.get("/api/v2/pages/?search=quorate&search_operator=and&offset=0")
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Quorate stewardship"]
