"""Retries pick up every enquiry email never sent, and none twice: against a real SMTP server."""

import datetime
import logging
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from contact.factories import ContactSubmissionFactory
from contact.models import ContactSubmission
from contact.pipeline import queue_notification

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.filterwarnings(
        "ignore:The EMAIL_:django.utils.deprecation.RemovedInDjango2028Warning"
    ),
]

Status = ContactSubmission.Notification
MINUTE = datetime.timedelta(minutes=1)


def retry(*args):
    out, err = StringIO(), StringIO()
    call_command("retry_contact_notifications", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def run_worker():
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def enquiry(page, minutes_ago, **fields):
    """An enquiry sent `minutes_ago`, its email not sent."""
    fields.setdefault("notification_status", Status.PENDING)
    return ContactSubmissionFactory(
        page=page,
        notified_at=None,
        submitted=timezone.now() - minutes_ago * MINUTE,
        **fields,
    )


def status_of(submission):
    submission.refresh_from_db()
    return submission.notification_status


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_an_email_never_queued_is_sent_within_minutes_not_an_hour(smtp, enquiry_page):
    lost = enquiry(enquiry_page, minutes_ago=2)  # its queueing failed after the save
    just_stored = enquiry(enquiry_page, minutes_ago=0)  # its task is about to be queued

    assert "Queued 1" in retry()

    [message] = smtp.inbox.messages
    assert message["Reply-To"] == lost.email
    assert status_of(lost) == Status.SENT
    assert status_of(just_stored) == Status.PENDING


def test_now_sends_every_email_not_sent_whatever_its_age_or_attempts(smtp, enquiry_page, settings):
    settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS = 3
    waiting = [
        enquiry(enquiry_page, minutes_ago=0),
        enquiry(
            enquiry_page,
            minutes_ago=1,
            notification_status=Status.FAILED,
            notification_attempts=1,
            notification_last_attempt_at=timezone.now(),
        ),
        enquiry(  # given up on by the schedule
            enquiry_page,
            minutes_ago=3000,
            notification_status=Status.FAILED,
            notification_attempts=3,
            notification_last_attempt_at=timezone.now() - 60 * MINUTE,
        ),
    ]
    assert "Queued 0" in retry()  # the schedule waits for each of them

    output = retry("--now")

    assert "Queued 3" in output and "Sent 3" in output
    assert sorted(m["Reply-To"] for m in smtp.inbox.messages) == sorted(s.email for s in waiting)
    assert all(status_of(s) == Status.SENT for s in waiting)
    assert "Queued 0" in retry("--now")
    assert len(smtp.inbox.envelopes) == 3


def test_a_send_cut_off_is_sent_again_and_one_under_way_is_left_alone(smtp, enquiry_page):
    cut_off = enquiry(
        enquiry_page,
        minutes_ago=10,
        notification_status=Status.SENDING,
        notification_attempts=1,
        notification_last_attempt_at=timezone.now() - 10 * MINUTE,
    )
    under_way = enquiry(
        enquiry_page,
        minutes_ago=1,
        notification_status=Status.SENDING,
        notification_attempts=1,
        notification_last_attempt_at=timezone.now() - datetime.timedelta(seconds=20),
    )

    assert "Queued 1" in retry("--now")

    [message] = smtp.inbox.messages
    assert message["Reply-To"] == cut_off.email
    assert status_of(cut_off) == Status.SENT
    assert status_of(under_way) == Status.SENDING  # its worker may be talking to the server now


def test_an_email_waiting_behind_a_stopped_worker_is_queued_once_it_waited_too_long(
    smtp, enquiry_page, database_tasks
):
    submission = enquiry(enquiry_page, minutes_ago=3)
    queue_notification(submission.pk)

    # Its task still waits its turn: a second copy in the same queue would change nothing.
    assert "Queued 0" in retry()
    with time_machine.travel(timezone.now() + 6 * MINUTE, tick=False):
        assert "Queued 1" in retry()
    assert DBTaskResult.objects.filter(status="READY").count() == 2

    run_worker()

    assert len(smtp.inbox.envelopes) == 1  # the second task finds it sent
    assert status_of(submission) == Status.SENT
    assert sorted(DBTaskResult.objects.values_list("return_value", flat=True)) == [
        "sent",
        "skipped",
    ]


def test_an_email_whose_task_is_gone_is_queued_for_the_worker(smtp, enquiry_page, database_tasks):
    submission = enquiry(enquiry_page, minutes_ago=2)
    assert not DBTaskResult.objects.exists()

    assert "Queued 1" in retry()
    run_worker()

    assert status_of(submission) == Status.SENT
    assert len(smtp.inbox.envelopes) == 1


def test_enquiries_not_emailed_in_time_are_logged_and_reported(smtp, enquiry_page, caplog):
    smtp.stop()
    enquiry(enquiry_page, minutes_ago=2)
    enquiry(enquiry_page, minutes_ago=20, notification_status=Status.FAILED)
    enquiry(enquiry_page, minutes_ago=30)
    ContactSubmissionFactory(page=enquiry_page, submitted=timezone.now() - 60 * MINUTE)  # sent

    retry()

    [logged] = [r for r in caplog.records if r.name == "contact.retention"]
    assert logged.levelno == logging.ERROR
    assert (
        logged.getMessage() == "2 contact form email(s) not sent within 5 minutes of the enquiry."
    )
    with pytest.raises(CommandError) as failure:
        call_command("check_tasks")
    assert failure.value.returncode == 2
    assert "2 enquiry email(s) have not reached the centre within 5 minutes" in caplog.text
