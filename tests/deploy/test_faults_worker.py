"""Faults in the background: the worker's database connection cut, the worker killed, the mail
server down. The `make serve` stack with its worker and supervisor, on the test database, mailing
a real SMTP server on loopback; every wait bounded in time."""

import os
import signal
import sys
import time
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

import deploy.stack
from contact.models import ContactSubmission
from contact.pipeline import queue_notification
from contact.seed import seed_contact_page
from tests.contact.conftest import RECIPIENTS, SMTPServer
from tests.deploy.conftest import fetch, loopback_stack, start, stop, terminate_other_connections
from tests.deploy.faults import record

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

Status = ContactSubmission.Notification
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds a task may take to complete once the worker is up (it polls every second).
WITHIN = 20


@pytest.fixture(scope="module")
def smtp():
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def worker_stack(django_db_setup, django_db_blocker, tmp_path_factory, smtp):
    """Varnish, nginx, gunicorn, Redis and the task worker under the supervisor; no schedule,
    so each test runs the commands it means to."""
    stack = loopback_stack(
        tmp_path_factory.mktemp("worker-stack"),
        {
            "WEB_CONCURRENCY": "1",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
            "EMAIL_TIMEOUT": "5",
        },
        background=True,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(deploy.stack, "SCHEDULE", [])
        start(stack)
    yield stack
    stop(stack)
    for log in sorted(stack.run_dir.glob("worker.log")):
        sys.stderr.write(f"--- {log.name}\n{log.read_text()[-2000:]}\n")


@pytest.fixture
def page(home, settings):
    """The contact page, with recipients; enquiries queued from here on wait for the worker."""
    contact, _ = seed_contact_page(home)
    contact.to_address = ", ".join(RECIPIENTS)
    contact.from_address = "portal@example.ac.uk"
    contact.save_revision().publish()
    settings.TASKS = DATABASE_TASKS
    return contact


def enquire(page, count, note):
    """Store `count` enquiries and queue their emails, as the form does."""
    ids = []
    for number in range(count):
        message = f"{note} {number}"
        submission = ContactSubmission.objects.create(
            page=page,
            form_data={"name": "Ada", "email": "ada@example.org", "message": message},
            email="ada@example.org",
        )
        queue_notification(submission.pk)
        ids.append(submission.pk)
    return ids


def delivered(smtp, note):
    return sum(1 for m in smtp.inbox.messages if note in m.get_content())


def wait_for(condition, stack, seconds=WITHIN):
    """Seconds until `condition()` holds, the supervisor checking its services meanwhile; None
    if it does not hold within `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        stack.check()
        if condition():
            return time.monotonic() - start
        time.sleep(0.2)
    return None


def sent_count(ids):
    return ContactSubmission.objects.filter(pk__in=ids, notification_status=Status.SENT).count()


def all_sent(ids):
    return lambda: sent_count(ids) == len(ids)


def retry_now():
    """`retry_contact_notifications --now`, queueing for the stack's worker as production does."""
    out = StringIO()
    call_command("retry_contact_notifications", "--now", stdout=out, stderr=StringIO())
    return out.getvalue()


def check_tasks():
    try:
        call_command("check_tasks", stdout=StringIO())
    except CommandError as error:
        return error.returncode
    return 0


def kill_worker(stack):
    worker = stack.service("worker")
    os.killpg(worker.proc.pid, signal.SIGKILL)
    worker.proc.wait(timeout=5)
    return worker


def test_a_cut_database_connection_does_not_stop_the_worker(worker_stack, page, smtp):
    worker = worker_stack.service("worker")
    first = enquire(page, 1, "before the cut")
    assert wait_for(all_sent(first), worker_stack) is not None, "the worker sent nothing"
    pid, restarts = worker.proc.pid, worker.restarts

    cut = terminate_other_connections()
    after = enquire(page, 3, "after the cut")
    seconds = wait_for(all_sent(after), worker_stack)

    lost = 3 - delivered(smtp, "after the cut")
    record(
        "worker's database connection cut",
        requests=4,
        failed=0 if seconds is not None else len(after),
        seconds=seconds or WITHIN,
        lost=lost,
        note=f"{cut} connections cut; worker kept its pid, {worker.restarts - restarts} restarts",
    )
    assert cut >= 1
    assert seconds is not None, f"enquiries queued after the cut not sent within {WITHIN} s"
    assert lost == 0
    assert (worker.proc.pid, worker.restarts) == (pid, restarts), "the worker had to be restarted"
    assert worker.proc.poll() is None


def test_a_killed_worker_is_restarted_and_sends_what_was_queued(worker_stack, page, smtp):
    worker = kill_worker(worker_stack)
    restarts = worker.restarts
    ids = enquire(page, 3, "while the worker was dead")
    assert not sent_count(ids)

    seconds = wait_for(all_sent(ids), worker_stack)

    lost = 3 - delivered(smtp, "while the worker was dead")
    record(
        "worker killed (SIGKILL)",
        requests=3,
        failed=0 if seconds is not None else 3,
        seconds=seconds or WITHIN,
        lost=lost,
        note=f"restarted by the supervisor {worker.restarts - restarts} time(s)",
    )
    assert seconds is not None, f"queued enquiries not sent within {WITHIN} s of the kill"
    assert worker.restarts == restarts + 1
    assert lost == 0


def test_enquiries_sent_while_the_mail_server_is_down_arrive_once_it_is_back(
    worker_stack, page, smtp
):
    note = "while the mail server was down"
    smtp.stop()
    try:
        ids = enquire(page, 5, note)
        failed = ContactSubmission.objects.filter(pk__in=ids, notification_status=Status.FAILED)
        assert wait_for(lambda: failed.count() == len(ids), worker_stack) is not None, (
            "the worker did not try to send them"
        )
    finally:
        smtp.start()
    start = time.monotonic()

    retry = retry_now()
    seconds = wait_for(all_sent(ids), worker_stack)

    lost = len(ids) - delivered(smtp, note)
    record(
        "SMTP down, then back and a retry",
        requests=len(ids),
        failed=len(ids) - sent_count(ids),
        seconds=time.monotonic() - start,
        lost=lost,
        note="retry_contact_notifications --now",
    )
    assert f"Queued {len(ids)} contact form email(s)" in retry
    assert seconds is not None, f"not all sent within {WITHIN} s of the retry"
    assert lost == 0
    # Each exactly once: a second retry finds nothing to send.
    assert "Queued 0" in retry_now()
    assert delivered(smtp, note) == len(ids)


def test_search_catches_up_and_the_health_check_tells_while_the_worker_is_down(
    worker_stack, home, settings, caplog
):
    from viewpoints.factories import ViewpointIndexPageFactory, ViewpointPageFactory

    index = ViewpointIndexPageFactory(parent=home)
    # Indexed at once (the test settings run tasks in this process).
    viewpoint = ViewpointPageFactory(
        parent=index, title="Trust across boundaries", slug="trust", summary="A quokkaworthy idea."
    )
    search = f"http://127.0.0.1:{worker_stack.app_port}/search/?q=quokkaworthy"

    def found():
        status, _headers, body = fetch(search)
        assert status == 200
        return b"/viewpoints/trust/" in body

    assert found()
    settings.TASKS = DATABASE_TASKS
    worker = kill_worker(worker_stack)
    restarts = worker.restarts
    viewpoint.summary = "An idea about trust."
    viewpoint.save_revision().publish()

    assert found(), "the index changed without the worker"
    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        assert check_tasks() == 2
    assert "background task(s) have waited more than 5 minutes" in caplog.text

    seconds = wait_for(lambda: not found(), worker_stack)

    record(
        "worker down, then restarted: search index",
        requests=1,
        failed=0 if seconds is not None else 1,
        seconds=seconds or WITHIN,
        note="removed text no longer found once the queued index update ran",
    )
    assert seconds is not None, f"removed text still found {WITHIN} s after the worker's restart"
    assert worker.restarts == restarts + 1

    # The index update is one of the queued tasks; the others (the reference index) may still be
    # running when the search already tells.
    def idle():
        tasks = DBTaskResult.objects
        return not (tasks.ready().exists() or tasks.running().exists())

    assert wait_for(idle, worker_stack) is not None, "the restarted worker left tasks queued"
    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        assert check_tasks() == 0
