"""Contact form abuse and faults through the front door: the limit holds, nothing accepted is lost.

Each client has a loopback address of its own (127.0.0.x as the source of the connection), so
the site must read the address Varnish saw through nginx's hop, not one a client wrote.
"""

import http.client
import os
import re
import signal
import time
from urllib.parse import urlencode

import pytest
from django.db import connection

from contact.models import ContactSubmission
from contact.pipeline import NOT_STORED
from contact.seed import seed_contact_page
from deploy.stack import wait_for_port
from tests.contact.conftest import TOKEN_RE, valid_answers
from tests.deploy.conftest import terminate_other_connections
from tests.deploy.faults import record

pytestmark = [
    pytest.mark.fault,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LIMIT = 5  # the production default of CONTACT_RATE_LIMIT
MIN_SECONDS = 3  # the production default of CONTACT_MIN_SECONDS


class Visitor:
    """One browser on its own loopback address: cookies kept, each answer timed."""

    def __init__(self, stack, address):
        self.stack, self.address = stack, address
        self.cookies = {}
        self.slowest = 0.0

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.stack.port, timeout=10, source_address=(self.address, 0)
        )
        headers = {"Host": f"127.0.0.1:{self.stack.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        start = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode(errors="replace")
        finally:
            connection.close()
        self.slowest = max(self.slowest, time.monotonic() - start)
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        return response.status, content

    def open_form(self, path):
        status, html = self.request("GET", path)
        assert status == 200, html[:500]
        return {
            "csrfmiddlewaretoken": CSRF_RE.search(html).group(1),
            "form_token": TOKEN_RE.search(html).group(1),
        }

    def send(self, path, hidden, forwarded_for=None):
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if forwarded_for:
            headers["X-Forwarded-For"] = forwarded_for
        body = urlencode({**valid_answers(message=f"Enquiry from {self.address}"), **hidden})
        return self.request("POST", path, body=body, headers=headers)


@pytest.fixture
def contact_path(home):
    page, _ = seed_contact_page(home)
    page.to_address = "enquiries@example.ac.uk"
    page.save_revision().publish()
    return page.url


def send_many(visitor, path, count, forwarded_for=lambda i: None):
    """(statuses, enquiries the site said it accepted) for `count` posts of one form."""
    hidden = visitor.open_form(path)
    # The form's own spam check: a person takes a few seconds to fill it in.
    time.sleep(MIN_SECONDS + 0.2)
    statuses, accepted = [], 0
    for i in range(count):
        status, html = visitor.send(path, hidden, forwarded_for(i))
        statuses.append(status)
        if status == 200 and "data-error-summary" not in html:
            accepted += 1
    return statuses, accepted


def stored_from(address):
    return ContactSubmission.objects.filter(form_data__message=f"Enquiry from {address}").count()


@pytest.fixture
def redis_stopped(stack):
    redis = stack.service("redis")
    os.killpg(redis.proc.pid, signal.SIGTERM)
    redis.proc.wait(10)
    yield
    stack._spawn(redis)
    wait_for_port(redis.port, 10, redis.proc)


def test_with_redis_stopped_the_sixth_enquiry_from_one_address_is_refused(
    stack, contact_path, redis_stopped
):
    sender, neighbour = Visitor(stack, "127.0.0.2"), Visitor(stack, "127.0.0.3")

    statuses, accepted = send_many(sender, contact_path, LIMIT + 1)
    neighbour_statuses, neighbour_accepted = send_many(neighbour, contact_path, 1)

    failed = sum(s >= 500 for s in statuses + neighbour_statuses)
    lost = (accepted - stored_from(sender.address)) + (
        neighbour_accepted - stored_from(neighbour.address)
    )
    record(
        "contact form, Redis stopped",
        requests=len(statuses) + len(neighbour_statuses) + 2,
        failed=failed,
        seconds=max(sender.slowest, neighbour.slowest),
        lost=lost,
        note=f"one address: {statuses.count(200)} accepted then {statuses[LIMIT:]}; "
        f"another address: {neighbour_statuses}",
    )
    assert statuses == [200] * LIMIT + [429]
    # Another client behind the same front door has an allowance of its own.
    assert neighbour_statuses == [200]
    assert failed == 0 and lost == 0


def test_a_spoofed_forwarded_for_does_not_escape_the_limit(stack, contact_path):
    sender = Visitor(stack, "127.0.0.4")
    count = LIMIT + 3

    statuses, accepted = send_many(
        sender, contact_path, count, forwarded_for=lambda i: f"198.51.100.{i + 1}"
    )

    failed = sum(s >= 500 for s in statuses)
    lost = accepted - stored_from(sender.address)
    record(
        "contact form, spoofed X-Forwarded-For",
        requests=count + 1,
        failed=failed,
        seconds=sender.slowest,
        lost=lost,
        note=f"{count} posts, each a new forged address: {statuses.count(429)} refused (429)",
    )
    assert statuses == [200] * LIMIT + [429] * 3
    assert accepted == LIMIT
    assert failed == 0 and lost == 0


@pytest.fixture
def database_read_only():
    """Every new session of the stack's gunicorn read-only, as on a replica or a full disk."""
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    terminate_other_connections()
    yield
    with connection.cursor() as cursor:
        cursor.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
    terminate_other_connections()


def test_a_form_that_cannot_be_stored_comes_back_filled_in_through_the_front_door(
    stack, contact_path, database_read_only
):
    visitor = Visitor(stack, "127.0.0.40")
    hidden = visitor.open_form(contact_path)
    time.sleep(MIN_SECONDS + 0.2)

    status, html = visitor.send(contact_path, hidden)

    # The app's own 503, not nginx's page for an app it cannot reach: the text is still there.
    record(
        "contact form, database read-only",
        requests=1,
        failed=0 if status == 503 and "Enquiry from 127.0.0.40</textarea>" in html else 1,
        seconds=visitor.slowest,
        lost=0,
        note="form shown again filled in",
    )
    assert status == 503
    assert NOT_STORED in html
    assert "Enquiry from 127.0.0.40</textarea>" in html
    assert stored_from("127.0.0.40") == 0
