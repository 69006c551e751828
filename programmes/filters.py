"""The programme listing's filters: status, application window and focus area.

Status and window are worked out from today's date, so each is a django-filter `method` on the
same conditions as ProgrammePage.get_status and .get_application_window, and each is counted by
one grouped query over a CASE of those conditions (every programme has one status, and at most
one window).
"""

import django_filters
from django.db.models import Case, CharField, Value, When
from django.utils import timezone

from core.filtering import Facet, FacetedFilterSet
from focus_areas.filters import FOCUS_AREA_FACET, focus_area_filter
from programmes.applications import ApplicationWindow, window_condition
from programmes.choices import ProgrammeStatus
from programmes.status import status_condition

# What the listing says of a value it cannot use, by filter: the rest of the filters still apply.
REFUSED = {
    "status": "There is no such status; showing every status.",
    "applications": "There is no such application window; showing every programme.",
    "focus_area": "There is no such focus area; showing every focus area.",
}


def _which(choices, condition, today):
    """The choice each programme is in on `today`, as one SQL expression."""
    return Case(
        *[When(condition(value, today), then=Value(value)) for value in choices.values],
        default=None,
        output_field=CharField(),
    )


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
            "status": Facet(_which(ProgrammeStatus, status_condition, self.today)),
            "applications": Facet(_which(ApplicationWindow, window_condition, self.today)),
            "focus_area": FOCUS_AREA_FACET,
        }

    def filter_status(self, queryset, name, value):
        return queryset.filter(status_condition(value, self.today))

    def filter_window(self, queryset, name, value):
        return queryset.filter(window_condition(value, self.today))

    def errors_text(self):
        return [REFUSED[name] for name in self.invalid()]
