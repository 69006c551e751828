"""What visitors search for: Wagtail's query hits, and the searches that found nothing."""

import datetime
import logging

from django.db import DatabaseError, transaction
from django.db.models import Max, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import ZeroResultQuery

logger = logging.getLogger(__name__)

REPORT_DAYS = 30
# A query is only suggested to other visitors once several people have made it.
POPULAR_MIN_HITS = 2


def record(query, total):
    """Count one search, and note it if it found nothing. Never lets logging break a search."""
    try:
        with transaction.atomic():
            Query.get(query).add_hit()
            if total == 0:
                ZeroResultQuery.add_hit(query)
    except DatabaseError:
        logger.exception("Could not log the search %r", query)


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


def top_queries(days=REPORT_DAYS, limit=50):
    """[(query, searches)] most searched first, over the last `days` days."""
    return list(_searches(days).values_list("query__query_string", "searches")[:limit])


def zero_result_queries(days=REPORT_DAYS, limit=50):
    """[(query, searches, last day)] of the searches that found nothing."""
    return list(
        ZeroResultQuery.objects.filter(date__gte=since(days))
        .values("query_string")
        .annotate(searches=Sum("hits"), last=Max("date"))
        .order_by("-searches", "query_string")
        .values_list("query_string", "searches", "last")[:limit]
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
    return list(rows[:limit])
