"""The task worker that reconnects, and the health check that says when background work waits."""

import datetime
import logging

import psycopg
import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from core.background import MAX_CLAIMS

pytestmark = pytest.mark.django_db
# The worker commits and closes connections as it does in production: real transactions.
real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@task()
def echo(word):
    """A task whose result shows that it ran, and with what."""
    return word


@pytest.fixture
def database_tasks(settings):
    """The database task backend production uses: enqueued tasks wait for a worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _worker_logging():
    """The worker sets its loggers' levels on start; put them back for the tests after."""
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def run_worker(*args):
    call_command("run_worker", "--batch", "--no-startup-delay", *args)


def check_tasks():
    """The exit code of one `check_tasks` run."""
    try:
        call_command("check_tasks")
    except CommandError as error:
        return error.returncode
    return 0


@real_commits
def test_the_worker_runs_what_is_queued(database_tasks):
    result = echo.enqueue("first")

    run_worker()

    stored = DBTaskResult.objects.get(pk=result.id)
    assert (stored.status, stored.return_value) == (TaskResultStatus.SUCCESSFUL, "first")


@real_commits
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_terminate_backend is PostgreSQL's"
)
def test_a_worker_whose_connection_is_cut_reconnects_and_goes_on(database_tasks, caplog):
    result = echo.enqueue("after the cut")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        [backend] = cursor.fetchone()
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        [terminated] = other.execute("SELECT pg_terminate_backend(%s)", [backend]).fetchone()
    assert terminated

    with caplog.at_level(logging.ERROR, logger="django_tasks_db"):
        run_worker("--worker-id", "cut-worker")

    assert "Worker cut-worker lost its database connection (OperationalError" in caplog.text
    stored = DBTaskResult.objects.get(pk=result.id)
    assert (stored.status, stored.return_value) == (TaskResultStatus.SUCCESSFUL, "after the cut")


def claimed(worker_ids):
    """A queued task claimed by each of `worker_ids` in turn, never finished."""
    stored = DBTaskResult.objects.get(pk=echo.enqueue("claimed").id)
    for worker_id in worker_ids:
        stored.claim(worker_id)
    return stored


@real_commits
def test_a_restarted_worker_runs_again_what_it_had_claimed_and_not_finished(database_tasks):
    mine = claimed(["stack-worker"])
    theirs = claimed(["other-worker"])
    assert mine.status == TaskResultStatus.RUNNING

    run_worker("--worker-id", "stack-worker")

    mine.refresh_from_db()
    assert (mine.status, mine.return_value) == (TaskResultStatus.SUCCESSFUL, "claimed")
    assert mine.worker_ids == ["stack-worker", "stack-worker"]
    theirs.refresh_from_db()
    assert theirs.status == TaskResultStatus.RUNNING  # another worker may still be running it


@real_commits
def test_a_task_that_keeps_stopping_its_worker_is_failed_not_run_again(database_tasks, caplog):
    doomed = claimed(["stack-worker"] * MAX_CLAIMS)

    run_worker("--worker-id", "stack-worker")

    doomed.refresh_from_db()
    assert doomed.status == TaskResultStatus.FAILED
    assert doomed.exception_class_path == "core.background.WorkerLost"
    assert f"Task {doomed.id} (tests.core.test_background.echo) failed" in caplog.text


def test_check_tasks_is_quiet_while_the_worker_keeps_up(database_tasks, capsys):
    echo.enqueue("fresh")

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=4), tick=False):
        assert check_tasks() == 0

    assert "Background work is up to date." in capsys.readouterr().out


def test_check_tasks_fails_and_logs_when_a_task_waits_too_long(database_tasks, caplog):
    echo.enqueue("stale")
    echo.enqueue("stale too")

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=7), tick=False):
        code = check_tasks()

    assert code == 2
    [record] = [r for r in caplog.records if r.name == "core.background"]
    assert record.levelno == logging.ERROR
    assert "2 background task(s) have waited more than 5 minutes" in record.getMessage()
    assert "(the oldest, echo, for 7 minutes)" in record.getMessage()


def test_the_longest_wait_is_a_setting(database_tasks, settings):
    settings.TASKS_MAX_WAIT_MINUTES = 1
    echo.enqueue("stale")

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2), tick=False):
        assert check_tasks() == 2


def test_check_tasks_reports_a_task_left_running(database_tasks, caplog):
    claimed(["vanished-worker"])

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False):
        assert check_tasks() == 2

    assert "1 background task(s) started more than 30 minutes ago" in caplog.text


def test_the_admin_home_page_warns_while_a_task_waits_too_long(database_tasks, admin_client):
    assert (
        b"data-background-work-warning"
        not in admin_client.get(reverse("wagtailadmin_home")).content
    )
    echo.enqueue("stale")

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=10), tick=False):
        response = admin_client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Background work is not being done" in html
    assert "1 background task(s) have waited more than 5 minutes" in html
