"""The staff report: what visitors search for, and what they search for in vain."""

from django.urls import reverse
from django.views import View
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search import hits

REPORT_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


def can_see_report(user):
    """Staff who choose promoted results are the ones who act on this report."""
    return user.is_active and (user.is_superuser or user.has_perm(REPORT_PERMISSION))


class SearchReportView(WagtailAdminTemplateMixin, View):
    page_title = "Site search"
    page_subtitle = f"the last {hits.REPORT_DAYS} days"
    header_icon = "search"
    template_name = "search/admin/report.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        context = self.get_context_data(
            days=hits.REPORT_DAYS,
            top_queries=hits.top_queries(),
            zero_result_queries=hits.zero_result_queries(),
            promotions_url=reverse("wagtailsearchpromotions:index"),
        )
        return self.render_to_response(context)
