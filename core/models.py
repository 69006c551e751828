"""Site-wide page types, the base every page type shares, and the settings editors control."""

from django.db import models
from django.db.models import Prefetch
from django.utils.cache import patch_cache_control
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyBlock, HomeSectionBlock
from core.forms import BasePageForm
from core.pagination import paginate

# Card images: 16:9 at one and two times the width shown, in modern formats with a fallback.
CARD_IMAGE_SPECS = [
    f"fill-{size}|format-{fmt}"
    for size in ("480x270", "960x540")
    for fmt in ("avif", "webp", "jpeg")
]


def card_images():
    """Images with their card renditions, for prefetching."""
    return get_image_model().objects.prefetch_renditions(*CARD_IMAGE_SPECS)


def with_card_images(queryset):
    """Fetch listing images and their card renditions in a fixed number of queries."""
    return queryset.prefetch_related(Prefetch("listing_image", queryset=card_images()))


class BasePage(Page):
    """Fields and behaviour every page type shares."""

    summary = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences shown in listings, search results and to search engines.",
    )
    listing_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on cards that link to this page, and when it is shared.",
    )

    content_panels = Page.content_panels + [FieldPanel("summary")]
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    # The summary is the page's meta description: required to publish, not to save a draft.
    base_form_class = BasePageForm

    # What visitors call this type of page: the label above its cards and in search results.
    listing_label = "Page"
    # Index pages, the home page and the contact page lead to content; they are not a kind of
    # content that visitors would filter search results by.
    is_content_type = True

    class Meta:
        abstract = True

    @property
    def display_date(self):
        """The date shown on cards and in search results, where a page type has one."""
        return None

    @classmethod
    def for_cards(cls, queryset):
        """`queryset` with everything a card of this type shows, in a fixed number of queries."""
        return with_card_images(queryset)

    def route(self, request, path_components):
        # Remember the pages walked through from the site root: the structured data's
        # breadcrumb trail, known without another query.
        request.__dict__.setdefault("page_trail", []).append(self)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.is_cacheable():
            patch_cache_control(response, public=True, max_age=_page_cache_seconds())
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def is_cacheable(self):
        """Public pages are the same for every visitor; restricted ones are not."""
        return not self.get_view_restrictions().exists()


def _page_cache_seconds():
    from django.conf import settings

    return settings.PAGE_CACHE_SECONDS


class ListingPage(BasePage):
    """An index page that lists its children, newest first, ten to a page."""

    listing_label = "Section"
    is_content_type = False

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])
    per_page = 10
    empty_text = "There is nothing here yet."

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    class Meta:
        abstract = True

    def child_queryset(self):
        """The live, public children of this index, ready to list without extra queries."""
        model = self.allowed_subpage_models()[0]
        return model.for_cards(model.objects.child_of(self).live().public())

    def filter_children(self, request, queryset):
        """Narrow the listing by the visitor's filters; index types with filters override."""
        return queryset, {}

    def latest_children(self, count):
        return list(self.child_queryset()[:count])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset, filters = self.filter_children(request, self.child_queryset())
        context["items"] = paginate(request, queryset, self.per_page)
        context["filters"] = filters
        return context


class HomePage(BasePage):
    """The front page: the definition of systems leadership, then sections chosen by editors."""

    listing_label = "Home page"
    is_content_type = False

    template = "core/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    introduction = RichTextField(
        features=["bold", "italic", "link"],
        help_text="The definition of systems leadership, shown first.",
    )
    sections = StreamField(HomeSectionBlock(), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("sections"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]


class StandardPage(BasePage):
    """A page of text, images, quotations, videos and links, such as 'Why systems leadership?'."""

    template = "core/standard_page.html"
    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    body = StreamField(BodyBlock())

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]


@register_setting(icon="mail")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer text shown on every page, and the default image for sharing."""

    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=50, blank=True)
    address = models.TextField(blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    footer_text = models.TextField(blank=True)
    share_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page without an image of its own is shared on social media.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("address"),
                FieldPanel("contact_page"),
            ],
            heading="Contact details",
        ),
        FieldPanel("footer_text"),
        FieldPanel("share_image"),
    ]

    class Meta:
        verbose_name = "site settings"


@register_setting(icon="list-ul")
class MainMenu(ClusterableModel, BaseSiteSetting):
    """The links in the site header, in the order editors set."""

    panels = [InlinePanel("items", label="Menu item")]

    class Meta:
        verbose_name = "main menu"


class MainMenuItem(Orderable):
    menu = ParentalKey(MainMenu, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(max_length=60, blank=True, help_text="Defaults to the page title.")

    panels = [FieldPanel("page"), FieldPanel("label")]

    @property
    def text(self):
        return self.label or self.page.title
