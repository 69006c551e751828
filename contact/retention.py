"""Which enquiries are past their retention period, which come from one address, which to retry."""

import calendar
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from contact.submissions import ContactSubmission

# Waits between attempts to email an enquiry: 5 minutes, doubling each time, at most 12 hours.
RETRY_FIRST_WAIT = timedelta(minutes=5)
RETRY_LONGEST_WAIT = timedelta(hours=12)
# An email still waiting or half-sent after this long was lost (a worker stopped): queue it again.
STALLED_AFTER = timedelta(hours=1)


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the 31st becomes the month's end)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def expired_submissions(now=None):
    """Enquiries older than the retention period their contact page sets."""
    now = now or timezone.now()
    # The page's own period, read through the submission's page (a contact page underneath).
    months_key = "page__contactpage__retention_months"
    periods = (
        ContactSubmission.objects.exclude(**{f"{months_key}__isnull": True})
        .values_list(months_key, flat=True)
        .distinct()
    )
    condition = Q()
    for months in periods:
        condition |= Q(**{months_key: months}, submit_time__lt=months_before(now, months))
    if not condition:
        return ContactSubmission.objects.none()
    return ContactSubmission.objects.filter(condition)


def submissions_from(email):
    """Every enquiry sent from one email address, whatever its capitals."""
    return ContactSubmission.objects.filter(email__iexact=email.strip())


def retry_wait(attempts):
    """How long to wait after the given number of failed attempts before the next."""
    return min(RETRY_FIRST_WAIT * 2 ** max(attempts - 1, 0), RETRY_LONGEST_WAIT)


def submissions_to_retry(now=None, ignore_wait=False):
    """Enquiries whose email failed and is due again, or was queued and never sent."""
    now = now or timezone.now()
    status = ContactSubmission.Notification
    stalled = Q(notification_status=status.PENDING, submit_time__lt=now - STALLED_AFTER) | Q(
        notification_status=status.SENDING, notification_last_attempt_at__lt=now - STALLED_AFTER
    )
    failed = Q(notification_status=status.FAILED)
    candidates = ContactSubmission.objects.filter(
        stalled | failed,
        notification_attempts__lt=settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS,
    ).order_by("submit_time")
    due = []
    for submission in candidates.only(
        "pk", "notification_status", "notification_attempts", "notification_last_attempt_at"
    ):
        last = submission.notification_last_attempt_at
        if (
            submission.notification_status == status.FAILED
            and not ignore_wait
            and last
            and now - last < retry_wait(submission.notification_attempts)
        ):
            continue
        due.append(submission)
    return due


def given_up():
    """Enquiries whose email failed as many times as allowed: staff must read them in the admin."""
    return ContactSubmission.objects.filter(
        notification_status=ContactSubmission.Notification.FAILED,
        notification_attempts__gte=settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS,
    )
