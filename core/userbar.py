"""Wagtail's userbar for signed-in editors, without making public pages differ between visitors.

A visitor without a session cookie cannot be signed in, so their session is never read: reading
it would add `Vary: Cookie` to every public page and defeat the shared cache. Only a request that
shows the userbar is made private.
"""

from django.conf import settings


def editor_signed_in(request):
    """True when the request comes from someone who may use the admin."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.has_perm("wagtailadmin.access_admin"))


def mark_for_userbar(request):
    """Decide once per request whether its page shows the userbar; the template reads the mark."""
    request.shows_userbar = editor_signed_in(request)
    return request.shows_userbar


def shows_userbar(request):
    # Previews are served only inside the admin, to editors, and are never cached.
    return getattr(request, "shows_userbar", False) or getattr(request, "is_preview", False)
