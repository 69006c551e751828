"""'Did you mean ...?': the site's own words, kept in step with its pages."""

import pytest
from django.core.cache import cache

from core.factories import StandardPageFactory
from search import vocabulary
from search.models import SearchTerm

pytestmark = pytest.mark.django_db


def test_the_vocabulary_holds_the_words_of_live_public_pages(small_site):
    StandardPageFactory(title="Harbourmaster notes", summary="Lighthouses everywhere")
    StandardPageFactory(title="Unseen draft", summary="Clandestinely", live=False)

    vocabulary.rebuild()

    words = set(SearchTerm.objects.values_list("word", flat=True))
    assert {"harbourmaster", "lighthouses", "leadership"} <= words
    assert "clandestinely" not in words
    assert SearchTerm.objects.get(word="harbourmaster").pages == 1


def test_publishing_marks_it_stale_and_it_is_rebuilt_when_next_needed(small_site):
    vocabulary.rebuild()
    assert not cache.get(vocabulary.STALE_KEY)

    page = StandardPageFactory(title="Drystone", live=False)
    page.save_revision().publish()
    assert cache.get(vocabulary.STALE_KEY)

    assert vocabulary.correct(("drystome",)) == ("drystone",)
    assert not cache.get(vocabulary.STALE_KEY)


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (("leadrship",), ("leadership",)),
        (("systms", "leadrship"), ("systems", "leadership")),
        (("leadership",), None),
        (("qqqqzzzz",), None),
        (("a", "of"), None),
    ],
)
def test_corrections(small_site, terms, expected):
    assert vocabulary.correct(terms) == expected


def test_an_empty_vocabulary_is_built_once_not_on_every_search(small_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    # Nothing public holds a word of three letters or more: the vocabulary is empty.
    Page.objects.filter(depth__gt=1).update(live=False)
    cache.clear()
    vocabulary.correct(("leadrship",))
    assert not SearchTerm.objects.exists()
    assert cache.get(vocabulary.BUILT_KEY)

    # The next typo reads the (empty) word table, not the whole index again.
    with CaptureQueriesContext(connection) as queries:
        assert vocabulary.correct(("leadrship",)) is None
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "search_searchterm" in read
    assert "wagtailsearch_indexentry" not in read
    assert "wagtailcore_page" not in read


def test_a_vocabulary_left_by_another_process_is_used_as_it_is(small_site):
    vocabulary.rebuild()
    SearchTerm.objects.filter(word="leadership").update(pages=99)
    cache.delete(vocabulary.BUILT_KEY)

    assert vocabulary.correct(("leadrship",)) == ("leadership",)
    assert SearchTerm.objects.get(word="leadership").pages == 99
