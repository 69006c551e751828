"""PostgreSQL and Redis refused, black-holed and cut under the real stack, and the app gone.

A second stack reaches PostgreSQL and its own Redis through small TCP proxies that this test
controls. Figures (tests/deploy/faults.py): requests sent, failed, the slowest answer. Failed means
any answer other than the page itself, except that while PostgreSQL is down the site's own 503
(with Retry-After) is the expected answer and only something else counts as failed.
"""

import contextlib
import socket
import subprocess
import threading
import time

import pytest
from django.conf import settings

from deploy.stack import free_port, wait_for_port
from tests.deploy.conftest import (
    fetch,
    loopback_stack,
    require_stack,
    start,
    stop,
    terminate_other_connections,
)
from tests.deploy.faults import record

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REQUESTS = 12
BRANDED = b"Sorry, the service is unavailable"


class Proxy:
    """A loopback TCP proxy that can pass, refuse, black-hole or cut its connections."""

    def __init__(self, target_port):
        self.target = ("127.0.0.1", target_port)
        self.port = free_port()
        self.mode = "pass"
        self.listener = None
        self.open = []
        self.lock = threading.Lock()
        self.listen()

    def listen(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # the listener was closed
            if listener is not self.listener:
                client.close()
                return
            with self.lock:
                self.open.append(client)
            if self.mode == "blackhole":
                continue  # accepted, never answered
            try:
                upstream = socket.create_connection(self.target, timeout=2)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def cut(self):
        """Close every open connection; new ones are served as the mode says."""
        with self.lock:
            sockets, self.open = self.open, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def set(self, mode):
        """pass, refuse (nothing listens), blackhole (accepts, never answers) or cut (once)."""
        if mode == "refuse" and self.listener:
            # shutdown wakes the thread blocked in accept(); close alone would leave it listening.
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
            self.listener = None
        elif mode != "refuse" and self.listener is None:
            self.listen()
        self.mode = "pass" if mode == "cut" else mode
        self.cut()

    def close(self):
        self.set("refuse")


def database_url():
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER'] or 'postgres'}@127.0.0.1:{{port}}/{db['NAME']}"
    if db.get("PASSWORD"):
        url = url.replace("@", f":{db['PASSWORD']}@", 1)
    return url, int(db["PORT"] or 5432)


@pytest.fixture(scope="module")
def proxied(django_db_setup, django_db_blocker, tmp_path_factory):
    """A stack whose PostgreSQL and Redis are behind proxies: (stack, pg proxy, redis proxy)."""
    require_stack()
    run_dir = tmp_path_factory.mktemp("proxied")
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port)]
        + ["--save", "", "--appendonly", "no", "--dir", str(run_dir)],
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(redis_port, 10, redis)
    url, pg_port = database_url()
    pg, cache = Proxy(pg_port), Proxy(redis_port)
    stack = loopback_stack(
        run_dir,
        {
            "DATABASE_URL": url.format(port=pg.port),
            "REDIS_URL": f"redis://127.0.0.1:{cache.port}/0",
            "WEB_CONCURRENCY": "2",
        },
    )
    try:
        start(stack, redis_url=f"redis://127.0.0.1:{redis_port}/0")
    except BaseException:
        redis.kill()
        raise
    yield stack, pg, cache
    stop(stack)
    pg.close()
    cache.close()
    redis.terminate()
    redis.wait(10)


def hammer(url, count=REQUESTS, ok=lambda status, headers, body: status == 200):
    """Send `count` requests one after another: (answers that were not ok, slowest seconds)."""
    failed, slowest = [], 0.0
    deadline = time.monotonic() + 60
    for _ in range(count):
        if time.monotonic() > deadline:
            failed.append("out of time")
            break
        start = time.monotonic()
        try:
            answer = fetch(url)
        except OSError as error:
            answer = (None, {}, str(error).encode())
        slowest = max(slowest, time.monotonic() - start)
        if not ok(*answer):
            failed.append(answer[0])
    return failed, slowest


def app(stack, path="/"):
    """Straight to gunicorn: the HTTP cache in front would hide what the app does."""
    return f"http://127.0.0.1:{stack.app_port}{path}"


def uncached_answers(stack):
    """(every answer, slowest seconds) to REQUESTS addresses no cache has kept, through the
    front door."""
    answers, slowest = [], 0.0
    for n in range(REQUESTS):
        start = time.monotonic()
        answers.append(fetch(stack.url(f"/never-cached-{n}/")))
        slowest = max(slowest, time.monotonic() - start)
    return answers, slowest


def branded_503(status, headers, body):
    return status == 503 and BRANDED in body and headers.get("Retry-After") == "30"


@pytest.fixture
def running(proxied, home):
    stack, pg, cache = proxied
    pg.set("pass")
    cache.set("pass")
    assert hammer(app(stack), 3)[0] == [], "the proxied stack does not serve its home page"
    yield proxied
    pg.set("pass")
    cache.set("pass")


@pytest.mark.parametrize("mode", ["refuse", "blackhole", "cut"])
def test_pages_are_served_while_redis_is_gone(running, mode):
    stack, _pg, cache = running

    cache.set(mode)
    failed, slowest = hammer(app(stack))

    record(f"Redis {mode}", requests=REQUESTS, failed=len(failed), seconds=slowest)
    assert failed == []
    assert slowest < 2.5


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
def test_the_branded_503_answers_within_5_s_while_postgresql_is_gone(running, mode):
    stack, pg, _cache = running

    pg.set(mode)
    failed, slowest = hammer(app(stack), ok=branded_503)
    pg.set("pass")
    back, back_slowest = hammer(app(stack), 4)

    record(
        f"PostgreSQL {mode}",
        requests=REQUESTS + 4,
        failed=len(failed) + len(back),
        seconds=max(slowest, back_slowest),
        note="branded 503 expected while down; 200 once back",
    )
    assert failed == [], "answers other than the branded 503"
    assert slowest < 5
    assert back == [], "pages did not come back with the database"


def test_no_request_fails_after_postgresql_connections_are_terminated(running):
    stack, _pg, _cache = running
    hammer(app(stack), 6)  # every worker holds a kept connection

    terminated = terminate_other_connections()
    failed, slowest = hammer(app(stack))

    record(
        "PostgreSQL connections terminated",
        requests=REQUESTS,
        failed=len(failed),
        seconds=slowest,
        note=f"{terminated} backends terminated",
    )
    assert terminated >= 1
    assert failed == []


def test_nginx_answers_the_branded_page_while_the_app_is_gone(running):
    stack, _pg, _cache = running
    gunicorn = stack.service("gunicorn")
    gunicorn.proc.terminate()
    gunicorn.proc.wait(30)
    # Gone for good, socket and all: the stack's held socket would otherwise keep visitors
    # waiting in its queue for a gunicorn to come back (what a restart wants).
    stack.app_socket().close()
    stack._app_socket = None
    try:
        answers, slowest = uncached_answers(stack)
    finally:
        # A new socket for the new gunicorn, which is told where to find it (fd://N).
        number = stack.app_socket().fileno()
        stack._env["GUNICORN_BIND"] = f"fd://{number}"
        gunicorn.pass_fds = (number,)
        stack._spawn(gunicorn)
        wait_for_port(stack.app_port, 60, gunicorn.proc)

    bad = [a for a in answers if a[0] not in (502, 503, 504) or BRANDED not in a[2]]
    record(
        "gunicorn gone (nginx page)",
        requests=len(answers),
        failed=len(bad),
        seconds=slowest,
        note="branded static page expected",
    )
    assert bad == []
    status, headers, body = answers[0]
    assert headers["Retry-After"] == "30"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert b'href="/static/css/site.css"' in body
    assert fetch(stack.url("/static/css/site.css"))[0] == 200
    assert hammer(app(stack), 3)[0] == [], "the app did not come back"


def test_varnish_answers_the_branded_page_while_nginx_is_gone(running):
    stack, _pg, _cache = running
    nginx = stack.service("nginx")
    nginx.proc.terminate()
    nginx.proc.wait(30)
    try:
        answers, slowest = uncached_answers(stack)
    finally:
        stack._spawn(nginx)
        wait_for_port(stack.web_port, 30, nginx.proc)

    bad = [a for a in answers if not branded_503(*a)]
    record(
        "nginx gone (Varnish page)",
        requests=len(answers),
        failed=len(bad),
        seconds=slowest,
        note="branded static page expected",
    )
    assert bad == []
    _status, headers, body = answers[0]
    assert headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert body == (settings.STATIC_ROOT / "errors" / "503.html").read_bytes()
    # Varnish waits a moment after a refused connection before it tries nginx again.
    deadline = time.monotonic() + 2
    while fetch(stack.url("/never-cached-after/"))[0] == 503 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert hammer(stack.url("/"), 3)[0] == [], "the front door did not come back within 2 s"
