"""Delete contact form submissions older than their page's retention period (run daily)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from contact.retention import expired_submissions


class Command(BaseCommand):
    help = (
        "Delete contact form submissions older than the retention period set on their contact "
        "page, and say how many were deleted. Meant to run once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            expired = expired_submissions()
            if dry_run:
                count = expired.count()
                self.stdout.write(f"{count} contact form submission(s) would be deleted.")
                return
            count, _ = expired.delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {count} contact form submission(s) older than their retention period."
            )
        )
