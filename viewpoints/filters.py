"""The viewpoints listing's filters: focus area, year and author."""

import django_filters
from django.db.models.functions import ExtractYear

from core.filtering import Facet, FacetedFilterSet, YearFilter
from focus_areas.filters import FOCUS_AREA_FACET, focus_area_filter
from people.models import Person


class ViewpointFilterSet(FacetedFilterSet):
    focus_area = focus_area_filter()
    year = YearFilter(label="Year", field_name="date", lookup_expr="year")
    author = django_filters.ModelChoiceFilter(
        label="Author", field_name="author", queryset=Person.objects.all(), to_field_name="slug"
    )

    facets = {
        "focus_area": FOCUS_AREA_FACET,
        "year": Facet(ExtractYear("date"), newest_first=True),
        "author": Facet("author__slug", label="author__name"),
    }
