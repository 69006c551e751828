"""The authentication log: sign-in, sign-out, failures and lock-outs on the `portal.auth` logger.

Usernames are attacker-supplied text, so they are logged with repr(): a newline in one cannot
forge a log line. Passwords are never logged (Django passes them masked anyway).
"""

import logging

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

log = logging.getLogger("portal.auth")
# Longer than any real username; enough to recognise what was typed.
USERNAME_SHOWN = 150


def client(request):
    """The client's address as the throttle sees it, for the log."""
    if request is None:
        return "unknown"
    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    return address or "unknown"


def shown(username):
    return repr(str(username or "")[:USERNAME_SHOWN])


@receiver(user_logged_in)
def signed_in(sender, request, user, **kwargs):
    log.info("Signed in: %s from %s", shown(user.get_username()), client(request))


@receiver(user_logged_out)
def signed_out(sender, request, user, **kwargs):
    username = user.get_username() if user is not None else ""
    log.info("Signed out: %s from %s", shown(username), client(request))


@receiver(user_login_failed)
def sign_in_failed(sender, credentials, request=None, **kwargs):
    log.warning(
        "Failed sign-in for %s from %s", shown(credentials.get("username")), client(request)
    )


@receiver(user_locked_out)
def locked_out(sender, request, username, ip_address, **kwargs):
    log.warning("Locked out: %s from %s after repeated failures", shown(username), ip_address)
