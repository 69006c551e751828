"""The staff report of searches that found nothing, on Wagtail's own report views.

What visitors search for most is Wagtail's own "Search terms" report; this one adds what they
looked for in vain, which tells editors what the site is missing.
"""

from django.urls import reverse
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from search import query_log

REPORT_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


def can_see_report(user):
    """Staff who choose promoted results are the ones who act on this report."""
    return user.is_active and (user.is_superuser or user.has_perm(REPORT_PERMISSION))


class ZeroResultReportView(ReportView):
    page_title = "Searches that found nothing"
    page_subtitle = f"the last {query_log.REPORT_DAYS} days"
    header_icon = "search"
    index_url_name = "search_report"
    index_results_url_name = "search_report_results"
    default_ordering = "-searches"
    columns = [
        Column("query_string", label="Search", sort_key="query_string"),
        NumberColumn("searches", label="Searches", sort_key="searches"),
        DateColumn("last", label="Last searched", sort_key="last"),
    ]
    list_export = ["query_string", "searches", "last"]
    export_headings = {"query_string": "Search", "searches": "Searches", "last": "Last searched"}

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return query_log.zero_result_queries()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["promotions_url"] = reverse("wagtailsearchpromotions:index")
        return context
