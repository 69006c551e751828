"""What a page costs when the HTTP cache misses: at most ten queries, for every page type.

The worst case a visitor meets is the first view of a page after an editor changed something:
every kept fragment, the site, its settings and the menu are stale then (core/fragments.py).
The first page viewed after the change rebuilds what every page shares; each page type is then
counted on its own first view, filled as editors fill it (pictures, people, partners, areas).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.factories import ImageFactory, StandardPageFactory
from core.fragments import content_changed
from interviews.factories import InterviewPageFactory
from people.factories import PartnerFactory, PersonFactory
from programmes.factories import ProgrammePageFactory
from publications.factories import PublicationPageFactory, authors
from viewpoints.factories import ViewpointPageFactory

BUDGET = 10


def add_content(indexes, area, count):
    """`count` pages of each content type on `area`, filled as editors fill them; the first
    of each type."""
    programme_index, interview_index, viewpoint_index, publication_index = indexes
    people = PersonFactory.create_batch(count, with_photo=True)
    first = []
    for index in range(count):
        image = ImageFactory()
        programme = ProgrammePageFactory(
            parent=programme_index,
            with_key_facts=True,
            listing_image=image,
            partners=PartnerFactory.create_batch(2),
        )
        interview = InterviewPageFactory(parent=interview_index, leader=people[index])
        viewpoint = ViewpointPageFactory(parent=viewpoint_index, listing_image=image)
        publication = PublicationPageFactory(
            parent=publication_index, authors=authors(*people[: index + 1])
        )
        for page in (programme, interview, viewpoint, publication):
            page.focus_areas = [area]
            page.save_revision().publish()
        if index == 0:
            first = [programme, interview, viewpoint, publication]
    return first


@pytest.fixture
def indexes(programme_index, interview_index, viewpoint_index, publication_index):
    return (programme_index, interview_index, viewpoint_index, publication_index)


@pytest.fixture
def filled_site(home, focus_area_index, indexes, contact_page, focus_areas):
    area = focus_areas[0]
    first = add_content(indexes, area, 3)
    return [
        home,
        focus_area_index,
        area,
        *first,
        StandardPageFactory(parent=home),
        *indexes,
        contact_page,
    ]


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    # Savepoints are transaction bookkeeping (ATOMIC_REQUESTS on PostgreSQL), not the page's.
    return sum(
        1
        for query in captured.captured_queries
        if not query["sql"].lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    )


def counts_after_a_change(client, pages):
    for page in pages:
        client.get(page.url)  # renditions are made once, on the first view ever
    content_changed()  # an editor publishes: everything kept is stale
    client.get("/people/")  # the first view after it rebuilds what every page shares
    return {type(page.specific).__name__: queries_of(client, page.url) for page in pages}


def test_every_page_type_after_a_change_costs_at_most_ten_queries(client, filled_site):
    counts = counts_after_a_change(client, filled_site)

    assert len(counts) == 13, counts
    assert max(counts.values()) <= BUDGET, counts


def test_the_cost_does_not_grow_with_the_content(client, filled_site, indexes, focus_areas):
    # More than a focus area's section shows (it then links to the rest), then more again.
    add_content(indexes, focus_areas[0], 5)
    before = counts_after_a_change(client, filled_site)
    add_content(indexes, focus_areas[0], 8)

    assert counts_after_a_change(client, filled_site) == before


def test_a_filtered_listing_costs_no_more(client, filled_site):
    urls = ["/programmes/?focus_area=evaluation", "/publications/?year=2020&kind=report"]
    urls += ["/viewpoints/?focus_area=evaluation"]
    for url in urls:
        client.get(url)
    content_changed()
    client.get("/people/")

    counts = {url: queries_of(client, url) for url in urls}

    assert max(counts.values()) <= BUDGET, counts


# A search typed afresh is also counted in the search log (search/query_log.py): on its first
# time that day, a read of the day's count, then the query and its day row made and counted.
LOGGED_SEARCH = 6


def test_search_results_of_every_type_cost_at_most_ten_queries(client, filled_site):
    from django.core.management import call_command
    from django.db.models import Value
    from django.db.models.functions import Concat
    from wagtail.models import Page

    # One word every page of every type has, found on both databases' search.
    Page.objects.filter(depth__gt=2).update(title=Concat(Value("Quillmoor "), "title"))
    call_command("update_index", verbosity=0)
    counts_after_a_change(client, filled_site)
    url = "/search/?q=quillmoor"
    # What searches share until the content changes (the focus areas, any private sections)
    # is read by the first one.
    client.get(url + "&page=2")
    paged = queries_of(client, url + "&page=1")
    filtered = queries_of(client, url + "&type=programme&focus_area=evaluation")
    logged = queries_of(client, url)

    response = client.get(url + "&page=1")
    assert response.content.count(b'<li class="search-result') == 10
    assert max(paged, filtered) <= BUDGET, (paged, filtered)
    assert logged == paged + LOGGED_SEARCH
