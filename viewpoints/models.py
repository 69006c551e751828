"""Viewpoints: articles on systems leadership, by a named person or by the centre."""

import datetime

from django import forms
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework.fields import CharField, DateField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from core import structured_data as ld
from core.api_fields import PersonField, focus_areas_field
from core.blocks import BODY_HELP, BodyBlock
from core.models import BasePage, ListingPage
from core.related import RelatedContentMixin
from focus_areas.fields import focus_areas_link
from viewpoints.filters import ViewpointFilterSet


class ViewpointTag(TaggedItemBase):
    content_object = ParentalKey(
        "viewpoints.ViewpointPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ViewpointIndexPage(ListingPage):
    """Lists the viewpoints, newest first, filtered by focus area, year and author."""

    template = "viewpoints/viewpoint_index_page.html"
    parent_page_types = ["core.HomePage"]
    subpage_types = ["viewpoints.ViewpointPage"]
    max_count = 1
    filterset_class = ViewpointFilterSet
    empty_text = "No viewpoints have been published yet."
    section_feeds = [("Viewpoints", "feed_viewpoints")]

    def child_queryset(self):
        return super().child_queryset().order_by("-date", "-first_published_at")


class ViewpointPage(RelatedContentMixin, BasePage):
    """An article on systems leadership."""

    listing_label = "Viewpoint"
    serve_select_related = ("listing_image", "author")
    serve_prefetch = ("focus_areas", "tags")
    og_type = "article"
    section_feeds = ViewpointIndexPage.section_feeds

    template = "viewpoints/viewpoint_page.html"
    parent_page_types = ["viewpoints.ViewpointIndexPage"]
    subpage_types = []
    people_lookup = "author"
    related_heading = "Viewpoints"

    author = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="viewpoints",
        help_text="Leave empty when the centre is the author.",
    )
    date = models.DateField(
        default=datetime.date.today,
        help_text="The date shown with the viewpoint; today by default.",
    )
    body = StreamField(
        BodyBlock(),
        help_text=BODY_HELP,
    )
    focus_areas = focus_areas_link("viewpoints")
    tags = ClusterTaggableManager(through=ViewpointTag, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("author"),
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("author", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("author", serializer=PersonField()),
        APIField("author_name", serializer=CharField()),
        APIField("date", serializer=DateField()),
        APIField("body"),
        APIField("tags"),
        focus_areas_field(),
    ]

    card_select_related = ("author",)

    def get_structured_data(self, request):
        return {
            "@type": "Article",
            **ld.web_page_fields(self, request),
            "headline": self.title[:110],
            "datePublished": ld.date_only(self.date),
            "dateModified": ld.date_time(self.last_published_at),
            "author": ld.person(request, self.author) or ld.organisation(request),
            "publisher": ld.organisation(request),
            "image": ld.image_url(self, request),
            "about": ld.about(self),
            "keywords": [tag.name for tag in self.tags.all()],
            "mainEntityOfPage": self.get_full_url(request),
        }

    @property
    def author_name(self):
        return (
            self.author.full_name if self.author else "Centre for Health and Social Care Leadership"
        )

    @property
    def display_date(self):
        return self.date
