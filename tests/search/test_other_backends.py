"""With OpenSearch or Elasticsearch (SEARCH_URL), results come ranked from the engine itself."""

import pytest
from wagtail.search.backends import get_search_backend

from focus_areas.models import FocusAreaPage
from viewpoints.factories import ViewpointPageFactory

pytestmark = pytest.mark.django_db


class EngineResults:
    """What a search engine's results offer: slices and a count, but no database queryset."""

    def __init__(self, results):
        self._results = results

    def __getitem__(self, key):
        return list(self._results[key])

    def count(self):
        return self._results.count()


@pytest.fixture
def engine_backend(monkeypatch):
    backend_class = type(get_search_backend())
    database_search = backend_class.search

    def engine_search(self, *args, **kwargs):
        return EngineResults(database_search(self, *args, **kwargs))

    monkeypatch.setattr(backend_class, "search", engine_search)


def test_results_facets_and_excerpts_without_a_database_queryset(
    small_site, search, engine_backend
):
    area = FocusAreaPage.objects.live().first()
    for i in range(3):
        ViewpointPageFactory(title=f"Pellucid {i}", focus_areas=[area] if i else [])

    page = search(q="pellucid")

    assert sorted(page.titles) == ["Pellucid 0", "Pellucid 1", "Pellucid 2"]
    assert page.facet_links("Type")["Viewpoint"][0] == 3
    assert page.facet_links("Focus area")[area.title][0] == 2
    narrowed = search(page.facet_links("Focus area")[area.title][1])
    assert sorted(narrowed.titles) == ["Pellucid 1", "Pellucid 2"]
    assert all(r.find("p", class_="search-result__excerpt") for r in page.results)
    assert len(search(q="pellucid", sort="date").results) == 3
