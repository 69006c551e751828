"""Page and collection passwords are throttled per address and restriction, as the admin is."""

import datetime as dt
import logging

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

pytestmark = pytest.mark.django_db

PAGE_PASSWORD = "the members' word"


@pytest.fixture
def private_page(home):
    from core.factories import StandardPageFactory

    page = StandardPageFactory(parent=home, title="Members only", slug="members")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PAGE_PASSWORD
    )
    return page, f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def guess(client, action, password, address="192.0.2.20"):
    return client.post(
        action, {"password": password, "return_url": "/members/"}, REMOTE_ADDR=address
    )


def test_fifty_guesses_then_the_right_password_is_refused(client, private_page, caplog):
    caplog.set_level(logging.WARNING, logger="portal.auth")
    page, action = private_page
    answers = [guess(client, action, f"guess {n}").status_code for n in range(50)]

    limit = settings.AXES_FAILURE_LIMIT
    assert answers[: limit - 1] == [200] * (limit - 1)
    assert set(answers[limit - 1 :]) == {429}

    right = guess(client, action, PAGE_PASSWORD)
    assert right.status_code == 429
    assert "The password for this page was entered wrongly too many times" in right.text
    # The page itself still asks for the password: the right one did not open it.
    assert 'name="password"' in client.get("/members/").text

    messages = [r.getMessage() for r in caplog.records if r.name == "portal.auth"]
    restriction = action.split("/")[3]
    wrong = [
        m for m in messages if m.startswith(f"Wrong page-password for restriction {restriction}")
    ]
    assert len(wrong) == limit
    assert any(m.startswith(f"Locked out: 'page-password:{restriction}'") for m in messages)
    assert any(m.startswith("Refused page-password") for m in messages)
    assert not any("guess" in m or PAGE_PASSWORD in m for m in messages)


def test_the_right_password_opens_the_page_and_another_address_is_not_locked(client, private_page):
    page, action = private_page
    for n in range(settings.AXES_FAILURE_LIMIT):
        guess(client, action, f"guess {n}")

    answer = guess(client, action, PAGE_PASSWORD, address="192.0.2.21")
    assert answer.status_code == 302
    assert answer["Location"] == "/members/"
    assert 'name="password"' not in client.get("/members/").text


def test_the_page_lock_lifts_after_the_cool_off(client, private_page):
    page, action = private_page
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for n in range(settings.AXES_FAILURE_LIMIT):
            guess(client, action, f"guess {n}")
        assert guess(client, action, PAGE_PASSWORD).status_code == 429
    with time_machine.travel(start + settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1)):
        assert guess(client, action, PAGE_PASSWORD).status_code == 302


def test_collection_passwords_are_throttled_too(client, db):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PAGE_PASSWORD,
    )
    action = f"/documents/authenticate_with_password/{restriction.pk}/"
    answers = [
        guess(client, action, f"guess {n}").status_code
        for n in range(settings.AXES_FAILURE_LIMIT + 1)
    ]
    assert answers[-1] == 429
    assert guess(client, action, PAGE_PASSWORD).status_code == 429
    assert guess(client, action, PAGE_PASSWORD, address="192.0.2.99").status_code == 302


def test_a_bad_restriction_is_a_404_and_counts_nothing(client, private_page):
    page, action = private_page
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        assert (
            guess(client, f"/_util/authenticate_with_password/999999/{page.pk}/", "x").status_code
            == 404
        )
    assert guess(client, action, PAGE_PASSWORD).status_code == 302
