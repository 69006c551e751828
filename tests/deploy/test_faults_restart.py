"""Restarts and slow clients under load, through the front door: no request may fail.

Pages are asked for with a session cookie, so Varnish passes every one to gunicorn.
"""

import http.client
import socket
import threading
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from tests.deploy.faults import record

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

THREADS = 4
MAX_REQUESTS = 2000  # per thread: a bound whatever the machine's speed
PAST_THE_CACHE = {"Cookie": "sessionid=not-a-session", "Host": "127.0.0.1"}


def ask(port, path="/", headers=PAST_THE_CACHE, timeout=30):
    """(status or the error's name, seconds) of one GET."""
    start = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, time.monotonic() - start
    except OSError as error:
        return type(error).__name__, time.monotonic() - start
    finally:
        connection.close()


class Load:
    """THREADS clients asking for `path` one after another until stopped (or their bound)."""

    def __init__(self, port, path="/"):
        self.port, self.path = port, path
        self.answers = []  # (status, seconds)
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(THREADS)]

    def _run(self):
        for _ in range(MAX_REQUESTS):
            if self.stopping.is_set():
                return
            self.answers.append(ask(self.port, self.path))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(60)

    @property
    def failed(self):
        return [status for status, _ in self.answers if status != 200]

    @property
    def slowest(self):
        return max(seconds for _, seconds in self.answers)


def under_load(stack, action, name, note):
    assert ask(stack.port)[0] == 200
    with Load(stack.port) as load:
        time.sleep(1)
        started = time.monotonic()
        action()
        took = time.monotonic() - started
        time.sleep(2)
    record(
        name,
        requests=len(load.answers),
        failed=len(load.failed),
        seconds=load.slowest,
        note=f"{note}; the switch took {took:.1f} s",
    )
    # Requests went on through the switch, and none was lost.
    assert len(load.answers) >= 2 * THREADS, len(load.answers)
    assert load.failed == [], sorted(set(map(str, load.failed)))
    assert ask(stack.port)[0] == 200


def test_a_reload_by_hup_under_load_fails_nothing(stack, home):
    def hup_and_wait_for_new_workers():
        pid = stack.service("gunicorn").proc.pid
        children = Path(f"/proc/{pid}/task/{pid}/children")
        before = set(children.read_text().split())
        stack.reload_app()
        deadline = time.monotonic() + 30
        while not (set(children.read_text().split()) - before) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert set(children.read_text().split()) - before, "no new workers after HUP"

    under_load(stack, hup_and_wait_for_new_workers, "gunicorn reload (HUP)", f"{THREADS} clients")


def test_a_restart_under_load_fails_nothing(stack, home):
    old = stack.service("gunicorn").proc.pid

    under_load(stack, stack.restart_app, "gunicorn restart (new first)", f"{THREADS} clients")

    assert stack.service("gunicorn").proc.pid != old


def test_gunicorn_stopped_by_term_and_restarted_by_the_supervisor_fails_nothing(stack, home):
    service = stack.service("gunicorn")
    old = service.proc

    def term_then_supervise():
        old.terminate()
        old.wait(30)
        # What `make serve` does every half second: it starts gunicorn again (after 1 s).
        deadline = time.monotonic() + 30
        while service.proc is old and time.monotonic() < deadline:
            stack.check()
            time.sleep(0.2)
        assert service.proc is not old

    under_load(stack, term_then_supervise, "gunicorn TERM, supervisor restart", "queued")
    service.restarts = 0


@pytest.fixture
def large_document(home):
    from core.factories import DocumentFactory
    from publications.factories import PublicationIndexPageFactory, PublicationPageFactory

    content = b"%PDF-1.4\n" + b"x" * (32 * 1024 * 1024)
    document = DocumentFactory(file=ContentFile(content, name="large-report.pdf"))
    PublicationPageFactory(parent=PublicationIndexPageFactory(parent=home), document=document)
    return document


def test_slow_clients_do_not_hold_up_others(stack, large_document):
    held = []
    try:
        for _ in range(20):  # headers that never finish
            sock = socket.create_connection(("127.0.0.1", stack.port), timeout=5)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: ")
            held.append(sock)
        for _ in range(2):  # a large document asked for and never read
            sock = socket.create_connection(("127.0.0.1", stack.port), timeout=5)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            request = f"GET {large_document.url} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            sock.sendall(request.encode())
            held.append(sock)
        time.sleep(0.5)
        answers = []
        deadline = time.monotonic() + 10
        while len(answers) < 40 and time.monotonic() < deadline:
            answers.append(ask(stack.port, timeout=5))
            for sock in held[:20]:
                sock.sendall(b"a")  # a byte at a time, within nginx's header timeout
    finally:
        for sock in held:
            sock.close()
    failed = [status for status, _ in answers if status != 200]
    slowest = max(seconds for _, seconds in answers)
    record(
        "slow clients",
        requests=len(answers),
        failed=len(failed),
        seconds=slowest,
        note="20 trickling headers, 2 not reading 32 MB",
    )
    assert len(answers) == 40 and failed == []
    assert slowest < 1.0


def test_a_range_with_a_5000_digit_number_through_the_front_door(stack, large_document):
    huge = "9" * 5000
    paths = (large_document.url, "/static/css/site.css")
    for path in paths:
        for value in (f"bytes={huge}-", f"bytes=0-{huge}", f"bytes=-{huge}"):
            status, _ = ask(stack.port, path, {"Host": "127.0.0.1", "Range": value})
            assert status in (200, 206, 416), (path, value, status)
