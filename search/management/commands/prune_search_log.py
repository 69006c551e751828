"""Forget old searches: run daily (the scheduler does in production) to keep the log bounded."""

from django.core.management.base import BaseCommand

from search import query_log


class Command(BaseCommand):
    help = "Delete logged searches older than WAGTAILSEARCH_HITS_MAX_AGE days (or --days)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Keep this many days instead.")

    def handle(self, *args, days=None, **options):
        if days is not None and days < 1:
            self.stderr.write("--days must be at least 1.")
            return
        deleted = query_log.prune(days)
        summary = ", ".join(f"{count} {what}" for what, count in deleted.items())
        self.stdout.write(f"Deleted {summary}.")
