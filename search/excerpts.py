"""Excerpts of the text around the words a visitor searched for, with those words marked.

The database marks the words (PostgreSQL's ts_headline, SQLite FTS5's snippet) between two
control characters that page text never contains; the text is then escaped and only those
markers become <mark> elements, so nothing from a page or a query is ever trusted as HTML.
"""

import re

from django.db import connections, router
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.models import IndexEntry

START, STOP = "\x02", "\x03"
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")

EXCERPT_WORDS = 30
FRAGMENT_DELIMITER = " … "
MIN_REPEAT_WORDS = 3
_WORDS = re.compile(r"[^\W_]+")


def without_repeats(text):
    """The text with a run of words said twice in a row said once, and repeated fragments dropped.

    A page's indexed text is its summary, then its body, then image alt text and captions; a
    summary that opens the body, or an alt text that is also the caption, would read twice.
    """
    fragments, seen = [], []
    for fragment in (text or "").split(FRAGMENT_DELIMITER):
        fragment = _collapse(fragment)
        plain = _plain_words(fragment)
        if plain and not any(_contains(earlier, plain) for earlier in seen):
            fragments.append(fragment.strip())
            seen.append(plain)
    return FRAGMENT_DELIMITER.join(fragments)


def _plain_words(text):
    return [word.lower() for word in _WORDS.findall(text.replace(START, "").replace(STOP, ""))]


def _contains(words, part):
    size = len(part)
    return any(words[i : i + size] == part for i in range(len(words) - size + 1))


def _collapse(text):
    """Drop the second of two identical runs of words (three words or more) side by side."""
    tokens = _TOKEN.findall(text)
    positions = [i for i, token in enumerate(tokens) if token.strip(START + STOP)[:1].isalnum()]
    words = [tokens[i].strip(START + STOP).lower() for i in positions]
    size = len(words) // 2
    while size >= MIN_REPEAT_WORDS:
        for start in range(len(words) - 2 * size + 1):
            if words[start : start + size] == words[start + size : start + 2 * size]:
                cut_from = positions[start + size - 1] + 1
                cut_to = positions[start + 2 * size - 1] + 1
                return _collapse("".join(tokens[:cut_from] + tokens[cut_to:]))
        size -= 1
    return text


def mark_up(text):
    """Escaped text with the words between markers in <mark>; anything else stays text."""
    text = without_repeats(_SPACE.sub(" ", text or "").strip())
    parts = []
    position = 0
    for match in _MARKED.finditer(text):
        parts.append(escape(_CONTROL.sub("", text[position : match.start()])))
        parts.append(f"<mark>{escape(match.group(1))}</mark>")
        position = match.end()
    parts.append(escape(_CONTROL.sub("", text[position:])))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


# ---------------------------------------------------------------------------
# Matching words in Python: transcripts, and backends that cannot mark words themselves.


def stem(word):
    """A crude English stem: enough to match 'leaders' to 'leader' and 'policies' to 'policy'."""
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_TOKEN = re.compile(r"[^\W_]+|[\W_]+")


def matches(text, terms):
    """How many of the terms occur in the text."""
    stems = {stem(term) for term in terms}
    found = {stem(token) for token in re.findall(r"[^\W_]+", text or "")}
    return len(stems & found)


def python_excerpt(text, terms, words=EXCERPT_WORDS):
    """About `words` words of `text` around the first matching word, matches marked."""
    stems = {stem(term) for term in terms}
    tokens = _TOKEN.findall(_SPACE.sub(" ", text or "").strip())
    word_positions = [i for i, token in enumerate(tokens) if token[0].isalnum()]
    first = next((i for i in word_positions if stem(tokens[i]) in stems), None)
    # Start a little before the first match, so it is read in its sentence.
    start_word = 0 if first is None else max(0, word_positions.index(first) - words // 3)
    chosen = word_positions[start_word : start_word + words]
    if not chosen:
        return mark_safe("")
    begin, end = chosen[0], chosen[-1] + 1
    pieces = [
        f"{START}{token}{STOP}" if token[0].isalnum() and stem(token) in stems else token
        for token in tokens[begin:end]
    ]
    text = "".join(pieces)
    if begin > 0:
        text = "… " + text
    if end < len(tokens):
        text = text + " …"
    return mark_up(text)


# ---------------------------------------------------------------------------
# Marking words in the database, over the text the backend indexed for each page.


def database_excerpts(pages, terms, backend):
    """{page id: marked excerpt} for pages whose indexed body matches, where the database can."""
    if not pages or not terms:
        return {}
    connection = connections[router.db_for_read(IndexEntry)]
    ids = [str(page.pk) for page in pages]
    content_types = sorted({page.content_type_id for page in pages})
    if connection.vendor == "postgresql" and _has_field(IndexEntry, "body_text"):
        rows = _postgres(connection, ids, content_types, terms, getattr(backend, "config", None))
    elif connection.vendor == "sqlite" and _sqlite_fts_table() is not None:
        rows = _sqlite(connection, ids, content_types, terms)
    else:
        return {}
    return {int(object_id): mark_up(text) for object_id, text in rows if text and START in text}


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


_HEADLINE_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords={EXCERPT_WORDS}, MinWords=12, ShortWord=2, "
    f'MaxFragments=2, FragmentDelimiter="{FRAGMENT_DELIMITER}"'
)


def _postgres(connection, ids, content_types, terms, config):
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    # Any of the words, not all of them, so that each is marked wherever it appears.
    if config:
        tsquery = "replace(plainto_tsquery(%s::regconfig, %s)::text, '&', '|')::tsquery"
        query_params = [config, " ".join(terms)]
        headline = f"ts_headline(%s::regconfig, body_text, {tsquery}, %s)"
        params = [config, *query_params, _HEADLINE_OPTIONS]
    else:
        tsquery = "replace(plainto_tsquery(%s)::text, '&', '|')::tsquery"
        headline = f"ts_headline(body_text, {tsquery}, %s)"
        params = [" ".join(terms), _HEADLINE_OPTIONS]
    sql = (
        f"SELECT object_id, {headline} FROM {table} "  # noqa: S608 - only placeholders vary
        "WHERE object_id = ANY(%s) AND content_type_id = ANY(%s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, ids, content_types])
        return cursor.fetchall()


def _sqlite_fts_table():
    try:
        from wagtail.search.models import SQLiteFTSIndexEntry
    except ImportError:
        return None
    return SQLiteFTSIndexEntry._meta.db_table


def _sqlite(connection, ids, content_types, terms):
    fts = _sqlite_fts_table()
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        words = " OR ".join('"{}"'.format(term.replace('"', '""')) for term in terms)
        id_marks = ", ".join(["%s"] * len(ids))
        ct_marks = ", ".join(["%s"] * len(content_types))
        cursor.execute(
            f"SELECT e.object_id, snippet({fts}, %s, %s, %s, '…', %s) "  # noqa: S608
            f"FROM {fts} JOIN {table} e ON {fts}.rowid = e.id "
            f"WHERE {fts} MATCH %s AND e.object_id IN ({id_marks}) "
            f"AND e.content_type_id IN ({ct_marks})",
            [
                # Any column: the match is on the body alone, so snippet() takes the body.
                -1,
                START,
                STOP,
                EXCERPT_WORDS,
                f"{{body}} : ({words})",
                *ids,
                *content_types,
            ],
        )
        return cursor.fetchall()
