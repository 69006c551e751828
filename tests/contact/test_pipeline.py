"""Storage first, email in the background: against a real SMTP server, stopped and started."""

import datetime
import logging
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.template.response import TemplateResponse
from django.test import Client
from django.utils import timezone

from contact.factories import ContactSubmissionFactory
from contact.models import ContactPage, ContactSubmission
from contact.tasks import send_contact_notification

from .conftest import RECIPIENTS, send

# Real commits, so the email is queued the way it is in production: after the save commits.
# The database is restored afterwards, so Wagtail's root page and locale stay for other tests.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # The project's mail settings are EMAIL_*, which Django 6.1 deprecates in favour of MAILERS;
    # the server's port is set the same way.
    pytest.mark.filterwarnings(
        "ignore:The EMAIL_:django.utils.deprecation.RemovedInDjango2028Warning"
    ),
]

Status = ContactSubmission.Notification


def retry(*args):
    out, err = StringIO(), StringIO()
    call_command("retry_contact_notifications", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def run_worker():
    """Run `db_worker` until the queue is empty, leaving logging as it found it."""
    loggers = [
        logging.getLogger(name)
        for name in ("django_tasks", "django_tasks_db.management.commands.db_worker")
    ]
    levels = [logger.level for logger in loggers]
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def test_a_valid_enquiry_is_stored_and_one_email_reaches_the_recipients(smtp, sender):
    response = sender()

    assert response.status_code == 200
    assert "Thank you: your message has been sent" in response.content.decode()
    submission = ContactSubmission.objects.get()
    assert submission.email == "ada@example.org"
    assert submission.form_data["message"].startswith("We would like to talk")
    assert submission.form_data["consent"] is True
    assert submission.notification_status == Status.SENT
    assert submission.notification_attempts == 1

    [envelope] = smtp.inbox.envelopes
    assert sorted(envelope.rcpt_tos) == sorted(RECIPIENTS)  # no copy to the enquirer
    [message] = smtp.inbox.messages
    assert message["From"] == "portal@example.ac.uk"
    assert message["Reply-To"] == "ada@example.org"
    assert message["Subject"] == "Enquiry from the Systems Leadership website"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "text/plain"
    body = message.get_content()
    for line in [
        "Name: Ada Lovelace",
        "Email address: ada@example.org",
        "Organisation: Analytical Engines NHS Trust",
        "What is your enquiry about?: Research collaboration",
        "We would like to talk about evaluating our leadership programme.",
        "privacy notice explains: Yes",
        f"/admin/forms/submissions/{submission.page_id}/",
        "deleted 12 months after",
    ]:
        assert line in body


def test_with_the_mail_server_down_the_enquiry_waits_and_arrives_once_it_is_back(
    smtp, sender, caplog
):
    smtp.stop()

    response = sender(message="Sent while the mail server was down.")

    assert response.status_code == 200
    assert "Thank you: your message has been sent" in response.content.decode()
    submission = ContactSubmission.objects.get()
    assert submission.notification_status == Status.FAILED
    assert submission.notification_attempts == 1
    assert "ConnectionRefusedError" in submission.notification_error
    assert f"Email for contact form submission {submission.pk} failed" in caplog.text

    # The next run waits five minutes after a failure before trying again.
    assert "Queued 0" in retry()
    smtp.start()
    assert smtp.inbox.envelopes == []

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6), tick=False):
        output = retry()

    assert "Queued 1" in output and "Sent 1" in output
    [message] = smtp.inbox.messages
    assert "Sent while the mail server was down." in message.get_content()
    assert message["Reply-To"] == "ada@example.org"
    submission.refresh_from_db()
    assert submission.notification_status == Status.SENT
    assert submission.notification_attempts == 2
    # Nothing is sent twice, however often the schedule runs.
    assert "Queued 0" in retry("--now")
    assert len(smtp.inbox.envelopes) == 1


def test_failed_attempts_wait_longer_each_time_then_stop(smtp, sender, settings):
    settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS = 3
    smtp.stop()
    sender()
    submission = ContactSubmission.objects.get()
    start = timezone.now()

    # Attempt 2 is due 5 minutes after attempt 1; attempt 3, 10 minutes after attempt 2.
    with time_machine.travel(start + datetime.timedelta(minutes=6), tick=False):
        assert "Queued 1" in retry()
    with time_machine.travel(start + datetime.timedelta(minutes=12), tick=False):
        assert "Queued 0" in retry()
    with time_machine.travel(start + datetime.timedelta(minutes=17), tick=False):
        assert "Queued 1" in retry()
    with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
        output = retry()

    assert "Queued 0" in output
    assert "1 contact form email(s) failed too often" in output
    submission.refresh_from_db()
    assert (submission.notification_status, submission.notification_attempts) == (Status.FAILED, 3)
    assert "no more retries" in submission.notification_summary()
    # Staff can still push it through by hand once the server is mended.
    assert smtp.inbox.envelopes == []


def test_an_email_queued_and_never_sent_is_picked_up(smtp, enquiry_page):
    """A worker that died before sending leaves the enquiry pending: the schedule sends it."""
    stalled = ContactSubmissionFactory(
        page=enquiry_page,
        notification_status=Status.PENDING,
        notified_at=None,
        submitted=timezone.now() - datetime.timedelta(hours=2),
    )
    recent = ContactSubmissionFactory(
        page=enquiry_page, notification_status=Status.PENDING, notified_at=None
    )

    assert "Queued 1" in retry()

    [message] = smtp.inbox.messages
    assert message["Reply-To"] == stalled.email
    recent.refresh_from_db()
    assert recent.notification_status == Status.PENDING  # the worker has not had its turn yet


def test_a_task_run_twice_sends_one_email(smtp, sender):
    sender()
    submission = ContactSubmission.objects.get()

    result = send_contact_notification.enqueue(submission.pk)

    assert result.return_value == "skipped"
    assert len(smtp.inbox.envelopes) == 1


def test_an_erased_enquiry_is_not_sent_by_a_late_task(smtp, sender):
    smtp.stop()
    sender()
    submission = ContactSubmission.objects.get()
    submission.delete()
    smtp.start()

    assert send_contact_notification.enqueue(submission.pk).return_value == "skipped"
    assert smtp.inbox.envelopes == []


def test_with_no_recipients_set_the_enquiry_is_kept_until_staff_name_some(smtp, enquiry_page):
    enquiry_page.to_address = ""
    enquiry_page.save()

    response = send(Client(), enquiry_page)

    assert response.status_code == 200
    submission = ContactSubmission.objects.get()
    assert submission.notification_status == Status.FAILED
    assert "NoRecipients" in submission.notification_error

    enquiry_page.to_address = "enquiries@example.ac.uk"
    enquiry_page.save()
    retry("--now")

    [envelope] = smtp.inbox.envelopes
    assert envelope.rcpt_tos == ["enquiries@example.ac.uk"]


def test_html_in_a_message_arrives_as_plain_text(smtp, sender):
    script = '<script>alert("x")</script><b>bold</b> & <a href="https://evil.example">x</a>'

    sender(message=script, name="Zoë Ångström-李")

    [message] = smtp.inbox.messages
    assert not message.is_multipart()
    assert message.get_content_type() == "text/plain"
    body = message.get_content()
    # Word for word, as text: a plain-text email has no markup for a mail program to run.
    assert script in body
    assert "Name: Zoë Ångström-李" in body


def test_the_enquiry_is_kept_even_if_the_thank_you_page_fails(smtp, enquiry_page, monkeypatch):
    def broken_landing_page(self, request, form_submission=None, *args, **kwargs):
        return TemplateResponse(request, "contact/no_such_template.html", {})

    monkeypatch.setattr(ContactPage, "render_landing_page", broken_landing_page)

    response = send(Client(raise_request_exception=False), enquiry_page)

    assert response.status_code == 500
    assert ContactSubmission.objects.count() == 1
    assert len(smtp.inbox.envelopes) == 1


def test_in_production_the_worker_sends_the_email_and_retries_after_an_outage(
    smtp, sender, settings
):
    """The database task backend and its `db_worker`, as production runs them."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp.stop()

    response = sender()

    assert response.status_code == 200
    submission = ContactSubmission.objects.get()
    assert submission.notification_status == Status.PENDING  # queued, not sent in the request
    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs == {"args": [submission.pk], "kwargs": {}}  # an id, no personal data

    run_worker()
    submission.refresh_from_db()
    assert submission.notification_status == Status.FAILED

    smtp.start()
    retry("--now")  # queues it again; the worker sends it
    assert smtp.inbox.envelopes == []
    run_worker()

    submission.refresh_from_db()
    assert submission.notification_status == Status.SENT
    assert len(smtp.inbox.envelopes) == 1
