"""`db_worker` that outlives its database connection.

django_tasks_db's worker stops for good when its connection drops (a database restart, a failover,
`pg_terminate_backend`). This one closes the broken connections, waits (longer after each failure
in a row, at most RECONNECT_LONGEST_WAIT) and goes on; and it queues again the tasks it had claimed
and not finished, whether the connection was cut mid-task or an earlier run with the same
`--worker-id` was killed.
"""

import contextlib
import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

from core.background import release_abandoned

logger = logging.getLogger("django_tasks_db")

RECONNECT_FIRST_WAIT = 0.5
RECONNECT_LONGEST_WAIT = 30.0
# Failures further apart than this are not "in a row": the wait starts short again.
RECONNECT_RESET_AFTER = 60.0


class ReconnectingWorker(db_worker.Worker):
    def run(self):
        failures, last_failure = 0, 0.0
        while self.running:
            try:
                release_abandoned(self.worker_id)
                super().run()
                return
            except (OperationalError, InterfaceError) as error:
                now = time.monotonic()
                failures = failures + 1 if now - last_failure < RECONNECT_RESET_AFTER else 1
                last_failure = now
                wait = min(RECONNECT_FIRST_WAIT * 2 ** (failures - 1), RECONNECT_LONGEST_WAIT)
                logger.error(
                    "Worker %s lost its database connection (%s: %s); reconnecting in %.1f s.",
                    self.worker_id,
                    type(error).__name__,
                    str(error).strip().splitlines()[0] if str(error).strip() else "",
                    wait,
                )
                for connection in connections.all(initialized_only=True):
                    with contextlib.suppress(DatabaseError):
                        connection.close()
                self.running_task = False
                time.sleep(wait)


class Command(db_worker.Command):
    help = "Run the database task worker, reconnecting when its database connection is lost."

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        **options,
    ):
        self.configure_logging(verbosity)
        worker = ReconnectingWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        worker.configure_signals()
        worker.run()
