"""The focus-area filter every filtered listing offers, and how its choices are counted."""

import django_filters

from core.filtering import Facet
from focus_areas.models import FocusAreaPage

FOCUS_AREA_FACET = Facet("focus_areas__slug", label="focus_areas__title", order="focus_areas__path")


def live_focus_areas(request):
    """Only focus areas visitors may see are offered."""
    return FocusAreaPage.objects.live().public()


def focus_area_filter():
    """A listing's filter by the focus areas its items are tagged with (`focus_areas`)."""
    return django_filters.ModelChoiceFilter(
        label="Focus area",
        field_name="focus_areas",
        queryset=live_focus_areas,
        to_field_name="slug",
    )
