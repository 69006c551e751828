"""Leadership programmes: delivered, current and in development, with their partners."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from modelcluster.fields import ParentalManyToManyField
from rest_framework.fields import CharField, ReadOnlyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core import structured_data as ld
from core.api_fields import focus_areas_field
from core.blocks import BodyBlock
from core.models import BasePage, ListingPage
from core.querysets import PortalPageQuerySet
from core.related import RelatedContentMixin
from programmes.api_fields import PartnersField


class ProgrammeStatus(models.TextChoices):
    DELIVERED = "delivered", "Delivered"
    CURRENT = "current", "Current"
    IN_DEVELOPMENT = "in_development", "In development"


class DatePrecision(models.TextChoices):
    YEAR = "year", "Years only"
    DAY = "day", "Full dates"


class ProgrammeQuerySet(PortalPageQuerySet):
    def with_status(self, status, today=None):
        """Programmes with this status: from their dates where they have dates."""
        today = today or datetime.date.today()
        undated = Q(start_date__isnull=True)
        if status == ProgrammeStatus.DELIVERED:
            condition = Q(end_date__lt=today) | (undated & Q(status=status))
        elif status == ProgrammeStatus.CURRENT:
            condition = (
                Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))
            ) | (undated & Q(status=status))
        else:
            condition = Q(start_date__gt=today) | (undated & Q(status=status))
        return self.filter(condition)


class ProgrammeIndexPage(ListingPage):
    """Lists the programmes, filtered by status and by focus area."""

    template = "programmes/programme_index_page.html"
    parent_page_types = ["core.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count = 1

    def child_queryset(self):
        return (
            super()
            .child_queryset()
            # Programmes in development (undated) first, then the newest.
            .order_by(F("start_date").desc(nulls_first=True), "title")
        )

    def filter_children(self, request, queryset):
        from focus_areas.models import FocusAreaPage

        status = request.GET.get("status", "")
        area = request.GET.get("focus_area", "")
        areas = list(
            FocusAreaPage.objects.live().public().order_by("path").values_list("slug", "title")
        )
        errors = []
        if status in ProgrammeStatus.values:
            queryset = queryset.with_status(status)
        elif status:
            errors.append("There is no such status; showing every status.")
            status = ""
        if area in dict(areas):
            queryset = queryset.filter(focus_areas__slug=area)
        elif area:
            errors.append("There is no such focus area; showing every focus area.")
            area = ""
        return queryset, {
            "status": status,
            "focus_area": area,
            "statuses": ProgrammeStatus.choices,
            "focus_areas": areas,
            "errors": errors,
        }


class ProgrammePage(RelatedContentMixin, BasePage):
    """A leadership programme: who it is for, where, when and with whom."""

    listing_label = "Programme"

    template = "programmes/programme_page.html"
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []
    partners_lookup = "partners"
    related_heading = "Programmes"

    # Content
    body = StreamField(BodyBlock(), blank=True)
    partners = ParentalManyToManyField("people.Partner", blank=True, related_name="programmes")
    place = models.CharField(max_length=255, blank=True, help_text="Where it is delivered.")
    audience = models.CharField(max_length=255, blank=True, help_text="Who it is for.")

    # Dates and status
    start_date = models.DateField(
        null=True, blank=True, help_text="When the programme starts; leave empty if not set yet."
    )
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty while it runs on.")
    date_precision = models.CharField(
        max_length=4, choices=DatePrecision.choices, default=DatePrecision.YEAR
    )
    status = models.CharField(
        max_length=20,
        choices=ProgrammeStatus.choices,
        default=ProgrammeStatus.IN_DEVELOPMENT,
        help_text="Used only when there are no dates; otherwise the dates decide.",
    )

    # Relationships
    focus_areas = ParentalManyToManyField(
        "focus_areas.FocusAreaPage", blank=True, related_name="programmes"
    )

    objects = PageManager.from_queryset(ProgrammeQuerySet)()

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("date_precision"),
                FieldPanel("status"),
            ],
            heading="Dates and status",
        ),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("place"),
        FieldPanel("audience"),
        FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("audience"),
        index.RelatedFields("partners", [index.SearchField("name")]),
        index.FilterField("start_date"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("body"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("period", serializer=ReadOnlyField()),
        # Worked out from the dates today, not the editors' fallback stored in `status`.
        APIField("current_status", serializer=CharField()),
        APIField("status_label", serializer=CharField()),
        APIField("place"),
        APIField("audience"),
        APIField("partners", serializer=PartnersField()),
        focus_areas_field(),
    ]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end cannot come before the start."})
        if self.end_date and not self.start_date:
            raise ValidationError({"start_date": "Give a start as well as an end."})

    @classmethod
    def for_cards(cls, queryset):
        return super().for_cards(queryset).prefetch_related("partners")

    def get_structured_data(self, request):
        instance = {
            "@type": "CourseInstance",
            "location": self.place,
            "startDate": ld.date_only(self.start_date),
            "endDate": ld.date_only(self.end_date),
        }
        partners = [
            {"@type": "Organization", "name": partner.name, "url": partner.url}
            for partner in self.partners.all()
        ]
        return {
            "@type": "Course",
            **ld.web_page_fields(self, request),
            "provider": ld.organisation(request),
            "contributor": partners,
            "audience": {"@type": "Audience", "audienceType": self.audience}
            if self.audience
            else None,
            "about": ld.about(self),
            "image": ld.image_url(self, request),
            "hasCourseInstance": instance if (self.place or self.start_date) else None,
        }

    def get_status(self, today=None):
        if not self.start_date:
            return self.status
        today = today or datetime.date.today()
        if self.end_date and self.end_date < today:
            return ProgrammeStatus.DELIVERED
        if self.start_date > today:
            return ProgrammeStatus.IN_DEVELOPMENT
        return ProgrammeStatus.CURRENT

    @property
    def current_status(self):
        return self.get_status()

    @property
    def status_label(self):
        return ProgrammeStatus(self.current_status).label

    @property
    def period(self):
        """'2017–2020', '2019–' or full dates, as the editor chose."""
        if not self.start_date:
            return ""
        fmt = "%Y" if self.date_precision == DatePrecision.YEAR else "%-d %B %Y"
        start = self.start_date.strftime(fmt)
        end = self.end_date.strftime(fmt) if self.end_date else ""
        if end == start:
            return start
        return f"{start}–{end}" if end else f"{start} onwards"

    @property
    def display_date(self):
        return self.period
