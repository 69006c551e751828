"""Retention and erasure commands: they delete exactly what they should and nothing else."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from contact.factories import ContactPageFactory, ContactSubmissionFactory
from contact.models import ContactSubmission
from contact.retention import months_before

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def remaining():
    return set(ContactSubmission.objects.values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2026, 3, 31, 9, 30, tzinfo=UTC), 1, (2026, 2, 28)),
        (datetime.datetime(2028, 3, 31, 9, 30, tzinfo=UTC), 1, (2028, 2, 29)),
        (datetime.datetime(2026, 1, 15, 9, 30, tzinfo=UTC), 12, (2025, 1, 15)),
        (datetime.datetime(2026, 1, 15, 9, 30, tzinfo=UTC), 13, (2024, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    result = months_before(moment, months)

    assert (result.year, result.month, result.day) == expected
    assert (result.hour, result.minute, result.tzinfo) == (9, 30, UTC)


def test_purge_deletes_only_enquiries_older_than_their_page_keeps_them(enquiry_page):
    now = timezone.now()
    old = ContactSubmissionFactory(page=enquiry_page, submitted=months_before(now, 13))
    just_kept = ContactSubmissionFactory(
        page=enquiry_page, submitted=months_before(now, 12) + datetime.timedelta(hours=1)
    )
    recent = ContactSubmissionFactory(page=enquiry_page)
    # A second form whose staff keep enquiries for one month only.
    short = ContactPageFactory(parent=enquiry_page.get_parent(), slug="short", retention_months=1)
    short_old = ContactSubmissionFactory(page=short, submitted=now - datetime.timedelta(days=40))
    short_recent = ContactSubmissionFactory(page=short, submitted=now - datetime.timedelta(days=20))

    output = run("purge_contact_submissions")

    assert "Deleted 2 contact form submission(s)" in output
    assert remaining() == {just_kept.pk, recent.pk, short_recent.pk}
    assert old.pk not in remaining() and short_old.pk not in remaining()
    # Run again: nothing more to delete.
    assert "Deleted 0 contact form submission(s)" in run("purge_contact_submissions")


def test_purge_follows_a_retention_period_staff_change(enquiry_page):
    kept_a_year = ContactSubmissionFactory(
        page=enquiry_page, submitted=timezone.now() - datetime.timedelta(days=100)
    )
    enquiry_page.retention_months = 3
    enquiry_page.save()

    run("purge_contact_submissions")

    assert kept_a_year.pk not in remaining()


def test_purge_dry_run_counts_and_deletes_nothing(enquiry_page):
    ContactSubmissionFactory(page=enquiry_page, submitted=months_before(timezone.now(), 24))

    output = run("purge_contact_submissions", "--dry-run")

    assert "1 contact form submission(s) would be deleted." in output
    assert ContactSubmission.objects.count() == 1


def test_purge_with_no_contact_page_deletes_nothing(db):
    assert "Deleted 0" in run("purge_contact_submissions")


def test_erasure_deletes_every_enquiry_from_one_address_whatever_its_capitals(enquiry_page):
    theirs = [
        ContactSubmissionFactory(page=enquiry_page, email=address)
        for address in ("ada@example.org", "Ada@Example.ORG", "ada@example.org")
    ]
    near_misses = [
        ContactSubmissionFactory(page=enquiry_page, email=address)
        for address in ("ada@example.org.uk", "bada@example.org", "ada@example.com")
    ]

    output = run("erase_contact_submissions", "--email", "  ADA@example.org ")

    assert "Deleted 3 contact form submission(s) from ADA@example.org." in output
    assert remaining() == {s.pk for s in near_misses}
    assert not {s.pk for s in theirs} & remaining()


def test_erasure_dry_run_counts_and_deletes_nothing(enquiry_page):
    ContactSubmissionFactory(page=enquiry_page, email="ada@example.org")

    output = run("erase_contact_submissions", "--email", "ada@example.org", "--dry-run")

    assert "1 contact form submission(s) from ada@example.org would be deleted." in output
    assert ContactSubmission.objects.count() == 1


@pytest.mark.parametrize("email", ["", "ada", "%", "ada@example.org'; DROP TABLE x; --"])
def test_erasure_refuses_what_is_not_an_address(enquiry_page, email):
    ContactSubmissionFactory(page=enquiry_page, email="ada@example.org")

    with pytest.raises(CommandError, match="is not an email address"):
        run("erase_contact_submissions", "--email", email)
    assert ContactSubmission.objects.count() == 1


def test_erasure_does_not_log_the_address_it_erased(enquiry_page, caplog):
    ContactSubmissionFactory(page=enquiry_page, email="ada@example.org")

    run("erase_contact_submissions", "--email", "ada@example.org")

    assert "1 contact form submission(s) deleted" in caplog.text
    assert "ada@example.org" not in caplog.text
