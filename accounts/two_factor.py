"""Two-step sign-in for staff: after the password, a code from an authenticator app (TOTP).

A staff member who has set up an app must give a code before any admin page opens. With
STAFF_TWO_FACTOR_REQUIRED on, one who has not is sent to set one up first.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

# Admin views a signed-in but unverified user may still reach.
OPEN_VIEWS = {"wagtailadmin_login", "wagtailadmin_logout", "accounts_two_factor_verify"}
SET_UP_VIEWS = {"accounts_two_factor"}


def confirmed_device(user):
    """The user's confirmed authenticator app, or None."""
    return next(iter(devices_for_user(user, confirmed=True)), None)


def pending_device(user):
    """An unconfirmed app for the user to scan, made once and kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


class TwoFactorMiddleware:
    """Sends a staff member who has not given their code to the code page, then back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or match.url_name in OPEN_VIEWS:
            return None
        if confirmed_device(user) is not None:
            target = "accounts_two_factor_verify"
        elif settings.STAFF_TWO_FACTOR_REQUIRED and match.url_name not in SET_UP_VIEWS:
            target = "accounts_two_factor"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
