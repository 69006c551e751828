"""Delete every contact form submission sent from one email address (a request for erasure)."""

import logging

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from contact.retention import submissions_from

logger = logging.getLogger("contact.erasure")


class Command(BaseCommand):
    help = (
        "Delete every contact form submission sent from one email address, whatever its "
        "capitals, and say how many were deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The enquirer's email address.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, email, dry_run=False, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an email address.") from error
        with transaction.atomic():
            matches = submissions_from(email)
            if dry_run:
                self.stdout.write(
                    f"{matches.count()} contact form submission(s) from {email} would be deleted."
                )
                return
            count, _ = matches.delete()
        # The address is not logged: the log must not keep what was just erased.
        logger.info("Erasure request: %d contact form submission(s) deleted.", count)
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {count} contact form submission(s) from {email}.")
        )
