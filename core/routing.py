"""Routing a request down the page tree in one query, not two for every level.

Wagtail's `Page.route` looks up one child by its slug, then loads it as its own type, at every
level of the address: a programme page three levels down costs six queries before it renders.
Here every page the address passes through is read at once (by slug, under the page routing
starts from), and only the last one is loaded as its own type. The pages on the way are kept
on the request as the breadcrumb trail (`BasePage.breadcrumb_trail`) and for the view
restrictions (`BasePage.get_view_restrictions`), so neither needs another query.
"""

import contextlib
import hashlib

from django.core.cache import cache
from django.db import DatabaseError
from wagtail.models import Page, PageViewRestriction, Site

from core.fragments import content_generation, fragment_seconds, kept


class SiteFromCacheMiddleware:
    """The Site a request is for, with its root page as its own type, from the cache while
    nothing on the site has changed: two queries fewer on every page view. Wagtail's own
    lookup (`Site.find_for_request`) takes the Site this leaves on the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Else left to the view, whose database errors answer the branded 503 (core/unavailable).
        with contextlib.suppress(DatabaseError):
            self.find_site(request)
        return self.get_response(request)

    @staticmethod
    def find_site(request):
        host = hashlib.blake2b(request.get_host().encode(), digest_size=16).hexdigest()
        key = f"site-{host}-{request.get_port()}-{content_generation()}"
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page.specific  # noqa: B018 -- kept with the Site
                cache.set(key, site, fragment_seconds())
        request._wagtail_site = site


def pages_on_the_way(start, path_components):
    """The pages under `start` along `path_components`, as far as they go (plain `Page`s)."""
    candidates = Page.objects.filter(
        path__startswith=start.path,
        depth__gt=start.depth,
        depth__lte=start.depth + len(path_components),
        slug__in=set(path_components),
    ).order_by("depth")
    by_place = {(page.path[: -Page.steplen], page.slug): page for page in candidates}
    found = []
    parent = start
    for slug in path_components:
        page = by_place.get((parent.path, slug))
        if page is None:
            break
        found.append(page)
        parent = page
    return found


def as_own_type(page):
    """`page` (a plain `Page`) as its own type, with the relations its view reads to one object
    (`serve_select_related`) in the same query."""
    model = page.specific_class
    related = getattr(model, "serve_select_related", ())
    if model is None or not related:
        return page.specific
    return model._default_manager.select_related(*related).get(pk=page.pk)


def routes_like_a_plain_page(page_class, route):
    """Whether pages of this class find their children as Wagtail does (no sub-routes)."""
    return getattr(page_class, "route", None) is route


def any_view_restrictions():
    """Whether any page has a view restriction, asked once per change of the site's content."""
    return kept("page-restrictions", PageViewRestriction.objects.exists)


def view_restrictions(page, routed_through):
    """The restrictions on `page` and its ancestors, or None when Wagtail's own way is needed:
    the page was not routed to, or an alias (which takes its source page's restrictions) is on
    the way. `routed_through` are the pages routing passed, from the site's root page down."""
    if routed_through is None or not routed_through or routed_through[0].depth != 2:
        return None
    if page.alias_of_id or any(ancestor.alias_of_id for ancestor in routed_through):
        return None
    if not any_view_restrictions():
        return PageViewRestriction.objects.none()
    steps = range(Page.steplen, len(page.path) + 1, Page.steplen)
    return PageViewRestriction.objects.filter(page__path__in=[page.path[:end] for end in steps])
