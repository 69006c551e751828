"""Publications: reports and evaluations, some under embargo."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from modelcluster.fields import ParentalKey
from rest_framework.fields import ReadOnlyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core import structured_data as ld
from core.api_fields import focus_areas_field
from core.blocks import BODY_HELP, BodyBlock
from core.models import BasePage, ListingPage
from core.related import RelatedContentMixin
from core.seo import absolute_url
from focus_areas.fields import focus_areas_link
from publications.api_fields import AuthorsField, ReleasedDocumentField
from publications.citations import Citation, download_url
from publications.filters import PublicationFilterSet
from publications.kinds import PublicationKind

# A DOI is '10.', a registrant code, a slash and a suffix of anything but spaces.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}(\.\d+)*/\S+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/")


def normalise_doi(value):
    """'https://doi.org/10.1000/xyz', 'doi:10.1000/xyz' or '10.1000/xyz' as '10.1000/xyz'."""
    value = (value or "").strip()
    lowered = value.lower()
    for prefix in DOI_PREFIXES + ("doi:",):
        if lowered.startswith(prefix):
            return value[len(prefix) :].strip()
    return value


def embargoed_q(today=None):
    """Publications whose embargo is in force today."""
    today = today or datetime.date.today()
    return Q(embargoed=True) & (Q(embargo_end__isnull=True) | Q(embargo_end__gt=today))


class PublicationIndexPage(ListingPage):
    """Lists the publications, newest first, filtered by focus area, type, year and author."""

    template = "publications/publication_index_page.html"
    parent_page_types = ["core.HomePage"]
    subpage_types = ["publications.PublicationPage"]
    max_count = 1
    filterset_class = PublicationFilterSet
    section_feeds = [("Publications", "feed_publications")]

    def child_queryset(self):
        return super().child_queryset().order_by(models.F("year").desc(nulls_first=True), "title")


class PublicationPage(RelatedContentMixin, BasePage):
    """A report or other publication, with its document unless it is under embargo."""

    listing_label = "Publication"
    serve_prefetch = property(lambda self: (authors_with_people(), "focus_areas"))
    og_type = "article"
    section_feeds = PublicationIndexPage.section_feeds

    template = "publications/publication_page.html"
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []
    people_lookup = "authors__person"
    related_heading = "Publications"

    # About the publication
    kind = models.CharField(
        max_length=20,
        choices=PublicationKind.choices,
        help_text="Shown above the title on cards, and used to filter publications.",
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The year it was published, e.g. 2024: publications are listed newest first.",
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=BODY_HELP,
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The file visitors download (a PDF, usually); an embargo withholds it.",
    )

    # Where else it can be found, for citations
    doi = models.CharField(
        "DOI",
        max_length=255,
        blank=True,
        help_text="Its Digital Object Identifier, such as 10.1000/xyz123, if it has one.",
    )
    # Not `url`: every page already has a `url`, its address on this site.
    external_url = models.URLField(
        "web address elsewhere",
        blank=True,
        help_text="Where it is published, if not only here: the publisher's or journal's page.",
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

    focus_areas = focus_areas_link("publications")

    content_panels = BasePage.content_panels + [
        InlinePanel("authors", label="Author"),
        FieldPanel("kind"),
        FieldPanel("year"),
        FieldPanel("body"),
        FieldPanel("document"),
        MultiFieldPanel([FieldPanel("doi"), FieldPanel("external_url")], heading="Citation"),
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
    api_fields = BasePage.api_fields + [
        APIField("kind"),
        APIField("year"),
        APIField("authors", serializer=AuthorsField()),
        APIField("doi"),
        APIField("external_url"),
        APIField("body"),
        APIField("document", serializer=ReleasedDocumentField()),
        APIField("embargoed"),
        APIField("embargo_end"),
        APIField("embargo_active", serializer=ReadOnlyField()),
        APIField("released_on", serializer=ReadOnlyField()),
        focus_areas_field(),
    ]

    @classmethod
    def card_prefetch(cls):
        return (authors_with_people(),)

    def clean(self):
        super().clean()
        if self.embargo_end and not self.embargoed:
            raise ValidationError({"embargoed": "Tick this to embargo until the date given."})
        self.doi = normalise_doi(self.doi)
        if self.doi and not DOI_PATTERN.match(self.doi):
            raise ValidationError({"doi": "Give a DOI such as 10.1000/xyz123."})

    def get_structured_data(self, request):
        kind = {
            PublicationKind.ARTICLE: "ScholarlyArticle",
            PublicationKind.CHAPTER: "Chapter",
        }.get(self.kind, "Report")
        data = {
            "@type": kind,
            **ld.web_page_fields(self, request),
            "headline": self.title[:110],
            "author": [ld.person(request, author) for author in self.people],
            "datePublished": str(self.year) if self.year else None,
            "publisher": ld.organisation(request),
            "about": ld.about(self),
            "image": ld.image_url(self, request),
            "sameAs": [url for url in (self.doi_url, self.external_url) if url],
        }
        if self.doi:
            data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": self.doi}
        if self.embargo_active:
            # Its existence is public, its text is not yet.
            data["isAccessibleForFree"] = False
        elif self.document_is_downloadable:
            data["encoding"] = {
                "@type": "MediaObject",
                "contentUrl": absolute_url(request, self.document.url),
                "encodingFormat": self.document.content_type,
            }
        return data

    def is_embargoed(self, today=None):
        today = today or datetime.date.today()
        return self.embargoed and (self.embargo_end is None or self.embargo_end > today)

    @property
    def embargo_active(self):
        return self.is_embargoed()

    def content_changes_on(self):
        # The day the embargo lifts, the page and the listings with its card show the document:
        # none is cached past that midnight (core.cache.keep_until_change).
        return self.embargo_end if self.is_embargoed() and self.embargo_end else None

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
    def people(self):
        """The authors, in order, as people."""
        return [author.person for author in self.authors.all()]

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def document_is_downloadable(self):
        """Whether visitors may fetch the document: there is one and no embargo holds it."""
        return bool(self.document_id) and not self.embargo_active

    @property
    def display_date(self):
        return self.year

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["citation"] = Citation(self, request)
        if self.pk and self.live:
            context["citation_bibtex_url"] = download_url(self, "bib")
            context["citation_ris_url"] = download_url(self, "ris")
        return context


class PublicationAuthor(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="In the order they are credited; add a person from the chooser if missing.",
    )

    panels = [FieldPanel("person")]


def authors_with_people():
    """A publication's authors in order, each with the person, in one query."""
    return Prefetch("authors", queryset=PublicationAuthor.objects.select_related("person"))


# ---------------------------------------------------------------------------
# Who may download a file (the rules are in publications/documents.py)


class DocumentUse(models.Model):
    """A document that a page's saved content links: a field, a block or a rich-text link.

    Written with the page itself, in the same transaction (publications.documents), so a file's
    privacy never waits for a background worker to catch up with a publish.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "document"], name="one_use_per_page_document")
        ]

    def __str__(self):
        return f"page {self.page_id} uses document {self.document_id}"


@register_setting(icon="doc-full")
class DocumentSettings(BaseGenericSetting):
    """Which documents visitors may download without a page that links them."""

    public_collections = models.ManyToManyField(
        "wagtailcore.Collection",
        blank=True,
        related_name="+",
        help_text=(
            "Documents in a ticked collection can be downloaded by anyone, even when no page "
            "links them. A document in any other collection is only downloadable while a live, "
            "public page links it. Sub-collections are not included: tick each one. An embargo "
            "or a collection's privacy setting still applies."
        ),
    )

    panels = [FieldPanel("public_collections", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = "documents"
