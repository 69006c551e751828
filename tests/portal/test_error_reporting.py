"""Production errors reach the staff: mail to ADMINS, a log file, and Sentry when named."""

import gzip
import http.server
import json
import threading

import pytest
from aiosmtpd.controller import Controller

from deploy.stack import free_port
from tests.portal.test_settings import manage

FAILURE = (
    "import logging; "
    "logging.getLogger('django.request').error("
    "'Internal Server Error: /boom/', extra={'status_code': 500}); "
    "logging.getLogger('search').warning('a warning from the site')"
)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def smtp_port():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, inbox
    controller.stop()


def test_a_failed_request_is_mailed_to_the_admins(smtp_port):
    port, inbox = smtp_port

    result = manage(
        "shell",
        "-c",
        FAILURE,
        EMAIL_URL=f"smtp://127.0.0.1:{port}",
        ADMINS="web-team@example.ac.uk,director@example.ac.uk",
    )

    assert result.returncode == 0, result.stderr
    assert len(inbox.messages) == 1, "one mail for the error, none for the warning"
    recipients, content = inbox.messages[0]
    assert recipients == ["web-team@example.ac.uk", "director@example.ac.uk"]
    assert "Internal Server Error: /boom/" in content
    assert "From: Systems Leadership Portal <no-reply@example.ac.uk>" in content
    # The console still shows it too.
    assert "Internal Server Error: /boom/" in result.stderr


def test_every_line_goes_to_the_log_file_and_a_moved_file_is_reopened(tmp_path, smtp_port):
    port, _inbox = smtp_port
    log = tmp_path / "portal.log"
    environment = {"EMAIL_URL": f"smtp://127.0.0.1:{port}", "LOG_FILE": str(log)}

    assert manage("shell", "-c", FAILURE, **environment).returncode == 0
    first = log.read_text()
    log.rename(tmp_path / "portal.log.1")  # as logrotate does
    assert manage("shell", "-c", FAILURE, **environment).returncode == 0

    assert "ERROR django.request: Internal Server Error: /boom/" in first
    assert "WARNING search: a warning from the site" in first
    assert "Internal Server Error: /boom/" in log.read_text()
    assert (tmp_path / "portal.log.1").read_text() == first


# What Django does with an exception a view did not catch: the signal, inside the except block.
UNCAUGHT = (
    "from django.core.signals import got_request_exception\n"
    "try:\n"
    "    raise ZeroDivisionError('the view failed')\n"
    "except ZeroDivisionError:\n"
    "    got_request_exception.send(sender=None, request=None)\n"
    "import logging\n"
    "logging.getLogger('core.unavailable').error('Database unavailable for /: refused')\n"
    "logging.getLogger('core.unavailable').warning('only a warning')\n"
    "import sentry_sdk\n"
    "sentry_sdk.flush(timeout=5)\n"
)


class SentryInbox(http.server.BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        type(self).received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    SentryInbox.received = []
    server = http.server.HTTPServer(("127.0.0.1", 0), SentryInbox)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_errors_go_to_sentry_when_a_dsn_is_set(sentry_server):
    result = manage(
        "shell",
        "-c",
        UNCAUGHT,
        SENTRY_DSN=f"http://publickey@127.0.0.1:{sentry_server}/42",
    )

    assert result.returncode == 0, result.stderr
    paths = [path for path, _body in SentryInbox.received]
    assert paths and set(paths) == {"/api/42/envelope/"}
    items = [
        json.loads(line)
        for _path, body in SentryInbox.received
        for line in body.splitlines()
        if line.startswith(b"{")
    ]
    events = [item for item in items if item.get("level") == "error"]
    assert len(events) == 2, "the exception and the error line, not the warning"
    assert {event["environment"] for event in events} == {"production"}
    sent = json.dumps(events)
    assert "the view failed" in sent and "ZeroDivisionError" in sent
    assert "Database unavailable for /: refused" in sent


def test_without_a_dsn_sentry_is_never_started():
    code = FAILURE + "; import sentry_sdk; print(sentry_sdk.is_initialized())"
    result = manage("shell", "--verbosity=0", "-c", code)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"]
