"""The interviews listing's filter: focus area."""

from core.filtering import FacetedFilterSet
from focus_areas.filters import FOCUS_AREA_FACET, focus_area_filter


class InterviewFilterSet(FacetedFilterSet):
    focus_area = focus_area_filter()

    facets = {"focus_area": FOCUS_AREA_FACET}
