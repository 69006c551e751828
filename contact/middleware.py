"""An oversized post to the contact form is refused before anything reads its body."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.cache import patch_cache_control

from contact.models import ContactPage
from contact.pipeline import too_large


def declared_length(request):
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def contact_page_at(request):
    """The live contact page whose address was posted to, if any."""
    for page in ContactPage.objects.live():
        url = page.get_url(request)
        if url and urlsplit(url).path == request.path:
            return page
    return None


class ContactBodyLimitMiddleware:
    """A post to the contact page larger than CONTACT_MAX_BODY_BYTES gets the form's own 413.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count file parts, and the CSRF check would read
    (and store to disk) the whole body first, so the declared length is checked here, before the
    view and its CSRF check run. Only an oversized post pays for the page lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and declared_length(request) > settings.CONTACT_MAX_BODY_BYTES:
            page = contact_page_at(request)
            if page is not None:
                response = too_large(page, request)
                patch_cache_control(response, private=True, no_store=True)
                # Outer middleware reads the content: render it now.
                return response.render()
        return self.get_response(request)
