"""Queue again the contact form emails that failed, were lost or were cut off (run every 5
minutes)."""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks import TaskResultStatus

from contact.models import ContactSubmission
from contact.pipeline import queue_notification
from contact.retention import SENDING_STALLED_AFTER, given_up, submissions_to_retry, unsent_since
from contact.tasks import SENT
from core.background import max_wait

logger = logging.getLogger("contact.retention")


def _outcome(result):
    if result.status == TaskResultStatus.SUCCESSFUL:
        return result.return_value
    if result.status == TaskResultStatus.FAILED:
        return "failed"
    return "queued"


class Command(BaseCommand):
    help = (
        "Queue again the emails for contact form submissions that could not be sent (waiting "
        "longer after each failure), were queued and never sent, or were cut off while sending. "
        "Meant to run every 5 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Queue every email not sent, now, whatever its age or attempts (after fixing the "
            "mail server or restarting the worker).",
        )

    def handle(self, *args, now=False, **options):
        moment = timezone.now()
        status = ContactSubmission.Notification
        # A send that stopped half-way (its worker died) is a failure: let it be claimed again.
        ContactSubmission.objects.filter(
            notification_status=status.SENDING,
            notification_last_attempt_at__lt=moment - SENDING_STALLED_AFTER,
        ).update(notification_status=status.FAILED)

        due = submissions_to_retry(moment, everything=now)
        outcomes = {SENT: 0, "failed": 0, "queued": 0}
        for submission in due:
            outcome = _outcome(queue_notification(submission.pk))
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        self.stdout.write(f"Queued {len(due)} contact form email(s) to send again.")
        if outcomes[SENT] or outcomes["failed"]:
            # The immediate backend has already run them; with the database backend the worker will.
            self.stdout.write(f"Sent {outcomes[SENT]}; failed again {outcomes['failed']}.")
        late = unsent_since(moment - max_wait()).count()
        if late:
            logger.error(
                "%s contact form email(s) not sent within %s minutes of the enquiry.",
                late,
                f"{max_wait().total_seconds() / 60:g}",
            )
        stuck = given_up().count()
        if stuck:
            self.stderr.write(
                self.style.WARNING(
                    f"{stuck} contact form email(s) failed too often and will not be retried: "
                    "read those enquiries in the admin (Forms), or run this with --now."
                )
            )
