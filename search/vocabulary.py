"""'Did you mean ...?': the words of the site's public pages, and the closest one to a typo.

The vocabulary is the set of words in the text the search backend indexed for live, public
pages, with the number of pages each appears on. It is rebuilt when it is needed after any
page changes (see search.signals); PostgreSQL finds the closest word with trigram similarity
(pg_trgm, over an index), SQLite with difflib over the word list, cached.
"""

import difflib
import logging
import re
from collections import Counter

from django.core.cache import cache
from django.db import DatabaseError, connections, router, transaction
from wagtail.search.models import IndexEntry

from search import page_types
from search.models import SearchTerm

logger = logging.getLogger(__name__)

STALE_KEY = "search:vocabulary:stale"
WORDS_KEY = "search:vocabulary:words"
# Set once the table is known to be current, even when it is empty (a site with no public
# text yet): a search then never reads the whole index again just to find no words.
BUILT_KEY = "search:vocabulary:built"
WORD = re.compile(r"[^\W\d_]{3,40}")
MIN_TYPO_LENGTH = 4
# difflib's ratio for 'leadrship' against 'leadership' is 0.95; unrelated words stay below 0.8.
DIFFLIB_CUTOFF = 0.8


def mark_stale():
    """Pages changed: rebuild the vocabulary before it is next used."""
    cache.set(STALE_KEY, True, None)
    cache.delete(WORDS_KEY)


def rebuild():
    """Read the indexed text of every live, public page and count the pages each word is on."""
    page_ids = set(page_types.base_queryset().values_list("pk", flat=True))
    content_types = page_types.searchable_content_type_ids()
    fields = _text_fields()
    counts = Counter()
    if fields:
        rows = IndexEntry.objects.filter(content_type_id__in=content_types).values_list(
            "object_id", *fields
        )
        for object_id, *texts in rows.iterator(chunk_size=500):
            if object_id.isdigit() and int(object_id) in page_ids:
                counts.update(set(WORD.findall(" ".join(t or "" for t in texts).lower())))
    else:
        # A backend outside the database keeps no text here; titles still give a vocabulary.
        for title in page_types.base_queryset().values_list("title", flat=True):
            counts.update(set(WORD.findall(title.lower())))
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=word, pages=pages) for word, pages in counts.items()],
            batch_size=1000,
        )
    cache.delete_many([STALE_KEY, WORDS_KEY])
    cache.set(BUILT_KEY, True, None)
    return len(counts)


def _text_fields():
    """The index's plain-text columns: title/body on SQLite, title_text/body_text on PostgreSQL."""
    names = {field.name: field for field in IndexEntry._meta.get_fields()}
    for pair in (("title_text", "body_text"), ("title", "body")):
        if all(name in names and names[name].get_internal_type() == "TextField" for name in pair):
            return pair
    return ()


def ensure_current():
    state = cache.get_many([STALE_KEY, BUILT_KEY])
    if state.get(STALE_KEY):
        rebuild()
    elif not state.get(BUILT_KEY):
        if SearchTerm.objects.exists():
            cache.set(BUILT_KEY, True, None)
        else:
            rebuild()


def correct(terms):
    """The terms with unknown words replaced by the closest site words, or None if no change."""
    candidates = [t for t in terms if len(t) >= MIN_TYPO_LENGTH and t.isalpha()]
    if not candidates:
        return None
    try:
        with transaction.atomic():
            ensure_current()
            known = set(
                SearchTerm.objects.filter(word__in=candidates).values_list("word", flat=True)
            )
            replacements = {term: _closest(term) for term in candidates if term not in known}
    except DatabaseError:
        # A suggestion is a nicety: without one the results still stand.
        logger.exception("Could not look up spelling suggestions")
        return None
    corrected = tuple(replacements.get(term) or term for term in terms)
    return corrected if corrected != tuple(terms) else None


def _closest(term):
    connection = connections[router.db_for_read(SearchTerm)]
    if connection.vendor == "postgresql":
        return _closest_by_trigram(connection, term)
    return _closest_by_difflib(term)


def _closest_by_trigram(connection, term):
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    with connection.cursor() as cursor:
        # `%` uses the trigram index; similarity() then orders what it found.
        cursor.execute(
            f"SELECT word FROM {table} WHERE word %% %s "  # noqa: S608 - table name from the model
            "ORDER BY similarity(word, %s) DESC, pages DESC, word LIMIT 1",
            [term, term],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def _closest_by_difflib(term):
    words = cache.get(WORDS_KEY)
    if words is None:
        words = list(SearchTerm.objects.order_by("-pages", "word").values_list("word", flat=True))
        cache.set(WORDS_KEY, words, None)
    # Words much longer or shorter cannot be close; skipping them keeps difflib quick.
    nearby = [word for word in words if abs(len(word) - len(term)) <= 2]
    found = difflib.get_close_matches(term, nearby, n=1, cutoff=DIFFLIB_CUTOFF)
    return found[0] if found else None
