"""Publications: reports and evaluations, some under embargo."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage, ListingPage


class PublicationKind(models.TextChoices):
    REPORT = "report", "Report"
    EVALUATION = "evaluation", "Evaluation"
    ARTICLE = "article", "Journal article"
    BRIEFING = "briefing", "Briefing"
    CHAPTER = "chapter", "Book chapter"
    OTHER = "other", "Other"


def embargoed_q(today=None):
    """Publications whose embargo is in force today."""
    today = today or datetime.date.today()
    return Q(embargoed=True) & (Q(embargo_end__isnull=True) | Q(embargo_end__gt=today))


class PublicationIndexPage(ListingPage):
    """Lists the publications, newest first."""

    template = "publications/publication_index_page.html"
    parent_page_types = ["core.HomePage"]
    subpage_types = ["publications.PublicationPage"]
    max_count = 1

    def child_queryset(self):
        return super().child_queryset().order_by(models.F("year").desc(nulls_first=True), "title")


class PublicationPage(BasePage):
    """A report or other publication, with its document unless it is under embargo."""

    template = "publications/publication_page.html"
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    # About the publication
    kind = models.CharField(max_length=20, choices=PublicationKind.choices)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    body = StreamField(BodyBlock(), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Embargo
    embargoed = models.BooleanField(
        default=False, help_text="Visitors see that it exists but cannot download it."
    )
    embargo_end = models.DateField(
        null=True,
        blank=True,
        help_text="The day it becomes available. Leave empty to embargo it indefinitely.",
    )

    focus_areas = ParentalManyToManyField(
        "focus_areas.FocusAreaPage", blank=True, related_name="publications"
    )

    content_panels = BasePage.content_panels + [
        InlinePanel("authors", label="Author"),
        FieldPanel("kind"),
        FieldPanel("year"),
        FieldPanel("body"),
        FieldPanel("document"),
        MultiFieldPanel([FieldPanel("embargoed"), FieldPanel("embargo_end")], heading="Embargo"),
        FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("year"),
        index.RelatedFields(
            "authors", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
    ]

    @classmethod
    def for_cards(cls, queryset):
        return super().for_cards(queryset).prefetch_related("authors__person")

    def clean(self):
        super().clean()
        if self.embargo_end and not self.embargoed:
            raise ValidationError({"embargoed": "Tick this to embargo until the date given."})

    def is_embargoed(self, today=None):
        today = today or datetime.date.today()
        return self.embargoed and (self.embargo_end is None or self.embargo_end > today)

    @property
    def embargo_active(self):
        return self.is_embargoed()

    @property
    def released_on(self):
        """The day an embargo ended, once it has."""
        if self.embargoed and self.embargo_end and not self.embargo_active:
            return self.embargo_end
        return None

    @property
    def author_names(self):
        return [author.person.full_name for author in self.authors.all()]

    @property
    def display_date(self):
        return self.year


class PublicationAuthor(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey("interviews.Person", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("person")]
