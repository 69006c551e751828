"""The admin sign-in is throttled by django-axes: per address and username, lifting after a wait."""

import datetime as dt
import logging

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from tests.accounts.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db


def signed_in(client):
    return "_auth_user_id" in client.session


def test_forty_wrong_passwords_then_the_right_one_is_refused_and_logged(
    staff, client, sign_in, caplog
):
    caplog.set_level(logging.INFO, logger="portal.auth")
    answers = [sign_in("ada", f"wrong guess {n}").status_code for n in range(40)]

    assert answers[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(answers[settings.AXES_FAILURE_LIMIT - 1 :]) == {429}

    right = sign_in("ada", STAFF_PASSWORD)
    assert right.status_code == 429
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302  # still sent to the sign-in page

    page = right.content.decode()
    assert '<h1 class="page-header__title">Too many attempts</h1>' in page
    assert "even with the right password" in page
    assert f"Wait {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in page

    auth = [r for r in caplog.records if r.name == "portal.auth"]
    failures = [r for r in auth if r.getMessage().startswith("Failed sign-in for 'ada'")]
    assert len(failures) == 41
    assert all(r.levelno == logging.WARNING for r in failures)
    assert any(r.getMessage().startswith("Locked out: 'ada' from 192.0.2.10") for r in auth)
    assert not any("Signed in" in r.getMessage() for r in auth)
    assert not any(
        "wrong guess" in r.getMessage() or STAFF_PASSWORD in r.getMessage() for r in auth
    )


def test_the_lock_lifts_after_the_cool_off(staff, client, sign_in):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for n in range(settings.AXES_FAILURE_LIMIT):
            sign_in("ada", f"wrong {n}")
        assert sign_in("ada", STAFF_PASSWORD).status_code == 429

    almost = start + settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=30)
    with time_machine.travel(almost, tick=False):
        assert sign_in("ada", STAFF_PASSWORD).status_code == 429
        assert not signed_in(client)

    # That refused attempt started the wait again.
    after = almost + settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1)
    with time_machine.travel(after, tick=False):
        answer = sign_in("ada", STAFF_PASSWORD)
        assert answer.status_code == 302
        assert answer["Location"] == "/admin/"
        assert signed_in(client)


def test_a_lock_is_for_one_address_and_one_username(staff, client, sign_in, django_user_model):
    django_user_model.objects.create_superuser("grace", "grace@example.ac.uk", STAFF_PASSWORD)
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("ada", f"wrong {n}", address="192.0.2.66")
    assert sign_in("ada", STAFF_PASSWORD, address="192.0.2.66").status_code == 429

    assert sign_in("grace", STAFF_PASSWORD, address="192.0.2.66").status_code == 302
    client.logout()
    assert sign_in("ada", STAFF_PASSWORD, address="192.0.2.67").status_code == 302


def test_a_success_forgets_earlier_failures(staff, client, sign_in):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in("ada", f"wrong {n}")
    assert sign_in("ada", STAFF_PASSWORD).status_code == 302
    client.logout()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in("ada", f"wrong again {n}").status_code == 200
    assert sign_in("ada", STAFF_PASSWORD).status_code == 302


def test_behind_the_proxies_the_visitor_is_counted_not_the_proxy(staff, client, sign_in, settings):
    """Varnish sets X-Forwarded-For to the visitor and nginx appends Varnish's address."""
    settings.CONTACT_TRUSTED_PROXY_COUNT = 2

    def via_proxies(visitor, password):
        return sign_in(
            "ada", password, address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{visitor}, 127.0.0.1"
        )

    for n in range(settings.AXES_FAILURE_LIMIT):
        via_proxies("203.0.113.7", f"wrong {n}")
    assert via_proxies("203.0.113.7", STAFF_PASSWORD).status_code == 429
    # Another visitor behind the same proxies is not locked out with them.
    assert via_proxies("203.0.113.8", STAFF_PASSWORD).status_code == 302


def test_the_test_clients_login_still_works_and_the_web_form_stays_locked(staff, client, sign_in):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("ada", f"wrong {n}", address="127.0.0.1")
    assert sign_in("ada", STAFF_PASSWORD, address="127.0.0.1").status_code == 429
    assert not signed_in(client)

    # No request, no address to count: authenticate() without one reaches the password check.
    assert client.login(username="ada", password=STAFF_PASSWORD)
    assert signed_in(client)
    assert not client.login(username="ada", password="wrong")
