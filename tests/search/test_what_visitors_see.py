"""Results in visitors' words: types named as on the cards, excerpts that say each thing once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import ImageFactory, StandardPageFactory, paragraph_block
from core.models import HomePage
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


def test_type_facets_list_only_kinds_of_content_by_their_visitor_labels(small_site, search):
    home = HomePage.objects.get()
    home.title = "Wrenfold centre"
    home.save_revision().publish()
    ViewpointPageFactory(title="Wrenfold thinking")

    page = search(q="wrenfold")

    assert set(page.facet_links("Type")) == {"Viewpoint"}
    labels = {
        r.find("a", class_="search-result__link").text: r.find(
            "span", class_="search-result__type"
        ).text
        for r in page.results
    }
    # The home page is still found, named as visitors would name it.
    assert labels == {"Wrenfold thinking": "Viewpoint", "Wrenfold centre": "Home page"}


def test_a_summary_that_repeats_the_body_is_shown_once(small_site, search):
    said = "Discussion relating to system leadership in the Brackenholt region"
    StandardPageFactory(
        title="A meeting",
        summary=said,
        body=[paragraph_block(f"<p>{said}</p>"), paragraph_block("<p>Then we left.</p>")],
    )

    (result,) = search(q="brackenholt").results
    excerpt = result.find("p", class_="search-result__excerpt").text

    assert excerpt.count("Brackenholt") == 1, excerpt


def test_image_alt_text_is_not_shown_twice(small_site, search):
    image = ImageFactory()
    alt = "Leaders of the Quorndale trust around a table"
    StandardPageFactory(
        title="A workshop",
        summary="",
        body=[
            paragraph_block(f"<p>{alt}</p>"),
            {"type": "image", "value": {"image": image.pk, "alt_text": alt, "decorative": False}},
        ],
    )

    (result,) = search(q="quorndale").results
    excerpt = result.find("p", class_="search-result__excerpt").text

    assert excerpt.count("Quorndale") == 1, excerpt


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params", ["q=thistlecombe", "q=thistlecombe&sort=date", "q=thistlecombe&type=viewpoint"]
)
def test_the_results_page_costs_the_same_queries_however_many_pages_match(
    small_site, client, params
):
    for i in range(3):
        ViewpointPageFactory(title=f"Thistlecombe {i}")
    _queries_for(client, f"/search/?{params}")  # caches of content types and site paths filled
    few = _queries_for(client, f"/search/?{params}&page=1")
    for i in range(3, 40):
        ViewpointPageFactory(title=f"Thistlecombe {i}")
    many = _queries_for(client, f"/search/?{params}&page=1")

    assert many == few
    assert many <= 30
