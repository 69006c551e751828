"""A FirstMatch rule gives the same answer read by the database and read on an object in hand."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.db.models import F

from core.rules import FirstMatch
from programmes.factories import ProgrammePageFactory
from programmes.models import ProgrammePage

DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2026, 3, 1)


def test_the_first_case_that_holds_wins_and_f_gives_a_field():
    rule = FirstMatch(
        ({"start_date__isnull": True}, F("status")),
        ({"end_date__lt": TODAY}, "delivered"),
        ({"start_date__gt": TODAY, "end_date__isnull": True}, "open-ended"),
        default="current",
    )
    row = SimpleNamespace(start_date=None, end_date=TODAY - DAY, status="chosen")
    assert rule.value_of(row) == "chosen"
    row.start_date = TODAY - 9 * DAY
    assert rule.value_of(row) == "delivered"
    row.start_date, row.end_date = TODAY + DAY, None
    assert rule.value_of(row) == "open-ended"
    row.end_date = TODAY + 9 * DAY
    assert rule.value_of(row) == "current"


def test_a_null_compares_false_as_in_sql():
    rule = FirstMatch(({"end_date__lt": TODAY}, "ended"), ({"end_date__gte": TODAY}, "not yet"))
    assert rule.value_of(SimpleNamespace(end_date=None)) is None


@pytest.mark.parametrize("lookup", ["end_date__in", "partners__title", "title__icontains"])
def test_a_lookup_the_rule_cannot_read_in_python_is_refused(lookup):
    with pytest.raises(ValueError, match=lookup):
        FirstMatch(({lookup: "x"}, "value"))


@pytest.mark.django_db
def test_database_and_python_agree_on_every_combination(programme_index):
    days = [None, TODAY - DAY, TODAY, TODAY + DAY]
    rule = FirstMatch(
        ({"start_date__isnull": True}, F("status")),
        ({"start_date__lte": TODAY, "end_date__gt": TODAY}, "running"),
        ({"end_date": TODAY}, "ends today"),
        ({"start_date__gte": TODAY}, "later"),
    )
    # Every pair of dates an editor can save (an end needs a start, and comes after it).
    dated = [(s, e) for s, e in itertools.product(days, days) if s and (e is None or e >= s)]
    pages = [
        ProgrammePageFactory(parent=programme_index, title=f"P{n}", start_date=start, end_date=end)
        for n, (start, end) in enumerate([(None, None), *dated])
    ]
    in_database = dict(
        ProgrammePage.objects.annotate(value=rule.expression()).values_list("pk", "value")
    )
    assert in_database == {page.pk: rule.value_of(page) for page in pages}
    assert len(set(in_database.values())) == 5
