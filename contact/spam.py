"""Spam and abuse checks that need no third party: a honeypot, a signed timestamp, a rate limit."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from contact.submissions import ContactSubmission
from core.client_address import client_address

logger = logging.getLogger(__name__)

TOKEN_SALT = "contact.form-shown"

# Why a post was refused, as logged.
HONEYPOT = "honeypot filled in"
BAD_TOKEN = "missing or forged form token"
TOO_FAST = "sent too soon after the form was shown"
RATE_LIMITED = "over the rate limit"
# Not spam: a form left open for a day or more. The visitor is asked to send it again.
EXPIRED = "form open too long"


def make_token(page):
    """A signed note of which form was shown and when, for the visitor to send back."""
    return signing.dumps({"page": page.pk, "shown": time.time()}, salt=TOKEN_SALT)


def check_token(token, page):
    """None if this page showed the form long enough ago, else why the post is refused."""
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT, max_age=settings.CONTACT_FORM_MAX_AGE)
    except signing.SignatureExpired:
        return EXPIRED
    except signing.BadSignature:
        return BAD_TOKEN
    if not isinstance(data, dict):
        return BAD_TOKEN
    shown = data.get("shown")
    if data.get("page") != page.pk or not isinstance(shown, int | float):
        return BAD_TOKEN
    if time.time() - shown < settings.CONTACT_MIN_SECONDS:
        return TOO_FAST
    return None


def client_hash(request):
    """A keyed hash of the client address: what the rate limit stores, never the address."""
    return salted_hmac(
        "contact.rate-limit", client_address(request), algorithm="sha256"
    ).hexdigest()


class RateLimit:
    """How many enquiries one client address has had accepted in the current window.

    Counted from the stored enquiries themselves, so the limit holds whatever state the cache is
    in, and only posts that were accepted count: a stranger's forged posts from a shared address
    never use up a genuine sender's allowance.
    """

    def __init__(self, request):
        self.client_hash = client_hash(request)

    def exceeded(self):
        since = timezone.now() - timedelta(seconds=settings.CONTACT_RATE_WINDOW)
        recent = ContactSubmission.objects.filter(
            client_hash=self.client_hash, submit_time__gte=since
        )
        return recent.count() >= settings.CONTACT_RATE_LIMIT


def log_refusal(reason):
    """Log a refused post with the running count for the day; nothing else is kept."""
    key = f"contact:refused:{timezone.localdate().isoformat()}"
    try:
        cache.add(key, 0, timeout=2 * 24 * 60 * 60)
        count = cache.incr(key)
    except ValueError:
        count = 1
    except Exception:  # noqa: BLE001 - any cache fault: the count is a convenience, the log is not
        count = None
    if not isinstance(count, int):
        # A cache that is down (or ignores its errors and answers None) leaves only the reason.
        logger.info("Contact form refused a post (%s).", reason)
        return None
    logger.info("Contact form refused a post (%s): %d refused today.", reason, count)
    return count
