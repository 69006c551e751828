from django.shortcuts import render
from django.utils.cache import patch_cache_control
from wagtail.models import Page

from core.pagination import paginate

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The visitor's query without control characters, trimmed to a length worth searching."""
    text = "".join(ch for ch in raw if ch.isprintable() or ch.isspace())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        found = Page.objects.live().public().specific().search(query)
        results = paginate(request, found, RESULTS_PER_PAGE)
    response = render(request, "search/search.html", {"query": query, "results": results})
    patch_cache_control(response, public=True, max_age=60)
    return response
