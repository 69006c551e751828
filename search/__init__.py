"""Site search: the results page at /search/, suggestions as you type, and the staff report.

Where things live: `engine` matches, ranks, counts and pages in the database, `facets` counts
each way to narrow the results, `page_types` says what is searched and how visitors name it,
`results` and `excerpts` make one page of results readable, `vocabulary` is 'Did you mean ...?',
`query_log` what visitors search for (kept bounded by `manage.py prune_search_log`, run daily),
and `report` the staff report of searches that found nothing.

Backends. By default the search runs on Wagtail's database backend: PostgreSQL full-text search
when DATABASE_URL is PostgreSQL, SQLite's FTS5 otherwise. Setting SEARCH_URL (and optionally
SEARCH_BACKEND, default wagtail.search.backends.elasticsearch8, and SEARCH_INDEX) in the
environment switches to OpenSearch or Elasticsearch; run `manage.py update_index` after switching.
With such an engine the results come ranked by the engine (titles boosted), the best 500 are
faceted, and excerpts are made from page summaries rather than by the database.

Keeping things current. Wagtail updates the index whenever a page is saved, published,
unpublished or deleted. The spelling vocabulary ('Did you mean ...?') is marked stale by the
same events and rebuilt the next time a suggestion is needed; `manage.py generate_pages` and
the benchmark rebuild it at once.

PostgreSQL needs the pg_trgm extension for suggestions; migration search.0002 creates it.
"""
