"""Leadership programmes: delivered, current and in development, with their partners."""

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from rest_framework.fields import CharField, ReadOnlyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core.api_fields import focus_areas_field
from core.blocks import BODY_HELP, BodyBlock
from core.models import BasePage, ListingPage
from core.querysets import PortalPageQuerySet
from core.related import RelatedContentMixin
from focus_areas.fields import focus_areas_link
from programmes import applications
from programmes import structured_data as programme_data
from programmes.api_fields import PartnersField
from programmes.applications import ApplicationMode
from programmes.choices import DatePrecision, DeliveryMode, ProgrammeStatus
from programmes.filters import ProgrammeFilterSet
from programmes.key_facts import CALENDAR_FILE, KEY_FACTS_IN_API, KeyFactsMixin
from programmes.status import status_rule

__all__ = ["DatePrecision", "DeliveryMode", "ProgrammeStatus"]  # kept where they were first defined


class ProgrammeQuerySet(PortalPageQuerySet):
    def with_status(self, status, today=None):
        """Programmes with this status: from their dates where they have dates."""
        if status not in ProgrammeStatus.values:
            raise ValueError(f"No such status: {status!r}")
        rule = status_rule(today or datetime.date.today())
        return self.alias(current_status=rule.expression()).filter(current_status=status)

    def with_application_window(self, window, today=None):
        """Programmes whose applications are in this window today (see programmes.applications)."""
        if window not in applications.ApplicationWindow.values:
            raise ValueError(f"No such application window: {window!r}")
        rule = applications.window_rule(today or timezone.localdate())
        return self.alias(application_window=rule.expression()).filter(application_window=window)


class ProgrammeIndexPage(ListingPage):
    """Lists the programmes, filtered by status, application window and focus area."""

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

    filterset_class = ProgrammeFilterSet


class ProgrammePage(KeyFactsMixin, RelatedContentMixin, BasePage):
    """A leadership programme: who it is for, where, when and with whom."""

    listing_label = "Programme"
    serve_prefetch = ("partners", "focus_areas")

    template = "programmes/programme_page.html"
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []
    partners_lookup = "partners"
    related_heading = "Programmes"

    # Content
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text=BODY_HELP,
    )
    partners = ParentalManyToManyField(
        "people.Partner",
        blank=True,
        related_name="programmes",
        help_text="The organisations it is delivered with; add one from the chooser if missing.",
    )
    place = models.CharField(max_length=255, blank=True, help_text="Where it is delivered.")

    # Key facts: each is shown on the page only when filled.
    audience = models.CharField(
        "who it is for",
        max_length=255,
        blank=True,
        help_text="Who should apply, for example 'Senior leaders in health and social care'.",
    )
    delivery_mode = models.CharField(
        "delivered",
        max_length=10,
        choices=DeliveryMode.choices,
        blank=True,
        help_text="In person, online or both. Leave empty if not decided.",
    )
    format = models.CharField(
        max_length=255,
        blank=True,
        help_text="How it runs, for example 'Six workshop days and action learning sets'.",
    )
    duration = models.CharField(
        max_length=255,
        blank=True,
        help_text="How long it takes, for example 'Nine months, about two days a month'.",
    )
    cost = models.DecimalField(
        "cost in pounds",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text="The fee per person in pounds, as a number (0 if free). Leave empty if "
        "there is no single fee; explain below.",
    )
    cost_note = models.CharField(
        "about the cost",
        max_length=255,
        blank=True,
        help_text="What the fee covers or who pays, for example 'Funded for NHS staff'.",
    )
    funding = models.CharField(
        "funding and bursaries",
        max_length=255,
        blank=True,
        help_text="Bursaries or funding that applicants can ask for, and from whom.",
    )
    leads_to = models.CharField(
        "what it leads to",
        max_length=255,
        blank=True,
        help_text="A qualification, credits or what people go on to, for example "
        "'A postgraduate certificate (60 credits)'.",
    )

    # Applications
    application_mode = models.CharField(
        "applications",
        max_length=10,
        choices=ApplicationMode.choices,
        blank=True,
        default=ApplicationMode.NONE,
        help_text="Cards and the page say from this whether applications are open today.",
    )
    applications_open = models.DateField(
        "applications open on",
        null=True,
        blank=True,
        help_text="The first day people can apply. Leave empty if they already can.",
    )
    applications_close = models.DateField(
        "applications close on",
        null=True,
        blank=True,
        help_text="The last day people can apply. Leave empty if there is no closing date.",
    )
    how_to_apply_url = models.URLField(
        "how to apply: address",
        blank=True,
        help_text="The application form or the page about applying, starting https://.",
    )
    how_to_apply = models.CharField(
        "how to apply",
        max_length=255,
        blank=True,
        help_text="A short line, for example 'Send a CV and a supporting statement'.",
    )

    # Whom to ask
    contact_name = models.CharField(
        "whom to ask",
        max_length=255,
        blank=True,
        help_text="A team or a role, for example 'The programme team'.",
    )
    contact_email = models.EmailField(
        "their email",
        blank=True,
        help_text="A mailbox that answers questions about this programme.",
    )

    # Dates and status
    start_date = models.DateField(
        null=True, blank=True, help_text="When the programme starts; leave empty if not set yet."
    )
    end_date = models.DateField(null=True, blank=True, help_text="Leave empty while it runs on.")
    date_precision = models.CharField(
        max_length=4,
        choices=DatePrecision.choices,
        default=DatePrecision.YEAR,
        help_text="Whether visitors see the years (2018–2019) or the full dates.",
    )
    status = models.CharField(
        max_length=20,
        choices=ProgrammeStatus.choices,
        default=ProgrammeStatus.IN_DEVELOPMENT,
        help_text="Used only when there are no dates; otherwise the dates decide.",
    )

    # Relationships
    focus_areas = focus_areas_link("programmes")

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
        FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("delivery_mode"), FieldPanel("format")]),
                FieldPanel("duration"),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_note")]),
                FieldPanel("funding"),
                FieldPanel("leads_to"),
            ],
            heading="Key facts",
            help_text="Each is shown on the page only when filled.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("application_mode"),
                FieldRowPanel([FieldPanel("applications_open"), FieldPanel("applications_close")]),
                FieldPanel("how_to_apply_url"),
                FieldPanel("how_to_apply"),
            ],
            heading="Applications",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading="Whom to ask",
            help_text="Visitors write here with questions; the site's contact form is for "
            "anything else.",
        ),
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
        *[APIField(name) for name in KEY_FACTS_IN_API],
        # Worked out today, as the page says it.
        APIField("application_window", serializer=CharField(allow_null=True)),
        APIField("application_label", serializer=CharField()),
        APIField("partners", serializer=PartnersField()),
        focus_areas_field(),
    ]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end cannot come before the start."})
        if self.end_date and not self.start_date:
            raise ValidationError({"start_date": "Give a start as well as an end."})
        applications.validate_window(
            self.application_mode, self.applications_open, self.applications_close
        )

    @classmethod
    def card_prefetch(cls):
        return ("partners",)

    def get_structured_data(self, request):
        return programme_data.course(self, request)

    def get_status(self, today=None):
        return status_rule(today or datetime.date.today()).value_of(self)

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

    def get_cached_paths(self):
        return ["/", "/" + CALENDAR_FILE]

    def content_changes_on(self):
        # The window label is worked out on the day the page is made: the page and the listings
        # showing its card are not cached past the midnight at which it changes.
        return self.label_changes_on()
