"""Factories for programmes and their index."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from core.factories import BasePageFactory, body_stream, child_of_home, home_page, rich_text
from people.factories import PartnerFactory
from programmes.applications import ApplicationMode
from programmes.models import (
    DatePrecision,
    DeliveryMode,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeStatus,
)


class ProgrammeIndexPageFactory(BasePageFactory):
    """The 'Programmes' index under the home page."""

    class Meta:
        model = ProgrammeIndexPage

    title = "Programmes"
    slug = "programmes"
    parent = factory.LazyFunction(home_page)
    introduction = factory.LazyFunction(lambda: rich_text(1))


def _today():
    return timezone.localdate()


def _start_date():
    today = datetime.date.today()
    return datetime.date(today.year - 3, 9, 1)


class ProgrammePageFactory(BasePageFactory):
    """A programme that started a few years ago and has run for two years.

    Pass `partners=[...]` and `focus_areas=[...]` to link them; `start_date=None` makes an
    undated programme whose `status` is the editor's choice.
    """

    class Meta:
        model = ProgrammePage

    parent = factory.LazyFunction(child_of_home(ProgrammeIndexPage, ProgrammeIndexPageFactory))
    body = factory.LazyFunction(body_stream)
    place = factory.Faker("city", locale="en_GB")
    audience = factory.Faker(
        "random_element",
        elements=[
            "Aspiring directors of public health",
            "Senior leaders in health and social care",
            "Core leadership teams of integrated care systems",
        ],
    )
    start_date = factory.LazyFunction(_start_date)
    end_date = factory.LazyAttribute(
        lambda o: o.start_date.replace(year=o.start_date.year + 2) if o.start_date else None
    )
    date_precision = DatePrecision.YEAR
    status = ProgrammeStatus.IN_DEVELOPMENT
    partners = factory.LazyFunction(list)
    focus_areas = factory.LazyFunction(list)

    class Params:
        with_partners = factory.Trait(
            partners=factory.LazyFunction(lambda: PartnerFactory.create_batch(2))
        )
        # Every key fact filled, with applications open for another few weeks.
        with_key_facts = factory.Trait(
            delivery_mode=DeliveryMode.BLENDED,
            format="Six workshop days and action learning sets",
            duration="Nine months, about two days a month",
            cost=Decimal("1250.00"),
            cost_note="Employers usually pay",
            funding="Bursaries for people working in social care",
            leads_to="A postgraduate certificate (60 credits)",
            application_mode=ApplicationMode.DATES,
            applications_open=factory.LazyFunction(lambda: _today() - datetime.timedelta(days=7)),
            applications_close=factory.LazyFunction(lambda: _today() + datetime.timedelta(days=30)),
            how_to_apply="Send a CV and a one-page statement",
            how_to_apply_url="https://apply.example.ac.uk/programmes/",
            contact_name="The programme team",
            contact_email="programmes@example.ac.uk",
        )
