#!/usr/bin/env python
"""What the admin costs an editor: queries and time of the edit view of each seed page type, and
of a viewpoint's Save draft and Publish, through the real views (middleware and templates).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_admin \
        .venv/bin/python scripts/admin_figures.py

The database is migrated and seeded if needed; drafts and publishes of the first viewpoint
(one is added where the seed has none) are saved with its text unchanged. Never point it at a
real site's database.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_benchmark import setup_django  # noqa: E402 (settings, no debug log, migrated)


def setup():
    setup_django()
    from django.core.management import call_command

    call_command("load_seed_content", verbosity=0)


def timed(client, method, url, data=None, repeat=5):
    """(queries, median ms, last status) of `repeat` requests, after one to warm up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    send = getattr(client, method)
    send(url, data) if data is not None else send(url)
    samples, queries, status = [], 0, None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = send(url, data) if data is not None else send(url)
            samples.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured), response.status_code
    return queries, statistics.median(samples), status


def viewpoint_form(page, action=None):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    body = [
        (block.block_type, rich_text(block.value.source))
        for block in page.body
        if hasattr(block.value, "source")
    ]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "search_description": page.search_description,
            "author": page.author_id or "",
            "date": page.date.isoformat() if page.date else "",
            "body": streamfield(body or [("paragraph", rich_text("<p>Text</p>"))]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    if action:
        data[f"action-{action}"] = action
    return data


def main():
    setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from wagtail.models import Page

    from viewpoints.models import ViewpointPage

    setup_test_environment()
    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("figures", "figures@example.invalid")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    print(f"Database: {connection.vendor}; load {os.getloadavg()[0]:.1f}\n")
    print("| admin request | queries | median ms | status |\n| --- | ---: | ---: | ---: |")
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        name = type(page).__name__
        if name in seen:
            continue
        seen.add(name)
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        queries, ms, status = timed(client, "get", url)
        print(f"| edit view, {name} | {queries} | {ms:.0f} | {status} |")
    viewpoint = ViewpointPage.objects.order_by("path").first()
    if viewpoint is None:
        # The seed has no viewpoint of its own: one is added under its index to save.
        from viewpoints.factories import ViewpointPageFactory
        from viewpoints.models import ViewpointIndexPage

        viewpoint = ViewpointPageFactory(
            parent=ViewpointIndexPage.objects.get(), title="A viewpoint to save"
        )
        print(f"| (added: a viewpoint to save, {viewpoint.url}) | | | |")
    url = reverse("wagtailadmin_pages:edit", args=(viewpoint.pk,))
    for label, action in (("Save draft", None), ("Publish", "publish")):
        data = viewpoint_form(viewpoint, action)
        queries, ms, status = timed(client, "post", url, data, repeat=3)
        print(f"| {label}, ViewpointPage | {queries} | {ms:.0f} | {status} |")


if __name__ == "__main__":
    main()
