"""The contact page as the seed makes it, a real SMTP server, and a visitor filling the form in."""

import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller

from contact.seed import seed_contact_page

RECIPIENTS = ["enquiries@example.ac.uk", "director@example.ac.uk"]
TOKEN_RE = re.compile(r'name="form_token" value="([^"]+)"')


@pytest.fixture
def enquiry_page(home):
    """The seeded contact page, with the recipients staff would set in the admin."""
    page, _ = seed_contact_page(home)
    page.to_address = ", ".join(RECIPIENTS)
    page.from_address = "portal@example.ac.uk"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def valid_answers(**changes):
    answers = {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "organisation": "Analytical Engines NHS Trust",
        "topic": "Research collaboration",
        "message": "We would like to talk about evaluating our leadership programme.",
        "consent": "on",
    }
    answers.update(changes)
    return {name: value for name, value in answers.items() if value is not None}


def form_token(client, page):
    """Open the form as a visitor would and read the signed token it carries."""
    response = client.get(page.url)
    assert response.status_code == 200
    return TOKEN_RE.search(response.content.decode()).group(1)


def send(client, page, token=None, meta=None, **changes):
    """Open the form, fill it in (with `changes`) and send it, from `meta`'s address if given."""
    data = valid_answers(**changes)
    data["form_token"] = token if token is not None else form_token(client, page)
    return client.post(page.url, data, **(meta or {}))


@pytest.fixture
def sender(client, enquiry_page):
    """`sender(**changes)` sends the form as a visitor; a field set to None is left out."""
    return lambda **changes: send(client, enquiry_page, **changes)


class Inbox:
    """Collects every message the SMTP server accepts."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
            for envelope in self.envelopes
        ]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    """A real SMTP server on a loopback port, which a test can stop and start again."""

    def __init__(self):
        self.port = free_port()
        self.inbox = Inbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp(settings):
    """A running SMTP server that the site sends its email to."""
    server = SMTPServer()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 5},
        }
    }
    server.start()
    yield server
    server.stop()
