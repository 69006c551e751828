"""`manage.py load_seed_content`: create the first edition of the site from the seed page."""

from devdata.management.base import DevDataCommand
from devdata.progress import progress
from devdata.seed.loader import load_seed


class Command(DevDataCommand):
    help = (
        "Create the seed content (home page, sections, programmes, interviews, publications, "
        "contact page, site settings and menu). Safe to repeat: pages that exist are kept."
    )

    # It still only adds what is missing, so forcing it on a live site is safe.
    refusal = "Refusing to load seed content with production settings."

    def handle(self, *args, verbosity=1, **options):
        with progress(desc="Seed content", unit="item", enabled=verbosity > 0) as bar:
            report = load_seed(progress=bar)
        if verbosity >= 2:
            for line in report.detail_lines():
                self.stdout.write(line)
        for line in report.summary_lines():
            self.stdout.write(line)
        if not report.changed_anything:
            self.stdout.write(self.style.SUCCESS("Seed content already loaded; nothing changed."))
        else:
            self.stdout.write(self.style.SUCCESS("Seed content loaded."))
