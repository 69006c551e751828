"""Which enquiries are past their retention period, which come from one address, which to retry
and which are waiting too long."""

import calendar
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from contact.submissions import ContactSubmission
from contact.tasks import queued_email_tasks
from core.background import max_wait

# Waits between attempts to email an enquiry: 5 minutes, doubling each time, at most 12 hours.
RETRY_FIRST_WAIT = timedelta(minutes=5)
RETRY_LONGEST_WAIT = timedelta(hours=12)
# A send is a few exchanges with the mail server, each given up after EMAIL_TIMEOUT: one begun
# longer ago than this and never ended was cut off (its worker stopped), and is sent again.
SENDING_STALLED_AFTER = timedelta(minutes=2)
# An enquiry's email is queued just after its save commits: a moment's grace before retrying.
QUEUEING_GRACE = timedelta(minutes=1)


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


def submissions_to_retry(now=None, everything=False):
    """Enquiries whose email is to be queued (again), oldest first.

    Failed ones once the wait after their last attempt is over; waiting ones with no task queued
    for them (queueing failed, or a worker lost it) or whose task has waited longer than
    TASKS_MAX_WAIT_MINUTES; ones whose sending was cut off. With `everything`, every enquiry
    not sent, at once: failed whatever their attempts, waiting whatever their age. A send begun
    less than SENDING_STALLED_AFTER ago is never included: it may still be going on.
    """
    now = now or timezone.now()
    status = ContactSubmission.Notification
    cut_off = Q(
        notification_status=status.SENDING,
        notification_last_attempt_at__lt=now - SENDING_STALLED_AFTER,
    )
    pending = Q(notification_status=status.PENDING)
    failed = Q(notification_status=status.FAILED)
    if not everything:
        pending &= Q(submit_time__lt=now - QUEUEING_GRACE)
        failed &= Q(notification_attempts__lt=settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS)
    candidates = (
        ContactSubmission.objects.filter(pending | failed | cut_off)
        .order_by("submit_time")
        .only("pk", "notification_status", "notification_attempts", "notification_last_attempt_at")
    )
    if everything:
        return list(candidates)
    queued = queued_email_tasks()
    fresh = now - max_wait()
    due = []
    for submission in candidates:
        last = submission.notification_last_attempt_at
        waiting_out_its_wait = (
            submission.notification_status == status.FAILED
            and last
            and now - last < retry_wait(submission.notification_attempts)
        )
        # A task queued for it recently still waits its turn: another would change nothing.
        queued_recently = (
            submission.notification_status == status.PENDING
            and queued.get(submission.pk, fresh) > fresh
        )
        if not (waiting_out_its_wait or queued_recently):
            due.append(submission)
    return due


def unsent_since(moment):
    """Enquiries sent before `moment` whose email has not reached the centre yet."""
    return ContactSubmission.objects.filter(submit_time__lt=moment).exclude(
        notification_status=ContactSubmission.Notification.SENT
    )


def given_up():
    """Enquiries whose email failed as many times as allowed: staff must read them in the admin."""
    return ContactSubmission.objects.filter(
        notification_status=ContactSubmission.Notification.FAILED,
        notification_attempts__gte=settings.CONTACT_NOTIFICATION_MAX_ATTEMPTS,
    )
