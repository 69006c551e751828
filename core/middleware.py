from django.conf import settings


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
