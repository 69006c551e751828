"""A publication's embargo: in force with no end or a future end, lifted on its end day."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError

from people.factories import PersonFactory
from publications.factories import PublicationPageFactory, authors
from publications.models import PublicationPage, embargoed_q

# Building a page looks up its content type, so even unsaved pages need the database.
pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 6, 15)
DAY = datetime.timedelta(days=1)


def publication(embargoed=False, end=None):
    return PublicationPage(
        title="Report for the NHS LA", kind="report", embargoed=embargoed, embargo_end=end
    )


@pytest.mark.parametrize(
    ("embargoed", "end", "expected"),
    [
        (False, None, False),
        (True, None, True),
        (True, TODAY + 400 * DAY, True),
        (True, TODAY + DAY, True),
        # The end is the day it becomes available.
        (True, TODAY, False),
        (True, TODAY - DAY, False),
        (True, TODAY - 400 * DAY, False),
    ],
)
def test_is_embargoed(embargoed, end, expected):
    assert publication(embargoed, end).is_embargoed(today=TODAY) is expected


@pytest.mark.parametrize(
    ("embargoed", "end", "expected"),
    [
        (False, None, None),
        (True, None, None),
        (True, TODAY + DAY, None),
        (True, TODAY, TODAY),
        (True, TODAY - 30 * DAY, TODAY - 30 * DAY),
    ],
)
def test_released_on_is_the_end_day_once_it_has_come(embargoed, end, expected):
    page = publication(embargoed, end)

    with time_machine.travel(local_time(TODAY, 12), tick=False):
        assert page.released_on == expected
        assert page.embargo_active is (embargoed and expected is None)


def local_time(day, hour, minute=0):
    """A moment on the site's clock (Europe/London), where days begin and end for editors."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def test_the_embargo_lifts_at_midnight_on_the_sites_clock():
    page = publication(True, TODAY)

    with time_machine.travel(local_time(TODAY - DAY, 23, 59), tick=False):
        assert page.embargo_active
    with time_machine.travel(local_time(TODAY, 0, 1), tick=False):
        assert not page.embargo_active


def test_embargoed_q_agrees_with_is_embargoed(publication_index):
    cases = [
        (False, None),
        (True, None),
        (True, TODAY - DAY),
        (True, TODAY),
        (True, TODAY + DAY),
    ]
    pages = [
        PublicationPageFactory(parent=publication_index, embargoed=embargoed, embargo_end=end)
        for embargoed, end in cases
    ]

    in_database = set(
        PublicationPage.objects.filter(embargoed_q(today=TODAY)).values_list("pk", flat=True)
    )

    assert in_database == {page.pk for page in pages if page.is_embargoed(today=TODAY)}
    assert len(in_database) == 2


def test_clean_refuses_an_end_date_without_the_embargo_ticked():
    with pytest.raises(ValidationError) as error:
        publication(False, TODAY).clean()

    assert "embargoed" in error.value.message_dict


@pytest.mark.parametrize(("embargoed", "end"), [(True, None), (True, TODAY), (False, None)])
def test_clean_accepts_a_coherent_embargo(embargoed, end):
    publication(embargoed, end).clean()


def test_author_names_keep_the_editors_order(publication_index):
    newbigging = PersonFactory(name="K. Newbigging", honorific="")
    weir = PersonFactory(name="B. Weir", honorific="Dr")
    page = PublicationPageFactory(parent=publication_index, authors=authors(newbigging, weir))

    page = PublicationPage.objects.get(pk=page.pk)

    assert page.author_names == ["K. Newbigging", "Dr B. Weir"]


def test_display_date_is_the_year():
    page = publication()
    page.year = 2017

    assert page.display_date == 2017
