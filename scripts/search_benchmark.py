#!/usr/bin/env python
"""How fast the search results page answers as the site grows.

Runs the real view (middleware, templates, query logging) through Django's test client over a
fixed list of queries, on a database of its own (PostgreSQL or SQLite, from DATABASE_URL), at
each site size in turn: it adds generated pages to reach the size (`manage.py generate_pages`'s
generator, timed), updates the index, warms up, then times every query `--repeat` times and
reports the median and the 95th percentile, beside the programme listing measured the same way:
the first time (each request as the first after a change of content: nothing kept), and again.

    createdb search_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \
        .venv/bin/python scripts/search_benchmark.py --sizes 1000 10000

The database is migrated if needed and pages are only ever added, so a second run at the same
sizes measures again without generating anything. Never point it at a real site's database.
With --json, the last line of output is the summary as JSON (`make bench` reads it).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    ("one common word", {"q": "leadership"}),
    ("two words", {"q": "integrated care"}),
    ("phrase-like", {"q": "what does leadership look like"}),
    ("rare word", {"q": "Copenhagen"}),
    ("person's name", {"q": "Patel"}),
    ("typo", {"q": "leadrship"}),
    ("typos in two words", {"q": "integratd carers"}),
    ("no results", {"q": "qqzzyx nothing"}),
    ("filtered by type", {"q": "leadership", "type": "viewpoint"}),
    ("filtered by focus area", {"q": "care", "focus_area": "evaluation"}),
    ("sorted by date", {"q": "leadership", "sort": "date"}),
    ("fifth page", {"q": "leadership", "page": "5"}),
    ("10,000 characters", {"q": "leadership care " * 625}),
]
SUGGESTIONS = ["le", "lead", "integrated c", "cop"]


def percentile(samples, fraction):
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    # Measured as served: no debug query log.
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)

    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a database of the benchmark's own.")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def grow_to(size):
    """Add generated pages until the site has `size` content pages.

    Returns (pages, pages added, seconds writing them, seconds indexing them)."""
    from django.db import connection
    from wagtail.models import Page

    from devdata.generate import Generator
    from search import vocabulary

    existing = Page.objects.filter(depth__gte=3).count()
    if existing >= size:
        return existing, 0, 0.0, 0.0
    started = time.perf_counter()
    generator = Generator(seed=size)
    generator.generate(size - existing)
    written = time.perf_counter()
    generator.index()
    vocabulary.rebuild()
    if connection.vendor == "postgresql":
        # As autovacuum would soon after (and then not during the timings): without statistics
        # the planner misjudges every search.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    pages = Page.objects.filter(depth__gte=3).count()
    return pages, pages - existing, written - started, time.perf_counter() - written


def measure(client, path, params, repeat, cold=False):
    """Milliseconds of `repeat` requests; `cold`, each as the first after a change of the
    site's content, so that nothing the site keeps until then (a search's results, a
    listing's counts, the menu) is there to be used."""
    from core.fragments import content_changed

    samples = []
    for _ in range(repeat):
        if cold:
            content_changed()
        started = time.perf_counter()
        response = client.get(path, params, HTTP_HOST="localhost")
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} {params} answered {response.status_code}")
    return samples


def run(sizes, repeat):
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client()
    report = []
    for size in sizes:
        pages, added, writing, indexing = grow_to(size)
        if added:
            print(
                f"Generated {added} pages in {writing:.0f}s, indexed them in {indexing:.0f}s "
                f"({pages} pages)",
                flush=True,
            )
        for _label, params in QUERIES:  # warm caches and the vocabulary
            measure(client, "/search/", params, 1)
        measure(client, "/programmes/", {}, 1)
        every, rows, again = [], [], []
        for label, params in QUERIES:
            samples = measure(client, "/search/", params, repeat, cold=True)
            every += samples
            repeated = measure(client, "/search/", params, repeat)
            again += repeated
            rows.append((label, statistics.median(samples), percentile(samples, 0.95), repeated))
        suggest = []
        for query in SUGGESTIONS:
            suggest += measure(client, "/search/suggest/", {"q": query}, repeat)
        listing = measure(client, "/programmes/", {}, repeat * 3, cold=True)
        listing_again = measure(client, "/programmes/", {}, repeat * 3)
        report.append(
            {
                "database": connection.vendor,
                "pages": pages,
                "added": added,
                "write_s": round(writing, 1),
                "index_s": round(indexing, 1),
                "p50_ms": round(statistics.median(every), 1),
                "p95_ms": round(percentile(every, 0.95), 1),
                "programmes_p50_ms": round(statistics.median(listing), 1),
                "programmes_p95_ms": round(percentile(listing, 0.95), 1),
                "again_p95_ms": round(percentile(again, 0.95), 1),
                "programmes_again_p95_ms": round(percentile(listing_again, 0.95), 1),
            }
        )
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"\n## {pages} pages ({len(every)} searches, {repeat} per query; load {load})\n")
        print("First time (nothing kept), and again (kept until the content changes).\n")
        print("| query | median ms | p95 ms | again, median ms |\n| --- | ---: | ---: | ---: |")
        for label, median, p95, repeated in rows:
            print(f"| {label} | {median:.0f} | {p95:.0f} | {statistics.median(repeated):.0f} |")
        print(
            f"| **all searches** | **{statistics.median(every):.0f}** | "
            f"**{percentile(every, 0.95):.0f}** | {statistics.median(again):.0f} |"
        )
        print(
            f"| suggestions (JSON) | {statistics.median(suggest):.0f} | "
            f"{percentile(suggest, 0.95):.0f} | |"
        )
        print(
            f"| programme listing (for comparison) | {statistics.median(listing):.0f} | "
            f"{percentile(listing, 0.95):.0f} | {statistics.median(listing_again):.0f} |",
            flush=True,
        )
    print("\n## Summary\n\n| pages | median ms | p95 ms |\n| ---: | ---: | ---: |")
    for result in report:
        print(f"| {result['pages']} | {result['p50_ms']:.0f} | {result['p95_ms']:.0f} |")
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=10, help="Timings per query (default 10).")
    parser.add_argument("--json", action="store_true", help="End with the summary as JSON.")
    args = parser.parse_args()
    setup_django()
    report = run(sorted(args.sizes), args.repeat)
    if args.json:
        print(json.dumps(report))


if __name__ == "__main__":
    main()
