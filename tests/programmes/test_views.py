"""The programmes index (filters, pagination, query count) and a programme's own page."""

import datetime

import pytest
from django.utils.html import escape

from core.factories import ImageFactory
from people.factories import PartnerFactory
from programmes.applications import ApplicationMode, ApplicationWindow
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammeStatus
from tests.core.html import parse

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
YEAR = datetime.timedelta(days=365)
DAY = datetime.timedelta(days=1)


def shows(response, text):
    return escape(text).encode() in response.content


@pytest.fixture
def programmes(programme_index, focus_areas):
    evaluation, development, _research = focus_areas
    return {
        "delivered": ProgrammePageFactory(
            parent=programme_index,
            title="Integrated Teams Pilot Programme",
            start_date=TODAY - 3 * YEAR,
            end_date=TODAY - 2 * YEAR,
            focus_areas=[evaluation],
        ),
        "current": ProgrammePageFactory(
            parent=programme_index,
            title="PHM support to core leadership teams",
            start_date=TODAY - YEAR,
            end_date=None,
            focus_areas=[development],
        ),
        "in_development": ProgrammePageFactory(
            parent=programme_index,
            title="Systems Leadership development programme",
            start_date=None,
            end_date=None,
            status=ProgrammeStatus.IN_DEVELOPMENT,
            focus_areas=[development],
        ),
    }


def test_programme_page_shows_its_facts(client, programme_index, focus_areas):
    page = ProgrammePageFactory(
        parent=programme_index,
        title="Leading D!fferently",
        summary="A programme to develop systems leadership in three localities.",
        place="Cornwall",
        audience="Senior leaders across Cornwall Council",
        start_date=datetime.date(2018, 4, 1),
        end_date=datetime.date(2019, 3, 31),
        partners=[PartnerFactory(name="Cornwall County Council", url="https://cornwall.example")],
        focus_areas=[focus_areas[1]],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "programmes/programme_page.html"
    for text in [
        "Leading D!fferently",
        "A programme to develop systems leadership in three localities.",
        "Cornwall",
        "Senior leaders across Cornwall Council",
        "2018–2019",
        "Delivered",
        "Cornwall County Council",
        "Development",
    ]:
        assert shows(response, text), text


def test_index_lists_programmes_with_status_and_partners(client, programme_index):
    ProgrammePageFactory(
        parent=programme_index,
        title="The 21st Century Public Servant",
        start_date=datetime.date(2017, 9, 1),
        end_date=datetime.date(2020, 7, 31),
        partners=[PartnerFactory(name="Public Health England")],
    )

    response = client.get(programme_index.url)

    assert response.status_code == 200
    assert shows(response, "The 21st Century Public Servant")
    assert shows(response, "2017–2020")
    assert shows(response, "Delivered")
    assert shows(response, "Public Health England")


@pytest.mark.parametrize("status", ProgrammeStatus.values)
def test_filter_by_status(client, programme_index, programmes, status):
    response = client.get(f"{programme_index.url}?status={status}")

    assert response.status_code == 200
    listed = {key for key, page in programmes.items() if shows(response, page.title)}
    assert listed == {status}


def test_filter_by_focus_area(client, programme_index, programmes):
    response = client.get(f"{programme_index.url}?focus_area=development")

    listed = {key for key, page in programmes.items() if shows(response, page.title)}
    assert listed == {"current", "in_development"}
    assert b'<option value="development" selected>' in response.content


def test_filters_combine(client, programme_index, programmes):
    response = client.get(f"{programme_index.url}?focus_area=development&status=current")

    listed = {key for key, page in programmes.items() if shows(response, page.title)}
    assert listed == {"current"}


def test_a_filter_with_no_match_says_so(client, programme_index, programmes):
    response = client.get(f"{programme_index.url}?focus_area=research")

    assert response.status_code == 200
    assert b"No programmes match these filters" in response.content


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=bogus", "There is no such status; showing every status."),
        ("focus_area=bogus", "There is no such focus area; showing every focus area."),
        ("status=%3Cscript%3Ealert(1)%3C/script%3E", "There is no such status"),
        ("focus_area=%3Cb%3Ebold%3C/b%3E", "There is no such focus area"),
        ("status=current%00", "There is no such status"),
    ],
)
def test_unknown_filter_values_are_explained_and_ignored(
    client, programme_index, programmes, query, message
):
    response = client.get(f"{programme_index.url}?{query}")

    # Named on the page and left out, with a 400 as every filtered listing answers.
    assert response.status_code == 400
    assert shows(response, message)
    assert b'role="alert"' in response.content
    assert b"<script>alert(1)</script>" not in response.content
    assert b"<b>bold</b>" not in response.content
    # Nothing is filtered out by a value that was refused.
    assert all(shows(response, page.title) for page in programmes.values())


def test_an_unpublished_programme_is_not_listed(client, programme_index):
    ProgrammePageFactory(parent=programme_index, title="Draft programme", live=False)

    response = client.get(programme_index.url)

    assert not shows(response, "Draft programme")
    assert b"0 programmes" in response.content


def make_programmes(index, count, focus_areas):
    for _ in range(count):
        ProgrammePageFactory(
            parent=index,
            listing_image=ImageFactory(),
            partners=PartnerFactory.create_batch(2),
            focus_areas=focus_areas[:2],
        )


# Pinned: a listing that grows a query per item, or a new query per request, fails here first.
# Each filter's choices are counted in one grouped query; a chosen focus area is looked up once;
# a page of the listing is found as ids, then read (core/pagination.py ListedRows).
INDEX_QUERIES = 15
FILTERED_INDEX_QUERIES = 16


def test_index_query_count_does_not_grow(programme_index, focus_areas, count_queries):
    make_programmes(programme_index, 2, focus_areas)
    few = count_queries(programme_index.url)

    make_programmes(programme_index, 6, focus_areas)
    many = count_queries(programme_index.url)

    assert few == many == INDEX_QUERIES


def test_filtered_index_query_count_does_not_grow(programme_index, focus_areas, count_queries):
    url = f"{programme_index.url}?status=delivered&focus_area=evaluation"
    make_programmes(programme_index, 2, focus_areas)
    few = count_queries(url)

    make_programmes(programme_index, 6, focus_areas)
    many = count_queries(url)

    assert few == many == FILTERED_INDEX_QUERIES


@pytest.fixture
def windows(programme_index):
    """One programme in each application window today, and one taking no applications."""
    dates = ApplicationMode.DATES
    return {
        ApplicationWindow.OPEN: ProgrammePageFactory(
            parent=programme_index,
            title="Open for applications",
            application_mode=dates,
            applications_close=TODAY + 10 * DAY,
        ),
        ApplicationWindow.OPENING_SOON: ProgrammePageFactory(
            parent=programme_index,
            title="Opening next month",
            application_mode=dates,
            applications_open=TODAY + 30 * DAY,
        ),
        ApplicationWindow.CLOSED: ProgrammePageFactory(
            parent=programme_index,
            title="Closed last week",
            application_mode=dates,
            applications_close=TODAY - 7 * DAY,
        ),
        ApplicationWindow.REGISTER_INTEREST: ProgrammePageFactory(
            parent=programme_index,
            title="Interest only",
            application_mode=ApplicationMode.INTEREST,
        ),
        None: ProgrammePageFactory(parent=programme_index, title="Not recruiting"),
    }


@pytest.mark.parametrize("window", ApplicationWindow.values)
def test_filter_by_application_window(client, programme_index, windows, window):
    response = client.get(f"{programme_index.url}?applications={window}")

    assert response.status_code == 200
    listed = {key for key, page in windows.items() if shows(response, page.title)}
    assert listed == {window}
    assert f'<option value="{window}" selected>'.encode() in response.content
    assert b"Clear filters" in response.content
    label = ApplicationWindow(window).label
    assert f"1 programme matches your filters: applications {label}" in parse(response).text


def test_window_filter_combines_with_status(client, programme_index, windows):
    windows[ApplicationWindow.OPEN].start_date = TODAY + 90 * DAY
    windows[ApplicationWindow.OPEN].end_date = None
    windows[ApplicationWindow.OPEN].save_revision().publish()

    matching = client.get(f"{programme_index.url}?applications=open&status=in_development")
    none = client.get(f"{programme_index.url}?applications=open&status=delivered")

    assert shows(matching, "Open for applications")
    assert b"No programmes match these filters" in none.content


@pytest.mark.parametrize(
    "query",
    [
        "applications=bogus",
        "applications=OPEN",
        "applications=%3Cscript%3E",
        "applications=open%00",
    ],
)
def test_unknown_application_windows_are_explained_and_ignored(
    client, programme_index, windows, query
):
    response = client.get(f"{programme_index.url}?{query}")

    # Named on the page and left out, with a 400 as every filtered listing answers.
    assert response.status_code == 400
    assert shows(response, "There is no such application window; showing every programme.")
    assert all(shows(response, page.title) for page in windows.values())


def test_window_filtered_index_query_count_does_not_grow(
    programme_index, focus_areas, count_queries
):
    url = f"{programme_index.url}?applications=open&status=current"

    def make(count):
        for _ in range(count):
            ProgrammePageFactory(
                parent=programme_index,
                listing_image=ImageFactory(),
                partners=PartnerFactory.create_batch(2),
                focus_areas=focus_areas[:2],
                with_key_facts=True,
                start_date=TODAY - YEAR,
                end_date=None,
            )

    make(2)
    few = count_queries(url)
    make(6)
    many = count_queries(url)

    # The focus area filter is not chosen: no lookup of it.
    assert few == many == INDEX_QUERIES


# Pinned like the index: a programme page with every field filled, few or many partners and areas.
PAGE_QUERIES = 12


def test_programme_page_query_count_does_not_grow(programme_index, focus_areas, count_queries):
    page = ProgrammePageFactory(
        parent=programme_index, with_key_facts=True, partners=PartnerFactory.create_batch(1)
    )
    page.focus_areas = focus_areas[:1]
    page.save_revision().publish()
    few = count_queries(page.url)

    page.partners = PartnerFactory.create_batch(5)
    page.focus_areas = focus_areas
    page.save_revision().publish()
    many = count_queries(page.url)

    assert few == many == PAGE_QUERIES


def test_each_window_choice_counts_what_it_gives(client, programme_index, windows):
    ProgrammePageFactory(
        parent=programme_index,
        title="Interest too",
        application_mode=ApplicationMode.INTEREST,
        start_date=None,
    )

    response = client.get(programme_index.url)
    fields = {field["name"]: field for field in response.context["filters"]["fields"]}
    offered = {option["value"]: option["count"] for option in fields["applications"]["options"]}

    assert offered == {"open": 1, "opening_soon": 1, "closed": 1, "register_interest": 2}
    for value, count in offered.items():
        listed = client.get(f"{programme_index.url}?applications={value}")
        assert listed.context["items"].paginator.count == count, value
    assert b'<option value="register_interest">Register interest</option>' in response.content


def test_window_counts_follow_the_other_filters(client, programme_index, windows):
    # Every programme of the fixture ran years ago; this one is still in development.
    ProgrammePageFactory(
        parent=programme_index,
        title="Planned",
        start_date=None,
        application_mode=ApplicationMode.INTEREST,
    )

    response = client.get(f"{programme_index.url}?status=in_development")

    fields = {field["name"]: field for field in response.context["filters"]["fields"]}
    offered = {option["value"]: option["count"] for option in fields["applications"]["options"]}
    assert offered == {"register_interest": 1}
    # A choice that would give no programme is not offered.
    assert b'<option value="open"' not in response.content
    assert b'<option value="register_interest">' in response.content


def test_a_refused_value_leaves_the_other_filters_working(client, programme_index, windows):
    response = client.get(f"{programme_index.url}?applications=closed&status=bogus")

    # Named on the page and left out, with a 400 as every filtered listing answers.
    assert response.status_code == 400
    assert shows(response, "There is no such status; showing every status.")
    listed = {key for key, page in windows.items() if shows(response, page.title)}
    assert listed == {ApplicationWindow.CLOSED}


def test_the_counts_are_kept_until_a_programme_changes(client, programme_index, focus_areas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_programmes(programme_index, 2, focus_areas)
    # The first view makes what the site lacked (its settings row, image renditions).
    for _ in range(2):
        client.get(programme_index.url)
    with CaptureQueriesContext(connection) as warm:
        response = client.get(programme_index.url)
    assert b"2 programmes" in response.content
    assert not [q for q in warm.captured_queries if "COUNT(" in q["sql"].upper()]

    make_programmes(programme_index, 1, focus_areas)
    with CaptureQueriesContext(connection) as changed:
        response = client.get(programme_index.url)
    assert b"3 programmes" in response.content
    assert [q for q in changed.captured_queries if "COUNT(" in q["sql"].upper()]
