"""APScheduler wiring: the nightly jobs, the end-of-day backup and the start-up catch-up.

APScheduler keeps its jobs in memory, so it knows nothing of the runs missed while the
app was closed; `job_runs` does, and `services.jobs.catch_up` reads it. The catch-up is
added as a one-off job, so it runs on the worker as soon as the scheduler starts and the
window is not held up.

Jobs run on one worker thread, one at a time (database work is serialised anyway).
`coalesce=True, misfire_grace_time=None`: a run missed while the scheduler was running but
held up (the computer slept) still runs, once; the default one-second grace would skip it.
"""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger

from spa_pos.services import jobs
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx

CATCH_UP_ID = "catch_up"
# A late run still runs (no grace limit), and several late runs run once.
JOB_OPTIONS = {"coalesce": True, "misfire_grace_time": None, "max_instances": 1}


def build_scheduler(ctx: Ctx, kind: Literal["qt", "background"] = "qt") -> BaseScheduler:
    """A scheduler, not started yet: `QtScheduler` for the window (start it once the
    QApplication exists), `BackgroundScheduler` for headless use."""
    executors = {"default": ThreadPoolExecutor(max_workers=1)}
    scheduler: BaseScheduler
    if kind == "qt":
        from apscheduler.schedulers.qt import QtScheduler  # imports Qt: only for the window

        scheduler = QtScheduler(executors=executors)
    else:
        scheduler = BackgroundScheduler(executors=executors)
    apply_schedule(scheduler, ctx)
    # No trigger: runs once, as soon as the scheduler starts.
    scheduler.add_job(
        jobs.catch_up, args=(ctx,), id=CATCH_UP_ID, name="补跑错过的任务", **JOB_OPTIONS
    )
    return scheduler


def apply_schedule(scheduler: BaseScheduler, ctx: Ctx) -> None:
    """(Re)register the daily jobs from the settings; call again after the closing time or
    the time zone was changed."""
    with ctx.db.read() as s:
        cfg = settings_svc.load(s, ctx.clock.now())
    zone = ZoneInfo(cfg.timezone)
    for name, at in jobs.schedule(cfg):
        trigger = CronTrigger(hour=at.hour, minute=at.minute, timezone=zone)
        if scheduler.get_job(name) is None:
            scheduler.add_job(
                jobs.run_scheduled,
                trigger,
                args=(ctx, name),
                id=name,
                name=jobs.JOB_TITLES[name],
                **JOB_OPTIONS,
            )
        else:
            scheduler.reschedule_job(name, trigger=trigger)
