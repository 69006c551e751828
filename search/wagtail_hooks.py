from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.report import ZeroResultReportView, can_see_report


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [
        path("reports/site-search/", ZeroResultReportView.as_view(), name="search_report"),
        path(
            "reports/site-search/results/",
            ZeroResultReportView.as_view(results_only=True),
            name="search_report_results",
        ),
    ]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        "Searches that found nothing",
        reverse("search_report"),
        name="site-search",
        icon_name="search",
        order=1310,
    )
