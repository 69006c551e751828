"""A programme's application window comes from its dates, alike in Python and in the database."""

import datetime
import itertools
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from core.cache import keep_until_change
from programmes import applications
from programmes.applications import ApplicationMode, ApplicationWindow
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage

pytestmark = pytest.mark.django_db

DATES = ApplicationMode.DATES
INTEREST = ApplicationMode.INTEREST
NONE = ApplicationMode.NONE
OPEN = ApplicationWindow.OPEN
OPENING_SOON = ApplicationWindow.OPENING_SOON
CLOSED = ApplicationWindow.CLOSED
REGISTER_INTEREST = ApplicationWindow.REGISTER_INTEREST

TODAY = datetime.date(2026, 3, 1)
DAY = datetime.timedelta(days=1)


def programme(mode=DATES, opens=None, closes=None):
    return ProgrammePage(
        title="Leading differently",
        application_mode=mode,
        applications_open=opens,
        applications_close=closes,
    )


@pytest.mark.parametrize(
    ("mode", "opens", "closes", "window", "label"),
    [
        (NONE, None, None, None, ""),
        (INTEREST, None, None, REGISTER_INTEREST, "Register interest"),
        (DATES, TODAY + DAY, None, OPENING_SOON, "Opens 2 March"),
        (DATES, TODAY + 61 * DAY, TODAY + 90 * DAY, OPENING_SOON, "Opens 1 May"),
        (DATES, TODAY + 400 * DAY, None, OPENING_SOON, "Opens 5 April 2027"),
        (DATES, TODAY, TODAY, OPEN, "Applications open until 1 March"),
        (DATES, None, TODAY + 11 * DAY, OPEN, "Applications open until 12 March"),
        (DATES, TODAY - 30 * DAY, TODAY + 11 * DAY, OPEN, "Applications open until 12 March"),
        (DATES, TODAY - 30 * DAY, None, OPEN, "Applications open"),
        (DATES, TODAY, None, OPEN, "Applications open"),
        (DATES, None, TODAY + 306 * DAY, OPEN, "Applications open until 1 January 2027"),
        (DATES, TODAY - 30 * DAY, TODAY - DAY, CLOSED, "Closed"),
        (DATES, None, TODAY - DAY, CLOSED, "Closed"),
    ],
)
def test_window_and_label_come_from_the_dates(mode, opens, closes, window, label):
    page = programme(mode, opens, closes)
    assert page.get_application_window(TODAY) == window
    assert page.get_application_label(TODAY) == label


def test_the_page_reads_its_window_today():
    today = datetime.date.today()
    page = programme(DATES, today - DAY, today + DAY)

    assert page.application_window == OPEN
    assert page.get_application_window(today=today + 2 * DAY) == CLOSED
    assert page.application_label.startswith("Applications open until ")


# Every window an editor can save around "today": clean() refuses the rest.
EDGE_DAYS = [None, TODAY - 400 * DAY, TODAY - DAY, TODAY, TODAY + DAY, TODAY + 400 * DAY]
ALL_CASES = [
    (mode, opens, closes)
    for mode in ApplicationMode.values
    for opens, closes in itertools.product(EDGE_DAYS, EDGE_DAYS)
]
VALID_CASES = [case for case in ALL_CASES if not applications.clean_window(*case)]


def test_with_application_window_agrees_with_python_in_every_case(programme_index):
    pages = [
        ProgrammePageFactory(
            parent=programme_index,
            title=f"P{n}",
            application_mode=mode,
            applications_open=opens,
            applications_close=closes,
        )
        for n, (mode, opens, closes) in enumerate(VALID_CASES)
    ]
    assert len(pages) > 20

    for window in ApplicationWindow.values:
        in_database = set(
            ProgrammePage.objects.with_application_window(window, today=TODAY).values_list(
                "pk", flat=True
            )
        )
        in_python = {page.pk for page in pages if page.get_application_window(TODAY) == window}
        assert in_database == in_python, window
        assert in_python, f"no case falls in {window}"


def test_each_programme_taking_applications_is_in_exactly_one_window(programme_index):
    for n, (mode, opens, closes) in enumerate(VALID_CASES):
        ProgrammePageFactory(
            parent=programme_index,
            title=f"P{n}",
            application_mode=mode,
            applications_open=opens,
            applications_close=closes,
        )

    counted = sum(
        ProgrammePage.objects.with_application_window(window, today=TODAY).count()
        for window in ApplicationWindow.values
    )

    taking = ProgrammePage.objects.exclude(application_mode=NONE).count()
    assert counted == taking == sum(1 for case in VALID_CASES if case[0] != NONE)


def test_with_application_window_refuses_an_unknown_window():
    with pytest.raises(ValueError, match="No such application window"):
        ProgrammePage.objects.with_application_window("bogus")
    with pytest.raises(ValueError, match="No such status"):
        ProgrammePage.objects.with_status("bogus")


@pytest.mark.parametrize(
    ("mode", "opens", "closes", "field"),
    [
        (DATES, None, None, "applications_open"),
        (DATES, TODAY, TODAY - DAY, "applications_close"),
        (NONE, TODAY, None, "applications_open"),
        (NONE, None, TODAY, "applications_close"),
        (INTEREST, TODAY, None, "applications_open"),
        (INTEREST, None, TODAY, "applications_close"),
    ],
)
def test_clean_refuses_a_window_that_makes_no_sense(mode, opens, closes, field):
    with pytest.raises(ValidationError) as error:
        programme(mode, opens, closes).clean()

    assert field in error.value.message_dict


@pytest.mark.parametrize(
    ("mode", "opens", "closes"),
    [
        (NONE, None, None),
        (INTEREST, None, None),
        (DATES, TODAY, None),
        (DATES, None, TODAY),
        (DATES, TODAY, TODAY),
        (DATES, TODAY, TODAY + DAY),
    ],
)
def test_clean_accepts_a_sensible_window(mode, opens, closes):
    programme(mode, opens, closes).clean()


@pytest.mark.parametrize(
    ("mode", "opens", "closes", "change"),
    [
        (NONE, None, None, None),
        (INTEREST, None, None, None),
        # Opening tomorrow: the label changes tomorrow.
        (DATES, TODAY + DAY, TODAY + 9 * DAY, TODAY + DAY),
        # Open, closing today: "closed" from tomorrow.
        (DATES, TODAY - DAY, TODAY, TODAY + DAY),
        (DATES, TODAY - DAY, TODAY + 9 * DAY, TODAY + 10 * DAY),
        (DATES, TODAY - DAY, None, None),
        (DATES, TODAY - 9 * DAY, TODAY - DAY, None),
    ],
)
def test_next_change_is_the_day_the_label_reads_differently(mode, opens, closes, change):
    assert applications.next_change(mode, opens, closes, TODAY) == change
    if change:
        page = programme(mode, opens, closes)
        before = page.get_application_label(change - DAY)
        after = page.get_application_label(change)
        assert before != after


LONDON = zoneinfo.ZoneInfo("Europe/London")


def public_response(max_age=300):
    response = HttpResponse()
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def test_a_page_whose_label_changes_tomorrow_is_not_cached_past_midnight():
    now = datetime.datetime(2026, 3, 1, 23, 58, 20, tzinfo=LONDON)
    tomorrow = datetime.date(2026, 3, 2)

    response = keep_until_change(public_response(), {tomorrow}, now=now)

    assert "max-age=100" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_a_label_changing_later_leaves_the_cache_lifetime_alone():
    now = datetime.datetime(2026, 3, 1, 23, 58, 20, tzinfo=LONDON)

    for days in ({None}, {datetime.date(2026, 3, 3)}, set()):
        response = keep_until_change(public_response(), days, now=now)
        assert "max-age=300" in response["Cache-Control"], days


def test_midday_before_a_change_keeps_the_shorter_page_lifetime():
    now = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=LONDON)

    response = keep_until_change(public_response(), {datetime.date(2026, 3, 2)}, now=now)

    assert "max-age=300" in response["Cache-Control"]


def test_a_private_answer_is_left_private():
    response = HttpResponse()
    patch_cache_control(response, private=True, no_cache=True)
    now = datetime.datetime(2026, 3, 1, 23, 58, 20, tzinfo=LONDON)

    keep_until_change(response, {datetime.date(2026, 3, 2)}, now=now)

    assert "max-age" not in response["Cache-Control"]


@pytest.fixture
def just_before_midnight(monkeypatch):
    """The site's clock at 23:58:20 on TODAY, London time."""
    moment = datetime.datetime(2026, 3, 1, 23, 58, 20, tzinfo=LONDON)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment.astimezone(datetime.UTC))
    return moment


def test_pages_whose_label_changes_at_midnight_are_cached_only_until_then(
    client, programme_index, just_before_midnight
):
    opening = ProgrammePageFactory(
        parent=programme_index,
        application_mode=DATES,
        applications_open=TODAY + DAY,
        applications_close=TODAY + 30 * DAY,
    )
    steady = ProgrammePageFactory(
        parent=programme_index, application_mode=DATES, applications_close=TODAY + 30 * DAY
    )

    assert "max-age=100" in client.get(opening.url)["Cache-Control"]
    assert "max-age=300" in client.get(steady.url)["Cache-Control"]
    # The listing shows the opening programme's card, so it too is kept only until midnight.
    assert "max-age=100" in client.get(programme_index.url)["Cache-Control"]
    assert "max-age=300" in client.get(f"{programme_index.url}?applications=open")["Cache-Control"]
