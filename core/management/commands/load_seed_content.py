"""`manage.py load_seed_content`: create the first edition of the site from the seed page."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PRODUCTION_SETTINGS = "portal.settings.production"


def running_in_production():
    return PRODUCTION_SETTINGS in (
        settings.SETTINGS_MODULE,
        os.environ.get("DJANGO_SETTINGS_MODULE"),
    )


class Command(BaseCommand):
    help = (
        "Create the seed content (home page, sections, programmes, interviews, publications, "
        "contact page, site settings and menu). Safe to repeat: pages that exist are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force-production",
            action="store_true",
            help="Run even with production settings (it still only adds what is missing).",
        )

    def handle(self, *args, force_production=False, verbosity=1, **options):
        if running_in_production() and not force_production:
            raise CommandError(
                "Refusing to load seed content with production settings. "
                "Use --force-production if you really mean to."
            )
        from core.seed.loader import load_seed

        report = load_seed()
        if verbosity >= 2:
            for line in report.detail_lines():
                self.stdout.write(line)
        for line in report.summary_lines():
            self.stdout.write(line)
        if not report.changed_anything:
            self.stdout.write(self.style.SUCCESS("Seed content already loaded; nothing changed."))
        else:
            self.stdout.write(self.style.SUCCESS("Seed content loaded."))
