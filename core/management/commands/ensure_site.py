"""`manage.py ensure_site --url URL`: the default Site answers where the site is served."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.site_address import point_default_site_at


class Command(BaseCommand):
    help = (
        "Set the default Site's hostname and port from --url (default: SITE_URL), so that "
        "canonical links, feeds, the sitemap and citations point where the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", help="e.g. http://127.0.0.1:8000 or https://example.ac.uk")

    def handle(self, *args, url=None, **options):
        url = url or settings.SITE_URL
        if not url:
            raise CommandError("Give --url or set SITE_URL.")
        try:
            changed = point_default_site_at(url)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"The default Site now answers at {url}." if changed else f"The Site is at {url}."
        )
