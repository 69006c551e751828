"""Rendered page content kept in the cache until the site's content changes.

A page view that misses the HTTP cache still renders its content block from a fragment kept here
(`{% page_fragment %}` in base.html), so it runs none of the queries behind it. Fragments are keyed
on the page's own cache key, the address with its query string, and a site-wide content
generation that moves on whenever anything a page can show is saved or deleted: any page, image,
document, snippet (people, partners), setting, view restriction, site or editors' pick for a
search. Content that depends on the date (a programme's status, an application window) lasts no
longer than PAGE_CACHE_SECONDS, as the HTTP cache already allows.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

GENERATION_KEY = "content-generation"
CONTENT_MODELS = (
    Page,
    AbstractImage,
    AbstractDocument,
    BaseSiteSetting,
    PageViewRestriction,
    CollectionViewRestriction,
    Site,
    # Editors' picks for a search: the kept results of that search hold them.
    SearchPromotion,
)


def content_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def kept(name, build, seconds=None):
    """`build()`'s value, built once per content generation rather than on every request: the
    answers to questions about the site's content that many views ask (never None)."""
    key = f"{name}-{content_generation()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def kept_for(name, parts, build):
    """`kept()` for an answer that depends on `parts` (a search's words and filters, a query's
    SQL), kept at most PAGE_CACHE_SECONDS."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return kept(f"{name}-{digest}", build, fragment_seconds())


def kept_for_query(name, queryset, build, *extra):
    """`kept_for()` an answer about `queryset` (its count, its facets): keyed on its SQL and
    `extra`, such as the day a count depends on."""
    return kept_for(name, (queryset.query.sql_with_params(), extra), build)


def _move_on():
    cache.set(GENERATION_KEY, time.time_ns(), None)


def content_changed(**kwargs):
    # Now, for what this process renders next, and again after the commit: a view rendering in
    # between could have read the old content and kept it under the newer generation.
    _move_on()
    transaction.on_commit(_move_on)


def _on_save_or_delete(sender, instance, **kwargs):
    if isinstance(instance, CONTENT_MODELS) or sender in get_snippet_models():
        content_changed()


def fragment_seconds():
    return settings.PAGE_CACHE_SECONDS


def connect():
    post_save.connect(_on_save_or_delete, dispatch_uid="fragments-save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="fragments-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"fragments-{id(signal)}")
