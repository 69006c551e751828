"""Generate realistic pages of every type, then update the search index once."""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from search import vocabulary
from search.generate import Generator


class Command(BaseCommand):
    help = (
        "Add N realistic pages across every page type (programmes, interviews, viewpoints, "
        "publications, pages) under the home page, then update the search index. "
        "For trying search at scale; never for a production site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="How many pages to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--no-index", action="store_true", help="Skip updating the search index."
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even though the settings are the production settings.",
        )

    def handle(self, *args, pages, seed, no_index, allow_production, **options):
        if pages < 1 or pages > 100_000:
            raise CommandError("--pages must be between 1 and 100000.")
        if settings.SETTINGS_MODULE.endswith(".production") and not allow_production:
            raise CommandError(
                "This adds made-up pages; it refuses to run with production settings."
            )
        started = time.monotonic()
        # One line per page created would drown the progress lines.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        logging.getLogger("django_tasks").setLevel(logging.WARNING)
        stdout = self.stdout if options["verbosity"] > 0 else None
        created = Generator(seed=seed, stdout=stdout).generate(pages)
        if not no_index:
            call_command("update_index", verbosity=0)
            vocabulary.rebuild()
        self.stdout.write(
            self.style.SUCCESS(f"Added {created} pages in {time.monotonic() - started:.1f}s.")
        )
