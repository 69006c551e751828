"""What happens to a posted contact form: checks, storage first, then the email in the background.

The submission is saved before anything that can fail slowly (the mail server), and the email is
queued only once the saving transaction has committed, so an outage can delay an enquiry but never
lose one. Spam is refused before validation and never stored.
"""

import logging
from functools import partial

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, transaction

from contact import spam
from contact.forms import HONEYPOT_NAME, TOKEN_NAME
from contact.submissions import ContactSubmission
from contact.tasks import NoRecipients, send_contact_notification

logger = logging.getLogger(__name__)

TOO_LARGE = (
    "Your message was too large for us to receive, so nothing was sent. The form takes "
    "messages of up to {limit:,} characters: please shorten it and send it again."
)
RATE_LIMITED = (
    "This form takes up to {limit} messages an hour from one connection, and that limit has "
    "been reached. Nothing was sent: please try again in an hour. Your message is still below "
    "so that you can copy it."
)
REFUSED = "We could not send your message, so nothing was sent. Please check it and send it again."
TOO_FAST = (
    "The form was sent very soon after the page opened, which is what automated spam does, so "
    "nothing was sent. Please check your message and send it again."
)
NO_FILES = (
    "This form does not take attachments, so nothing was sent. Please send your message "
    "again without one."
)
NOT_STORED = (
    "We could not send your message just now. Please try again in a few minutes; your message "
    "is still below."
)
RETRY_AFTER_SECONDS = 120
EXPIRED = (
    "This page was open for a long time, so for your security nothing was sent. Your answers "
    "are kept below: please check them and send the form again."
)


def handle_post(page, request):
    """Answer a posted form: a refusal with the reason, the form with its errors, or thanks."""
    try:
        data = request.POST
        files = request.FILES
    except RequestDataTooBig:
        return too_large(page, request)
    form = page.get_form(data, page=page, user=request.user)
    if files:
        # The form asks for no files: a file part is never the visitor's enquiry.
        spam.log_refusal("a file sent to a form that takes none")
        form.is_valid()
        return page.render_form(request, form, status=400, notice=NO_FILES)
    try:
        # A savepoint of its own: after a database error the page around the form still renders.
        with transaction.atomic():
            return answer(page, request, form, data)
    except DatabaseError:
        # Nothing was stored (the save rolled back): the visitor keeps every word to send again.
        logger.exception("Contact form could not store an enquiry; the visitor was asked to retry.")
        form.is_valid()
        response = page.render_form(request, form, status=503, notice=NOT_STORED)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def too_large(page, request):
    """The empty form and why: a body too large to read holds nothing we could give back."""
    spam.log_refusal("request body too large")
    notice = TOO_LARGE.format(limit=settings.CONTACT_MESSAGE_MAX_LENGTH)
    return page.render_form(request, page.get_form(page=page), status=413, notice=notice)


def answer(page, request, form, data):
    if data.get(HONEYPOT_NAME):
        reason = spam.HONEYPOT
    else:
        reason = spam.check_token(data.get(TOKEN_NAME), page)
    if reason == spam.EXPIRED:
        form.is_valid()
        return page.render_form(request, form, notice=EXPIRED)
    if reason:
        # Refused posts are not counted against the address: whoever shares it with a robot
        # (an office, a library) can still write to us.
        spam.log_refusal(reason)
        form.is_valid()
        notice = TOO_FAST if reason == spam.TOO_FAST else REFUSED
        return page.render_form(request, form, status=400, notice=notice)

    limit = spam.RateLimit(request)
    if limit.exceeded():
        spam.log_refusal(spam.RATE_LIMITED)
        form.is_valid()
        notice = RATE_LIMITED.format(limit=settings.CONTACT_RATE_LIMIT)
        response = page.render_form(request, form, status=429, notice=notice)
        response["Retry-After"] = str(settings.CONTACT_RATE_WINDOW)
        return response

    if not form.is_valid():
        return page.render_form(request, form)
    submission = store_submission(page, form, client_hash=limit.client_hash)
    # Rendered lazily, after the request's transaction has committed: a fault in the thank-you
    # page cannot take the stored enquiry with it.
    return page.render_landing_page(request, submission)


def store_submission(page, form, client_hash=""):
    """Save the enquiry; queue its email only once the save has committed."""
    email_field = page.enquirer_email_field()
    email = form.cleaned_data.get(email_field) if email_field else None
    with transaction.atomic():
        submission = ContactSubmission.objects.create(
            page=page, form_data=form.cleaned_data, email=email or "", client_hash=client_hash
        )
        # Robust: if queueing fails the enquiry is still stored, and the retry command finds it.
        transaction.on_commit(partial(queue_notification, submission.pk), robust=True)
    logger.info("Contact form submission %s stored.", submission.pk)
    return submission


def queue_notification(submission_id):
    """Hand the email for one enquiry to the background task queue."""
    return send_contact_notification.enqueue(submission_id)


def send_waiting_for_recipients(page):
    """Queue again the enquiries that failed only because nobody was set to receive them."""
    if not page.recipients():
        return 0
    waiting = list(
        ContactSubmission.objects.filter(
            page=page,
            notification_status=ContactSubmission.Notification.FAILED,
            notification_error__startswith=f"{NoRecipients.__name__}:",
        ).values_list("pk", flat=True)
    )
    for submission_id in waiting:
        transaction.on_commit(partial(queue_notification, submission_id), robust=True)
    if waiting:
        logger.info(
            "%s enquiries waiting for an address queued for page %s.", len(waiting), page.pk
        )
    return len(waiting)
