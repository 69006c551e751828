"""The publications listing's filters: focus area, type, year and author."""

import django_filters

from core.filtering import Facet, FacetedFilterSet, YearFilter
from focus_areas.models import FocusAreaPage
from people.models import Person
from publications.kinds import PublicationKind


def live_focus_areas(request):
    return FocusAreaPage.objects.live().public()


class PublicationFilterSet(FacetedFilterSet):
    focus_area = django_filters.ModelChoiceFilter(
        label="Focus area",
        field_name="focus_areas",
        queryset=live_focus_areas,
        to_field_name="slug",
    )
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
        "focus_area": Facet(
            "focus_areas__slug", label="focus_areas__title", order="focus_areas__path"
        ),
        "kind": Facet("kind"),
        "year": Facet("year", newest_first=True),
        "author": Facet("authors__person__slug", label="authors__person__name"),
    }
