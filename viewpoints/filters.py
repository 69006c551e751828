"""The viewpoints listing's filters: focus area, year and author."""

import django_filters
from django.db.models.functions import ExtractYear

from core.filtering import Facet, FacetedFilterSet, YearFilter
from focus_areas.models import FocusAreaPage
from people.models import Person


def live_focus_areas(request):
    return FocusAreaPage.objects.live().public()


class ViewpointFilterSet(FacetedFilterSet):
    focus_area = django_filters.ModelChoiceFilter(
        label="Focus area",
        field_name="focus_areas",
        queryset=live_focus_areas,
        to_field_name="slug",
    )
    year = YearFilter(label="Year", field_name="date", lookup_expr="year")
    author = django_filters.ModelChoiceFilter(
        label="Author", field_name="author", queryset=Person.objects.all(), to_field_name="slug"
    )

    facets = {
        "focus_area": Facet(
            "focus_areas__slug", label="focus_areas__title", order="focus_areas__path"
        ),
        "year": Facet(ExtractYear("date"), newest_first=True),
        "author": Facet("author__slug", label="author__name"),
    }
