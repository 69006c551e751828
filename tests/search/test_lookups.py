"""`__any_of`: the same pages as `__in`, with the ids sent as one parameter."""

import pytest
from django.db import connection
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "pick", [lambda ids: ids, lambda ids: ids[::2], lambda ids: [], lambda ids: [10**9]]
)
def test_any_of_finds_what_in_finds(small_site, pick):
    ids = pick(list(Page.objects.values_list("pk", flat=True)))

    found = Page.objects.filter(pk__any_of=ids)

    assert sorted(found.values_list("pk", flat=True)) == sorted(
        Page.objects.filter(pk__in=ids).values_list("pk", flat=True)
    )


def test_the_ids_are_one_parameter(small_site):
    ids = list(range(1, 1001))
    sql, params = Page.objects.filter(pk__any_of=ids).query.sql_with_params()

    assert len(params) == 1
    assert ("= ANY(" if connection.vendor == "postgresql" else "json_each(") in sql
