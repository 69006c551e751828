"""The publications listing's filters: focus area, type, year and author."""

import django_filters

from core.filtering import Facet, FacetedFilterSet, YearFilter
from focus_areas.filters import FOCUS_AREA_FACET, focus_area_filter
from people.models import Person
from publications.kinds import PublicationKind


class PublicationFilterSet(FacetedFilterSet):
    focus_area = focus_area_filter()
    kind = django_filters.ChoiceFilter(label="Type", choices=PublicationKind.choices)
    year = YearFilter(label="Year")
    author = django_filters.ModelChoiceFilter(
        label="Author",
        field_name="authors__person",
        queryset=Person.objects.all(),
        to_field_name="slug",
        # A person named twice among one publication's authors lists it once.
        distinct=True,
    )

    facets = {
        "focus_area": FOCUS_AREA_FACET,
        "kind": Facet("kind"),
        "year": Facet("year", newest_first=True),
        "author": Facet("authors__person__slug", label="authors__person__name"),
    }
