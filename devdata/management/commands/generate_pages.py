"""`manage.py generate_pages --pages N`: realistic pages of every type, then the search index."""

import logging
import time

from django.core.management import CommandError

from devdata.management.base import DevDataCommand
from search import vocabulary

try:
    from devdata.generate import Generator
except ModuleNotFoundError as error:  # factory_boy and Faker come with the development tools
    Generator, MISSING = None, error.name


class Command(DevDataCommand):
    help = (
        "Add N realistic pages across every page type (programmes, interviews, viewpoints, "
        "publications, pages) under the home page, then update the search index. "
        "For trying the site at scale; never for a production site."
    )
    refusal = "This adds made-up pages; it refuses to run with production settings."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="How many pages to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--no-index", action="store_true", help="Skip updating the search index."
        )

    def handle(self, *args, pages, seed, no_index, verbosity=1, **options):
        if pages < 1 or pages > 100_000:
            raise CommandError("--pages must be between 1 and 100000.")
        if Generator is None:
            raise CommandError(
                f"The generator needs the development tools ({MISSING} is missing): "
                "run `make install-dev`."
            )
        started = time.monotonic()
        # One line per person or index page created would break the progress bars.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        logging.getLogger("django_tasks").setLevel(logging.WARNING)
        generator = Generator(seed=seed, show_progress=verbosity > 0)
        created = generator.generate(pages)
        if not no_index:
            generator.index()
            if verbosity > 0:
                self.stderr.write("Rebuilding the spelling vocabulary...")
            vocabulary.rebuild()
        self.stdout.write(
            self.style.SUCCESS(f"Added {created} pages in {time.monotonic() - started:.1f}s.")
        )
