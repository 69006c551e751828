"""The production stack on one machine: Varnish -> nginx -> gunicorn, Redis, the task worker and
the scheduled commands, each restarted when it dies. `make serve` runs it in the foreground
(deploy/serve.py); the deploy tests and `make bench` start the same pieces on free ports.
"""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEPLOY = PROJECT / "deploy"
PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")

# (command, seconds between runs, seconds after start of the first run)
SCHEDULE = [
    (["publish_scheduled"], 60, 5),
    (["check_tasks"], 60, 60),
    (["retry_contact_notifications"], 5 * 60, 30),
    (["purge_contact_submissions"], 24 * 60 * 60, 120),
    (["prune_db_task_results"], 24 * 60 * 60, 180),
    (["prune_search_log"], 24 * 60 * 60, 240),
]
SCHEDULED_TIMEOUT = 10 * 60
# The site's 503 page (static/errors/503.html) is sent by nginx and Varnish, not by the app.
ERROR_PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def render(template, values):
    """The template's text with every {{NAME}} filled; a name without a value is an error."""
    text = Path(template).read_text()
    missing = sorted(set(PLACEHOLDER.findall(text)) - set(values))
    if missing:
        raise KeyError(f"{template}: no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), text)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout=30.0, proc=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout} s")


def wait_for_app(port, timeout=30.0, proc=None):
    """Wait until gunicorn answers over HTTP (its socket accepts before any worker is up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode} before answering on {port}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        with contextlib.suppress(OSError), contextlib.closing(connection):
            connection.request("GET", "/robots.txt", headers={"Host": "127.0.0.1"})
            return connection.getresponse().read()
        time.sleep(0.1)
    raise TimeoutError(f"nothing answering on 127.0.0.1:{port} after {timeout} s")


@dataclass
class Service:
    name: str
    argv: list
    port: int | None = None
    proc: subprocess.Popen | None = None
    restarts: int = 0
    next_start: float = 0.0
    log: object = None
    pass_fds: tuple = ()


@dataclass
class Stack:
    port: int = 8080
    app_port: int = 8081
    cache_port: int = 8082
    redis_port: int = 8083
    web_port: int = 8084
    run_dir: Path = PROJECT / ".serve"
    env: dict = field(default_factory=dict)
    # The task worker and the schedule; the tests of the web tier leave them out.
    background: bool = True
    quiet: bool = False
    services: list = field(default_factory=list)
    _scheduled: dict = field(default_factory=dict)
    _app_socket: socket.socket | None = None

    # -- configuration -------------------------------------------------------------------------

    def app_env(self):
        """The production settings' environment for a loopback run; the caller's values win."""
        secret_file = self.run_dir / "secret_key"
        if not secret_file.exists():
            secret_file.write_text(secrets.token_urlsafe(50))
            secret_file.chmod(0o600)
        front = f"http://127.0.0.1:{self.port}"
        env = {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secret_file.read_text().strip(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": f"{front},http://localhost:{self.port}",
            "SITE_URL": front,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "EMAIL_URL": "consolemail://",
            "DEFAULT_FROM_EMAIL": "no-reply@portal.invalid",
            "MEDIA_ROOT": str(PROJECT / "media"),
            # Plain HTTP on loopback; a real server terminates TLS in front and keeps these on.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "FRONTEND_CACHE_URL": f"http://127.0.0.1:{self.cache_port}",
            "DOCUMENTS_ACCEL_PREFIX": "/_protected/",
            # Varnish sets X-Forwarded-For to the client, nginx appends Varnish's address.
            "CONTACT_TRUSTED_PROXY_COUNT": "2",
        }
        for key in env:
            if os.environ.get(key):
                env[key] = os.environ[key]
        env.update(self.env)
        # Always the production settings, whatever the calling shell (or test run) has set.
        env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
        if Path(env["MEDIA_ROOT"]).resolve().is_relative_to(PROJECT):
            # The loopback stack shares `make run`'s uploads; a real server keeps them elsewhere.
            env["ALLOW_MEDIA_ROOT_IN_CODE"] = "true"
        env["APP_PORT"] = str(self.app_port)
        env["GUNICORN_BIND"] = f"fd://{self.app_socket().fileno()}"
        env["GUNICORN_CONTROL_SOCKET"] = str(self.run_dir / "gunicorn.ctl")
        return {**os.environ, **env}

    def write_config(self, app_env):
        values = {
            "RUN_DIR": self.run_dir,
            "LOG_DIR": self.run_dir,
            "LISTEN": f"127.0.0.1:{self.web_port}",
            "WEB_PORT": self.web_port,
            "APP_PORT": self.app_port,
            "ERROR_PAGE_CSP": ERROR_PAGE_CSP,
            "STATIC_ROOT": PROJECT / "staticfiles",
            "MEDIA_ROOT": Path(app_env["MEDIA_ROOT"]).resolve(),
            "DOCUMENTS_ACCEL_PREFIX": app_env["DOCUMENTS_ACCEL_PREFIX"],
            "CLIENT_MAX_BODY_SIZE": "512m",
            "NGINX_MIME_TYPES": "/etc/nginx/mime.types",
            # As root, workers run as the owner of the files they serve.
            "NGINX_USER": f"user {PROJECT.owner()};" if os.geteuid() == 0 else "",
            "PURGE_ALLOW": "",
        }
        (self.run_dir / "nginx.conf").write_text(render(DEPLOY / "nginx.conf.template", values))
        (self.run_dir / "varnish.vcl").write_text(render(DEPLOY / "varnish.vcl.template", values))

    def build(self):
        self.run_dir = Path(self.run_dir).resolve()
        self.run_dir.mkdir(parents=True, exist_ok=True)
        app_env = self.app_env()
        self.write_config(app_env)
        self._env = app_env
        python = str(PROJECT / ".venv" / "bin" / "python")
        manage = [python, str(PROJECT / "manage.py")]
        self.services = []
        if app_env["REDIS_URL"] == f"redis://127.0.0.1:{self.redis_port}/0":
            self.services.append(
                Service(
                    "redis",
                    ["redis-server", "--bind", "127.0.0.1", "--port", str(self.redis_port)]
                    + ["--save", "", "--appendonly", "no", "--dir", str(self.run_dir)],
                    self.redis_port,
                )
            )
        self.services += [
            Service(
                "gunicorn",
                [python, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py"), "portal.wsgi"],
                self.app_port,
                pass_fds=(self.app_socket().fileno(),),
            ),
            Service(
                "nginx",
                ["nginx", "-p", str(self.run_dir), "-c", str(self.run_dir / "nginx.conf")],
                self.web_port,
            ),
            # The front door last: nothing comes in before what it hands on to is there.
            Service(
                "varnish",
                ["varnishd", "-F", "-j", "none", "-n", str(self.run_dir / "varnish")]
                + ["-a", f"front=127.0.0.1:{self.port}", "-a", f"purge=127.0.0.1:{self.cache_port}"]
                + ["-f", str(self.run_dir / "varnish.vcl"), "-s", "malloc,256m", "-T", "none"]
                # Request headers must be complete within 10 s (slow clients), as nginx's were.
                + ["-p", "default_ttl=0", "-p", "timeout_idle=10"],
                self.port,
            ),
        ]
        if self.background:
            # One id across restarts: the worker queues again what it claimed before a crash.
            worker = [*manage, "run_worker", "--worker-id", f"serve-{self.port}"]
            self.services.append(Service("worker", worker))
            now = time.monotonic()
            self._scheduled = {
                tuple(cmd): {"every": every, "next": now + first, "proc": None}
                for cmd, every, first in SCHEDULE
            }
        self._manage = manage

    # -- running ----------------------------------------------------------------------------------

    def prepare(self, seed=False, migrate=True):
        """Static files, migrations and, for a demonstration, the seed content and admin login."""
        self.build()
        commands = [["collectstatic", "--no-input", "-v0"]]
        if migrate:
            commands.append(["migrate", "--no-input", "-v0"])
        if seed:
            commands += [
                ["load_seed_content", "--force-production"],
                ["ensure_admin", "--force-production"],
            ]
        # Nothing is cached before the stack starts: no purges to send to a cache not yet there.
        env = {**self._env, "FRONTEND_CACHE_URL": ""}
        for command in commands:
            self.say(" ".join(["manage.py", *command]))
            subprocess.run([*self._manage, *command], cwd=PROJECT, env=env, check=True)

    def say(self, text):
        if not self.quiet:
            print(f"[serve] {text}", flush=True)

    def _spawn(self, service):
        out = None
        if self.quiet:
            service.log = service.log or open(self.run_dir / f"{service.name}.log", "ab")  # noqa: SIM115
            out = service.log
        service.proc = subprocess.Popen(
            service.argv,
            cwd=PROJECT,
            env=self._env,
            stdout=out,
            stderr=subprocess.STDOUT if out else None,
            start_new_session=True,
            pass_fds=service.pass_fds,
        )
        self.say(f"{service.name} started (pid {service.proc.pid})")

    def start(self, timeout=60.0):
        """Start every piece and wait until each one that listens is listening."""
        self.build()
        for service in self.services:
            self._spawn(service)
            if service.port:
                wait_for_port(service.port, timeout, service.proc)
            if service.name == "gunicorn":
                wait_for_app(service.port, timeout, service.proc)
        return self

    def app_socket(self):
        """gunicorn's listening socket, held here to outlive any one gunicorn: between one
        stopping and the next starting, connections wait in its queue instead of being refused."""
        if self._app_socket is None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", self.app_port))
            sock.listen(2048)
            sock.set_inheritable(True)
            self._app_socket = sock
        return self._app_socket

    def reload_app(self):
        """HUP: gunicorn starts new workers, then lets the old ones finish what they answer."""
        os.kill(self.service("gunicorn").proc.pid, signal.SIGHUP)

    def restart_app(self, timeout=60.0):
        """A new gunicorn on the same socket first; once it has workers (forked after the app is
        loaded), the old one finishes what it is answering and stops."""
        service, old = self.service("gunicorn"), self.service("gunicorn").proc
        self._spawn(service)
        children = Path(f"/proc/{service.proc.pid}/task/{service.proc.pid}/children")
        deadline = time.monotonic() + timeout
        while not children.read_text().split() and time.monotonic() < deadline:
            if service.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {service.proc.returncode}")
            time.sleep(0.1)
        _terminate(old)
        old.wait(timeout)

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def check(self):
        """Restart what has died (waiting longer after each crash) and run what is due."""
        now = time.monotonic()
        for service in self.services:
            code = service.proc.poll() if service.proc else 0
            if code is None:
                continue
            if service.next_start == 0.0:
                delay = min(2**service.restarts, 30)
                service.next_start = now + delay
                self.say(f"{service.name} exited with {code}; restarting in {delay} s")
            elif now >= service.next_start:
                service.restarts += 1
                service.next_start = 0.0
                self._spawn(service)
        for cmd, job in self._scheduled.items():
            proc = job["proc"]
            if proc is not None and proc.poll() is None:
                if now - job["started"] > SCHEDULED_TIMEOUT:
                    self.say(f"{cmd[0]} ran over {SCHEDULED_TIMEOUT} s; stopping it")
                    proc.kill()
                continue
            if now >= job["next"]:
                job["next"] = now + job["every"]
                job["started"] = now
                job["proc"] = subprocess.Popen([*self._manage, *cmd], cwd=PROJECT, env=self._env)

    def supervise(self):
        """Run until SIGINT or SIGTERM, then stop everything."""
        stopping = []

        def on_signal(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)
        self.say(f"the site is on {self.url()} (Ctrl-C stops it)")
        try:
            while not stopping:
                self.check()
                time.sleep(0.5)
        finally:
            self.stop()

    def stop(self, timeout=15.0):
        """TERM everything (front door first, so nothing new comes in), then KILL what stays."""
        procs = [job["proc"] for job in self._scheduled.values() if job["proc"]]
        procs += [s.proc for s in reversed(self.services) if s.proc]
        for proc in procs:
            if proc.poll() is None:
                _terminate(proc)
        deadline = time.monotonic() + timeout
        for proc in procs:
            try:
                proc.wait(max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for service in self.services:
            if service.log:
                service.log.close()
        if self._app_socket is not None:
            self._app_socket = self._app_socket.close()  # None: a later start opens a new one
        self.say("stopped")

    def service(self, name):
        return next(s for s in self.services if s.name == name)


def _terminate(proc):
    """TERM the process's whole group: each piece was started as the leader of its own."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)


def missing_programs():
    return [p for p in ("nginx", "varnishd", "redis-server") if not shutil.which(p)]
