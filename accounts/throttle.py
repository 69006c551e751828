"""Throttling of page and document passwords, and the lock-out page every throttle shows.

Wagtail's password forms for private pages and collections are counted with django-axes, as
the admin sign-in is: each failure is a database row keyed by the client's address and the
restriction, so the count holds across workers and whether or not the cache is up.
"""

import logging

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit
from django.shortcuts import render

log = logging.getLogger("portal.auth")

# Wagtail's password views, and the URL argument naming the restriction each checks.
PASSWORD_VIEWS = {
    "wagtailcore_authenticate_with_password": ("page", "page_view_restriction_id"),
    "wagtaildocs_authenticate_with_password": ("collection", "restriction_id"),
}


def restriction_credentials(request):
    """The key a password post is counted under, or None for any other request."""
    match = request.resolver_match
    if request.method != "POST" or match is None or match.url_name not in PASSWORD_VIEWS:
        return None
    kind, argument = PASSWORD_VIEWS[match.url_name]
    return {"username": f"{kind}-password:{match.kwargs.get(argument)}"}


def lockout_response(request, original_response=None, credentials=None):
    """Our page for a locked-out client (axes' AXES_LOCKOUT_CALLABLE), with status 429."""
    cool_off = get_cool_off(request)
    context = {
        "for_password_form": restriction_credentials(request) is not None,
        "failure_limit": get_failure_limit(request, credentials),
        "cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "accounts/locked_out.html", context, status=429)


class PasswordFormThrottleMiddleware:
    """Refuses password posts from a locked-out client; counts each wrong password.

    A wrong password re-renders the form (200); the right one redirects. A locked-out client
    is refused before the view runs, so even the right password does not open the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        credentials = getattr(request, "password_form_credentials", None)
        if credentials is None or response.status_code != 200:
            return response
        log.warning(
            "Wrong %s from %s",
            credentials["username"].replace(":", " for restriction "),
            request.axes_ip_address,
        )
        AxesProxyHandler.user_login_failed(
            sender=PasswordFormThrottleMiddleware, credentials=credentials, request=request
        )
        if request.axes_locked_out:
            return lockout_response(request, response, credentials)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        credentials = restriction_credentials(request)
        if credentials is None:
            return None
        if not AxesProxyHandler.is_allowed(request, credentials):
            log.warning(
                "Refused %s from %s: locked out",
                credentials["username"].replace(":", " for restriction "),
                request.axes_ip_address,
            )
            return lockout_response(request, credentials=credentials)
        request.password_form_credentials = credentials
        return None
