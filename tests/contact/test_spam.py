"""Spam refused without puzzles or third parties: nothing stored, nothing sent, the count logged."""

import datetime
import logging
import socket

import pytest
import redis
import time_machine
from django.core import mail, signing
from django.core.cache import cache
from django.utils import timezone

from contact.models import ContactSubmission
from contact.spam import BAD_TOKEN, TOKEN_SALT, log_refusal

from .conftest import form_token, valid_answers
from .conftest import send as send_once

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Send the form; whatever it queues for after the commit runs, as in production."""

    def send_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return send_once(*args, **kwargs)

    return send_and_commit


@pytest.fixture
def refusals(caplog):
    caplog.set_level(logging.INFO, logger="contact.spam")
    return caplog


def nothing_kept():
    return ContactSubmission.objects.count() == 0 and mail.outbox == []


def test_a_filled_in_trap_is_refused_and_counted(send, client, enquiry_page, refusals):
    first = send(client, enquiry_page, website="https://cheap-pills.example")
    second = send(client, enquiry_page, website="x")

    assert first.status_code == second.status_code == 400
    assert "We could not send your message, so nothing was sent." in first.content.decode()
    assert nothing_kept()
    messages = [r.getMessage() for r in refusals.records if r.name == "contact.spam"]
    assert messages == [
        "Contact form refused a post (honeypot filled in): 1 refused today.",
        "Contact form refused a post (honeypot filled in): 2 refused today.",
    ]


def test_a_form_sent_faster_than_a_person_could_is_refused_and_can_be_sent_again(
    send, client, enquiry_page, settings, refusals
):
    settings.CONTACT_MIN_SECONDS = 3
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        token = form_token(client, enquiry_page)
        too_fast = send(client, enquiry_page, token=token, message="Typed very quickly.")
    with time_machine.travel(start + datetime.timedelta(seconds=4), tick=False):
        in_time = send(client, enquiry_page, token=token)

    assert too_fast.status_code == 400
    html = too_fast.content.decode()
    assert "The form was sent very soon after the page opened" in html
    assert "Typed very quickly.</textarea>" in html  # kept, to send again
    assert "sent too soon after the form was shown" in refusals.text
    assert in_time.status_code == 200
    assert ContactSubmission.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-token",
        signing.dumps({"page": 1, "shown": 0}, salt="some.other-salt"),
        signing.dumps({"page": 1, "shown": 0}, salt=TOKEN_SALT, key="a-forger's-own-key"),
    ],
    ids=["missing", "garbage", "other-salt", "forged-key"],
)
def test_a_missing_or_forged_timestamp_is_refused(send, client, enquiry_page, token, refusals):
    response = send(client, enquiry_page, token=token)

    assert response.status_code == 400
    assert nothing_kept()
    assert "missing or forged form token" in refusals.text


def test_a_timestamp_from_another_page_is_refused(send, client, enquiry_page):
    token = signing.dumps({"page": enquiry_page.pk + 1, "shown": 0}, salt=TOKEN_SALT)

    assert send(client, enquiry_page, token=token).status_code == 400
    assert nothing_kept()


def test_a_form_left_open_for_a_day_is_not_spam_but_must_be_sent_again(send, client, enquiry_page):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        token = form_token(client, enquiry_page)
    with time_machine.travel(start + datetime.timedelta(hours=25), tick=False):
        response = send(client, enquiry_page, token=token, message="Written slowly.")

    assert response.status_code == 200
    html = response.content.decode()
    assert "This page was open for a long time, so for your security nothing was sent." in html
    assert "Written slowly.</textarea>" in html
    assert nothing_kept()


def test_over_the_rate_limit_a_client_gets_429_and_a_clear_message(
    send, client, enquiry_page, settings, refusals
):
    settings.CONTACT_RATE_LIMIT = 3

    accepted = [send(client, enquiry_page).status_code for _ in range(3)]
    refused = send(client, enquiry_page, message="One too many.")

    assert accepted == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    html = refused.content.decode()
    assert "This form takes up to 3 messages an hour from one connection" in html
    assert "One too many.</textarea>" in html  # still there to copy
    assert ContactSubmission.objects.count() == 3
    assert len(mail.outbox) == 3
    assert "over the rate limit" in refusals.text


def test_the_limit_is_per_client_address_and_ends_with_the_window(
    send, client, enquiry_page, settings
):
    settings.CONTACT_RATE_LIMIT = 1
    start = timezone.now()

    with time_machine.travel(start, tick=False):
        first = send(client, enquiry_page, meta={"REMOTE_ADDR": "192.0.2.1"})
        again = send(client, enquiry_page, meta={"REMOTE_ADDR": "192.0.2.1"})
        neighbour = send(client, enquiry_page, meta={"REMOTE_ADDR": "192.0.2.2"})
    with time_machine.travel(start + datetime.timedelta(minutes=61), tick=False):
        next_hour = send(client, enquiry_page, meta={"REMOTE_ADDR": "192.0.2.1"})

    statuses = [r.status_code for r in (first, again, neighbour, next_hour)]
    assert statuses == [200, 429, 200, 200]
    assert ContactSubmission.objects.count() == 3


@pytest.mark.parametrize(
    "refused",
    [{"website": "x"}, {"token": "forged"}, {"token": ""}],
    ids=["trap", "forged-token", "no-token"],
)
def test_refused_posts_from_a_shared_address_never_lock_out_a_genuine_sender(
    send, client, enquiry_page, settings, refused
):
    settings.CONTACT_RATE_LIMIT = 2
    office = {"REMOTE_ADDR": "192.0.2.10"}

    robot = [send(client, enquiry_page, meta=office, **refused).status_code for _ in range(5)]
    genuine = [send(client, enquiry_page, meta=office).status_code for _ in range(2)]

    assert robot == [400] * 5
    assert genuine == [200, 200]
    assert ContactSubmission.objects.count() == 2


def test_only_accepted_enquiries_use_up_the_limit(send, client, enquiry_page, settings):
    settings.CONTACT_RATE_LIMIT = 2
    office = {"REMOTE_ADDR": "192.0.2.10"}

    accepted = [send(client, enquiry_page, meta=office).status_code for _ in range(2)]
    forged_after = send(client, enquiry_page, meta=office, token="forged")
    genuine_after = send(client, enquiry_page, meta=office)

    assert accepted == [200, 200]
    # A forged post is refused as forged, whatever the count: nothing to copy, nothing kept.
    assert forged_after.status_code == 400
    assert genuine_after.status_code == 429
    assert ContactSubmission.objects.count() == 2


def test_an_invalid_form_does_not_count(send, client, enquiry_page, settings):
    settings.CONTACT_RATE_LIMIT = 1

    wrong = [send(client, enquiry_page, email="not-an-address").status_code for _ in range(3)]
    right = send(client, enquiry_page)

    assert wrong == [200, 200, 200]
    assert right.status_code == 200
    assert ContactSubmission.objects.count() == 1


def test_the_stored_enquiry_holds_a_keyed_hash_never_the_address(send, client, enquiry_page):
    send(client, enquiry_page, meta={"REMOTE_ADDR": "192.0.2.77"})

    stored = ContactSubmission.objects.get()
    assert len(stored.client_hash) == 64
    assert "192.0.2.77" not in stored.client_hash
    assert "192.0.2.77" not in str(stored.form_data)


def refused_redis(ignore_exceptions):
    """A Redis cache whose port refuses every connection, as when Redis is stopped."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": ignore_exceptions,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


def test_with_redis_refused_the_limit_still_holds(send, client, enquiry_page, settings, refusals):
    # Production's cache: errors ignored, every call answers None.
    settings.CACHES = refused_redis(ignore_exceptions=True)
    # The cache really is gone: what it is given it does not keep, and says nothing.
    assert cache.add("probe", 1) is None
    assert cache.get("probe") is None

    statuses = [send(client, enquiry_page).status_code for _ in range(6)]

    assert statuses == [200] * 5 + [429]
    assert ContactSubmission.objects.count() == 5
    # The refusal is still logged, without the day's count the cache would have kept.
    assert "Contact form refused a post (over the rate limit)." in refusals.text


def test_a_cache_that_raises_leaves_the_refusal_logged(settings, refusals):
    settings.CACHES = refused_redis(ignore_exceptions=False)
    with pytest.raises(redis.exceptions.ConnectionError):
        cache.get("anything")

    assert log_refusal(BAD_TOKEN) is None
    assert "Contact form refused a post (missing or forged form token)." in refusals.text


def test_a_forged_forwarded_header_does_not_escape_the_limit(send, client, enquiry_page, settings):
    """The issue's case: one trusted proxy configured, but the app reached directly."""
    settings.CONTACT_RATE_LIMIT = 1
    settings.CONTACT_TRUSTED_PROXY_COUNT = 1

    send(
        client,
        enquiry_page,
        meta={"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "198.51.100.1"},
    )
    second = send(
        client,
        enquiry_page,
        meta={"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "198.51.100.2"},
    )

    assert second.status_code == 429


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(
    send, client, enquiry_page, settings
):
    settings.CONTACT_RATE_LIMIT = 1
    settings.CONTACT_TRUSTED_PROXY_COUNT = 1
    settings.CONTACT_TRUSTED_PROXIES = ["10.0.0.0/8"]

    def via_proxy(forwarded_for):
        meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded_for}
        return send(client, enquiry_page, meta=meta).status_code

    ada = via_proxy("198.51.100.1")
    grace = via_proxy("198.51.100.2")
    # What a visitor puts in front of the proxy's entry is their own invention: ignored.
    ada_again = via_proxy("203.0.113.9, 198.51.100.1")

    assert (ada, grace, ada_again) == (200, 200, 429)


def test_a_refused_post_keeps_the_answers_but_never_echoes_the_trap(send, client, enquiry_page):
    response = send(client, enquiry_page, website="x", email="not-an-address")

    assert response.status_code == 400
    assert nothing_kept()
    # The values stay; the trap's content is never sent back.
    html = response.content.decode()
    assert 'value="not-an-address"' in html
    assert 'name="website" value=""' in html
    assert valid_answers()["name"] in html
