"""The programme listing's filters: status, application window and focus area.

Status and window are worked out from today's date by the rules ProgrammePage.get_status and
.get_application_window read (programmes.status, programmes.applications): each filter is a
django-filter `method` on the queryset's own filter, and each is counted by one grouped query over
the rule's CASE (every programme has one status, and at most one window).
"""

import django_filters
from django.utils import timezone

from core.filtering import Facet, FacetedFilterSet
from focus_areas.filters import FOCUS_AREA_FACET, focus_area_filter
from programmes.applications import ApplicationWindow, window_rule
from programmes.choices import ProgrammeStatus
from programmes.status import status_rule

# What the listing says of a value it cannot use, by filter: the rest of the filters still apply.
REFUSED = {
    "status": "There is no such status; showing every status.",
    "applications": "There is no such application window; showing every programme.",
    "focus_area": "There is no such focus area; showing every focus area.",
}


class ProgrammeFilterSet(FacetedFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=ProgrammeStatus.choices, method="filter_status"
    )
    applications = django_filters.ChoiceFilter(
        label="Applications", choices=ApplicationWindow.choices, method="filter_window"
    )
    focus_area = focus_area_filter()

    def __init__(self, *args, **kwargs):
        # One "today" for the filters and their counts, whatever the clock does meanwhile.
        self.today = timezone.localdate()
        super().__init__(*args, **kwargs)
        self.facets = {
            "status": Facet(status_rule(self.today).expression()),
            "applications": Facet(window_rule(self.today).expression()),
            "focus_area": FOCUS_AREA_FACET,
        }

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value, self.today)

    def filter_window(self, queryset, name, value):
        return queryset.with_application_window(value, self.today)

    def errors_text(self):
        return [REFUSED[name] for name in self.invalid()]
