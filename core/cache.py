"""The HTTP cache in front of the site forgets a page as soon as editors change it.

Publishing, unpublishing, moving, renaming or deleting a page purges the page (and what lies under
it), every page above it (their listings show it), the home page, the feeds, the sitemap, people
and partner pages and search results. A path ending in `*` purges everything under it; the cache's
configuration (deploy/varnish.vcl.template) also treats a purge of a path as a purge of all its
query strings, so every page of a listing goes at once.

The purge is sent when the transaction commits, from the process that made the change, rather than
through the task queue: a visitor sees the change within a second, not when a worker next polls.
"""

import datetime
import logging
import threading

from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.signals import task_finished
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from core.fragments import content_changed

logger = logging.getLogger(__name__)

# Addresses whose answers list or link pages from anywhere on the site.
SITE_WIDE_PATHS = ("/feeds/*", "/sitemap.xml", "/people/*", "/partners/*", "/search/*")

_pending = threading.local()


def urls_for(page, *, below=False):
    """What to purge when `page` changes where it is now; `below` adds the pages under it."""
    page_url = page.get_full_url()
    if page_url is None:
        return set()
    urls = {page_url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()}
    if below:
        urls.add(page_url + "*")
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        ancestor_url = ancestor.get_full_url()
        if ancestor_url:
            urls.add(ancestor_url)
    site = page.get_site()
    if site is not None:
        root = site.root_url.rstrip("/")
        urls.add(root + "/")
        urls.update(root + path for path in SITE_WIDE_PATHS)
    return urls


def purge(urls):
    """Purge `urls` once the current transaction commits (at once outside one)."""
    urls = set(urls)
    if not urls or not get_backends():
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _send(urls)
        return
    if not any(entry[1] is _flush for entry in connection.run_on_commit):
        # A rolled-back transaction drops its callback; its URLs go with it.
        _pending.urls = set()
        transaction.on_commit(_flush)
    _pending.urls.update(urls)


def _flush():
    urls = getattr(_pending, "urls", set())
    _pending.urls = set()
    _send(urls)


def _send(urls):
    try:
        purge_urls_from_cache_task.call(sorted(urls))
    except Exception:
        # The change is saved whatever happens to the cache; pages then expire on their own.
        logger.exception("Could not purge %d addresses from the HTTP cache", len(urls))


def on_published(instance, **kwargs):
    purge(urls_for(instance))


def on_unpublished(instance, **kwargs):
    purge(urls_for(instance, below=True))


def on_slug_changed(instance, instance_before, **kwargs):
    if instance_before.live:
        purge(urls_for(instance_before, below=True))


def on_move(instance, **kwargs):
    # Sent before the move (old place) and after it (new place): both are purged.
    if instance.live:
        purge(urls_for(instance, below=True))


def on_delete(instance, **kwargs):
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        purge(urls_for(instance, below=True))


# The search index is brought up to date by a background task, after the publish that purged
# the search pages: purged again once it has run, so no search answer is kept from before.
SEARCH_INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


def on_task_finished(sender, task_result, **kwargs):
    if task_result.task.module_path == SEARCH_INDEX_TASK:
        # Searches kept since the publish (core/fragments.py) were answered from the old index.
        content_changed()
    # Run at once (no worker), the index is written before the publish's own purge is sent.
    backend = sender if isinstance(sender, type) else type(sender)
    if issubclass(backend, ImmediateBackend):
        return
    if task_result.task.module_path == SEARCH_INDEX_TASK and get_backends():
        # Sent now: the index is written already, whatever transaction is open around this.
        _send({site.root_url.rstrip("/") + "/search/*" for site in Site.objects.all()})


def connect():
    task_finished.connect(on_task_finished, dispatch_uid="http-cache-search-index")
    page_published.connect(on_published, dispatch_uid="http-cache-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="http-cache-unpublished")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="http-cache-slug")
    pre_page_move.connect(on_move, dispatch_uid="http-cache-move-from")
    post_page_move.connect(on_move, dispatch_uid="http-cache-move-to")
    pre_delete.connect(on_delete, dispatch_uid="http-cache-delete")


# -- Content that changes with the date (an embargo lifting, an application window opening)


def seconds_fresh(change_days, now=None):
    """How long an answer showing today's labels may be cached: at most until the midnight
    after which one of `change_days` (the days a label on it next changes) begins.

    Only a change due tomorrow shortens it; any later one is further off than a cache keeps a
    page (PAGE_CACHE_SECONDS, minutes), so the page is simply fetched again before then.
    """
    now = timezone.localtime(now)
    tomorrow = now.date() + datetime.timedelta(days=1)
    if tomorrow not in change_days:
        return None
    midnight = datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=now.tzinfo)
    return max(int((midnight - now).total_seconds()), 0)


def keep_until_change(response, change_days, now=None):
    """Shorten a cacheable answer's lifetime so it is not kept past a change of its labels."""
    seconds = seconds_fresh(change_days, now)
    if seconds is not None and "public" in response.get("Cache-Control", ""):
        # Django keeps the smaller of this and the max-age already set.
        patch_cache_control(response, max_age=seconds)
    return response
