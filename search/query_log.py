"""What visitors search for: Wagtail's query counts, the searches that found nothing, and pruning.

Every query is kept in one normal form (its words, case-folded, single-spaced, at most
`MAX_LOGGED_LENGTH` characters), so "Leadership!!", " leadership " and "LEADERSHIP" are one
query, and punctuation, control characters or emoji never reach the log, the report or "Popular
searches". A search that found something is counted in Wagtail's query tables (its "Search
terms" report, promoted results and our "Popular searches"); one that found nothing only in
ZeroResultQuery, for the staff report. The log is bounded:

- in time: `manage.py prune_search_log`, run daily by the scheduler, deletes what is older than
  WAGTAILSEARCH_HITS_MAX_AGE days;
- per day: at most `MAX_QUERIES_A_DAY` different queries of each kind are logged on one day;
  past that only those already logged that day are counted, so a stranger sending a million
  different queries adds no more rows than that.
"""

import datetime
import logging

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.forms import query_terms
from search.models import ZeroResultQuery

logger = logging.getLogger(__name__)

REPORT_DAYS = 30
MAX_LOGGED_LENGTH = 100
MAX_QUERIES_A_DAY = 500
# A query is only suggested to other visitors once several people have made it.
POPULAR_MIN_HITS = 2


def normalise(query):
    """The form a query is logged and suggested in: its words only, or "" if it has none."""
    text = " ".join(query_terms(query or "")).casefold()
    if len(text) > MAX_LOGGED_LENGTH:
        text = text[: MAX_LOGGED_LENGTH + 1].rsplit(" ", 1)[0]
    return text


def record(query, total):
    """Count one search, and note it if it found nothing. Never lets logging break a search."""
    logged = normalise(query)
    if not logged:
        return
    today = timezone.localdate()
    try:
        with transaction.atomic():
            if total == 0:
                if _room_for(ZeroResultQuery.objects, "query_string", logged, today):
                    ZeroResultQuery.add_hit(logged, date=today)
            elif _room_for(QueryDailyHits.objects, "query__query_string", logged, today):
                Query.get(logged).add_hit(date=today)
    except DatabaseError:
        logger.exception("Could not log the search %r", logged)


def _room_for(rows, field, query, day):
    """Whether `query` may be counted on `day`: already logged that day, or the day not full."""
    counted = rows.filter(date=day).aggregate(
        this=Count("pk", filter=Q(**{field: query})), every=Count("pk")
    )
    return counted["this"] > 0 or counted["every"] < MAX_QUERIES_A_DAY


def since(days=REPORT_DAYS):
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def _searches(days):
    # Summed from the daily rows directly: one row per query and day, so nothing is counted twice.
    return (
        QueryDailyHits.objects.filter(date__gte=since(days))
        .values("query__query_string")
        .annotate(searches=Sum("hits"))
        .order_by("-searches", "query__query_string")
    )


def zero_result_queries(days=REPORT_DAYS):
    """The searches that found nothing lately, as rows of query_string, searches and last day."""
    return (
        ZeroResultQuery.objects.filter(date__gte=since(days))
        .values("query_string")
        .annotate(searches=Sum("hits"), last=Max("date"))
        .order_by("-searches", "query_string")
    )


def popular_queries(limit=8, days=REPORT_DAYS):
    """Searches worth suggesting to visitors: made several times lately, and that found things."""
    empty = ZeroResultQuery.objects.filter(date__gte=since(days)).values("query_string")
    rows = (
        _searches(days)
        .exclude(query__query_string__in=empty)
        .filter(searches__gte=POPULAR_MIN_HITS)
        .values_list("query__query_string", flat=True)
    )
    # Rows logged before queries were normalised may hold anything a stranger typed.
    return [query for query in rows[: limit * 3] if query and normalise(query) == query][:limit]


def prune(days=None):
    """Forget searches older than `days` (WAGTAILSEARCH_HITS_MAX_AGE): {what: rows deleted}."""
    days = settings.WAGTAILSEARCH_HITS_MAX_AGE if days is None else days
    oldest = timezone.localdate() - datetime.timedelta(days=days)
    with transaction.atomic():
        daily, _ = QueryDailyHits.objects.filter(date__lt=oldest).delete()
        # Queries that editors attached promoted results to stay, searched or not.
        queries, _ = Query.objects.filter(
            daily_hits__isnull=True, editors_picks__isnull=True
        ).delete()
        empty, _ = ZeroResultQuery.objects.filter(date__lt=oldest).delete()
    return {"daily counts": daily, "queries": queries, "searches that found nothing": empty}
