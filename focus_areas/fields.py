"""The link from a content page to the focus areas it belongs to, alike on every content type."""

from modelcluster.fields import ParentalManyToManyField


def focus_areas_link(related_name):
    """A page's focus areas; `related_name` names the pages on a focus area ("viewpoints")."""
    return ParentalManyToManyField(
        "focus_areas.FocusAreaPage",
        blank=True,
        related_name=related_name,
        help_text="The focus areas it belongs to: it is listed on each one's page.",
    )
