"""The centre's three areas of focus, each gathering everything tagged with it."""

from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage, ListingPage


class FocusAreaIndexPage(ListingPage):
    """Lists the focus areas: Evaluation, Development and Research."""

    template = "focus_areas/focus_area_index_page.html"
    parent_page_types = ["core.HomePage"]
    subpage_types = ["focus_areas.FocusAreaPage"]
    max_count = 1
    per_page = 20

    def child_queryset(self):
        # Editors order focus areas in the page tree.
        return super().child_queryset().order_by("path")


class FocusAreaPage(BasePage):
    """One focus area, with its description and everything tagged with it."""

    listing_label = "Focus area"

    template = "focus_areas/focus_area_page.html"
    parent_page_types = ["focus_areas.FocusAreaIndexPage"]
    subpage_types = []

    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    # Reverse relations from the page types that can be tagged with a focus area.
    RELATED_SECTIONS = [
        ("programmes", "Programmes"),
        ("interviews", "Learning from leaders"),
        ("viewpoints", "Viewpoints"),
        ("publications", "Publications"),
    ]

    def get_feeds(self):
        return [(self.title, "feed_focus_area", {"slug": self.slug})]

    def related_sections(self):
        """[(heading, pages)] for each type that has something tagged with this area."""
        sections = []
        for related_name, heading in self.RELATED_SECTIONS:
            related = getattr(self, related_name)
            queryset = related.model.for_cards(related.live().public())
            pages = list(queryset.order_by("-first_published_at"))
            if pages:
                sections.append((heading, pages))
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only when the content is rendered, not when it comes from a kept fragment.
        context["related_sections"] = SimpleLazyObject(self.related_sections)
        return context
