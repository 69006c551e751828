"""`make bench`: the serving stack measured in one run, printed as a table.

Cached pages through the front door (Varnish) against nginx alone sending the same bytes as a
file; publish to visible; uncached pages straight to gunicorn against Wagtail's own `wagtail start`
home page under the same gunicorn config; gunicorn workers' memory around a soak; slow clients
beside normal ones.
Every load is on loopback and bounded (wrk -t2, a few seconds each). Then search as the site
grows (scripts/search_benchmark.py), each on a new database of its own: 100,000 generated pages
on PostgreSQL (the generator timed), 1,000 and 10,000 on PostgreSQL, 10,000 on SQLite.
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from deploy.stack import DEPLOY, Stack, free_port, wait_for_port  # noqa: E402

ROWS = []
# The caller's environment, before the stack's production settings are loaded into this process:
# the search benchmarks run on settings and services of their own.
CALLER_ENV = dict(os.environ)


def row(name, value, note=""):
    ROWS.append((name, value, note))
    print(f"  {name}: {value} {note}", flush=True)


# What every browser sends: the cache keeps pages compressed and sends them as they are kept.
BROWSER = ("-H", "Accept-Encoding: gzip, deflate, br")


def wrk(url, seconds, connections=8, headers=()):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    failed = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    bad = int(errors.group(1)) if errors else 0
    bad += sum(map(int, failed.groups())) if failed else 0
    return rate, bad


def get(url, attempts=1, headers=None):
    for attempt in range(attempts):
        try:
            request = urllib.request.Request(url, headers=headers or {})
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except OSError:
            # Workers still booting on a busy machine: the first answers may be refused.
            if attempt == attempts - 1:
                raise
            time.sleep(1)


def worker_rss_mb(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    total = 0
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total / 1024, len(children)


def latency_with_slow_clients(stack, big_path):
    """Normal requests' times while 3 clients trickle headers and 2 never read a large file."""
    held = []
    for _ in range(3):
        sock = socket.create_connection(("127.0.0.1", stack.port))
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        held.append(sock)
    for _ in range(2):
        sock = socket.create_connection(("127.0.0.1", stack.port))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(f"GET {big_path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        held.append(sock)
    times = []
    try:
        for i in range(40):
            start = time.monotonic()
            status, _ = get(stack.url("/") if i % 2 else f"http://127.0.0.1:{stack.app_port}/")
            times.append(time.monotonic() - start)
            assert status == 200
            if i % 10 == 0:
                for sock in held[:3]:
                    sock.sendall(b"X-a: b\r\n")
            time.sleep(0.1)
    finally:
        for sock in held:
            sock.close()
    return statistics.median(times), max(times)


def wagtail_start_rate(seconds):
    """Wagtail's own starter site, its home page served by the same gunicorn config."""
    work = Path(tempfile.mkdtemp(prefix="bench-wagtail-start-"))
    python = PROJECT / ".venv" / "bin" / "python"
    try:
        subprocess.run(
            [str(PROJECT / ".venv" / "bin" / "wagtail"), "start", "starter", str(work)],
            check=True,
            capture_output=True,
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "starter.settings.production",
            "DATABASE_URL": "",
        }
        env.pop("DATABASE_URL")
        # Its own address and no control socket: not the stack's held socket (fd://N) or its own.
        env.pop("GUNICORN_BIND", None)
        env.pop("GUNICORN_CONTROL_SOCKET", None)
        for command in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"]):
            subprocess.run([str(python), "manage.py", *command], cwd=work, env=env, check=True)
        port = free_port()
        # The starter's production settings take these from a local.py, not the environment.
        (work / "starter" / "settings" / "local.py").write_text(
            'ALLOWED_HOSTS = ["*"]\nSECRET_KEY = "bench-only"\n'
        )
        env["APP_PORT"] = str(port)
        env["PYTHONPATH"] = str(work)
        gunicorn = subprocess.Popen(
            [str(python), "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py")]
            + ["--access-logfile", "/dev/null", "starter.wsgi"],
            cwd=work,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(port, 60, gunicorn)
            get(f"http://127.0.0.1:{port}/")
            return wrk(f"http://127.0.0.1:{port}/", seconds)
        finally:
            gunicorn.terminate()
            gunicorn.wait(30)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def publish_to_visible(stack):
    """Seconds from a publish (in this process, as an editor's request would) to the front door."""
    os.environ.update(stack._env)
    import django

    django.setup()
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page.specific
    marker = f"Bench {time.time_ns()}"
    get(stack.url("/"))
    home.title = marker
    home.save_revision().publish()
    start = time.monotonic()
    while time.monotonic() - start < 10:
        if marker.encode() in get(stack.url("/"))[1]:
            return time.monotonic() - start
        time.sleep(0.01)
    return None


def queries_per_page():
    """[(what, queries)] for one view of each page type that misses the HTTP cache, in this
    process on the stack's database, after a first view has filled the menu and renditions."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    client = Client(HTTP_HOST="127.0.0.1")
    urls = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        urls.setdefault(type(page).__name__, page.url)
    urls.update({"people": "/people/", "partners": "/partners/", "search": "/search/?q=leadership"})
    counts = []
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        counts.append((f"{name} {url}", len(queries), status))
    return counts


def live_pages():
    from wagtail.models import Page

    return Page.objects.live().count()


def search_latency(app, words, rounds=3):
    """p50 and p95 in seconds of searches straight to gunicorn, one at a time."""
    times = []
    for _ in range(rounds):
        for word in words:
            start = time.monotonic()
            status, _body = get(f"{app}/search/?q={word}")
            times.append(time.monotonic() - start)
            assert status == 200
    cuts = statistics.quantiles(times, n=20)
    return statistics.median(times), cuts[18]


def search_benchmark(database_url, sizes):
    """scripts/search_benchmark.py's summary at `sizes` pages, on the database given."""
    command = [sys.executable, str(PROJECT / "scripts" / "search_benchmark.py"), "--json"]
    command += ["--repeat", "5", "--sizes", *map(str, sizes)]
    env = {**CALLER_ENV, "DATABASE_URL": database_url}
    lines = []
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) as proc:
        for line in proc.stdout:
            lines.append(line)
            print(f"    {line}", end="", flush=True)
    if proc.returncode:
        raise RuntimeError(f"search benchmark exited {proc.returncode}")
    return json.loads(lines[-1])


def fresh_postgres(name):
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1"]
    subprocess.run(
        [*psql, "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"],
        check=True,
    )
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def search_at_scale(largest):
    """Rows for search at 1,000, 10,000 and `largest` pages, and the generator's time."""
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        (big,) = search_benchmark(fresh_postgres("portal_bench_search_large"), [largest])
        small, medium = search_benchmark(fresh_postgres("portal_bench_search"), [1000, 10000])
        (lite,) = search_benchmark(f"sqlite:///{work / 'search.sqlite3'}", [10000])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    minutes = (big["write_s"] + big["index_s"]) / 60
    row(
        f"generator: {big['added']:,} pages written / indexed (s)",
        f"{big['write_s']:.0f} / {big['index_s']:.0f}",
        f"{minutes:.1f} min in all (target < 10 min for 100,000)",
    )
    for result in (small, medium, big, lite):
        row(
            f"search p50 / p95, {result['database']}, {result['pages']:,} pages (ms)",
            f"{result['p50_ms']:.0f} / {result['p95_ms']:.0f}",
            f"first time; programme listing p95 {result['programmes_p95_ms']:.0f} ms; "
            f"again (kept): search p95 {result['again_p95_ms']:.0f}, "
            f"listing p95 {result['programmes_again_p95_ms']:.0f} ms",
        )
    row(
        f"search p95 at {big['pages']:,} / at {small['pages']:,} pages",
        f"{big['p95_ms'] / small['p95_ms']:.2f}",
        "(target <= 2)",
    )
    row(
        f"search p95 / programme listing p95, {medium['pages']:,} pages",
        f"{medium['p95_ms'] / medium['programmes_p95_ms']:.2f}",
        "(target <= 1)",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=5, help="each wrk run")
    parser.add_argument("--soak", type=int, default=60, help="the memory soak")
    parser.add_argument(
        "--largest", type=int, default=100_000, help="pages for the largest search (0: none)"
    )
    args = parser.parse_args()
    run_dir = Path(tempfile.mkdtemp(prefix="bench-stack-"))
    stack = Stack(
        port=free_port(),
        app_port=free_port(),
        cache_port=free_port(),
        redis_port=free_port(),
        web_port=free_port(),
        run_dir=run_dir,
        env={"GUNICORN_ACCESS_LOG": "/dev/null"},
        background=False,
        quiet=True,
    )
    bench_files = PROJECT / "staticfiles" / "_bench"
    print(f"Load before: {os.getloadavg()}  cores: {os.cpu_count()}", flush=True)
    stack.prepare(seed=True)
    # Without the task worker (left out here) nothing would index the seed: searches would
    # find nothing and measure only the empty answer.
    subprocess.run(
        [*stack._manage, "update_index", "-v0"],
        cwd=PROJECT,
        env={**stack._env, "FRONTEND_CACHE_URL": ""},
        check=True,
    )
    stack.start()
    try:
        bench_files.mkdir(exist_ok=True)
        home_bytes = get(stack.url("/"), attempts=30)[1]
        (bench_files / "home.html").write_bytes(home_bytes)
        # The compressed bytes the cache sends a browser, for nginx to send as they are.
        gzipped = get(stack.url("/"), headers={"Accept-Encoding": "gzip"})[1]
        (bench_files / "home.html.gz").write_bytes(gzipped)
        with open(bench_files / "large.bin", "wb") as f:
            f.truncate(60 * 1024 * 1024)
        s = args.seconds
        file_url = f"http://127.0.0.1:{stack.web_port}/static/_bench/home.html"
        cached, cached_bad = wrk(stack.url("/"), s, headers=BROWSER)
        static, _ = wrk(file_url, s, headers=BROWSER)
        row("cached home, front door: Varnish (req/s)", f"{cached:.0f}", f"errors {cached_bad}")
        row("same bytes as a file, nginx alone (req/s)", f"{static:.0f}", f"{len(gzipped)} B")
        row("cached / file", f"{cached / static:.2f}", "(target >= 0.5)")
        # A client that asks for no compression: the cache decompresses its copy each time.
        plain, _ = wrk(stack.url("/"), s)
        plain_file, _ = wrk(file_url, s)
        row(
            "without Accept-Encoding: cached / file",
            f"{plain / plain_file:.2f}",
            f"{plain:.0f} / {plain_file:.0f} req/s, {len(home_bytes)} B",
        )
        seconds = publish_to_visible(stack)
        row("publish to visible (s)", f"{seconds:.3f}" if seconds else "not within 10 s")
        app = f"http://127.0.0.1:{stack.app_port}"
        for name, count, status in queries_per_page():
            row(f"queries, {name}", count, "" if status == 200 else f"status {status}")
        words = ["leadership", "systems", "evaluation", "health", "care", "research", "nhs"]
        p50, p95 = search_latency(app, words)
        row(
            f"search p50 / p95 over {len(words) * 3} queries, gunicorn (s)",
            f"{p50:.3f} / {p95:.3f}",
            f"{live_pages()} live pages (larger sites below)",
        )
        for path in ("/", "/programmes/", "/search/?q=leadership"):
            rate, bad = wrk(app + path, s)
            row(f"uncached {path}, gunicorn (req/s)", f"{rate:.0f}", f"errors {bad}")
        uncached_home = ROWS[-3][1]
        try:
            starter, _ = wagtail_start_rate(s)
            row("wagtail start home, same config (req/s)", f"{starter:.0f}")
            row("uncached home / wagtail start", f"{float(uncached_home) / starter:.2f}")
        except Exception as error:  # noqa: BLE001
            row("wagtail start home", "failed", repr(error)[:80])
        master = stack.service("gunicorn").proc.pid
        before, workers = worker_rss_mb(master)
        rate, bad = wrk(app + "/", args.soak, connections=16)
        after, _ = worker_rss_mb(master)
        row(f"workers' RSS before/after {args.soak} s soak (MB)", f"{before:.0f} / {after:.0f}")
        row("soak at 16 connections", f"{rate:.0f} req/s", f"errors {bad}, {workers} workers")
        p50, worst = latency_with_slow_clients(stack, "/static/_bench/large.bin")
        row("3 slowloris + 2 non-readers: others' p50 / max (s)", f"{p50:.3f} / {worst:.3f}")
    finally:
        stack.stop()
        shutil.rmtree(bench_files, ignore_errors=True)
        shutil.rmtree(run_dir, ignore_errors=True)
    if args.largest:
        search_at_scale(args.largest)
    print(f"\nLoad after: {os.getloadavg()}\n")
    print("| measure | value | note |\n| --- | ---: | --- |")
    for name, value, note in ROWS:
        print(f"| {name} | {value} | {note} |")


if __name__ == "__main__":
    main()
