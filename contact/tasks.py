"""The background task that emails an enquiry to the centre, and records whether it could.

The task receives only the submission's id, so no personal data sits in the task queue. It claims
the submission before sending, so a retried or duplicated task never sends the same email twice.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks import TaskResultStatus, task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from contact.submissions import ContactSubmission

logger = logging.getLogger(__name__)

SENT = "sent"
SKIPPED = "skipped"

DEFAULT_SUBJECT = "Enquiry from the website"


class NoRecipients(Exception):
    """The contact page names nobody to send enquiries to."""


@task()
def send_contact_notification(submission_id):
    """Email one enquiry to the centre; on failure record why, so it can be retried."""
    status = ContactSubmission.Notification
    claimed = ContactSubmission.objects.filter(
        pk=submission_id, notification_status__in=[status.PENDING, status.FAILED]
    ).update(
        notification_status=status.SENDING,
        notification_attempts=F("notification_attempts") + 1,
        notification_last_attempt_at=timezone.now(),
    )
    if not claimed:
        # Already sent, being sent by another worker, or erased since it was queued.
        return SKIPPED

    submission = ContactSubmission.objects.get(pk=submission_id)
    try:
        build_notification(submission).send()
    except Exception as error:
        ContactSubmission.objects.filter(pk=submission_id).update(
            notification_status=status.FAILED,
            notification_error=f"{type(error).__name__}: {error}"[:500],
        )
        logger.warning(
            "Email for contact form submission %s failed (attempt %s): %s",
            submission_id,
            submission.notification_attempts,
            type(error).__name__,
        )
        # The task result records the failure too, for whoever watches the worker.
        raise
    ContactSubmission.objects.filter(pk=submission_id).update(
        notification_status=status.SENT, notified_at=timezone.now(), notification_error=""
    )
    logger.info("Email for contact form submission %s sent.", submission_id)
    return SENT


def queued_email_tasks():
    """For each enquiry whose email task is queued and not yet taken by a worker, when the
    newest such task was queued. Only the database backend keeps a queue; with the immediate
    one a task has run by the time `enqueue` returns."""
    if not isinstance(send_contact_notification.get_backend(), DatabaseBackend):
        return {}
    queued = DBTaskResult.objects.filter(
        task_path=send_contact_notification.module_path, status=TaskResultStatus.READY
    ).values_list("args_kwargs", "enqueued_at")
    newest = {}
    for args_kwargs, enqueued_at in queued:
        [submission_id] = args_kwargs["args"][:1] or [None]
        if submission_id is not None:
            newest[submission_id] = max(enqueued_at, newest.get(submission_id, enqueued_at))
    return newest


def build_notification(submission):
    """The plain-text email for one enquiry, with the enquirer's address to reply to."""
    page = submission.page.specific
    recipients = page.recipients()
    if not recipients:
        raise NoRecipients(f"Nobody is set to receive enquiries on page {page.pk}.")
    return EmailMessage(
        # A subject is one line: an editor's stray line break must not end the headers.
        subject=" ".join((page.subject or DEFAULT_SUBJECT).split()),
        body=notification_body(page, submission),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[submission.email] if submission.email else None,
        # Tells out-of-office robots not to answer the website's address.
        headers={"Auto-Submitted": "auto-generated"},
    )


def notification_body(page, submission):
    """Every answer under its question, as plain text: nothing in it is ever read as HTML."""
    data = dict(submission.form_data)
    lines = ["An enquiry was sent through the contact form on the website.", ""]
    for field in page.get_form_fields():
        if field.clean_name in data:
            lines += _answer(field.label, data.pop(field.clean_name))
    # Questions staff have removed since this enquiry was sent.
    for name, value in data.items():
        lines += _answer(name, value)
    sent = date_format(timezone.localtime(submission.submit_time), "j F Y, H:i")
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailforms:list_submissions", args=[page.pk]
    )
    lines += [
        f"Sent: {sent}",
        "",
        "Reply to this email to answer the enquirer.",
        f"Every enquiry, for staff allowed to read them: {admin_url}",
        f"Enquiries are deleted {page.retention_months} months after they are sent.",
    ]
    return "\n".join(lines) + "\n"


def _answer(label, value):
    if value is True or value is False:
        value = "Yes" if value else "No"
    elif isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    value = str(value) if value not in (None, "") else "(not given)"
    if "\n" in value:
        return [f"{label}:", value, ""]
    return [f"{label}: {value}", ""]
