"""Site-wide page types, the base every page type shares, and the settings editors control."""

import re

from django.conf import settings
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.cache import patch_cache_control
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from core import cards, routing, structured_data
from core.blocks import BODY_HELP, BodyBlock, HomeSectionBlock
from core.cache import keep_until_change
from core.filtering import filter_listing
from core.forms import BasePageForm
from core.pagination import ListedRows, paginate
from core.querysets import PortalPageManager
from core.seo import meta_description
from core.site_settings import MainMenu, MainMenuItem, SiteSettings
from core.userbar import mark_for_userbar

__all__ = ["MainMenu", "MainMenuItem", "SiteSettings"]  # kept where they were first defined


def _words(text):
    return re.findall(r"\w+", (text or "").casefold())


class BasePage(Page):
    """Fields and behaviour every page type shares."""

    objects = PortalPageManager()

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
    # What a link to the page is, to social sites (Open Graph): "article" has an author and a date.
    og_type = "website"
    # How the page looks in listings and on cards.
    card_template = "components/card.html"
    # Whether the rendered content is the same for every GET of the same address, so it can be
    # kept (core/fragments.py); a page with a form says no.
    fragment_cacheable = True
    # The feeds this type of page announces in its head: [(title, URL name without _rss/_atom)].
    section_feeds = []
    # Wagtail's API v2 fields; each type adds its own to its parent's.
    api_fields = [
        APIField("summary"),
        APIField("listing_image"),
        APIField(
            "listing_image_card",
            serializer=ImageRenditionField("fill-960x540|format-jpeg", source="listing_image"),
        ),
    ]

    class Meta:
        abstract = True

    def get_structured_data(self, request):
        """The schema.org object (a dict) that this page is, or None; see core.structured_data."""
        return None

    def get_feeds(self):
        """[(title, URL name, URL arguments)] of the feeds this page announces."""
        return [(title, name, {}) for title, name in self.section_feeds]

    @property
    def own_image(self):
        """The page's picture, for its cards and when it is shared."""
        return self.listing_image

    @property
    def shown_summary(self):
        """The summary under the title and on cards, unless it only says the title again."""
        if _words(self.summary) == _words(self.title):
            return ""
        return self.summary

    @property
    def display_date(self):
        """The date shown on cards and in search results, where a page type has one."""
        return None

    # What this type's cards read (core/cards.py): relations to join, the paths to the images
    # a card may show (`own_image`), and (card_prefetch) the relations to prefetch.
    card_select_related = ()
    card_image_paths = ("listing_image",)

    @classmethod
    def card_prefetch(cls):
        return ()

    @classmethod
    def for_cards(cls, queryset):
        """`queryset` with everything a card of this type shows, in a fixed number of queries."""
        return cards.for_cards(cls, queryset)

    def route(self, request, path_components):
        # Remember the pages walked through from the site root: the breadcrumb trail and the
        # pages whose view restrictions apply, known without another query (core/routing.py).
        trail = request.__dict__.setdefault("page_trail", [])
        trail.append(self)
        if not path_components:
            self.__dict__["routed_through"] = trail[:-1]
            return super().route(request, path_components)
        found = routing.pages_on_the_way(self, path_components)
        for depth, page in enumerate(found):
            remaining = path_components[depth + 1 :]
            plain = routing.routes_like_a_plain_page(page.specific_class, BasePage.route)
            if plain and depth < len(found) - 1:
                continue
            if plain and remaining:
                raise Http404
            trail.extend(found[:depth])
            return routing.as_own_type(page).route(request, remaining)
        raise Http404

    def breadcrumb_trail(self, request=None):
        """The live pages from the home page down to this one: the trail shown above the
        content and given to search engines. Routing walked it already (route()); a preview
        or a page rendered outside a request reads it from the tree."""
        walked = getattr(request, "page_trail", None)
        if walked and walked[-1].pk == self.pk:
            ancestors = [page for page in walked[:-1] if page.live and page.depth > 1]
        else:
            ancestors = list(self.get_ancestors().filter(depth__gt=1).live().specific(defer=True))
        return [*ancestors, self]

    def get_view_restrictions(self):
        # Wagtail's check before serving and is_cacheable() after ask the same question of the
        # same page: the answer is read once per page object (one object per request).
        if "_view_restrictions" not in self.__dict__:
            restrictions = routing.view_restrictions(self, self.__dict__.get("routed_through"))
            if restrictions is None:
                restrictions = super().get_view_restrictions()
            self.__dict__["_view_restrictions"] = restrictions
        return self.__dict__["_view_restrictions"]

    # Relations a view of the page reads in more than one place (its cards, key facts and
    # structured data): read once, up front. Not in a preview, whose relations are the form's.
    # Those to one object are read with the page itself when routing finds it.
    serve_select_related = ("listing_image",)
    serve_prefetch = ()

    def serve(self, request, *args, **kwargs):
        if self.serve_prefetch and not getattr(request, "is_preview", False):
            prefetch_related_objects([self], *self.serve_prefetch)
        editor = mark_for_userbar(request)
        response = super().serve(request, *args, **kwargs)
        if self.is_cacheable() and not editor:
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
            keep_until_change(response, self.change_days(response))
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def content_changes_on(self):
        """The next day on which this page reads differently by the date alone (an embargo
        lifting, an application window opening), or None; see core.cache.keep_until_change."""
        return None

    def change_days(self, response):
        """The days on which what this answer shows changes by the date alone."""
        return {self.content_changes_on()}

    def is_cacheable(self):
        """Public pages are the same for every visitor; restricted ones are not."""
        return not self.get_view_restrictions().exists()


class ListingPage(BasePage):
    """An index page that lists its children, newest first, ten to a page."""

    listing_label = "Section"
    is_content_type = False

    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A sentence or two above the list: what is listed here and for whom.",
    )
    per_page = 10
    # A core.filtering.FacetedFilterSet over the children, for an index that visitors filter.
    filterset_class = None
    empty_text = "There is nothing here yet."

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction")]

    class Meta:
        abstract = True

    def child_queryset(self):
        """The live, public children of this index, ready to list without extra queries."""
        model = self.allowed_subpage_models()[0]
        return model.for_cards(model.objects.child_of(self).live().public())

    def filter_children(self, request, queryset):
        """Narrow the listing by the visitor's filters: `filterset_class`'s, where it has one."""
        if self.filterset_class is None:
            return queryset, {}
        return filter_listing(self.filterset_class, request, queryset)

    def change_days(self, response):
        # The cards' labels too, where the listed type has labels that change by the date (its
        # items are read only then: a kept fragment of the content needs them not otherwise).
        days = super().change_days(response)
        model = self.allowed_subpage_models()[0]
        if model.content_changes_on is not BasePage.content_changes_on:
            items = (getattr(response, "context_data", None) or {}).get("items") or []
            days.update(item.content_changes_on() for item in items)
        return days

    def latest_children(self, count):
        return list(self.child_queryset()[:count])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset, filters = self.filter_children(request, self.child_queryset())
        context["items"] = paginate(request, ListedRows(queryset), self.per_page)
        context["filters"] = filters
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A filter value that cannot be used is the address's fault: the page says which, and
        # the status says so to anything that is not a person reading it.
        context = getattr(response, "context_data", None) or {}
        if self.filterset_class is not None and context.get("filters", {}).get("errors"):
            response.status_code = 400
        return response


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
    sections = StreamField(
        HomeSectionBlock(),
        blank=True,
        help_text="The home page's sections below the definition, in the order visitors see them.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("sections"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    api_fields = BasePage.api_fields + [APIField("introduction"), APIField("sections")]

    def get_structured_data(self, request):
        data = structured_data.organisation(request, full=True)
        data.update(
            {
                "description": meta_description(self),
                "image": structured_data.image_url(self, request),
            }
        )
        return data

    def get_feeds(self):
        """Every section's feeds: the home page leads to all of them."""
        feeds = []
        for model in get_page_models():
            for feed in getattr(model, "section_feeds", []):
                if feed not in feeds:
                    feeds.append(feed)
        return [(title, name, {}) for title, name in feeds]


class StandardPage(BasePage):
    """A page of text, images, quotations, videos and links, such as 'Why systems leadership?'."""

    template = "core/standard_page.html"
    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    body = StreamField(
        BodyBlock(),
        help_text=BODY_HELP,
    )

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]
