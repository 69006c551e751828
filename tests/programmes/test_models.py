"""A programme's status comes from its dates, the same way in Python and in the database."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError

from programmes.factories import ProgrammePageFactory
from programmes.models import DatePrecision, ProgrammePage, ProgrammeStatus

# Building a page looks up its content type, so even unsaved pages need the database.
pytestmark = pytest.mark.django_db

DELIVERED = ProgrammeStatus.DELIVERED
CURRENT = ProgrammeStatus.CURRENT
IN_DEVELOPMENT = ProgrammeStatus.IN_DEVELOPMENT

TODAY = datetime.date(2024, 6, 15)
DAY = datetime.timedelta(days=1)


def programme(start=None, end=None, status=IN_DEVELOPMENT, precision=DatePrecision.YEAR):
    """An unsaved programme: status and period are worked out without the database."""
    return ProgrammePage(
        title="Leading differently",
        start_date=start,
        end_date=end,
        status=status,
        date_precision=precision,
    )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Finished before today.
        (TODAY - 900 * DAY, TODAY - 30 * DAY, DELIVERED),
        (TODAY - 900 * DAY, TODAY - DAY, DELIVERED),
        # Running: started, and ends today or later, or has no end.
        (TODAY - 900 * DAY, TODAY, CURRENT),
        (TODAY - 900 * DAY, TODAY + DAY, CURRENT),
        (TODAY - 900 * DAY, None, CURRENT),
        (TODAY, None, CURRENT),
        (TODAY, TODAY, CURRENT),
        # Not started yet.
        (TODAY + DAY, None, IN_DEVELOPMENT),
        (TODAY + DAY, TODAY + 400 * DAY, IN_DEVELOPMENT),
    ],
)
def test_status_comes_from_the_dates(start, end, expected):
    assert programme(start, end).get_status(today=TODAY) == expected


@pytest.mark.parametrize("status", ProgrammeStatus.values)
def test_dates_outweigh_the_status_an_editor_chose(status):
    page = programme(TODAY - 900 * DAY, TODAY - 30 * DAY, status=status)

    assert page.get_status(today=TODAY) == DELIVERED


@pytest.mark.parametrize("status", ProgrammeStatus.values)
def test_an_undated_programme_has_the_status_the_editor_chose(status):
    assert programme(status=status).get_status(today=TODAY) == status


def test_status_label_is_for_visitors():
    assert programme(status=IN_DEVELOPMENT).status_label == "In development"
    assert programme(datetime.date(2016, 9, 1), datetime.date(2017, 7, 31)).status_label == (
        "Delivered"
    )


# Every combination of start and end around "today" that an editor can save (clean() refuses an
# end before the start or an end without a start), with every status an editor may have left.
EDGE_DAYS = [None, TODAY - 400 * DAY, TODAY - DAY, TODAY, TODAY + DAY, TODAY + 400 * DAY]
VALID_CASES = [
    (start, end, status)
    for start, end in itertools.product(EDGE_DAYS, EDGE_DAYS)
    if not (end and not start) and not (start and end and end < start)
    for status in ProgrammeStatus.values
]


def test_with_status_agrees_with_get_status_in_every_case(programme_index):
    pages = [
        ProgrammePageFactory(
            parent=programme_index, start_date=start, end_date=end, status=status, title=f"P{n}"
        )
        for n, (start, end, status) in enumerate(VALID_CASES)
    ]
    assert len(pages) > 60

    for status in ProgrammeStatus.values:
        in_database = set(
            ProgrammePage.objects.with_status(status, today=TODAY).values_list("pk", flat=True)
        )
        in_python = {page.pk for page in pages if page.get_status(today=TODAY) == status}
        assert in_database == in_python, status


def test_each_programme_has_exactly_one_status(programme_index):
    for n, (start, end, status) in enumerate(VALID_CASES):
        ProgrammePageFactory(
            parent=programme_index, start_date=start, end_date=end, status=status, title=f"P{n}"
        )

    counted = sum(
        ProgrammePage.objects.with_status(status, today=TODAY).count()
        for status in ProgrammeStatus.values
    )

    assert counted == ProgrammePage.objects.count() == len(VALID_CASES)


def test_with_status_uses_today_by_default(programme_index):
    today = datetime.date.today()
    running = ProgrammePageFactory(parent=programme_index, start_date=today, end_date=None)

    assert list(ProgrammePage.objects.with_status(CURRENT)) == [running]
    assert running.current_status == CURRENT


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (datetime.date(2017, 9, 1), datetime.date(2020, 7, 31), DatePrecision.YEAR, "2017–2020"),
        (datetime.date(2019, 4, 1), None, DatePrecision.YEAR, "2019 onwards"),
        (datetime.date(2018, 1, 1), datetime.date(2018, 12, 31), DatePrecision.YEAR, "2018"),
        (
            datetime.date(2018, 3, 5),
            datetime.date(2019, 11, 30),
            DatePrecision.DAY,
            "5 March 2018–30 November 2019",
        ),
        (datetime.date(2018, 3, 5), None, DatePrecision.DAY, "5 March 2018 onwards"),
        (datetime.date(2018, 3, 5), datetime.date(2018, 3, 5), DatePrecision.DAY, "5 March 2018"),
        (None, None, DatePrecision.YEAR, ""),
    ],
)
def test_period_is_written_as_the_editor_chose(start, end, precision, expected):
    page = programme(start, end, precision=precision)

    assert page.period == expected
    assert page.display_date == expected


def test_clean_refuses_an_end_before_the_start():
    page = programme(datetime.date(2020, 1, 1), datetime.date(2019, 12, 31))

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert "end_date" in error.value.message_dict


def test_clean_refuses_an_end_without_a_start():
    page = programme(None, datetime.date(2019, 12, 31))

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert "start_date" in error.value.message_dict


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.date(2020, 1, 1), datetime.date(2020, 1, 1)),
        (datetime.date(2020, 1, 1), None),
        (None, None),
    ],
)
def test_clean_accepts_sensible_dates(start, end):
    programme(start, end).clean()
