from django.conf import settings
from django.http import JsonResponse


class SecurityHeadersMiddleware:
    """Headers Django does not set itself, on every answer, static files included.

    Permissions-Policy turns off the browser features the site never uses (settings
    PERMISSIONS_POLICY); Cross-Origin-Resource-Policy keeps other sites from embedding our
    responses in theirs.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class AdminContentSecurityPolicyMiddleware:
    """Keep the strict policy for the public site; the editors' admin relies on inline code."""

    ADMIN_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.ADMIN_PREFIXES) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return response


class EditingSessionPingMiddleware:
    """Answer a malformed editing-session ping with a 400, not a 500.

    Wagtail's ping view looks the revision up by whatever `revision_id` it is sent; an empty or
    non-numeric one (a page with no revision yet, a tab restored from an old session) raises
    inside the ORM. The ping is advisory, so the editor's tab gets a clear answer and carries on.
    """

    VIEW_NAME = "wagtailadmin_editing_sessions:ping"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method != "POST"
            or request.resolver_match.view_name != self.VIEW_NAME
            or not request.user.is_authenticated
        ):
            return None
        revision_id = request.POST.get("revision_id")
        if revision_id is not None and not revision_id.isdigit():
            return JsonResponse({"error": "revision_id must be a revision number"}, status=400)
        return None
