"""Background jobs (后台任务) while the window is open: APScheduler's `QtScheduler`.

The scheduler is built on the DB worker (it reads the settings) and started on the UI
thread once the database is open; the start-up catch-up then runs at once on the
scheduler's own thread. Its listener is called on that thread and only emits `run_finished`,
which Qt queues to the UI thread. `stop()` empties and shuts the scheduler down, waiting for
a running job (closing the window, restoring a backup); the window starts it again after a
restore.

APScheduler is imported on the DB worker when the scheduler is built, after the window is
usable: it is not needed to serve the first customer.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from spa_pos.services.context import SYSTEM_ACTOR, Ctx
from spa_pos.ui.worker import DbWorker

if TYPE_CHECKING:
    from apscheduler.events import JobExecutionEvent
    from apscheduler.schedulers.base import BaseScheduler

log = logging.getLogger(__name__)


class BackgroundJobs(QObject):
    run_finished = Signal(str)  # the scheduler's job id, once a run ended (ok or not)

    def __init__(self, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.enabled = False  # the till runs the jobs; tests ask for them when they want them
        self.scheduler: BaseScheduler | None = None
        self._starting = False

    @property
    def running(self) -> bool:
        return self.scheduler is not None

    def start(self) -> None:
        """Build and start the scheduler, if enabled and not running yet."""
        if not self.enabled or self.running or self._starting:
            return
        self._starting = True
        ctx = Ctx(self.worker.ctx.db, SYSTEM_ACTOR, self.worker.ctx.clock, self.worker.ctx.till)
        self.worker.run(lambda _ctx: _build(ctx), self._built, owner=self, on_error=self._not_built)

    def _built(self, scheduler: BaseScheduler) -> None:
        from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

        if not self._starting:  # stopped (closed) while it was being built
            return
        self._starting = False
        scheduler.add_listener(self._listen, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
        scheduler.start()
        self.scheduler = scheduler
        log.info("background jobs started")

    def _not_built(self, _exc: Exception) -> bool:
        self._starting = False
        return False  # the window shows the error

    def _listen(self, event: JobExecutionEvent) -> None:
        self.run_finished.emit(event.job_id)

    def stop(self) -> None:
        """Shut the scheduler down, after the job running now (if any) has finished."""
        self._starting = False
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is None:
            return
        scheduler.remove_listener(self._listen)
        # Emptied first: a wake-up timer Qt already holds then finds nothing to submit.
        scheduler.remove_all_jobs()
        scheduler.shutdown(wait=True)
        log.info("background jobs stopped")


def _build(ctx: Ctx) -> BaseScheduler:
    """On the DB worker: import APScheduler and build the window's scheduler."""
    from spa_pos.jobs.scheduler import build_scheduler

    return build_scheduler(ctx, "qt")
