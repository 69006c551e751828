"""Enquiries sent while nobody was named to receive them go out once staff publish an address."""

import pytest
from django.test import Client
from django.urls import reverse

from contact.factories import ContactSubmissionFactory
from contact.models import ContactSubmission
from tests.contact.conftest import send

pytestmark = pytest.mark.django_db

Status = ContactSubmission.Notification


@pytest.fixture
def page_without_recipients(enquiry_page):
    enquiry_page.to_address = ""
    enquiry_page.save_revision().publish()
    return enquiry_page


def test_publishing_the_address_sends_the_enquiries_that_waited(
    smtp, page_without_recipients, django_capture_on_commit_callbacks
):
    page = page_without_recipients
    with django_capture_on_commit_callbacks(execute=True):
        assert send(Client(), page).status_code == 200
    waiting = ContactSubmission.objects.get()
    assert waiting.notification_status == Status.FAILED
    assert smtp.inbox.envelopes == []

    page.to_address = "enquiries@example.ac.uk"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    [envelope] = smtp.inbox.envelopes
    assert envelope.rcpt_tos == ["enquiries@example.ac.uk"]
    waiting.refresh_from_db()
    assert waiting.notification_status == Status.SENT


def test_publishing_without_an_address_sends_nothing(
    smtp, page_without_recipients, django_capture_on_commit_callbacks
):
    page = page_without_recipients
    with django_capture_on_commit_callbacks(execute=True):
        send(Client(), page)
        page.save_revision().publish()

    assert smtp.inbox.envelopes == []
    assert ContactSubmission.objects.get().notification_status == Status.FAILED


def test_a_failure_of_the_mail_server_is_left_to_the_retry_schedule(
    smtp, enquiry_page, django_capture_on_commit_callbacks
):
    # Publishing again must not hammer a mail server that is down.
    failed = ContactSubmissionFactory(
        page=enquiry_page,
        notification_status=Status.FAILED,
        notification_attempts=1,
        notification_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    with django_capture_on_commit_callbacks(execute=True):
        enquiry_page.save_revision().publish()

    assert smtp.inbox.envelopes == []
    failed.refresh_from_db()
    assert failed.notification_attempts == 1


def test_the_warning_names_the_field_as_the_editor_sees_it(client, page_without_recipients):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.ac.uk", "x"))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page_without_recipients.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Send enquiries to" in html
    assert "Add the addresses in &#x27;Send enquiries to&#x27; under &#x27;Email to" in html


def test_the_sending_status_comes_straight_after_the_date(client, enquiry_page):
    from django.contrib.auth import get_user_model

    ContactSubmissionFactory(page=enquiry_page, notification_status=Status.SENT)
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.ac.uk", "x"))

    response = client.get(reverse("wagtailforms:list_submissions", args=[enquiry_page.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    headers = [label for _, label in enquiry_page.get_data_fields()]
    assert headers[:2] == ["Submission date", "Email to the centre"]
    assert html.index("Email to the centre") < html.index("Message")
