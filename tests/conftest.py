import pytest
from django.core.cache import cache

from tests.deploy.faults import table


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache, so cached menus or counts never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """A HomePage at the root of the default Site, in place of Wagtail's welcome page."""
    from core.factories import build_home_site

    return build_home_site()


@pytest.fixture
def focus_area_index(home):
    from focus_areas.factories import FocusAreaIndexPageFactory

    return FocusAreaIndexPageFactory(parent=home)


@pytest.fixture
def programme_index(home):
    from programmes.factories import ProgrammeIndexPageFactory

    return ProgrammeIndexPageFactory(parent=home)


@pytest.fixture
def interview_index(home):
    from interviews.factories import InterviewIndexPageFactory

    return InterviewIndexPageFactory(parent=home)


@pytest.fixture
def viewpoint_index(home):
    from viewpoints.factories import ViewpointIndexPageFactory

    return ViewpointIndexPageFactory(parent=home)


@pytest.fixture
def publication_index(home):
    from publications.factories import PublicationIndexPageFactory

    return PublicationIndexPageFactory(parent=home)


@pytest.fixture
def contact_page(home):
    from contact.factories import ContactPageFactory

    return ContactPageFactory(parent=home)


@pytest.fixture
def focus_areas(focus_area_index):
    """Evaluation, Development and Research, with the slugs the seed gives them."""
    from focus_areas.factories import FocusAreaPageFactory

    return [
        FocusAreaPageFactory(parent=focus_area_index, title=title, slug=title.lower())
        for title in ("Evaluation", "Development", "Research")
    ]


@pytest.fixture
def editor(db, django_user_model):
    """A logged-in-able staff user with the Editors group's rights (documents included)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username="editor", email="editor@example.ac.uk", password="correct horse battery"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def count_queries(client):
    """The number of queries an anonymous GET of `url` makes, as a listing test pins it.

    A first GET makes the image renditions; the cache is then emptied, so the count is that of
    a cold cache (menu rebuilt, renditions read from the database): prefetching is what keeps
    it flat, not a warm cache.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        assert client.get(url).status_code == 200
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        # Savepoints are transaction bookkeeping (ATOMIC_REQUESTS is on for PostgreSQL only),
        # not work the page does: counted alike on both databases.
        return sum(
            1
            for query in queries.captured_queries
            if not query["sql"].lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
        )

    return count


def pytest_collection_modifyitems(items):
    """Tests that rewind the schema run after every other database test: migrating backwards and
    forwards recreates rows (content types) that no flush between tests removes, and later tests
    would inherit them. They still run before the tests that use no database (the browser tests,
    sorted last by pytest-django), whose session-long browser runs an event loop in this thread."""
    rewinding = [item for item in items if item.get_closest_marker("rewinds_schema")]
    for item in rewinding:
        items.remove(item)
    first_without_db = next(
        (index for index, item in enumerate(items) if not _uses_database(item)), len(items)
    )
    items[first_without_db:first_without_db] = rewinding


def _uses_database(item):
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(
        item.get_closest_marker("django_db") or fixtures & {"db", "transactional_db", "live_server"}
    )


def pytest_terminal_summary(terminalreporter):
    """The fault-injection suite's table (tests/deploy/faults.py), when any fault test ran."""
    lines = table()
    if lines:
        terminalreporter.section("fault-injection suite")
        for line in lines:
            terminalreporter.write_line(line)
