"""Whether the task worker keeps up: tasks waiting too long, tasks a stopped worker left claimed,
and what other apps report through the `background_work_problems` hook (each hook takes the
moment and the longest wait, and returns sentences for staff).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail import hooks

logger = logging.getLogger(__name__)

# A task claimed this often without finishing is failed rather than run again: it may be the one
# that stops its worker.
MAX_CLAIMS = 3
# A task still running after this long was most likely left by a worker that stopped.
RUNNING_TOO_LONG = timedelta(minutes=30)


class WorkerLost(Exception):
    """The worker that claimed a task stopped before recording how it ended."""


def max_wait():
    return timedelta(minutes=settings.TASKS_MAX_WAIT_MINUTES)


def waiting_since(cutoff):
    """Tasks ready to run that have been waiting for a worker since before `cutoff`."""
    return DBTaskResult.objects.ready().filter(
        Q(run_after=get_date_max()) | Q(run_after__lt=cutoff), enqueued_at__lt=cutoff
    )


def _minutes(delta):
    return f"{delta.total_seconds() / 60:.0f} minutes"


def problems(now=None):
    """Every sentence that tells staff background work is not being done."""
    now = now or timezone.now()
    wait = max_wait()
    found = []
    waiting = waiting_since(now - wait)
    count = waiting.count()
    if count:
        oldest = waiting.order_by("enqueued_at").first()
        found.append(
            f"{count} background task(s) have waited more than {_minutes(wait)} for the worker "
            f"(the oldest, {oldest.task_name}, for {_minutes(now - oldest.enqueued_at)}): the task "
            "worker is stopped or not keeping up. Search results, document use and enquiry "
            "emails wait for it."
        )
    stuck = DBTaskResult.objects.running().filter(started_at__lt=now - RUNNING_TOO_LONG).count()
    if stuck:
        found.append(
            f"{stuck} background task(s) started more than {_minutes(RUNNING_TOO_LONG)} ago and "
            "have not finished: their worker may have stopped while running them."
        )
    for hook in hooks.get_hooks("background_work_problems"):
        found += hook(now, wait)
    return found


def release_abandoned(worker_id):
    """Tasks this worker id claimed and never finished: ready to run again, or failed once they
    have been claimed MAX_CLAIMS times. Worker ids are unique, so none of them is running now."""
    released = failed = 0
    for result in DBTaskResult.objects.running():
        if not result.worker_ids or result.worker_ids[-1] != worker_id:
            continue
        if len(result.worker_ids) >= MAX_CLAIMS:
            result.set_failed(WorkerLost(f"claimed {len(result.worker_ids)} times, never finished"))
            failed += 1
            logger.error("Task %s (%s) failed: its worker stopped.", result.id, result.task_path)
        else:
            DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None
            )
            released += 1
            logger.warning(
                "Task %s (%s) queued again: its worker stopped.", result.id, result.task_path
            )
    return released, failed
