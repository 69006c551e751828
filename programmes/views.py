"""A programme's closing date as a calendar file, at <the programme's address>apply-by.ics."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from core.seo import site_for
from programmes.calendar import closing_date_calendar
from programmes.models import ProgrammePage


@require_GET
def apply_by_calendar(request, page_path):
    site = site_for(request)
    if site is None:
        raise Http404("No site answers here.")
    page = (
        ProgrammePage.objects.live()
        .public()
        .filter(url_path=site.root_page.url_path + page_path)
        .first()
    )
    if page is None or not page.applications_close:
        raise Http404("This programme has no closing date for applications.")
    body = closing_date_calendar(page, page.get_full_url(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-apply-by.ics"'
    # The file changes only when the page is published, which purges it (get_cached_paths).
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
    return response
