"""The APScheduler wiring, run headless with BackgroundScheduler and the test clock."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import func, select

from spa_pos.jobs.scheduler import CATCH_UP_ID, apply_schedule, build_scheduler
from spa_pos.models import JobRun
from spa_pos.services import jobs
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx


def fields(trigger: CronTrigger) -> dict[str, str]:
    return {f.name: str(f) for f in trigger.fields if f.name in ("hour", "minute")}


def run_catch_up(scheduler: BaseScheduler) -> JobExecutionEvent:
    """Start the scheduler, wait for the start-up catch-up to finish, shut down."""
    finished = threading.Event()
    events: list[JobExecutionEvent] = []

    def listener(event: JobExecutionEvent) -> None:
        if event.job_id == CATCH_UP_ID:
            events.append(event)
            finished.set()

    scheduler.add_listener(listener, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    scheduler.start()
    try:
        assert finished.wait(30), "catch-up did not run"
    finally:
        scheduler.shutdown(wait=True)
    return events[0]


def job_runs(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(JobRun.id))) or 0


def test_jobs_are_registered_with_daily_triggers_in_the_clinic_zone(ctx: Ctx) -> None:
    scheduler = build_scheduler(ctx, "background")

    assert isinstance(scheduler, BackgroundScheduler)
    found = {job.id: job for job in scheduler.get_jobs()}
    assert set(found) == {*jobs.JOBS, CATCH_UP_ID}
    expected = {
        "expiry": ("0", "5"),
        "streaks": ("0", "10"),
        "reminders": ("0", "15"),
        "tags": ("0", "20"),
        "backup": ("21", "30"),
    }
    for name, (hour, minute) in expected.items():
        trigger = found[name].trigger
        assert isinstance(trigger, CronTrigger)
        assert fields(trigger) == {"hour": hour, "minute": minute}
        assert str(trigger.timezone) == "Asia/Shanghai"
        assert found[name].coalesce is True
        assert found[name].misfire_grace_time is None
        assert found[name].args == (ctx, name)


def test_a_changed_closing_time_is_applied(ctx: Ctx) -> None:
    scheduler = build_scheduler(ctx, "background")
    with ctx.db.write() as s:
        settings_svc.save(s, closing_time="20:45")

    apply_schedule(scheduler, ctx)

    backup = scheduler.get_job("backup")
    assert fields(backup.trigger) == {"hour": "20", "minute": "45"}
    assert len(scheduler.get_jobs()) == len(jobs.JOBS) + 1


def test_catch_up_runs_missed_jobs_once_at_start_and_not_twice(ctx: Ctx, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with ctx.db.write() as s:
        settings_svc.save(s, backup_dir=str(usb))

    event = run_catch_up(build_scheduler(ctx, "background"))

    assert event.exception is None
    assert [r.job for r in event.retval] == list(jobs.JOBS)
    assert job_runs(ctx) == len(jobs.JOBS)

    again = run_catch_up(build_scheduler(ctx, "background"))  # the app is opened again

    assert again.retval == []
    assert job_runs(ctx) == len(jobs.JOBS)


def test_the_window_gets_a_qt_scheduler(ctx: Ctx) -> None:
    from apscheduler.schedulers.qt import QtScheduler

    assert isinstance(build_scheduler(ctx, "qt"), QtScheduler)


def backup_rows(ctx: Ctx) -> list[tuple[str, str]]:
    with ctx.db.read() as s:
        rows = s.execute(
            select(JobRun.status, JobRun.detail).where(JobRun.job == "backup").order_by(JobRun.id)
        )
        return [(status, json.loads(detail).get("reason", "")) for status, detail in rows]


def test_starting_twice_without_the_backup_drive_logs_one_skip_for_the_day(
    ctx: Ctx, tmp_path: Path
) -> None:
    """The end-of-day backup is retried at every start (the drive may be back), but a
    skip for the same day and the same reason is logged once: 后台任务 showed a new
    "日终备份 … 跳过" row each time the app was opened."""
    usb = tmp_path / "usb"  # set up, but not plugged in
    with ctx.db.write() as s:
        settings_svc.save(s, backup_dir=str(usb))

    first = run_catch_up(build_scheduler(ctx, "background"))
    second = run_catch_up(build_scheduler(ctx, "background"))

    assert [r.status for r in first.retval if r.job == "backup"] == ["skipped"]
    assert [r.status for r in second.retval] == ["skipped"]  # retried, still not plugged in
    assert len(backup_rows(ctx)) == 1
    assert backup_rows(ctx)[0][0] == "skipped"
    assert str(usb) in backup_rows(ctx)[0][1]
    assert job_runs(ctx) == len(jobs.JOBS)

    usb.mkdir()  # the drive is plugged in: the next start backs up, and says so
    third = run_catch_up(build_scheduler(ctx, "background"))

    assert [r.status for r in third.retval] == ["ok"]
    assert [status for status, _ in backup_rows(ctx)] == ["skipped", "ok"]
    assert run_catch_up(build_scheduler(ctx, "background")).retval == []


def test_a_new_reason_to_skip_is_logged(ctx: Ctx, tmp_path: Path) -> None:
    """Only a repeat says nothing new: a different reason the same day is a new row."""
    run_catch_up(build_scheduler(ctx, "background"))  # no folder set
    with ctx.db.write() as s:
        settings_svc.save(s, backup_dir=str(tmp_path / "usb"))

    run_catch_up(build_scheduler(ctx, "background"))  # set, but not plugged in

    assert [status for status, _ in backup_rows(ctx)] == ["skipped", "skipped"]
    assert len({reason for _, reason in backup_rows(ctx)}) == 2
