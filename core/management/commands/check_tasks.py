"""Say at ERROR, and by exiting non-zero, when background work is not being done (run every
minute by the schedule)."""

import logging

from django.core.management.base import BaseCommand, CommandError

from core.background import problems

logger = logging.getLogger("core.background")


class Command(BaseCommand):
    help = (
        "Check that the task worker keeps up: exits non-zero, logging each problem at ERROR, when "
        "a task has waited longer than TASKS_MAX_WAIT_MINUTES or another app reports work not done."
    )

    def handle(self, *args, **options):
        found = problems()
        for problem in found:
            logger.error(problem)
        if found:
            raise CommandError(f"{len(found)} problem(s) with background work.", returncode=2)
        self.stdout.write("Background work is up to date.")
