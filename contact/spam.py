"""Spam and abuse checks that need no third party: a honeypot, a signed timestamp, a rate limit."""

import logging
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

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


def client_address(request):
    """The visitor's address, read through as many proxies as the deployment trusts."""
    proxies = settings.CONTACT_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        # Each trusted proxy appends the address it saw; anything further left can be forged.
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """How many posts one client address has made in the current window, kept in the cache."""

    def __init__(self, request):
        # Keyed by a keyed hash, so the cache holds no visitor's address.
        digest = salted_hmac(
            "contact.rate-limit", client_address(request), algorithm="sha256"
        ).hexdigest()
        self.key = f"contact:rate:{digest}"

    def exceeded(self):
        return (cache.get(self.key) or 0) >= settings.CONTACT_RATE_LIMIT

    def hit(self):
        window = settings.CONTACT_RATE_WINDOW
        if cache.add(self.key, 1, timeout=window):
            return
        try:
            cache.incr(self.key)
        except ValueError:
            # The window ended between the two calls: this post starts a new one.
            cache.add(self.key, 1, timeout=window)


def log_refusal(reason):
    """Log a refused post with the running count for the day; nothing else is kept."""
    key = f"contact:refused:{timezone.localdate().isoformat()}"
    cache.add(key, 0, timeout=2 * 24 * 60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1
    logger.info("Contact form refused a post (%s): %d refused today.", reason, count)
    return count
