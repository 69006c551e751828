"""The centre's three areas of focus, each gathering everything tagged with it."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.cards import load_cards
from core.models import BasePage, ListingPage
from core.querysets import PortalPageQuerySet


@dataclass
class Section:
    """One type's pages tagged with a focus area: the newest `pages` of `total`."""

    model: type
    heading: str
    noun: str
    pages: list = field(default_factory=list)
    total: int = 0
    more_url: str = ""


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

    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="What this focus area covers; the pages linked to it are listed below this.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    # Reverse relations from the page types that can be tagged with a focus area: the
    # section's heading, and what its pages are called in the link to the rest of them.
    RELATED_SECTIONS = [
        ("programmes", "Programmes", "programmes"),
        ("interviews", "Learning from leaders", "interviews"),
        ("viewpoints", "Viewpoints", "viewpoints"),
        ("publications", "Publications", "publications"),
    ]
    # The newest of each type are shown; the rest are a link to the type's filtered listing.
    section_limit = 6

    def get_feeds(self):
        return [(self.title, "feed_focus_area", {"slug": self.slug})]

    def related_sections(self):
        """[Section] for each type that has something tagged with this area, newest first:
        one query picks the newest of every type and counts them, then the cards load."""
        if self.pk is None:  # a new area, previewed before it is saved: nothing tagged yet
            return []
        sections, tagged = {}, Q()
        for related_name, heading, noun in self.RELATED_SECTIONS:
            related = getattr(self, related_name)
            section = Section(related.model, heading, noun)
            sections[ContentType.objects.get_for_model(related.model).pk] = section
            tagged |= Q(pk__in=related.values("pk"))
        newest = [F("first_published_at").desc(nulls_last=True), F("pk").desc()]
        rows = (
            PortalPageQuerySet(Page)
            .live()
            .public()
            .filter(tagged)
            .annotate(
                place=Window(RowNumber(), partition_by=F("content_type"), order_by=newest),
                total=Window(Count("pk"), partition_by=F("content_type")),
            )
            .filter(place__lte=self.section_limit)
            .values("pk", "content_type", "total", "place")
            .order_by("content_type", "place")
        )
        keys = []
        for row in rows:
            section = sections[row["content_type"]]
            section.total = row["total"]
            keys.append((section.model, row["pk"]))
        by_model = {section.model: section for section in sections.values()}
        for page in load_cards(keys):
            by_model[type(page)].pages.append(page)
        shown = [section for section in sections.values() if section.pages]
        self._link_the_rest(shown)
        return shown

    def _link_the_rest(self, sections):
        """Give each section with more than it shows the address of its filtered listing."""
        more = {section.model.allowed_parent_page_models()[0]: section for section in sections
                if section.total > len(section.pages)}  # fmt: skip
        if not more:
            return
        for listing in PortalPageQuerySet(Page).live().public().type(*more):
            section = more.pop(listing.specific_class, None)
            if section is not None:
                section.more_url = f"{listing.url}?{urlencode({'focus_area': self.slug})}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only when the content is rendered, not when it comes from a kept fragment.
        context["related_sections"] = SimpleLazyObject(self.related_sections)
        return context
