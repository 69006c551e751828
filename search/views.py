"""The search results page and the search-as-you-type suggestions behind the header box."""

import logging
from urllib.parse import urlencode

from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from core.pagination import paginate
from search import engine, page_types, query_log, vocabulary
from search.engine import FEW_RESULTS, SiteSearch
from search.forms import SearchForm, clean_query, query_terms
from search.results import results_for

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
SUGGESTIONS = 6
RESULTS_MAX_AGE = 60
SUGGESTIONS_MAX_AGE = 300


def search(request):
    site = Site.find_for_request(request)
    focus_areas = page_types.live_focus_areas(site)
    form = SearchForm(request.GET, focus_areas=focus_areas)
    values, messages = form.params
    query = values["q"]
    terms = query_terms(query)
    context = {
        "form": form,
        "query": query,
        "search_query": query,
        "messages_for_visitor": messages,
        "sort": values["sort"],
        "type": values["type"],
        "focus_area": values["focus_area"],
        "sort_links": _sort_links(values),
    }
    if not query:
        context["popular"] = query_log.popular_queries()
        return _cacheable(render(request, "search/search.html", context))

    try:
        with transaction.atomic():
            searcher = SiteSearch(site)
            found = searcher.run_kept(
                query,
                terms,
                type_slug=values["type"],
                area_slug=values["focus_area"],
                sort=values["sort"],
                focus_areas=focus_areas,
            )
            page = paginate(request, found.ranked, RESULTS_PER_PAGE)
            results = results_for(
                page.object_list,
                found.promotions,
                terms,
                request,
                searcher.backend,
                found.content_types,
            )
            suggestion = _suggestion(searcher, terms, found.total)
    except Http404:
        raise
    except Exception:
        # The index or the search service failed; the rest of the site does not depend on it.
        logger.exception("Search failed for %r", query)
        return unavailable(request, query)

    filtered = bool(values["type"] or values["focus_area"])
    if set(request.GET) <= {"q"}:
        # A search typed or followed afresh. Every link on the results page (pages, filters,
        # sorting, clearing a filter) carries another parameter: a repeat, not counted again.
        query_log.record(query, found.total)

    context.update(
        {
            "search_results": found,
            "page_obj": page,
            "results": results,
            # What page links keep: the checked choices only.
            "page_params": _params(values),
            "suggestion": suggestion,
            "suggestion_url": _url({"q": " ".join(suggestion)}) if suggestion else "",
            "type_facets": _facet_links(values, "type", found.type_facets),
            "area_facets": _facet_links(values, "focus_area", found.area_facets),
            "clear_type_url": _url(_params(values, type="")),
            "clear_area_url": _url(_params(values, focus_area="")),
            "filtered": filtered,
            "match_limit": f"{engine.MATCH_LIMIT:,}",
        }
    )
    if found.total == 0:
        context["popular"] = [
            q for q in query_log.popular_queries() if q != query_log.normalise(query)
        ]
    return _cacheable(render(request, "search/search.html", context))


def _suggestion(searcher, terms, total):
    if total >= FEW_RESULTS or not terms:
        return None
    corrected = vocabulary.correct(terms)
    if corrected and searcher.count(corrected, at_most=total + 1) > total:
        return corrected
    return None


def unavailable(request, query=""):
    response = render(
        request, "search/unavailable.html", {"query": query, "search_query": query}, status=503
    )
    response["Retry-After"] = "120"
    patch_cache_control(response, no_store=True)
    return response


def suggest(request):
    """Titles of pages for what the visitor has typed so far, as JSON."""
    query = clean_query(request.GET.get("q", ""))
    terms = query_terms(query)
    items = []
    if len(query) >= 2 and terms:
        site = Site.find_for_request(request)
        try:
            with transaction.atomic():
                searcher = SiteSearch(site)
                found = searcher.suggestions(terms, SUGGESTIONS)
                items = [
                    {
                        "title": page.title,
                        "url": page.get_url(request=request) or "",
                        "type": _type_label(page),
                    }
                    for page in found
                ]
        except Exception:
            logger.exception("Search suggestions failed for %r", query)
            response = JsonResponse({"query": query, "results": [], "error": "unavailable"})
            response.status_code = 503
            patch_cache_control(response, no_store=True)
            return response
    response = JsonResponse({"query": query, "results": items})
    patch_cache_control(response, public=True, max_age=SUGGESTIONS_MAX_AGE)
    return response


def _type_label(page):
    model = page.specific_class
    return page_types.type_label(model) if model in page_types.searchable_models() else ""


def _cacheable(response):
    # The same for every visitor: no cookies are read or set, so shared caches may keep it.
    patch_cache_control(response, public=True, max_age=RESULTS_MAX_AGE)
    return response


# ---------------------------------------------------------------------------
# Links that keep the visitor's query and other choices


def _params(values, **changes):
    """The visitor's checked choices, changed as given: bad values never make it into links.

    A change to "" stays in the link as an empty parameter, so that following it is told
    apart from a new search (see the logging above).
    """
    params = {key: values[key] for key in ("q", "type", "focus_area") if values.get(key)}
    if values.get("sort") and values["sort"] != "relevance":
        params["sort"] = values["sort"]
    params.update(changes)
    return params


def _url(params):
    return "?" + urlencode(params) if params else "?"


def _facet_links(values, name, facets):
    return [
        {"facet": facet, "url": _url(_params(values, **{name: facet.value}))} for facet in facets
    ]


def _sort_links(values):
    return [
        {
            "value": value,
            "label": label,
            "selected": value == values["sort"],
            "url": _url(_params(values, sort=value)),
        }
        for value, label in (("relevance", "Relevance"), ("date", "Date"))
    ]
