"""Background jobs (后台任务): one way in for the scheduler, the CLI and the window.

Every run is logged in `job_runs`, in the same transaction as the job's changes (the
backup job works on the file, so its row follows it). That log, not the scheduler's
memory, decides the catch-up at start-up: a job whose last successful run was for a time
before its latest scheduled time runs once, as of that scheduled time. Every job is
idempotent, so running it again changes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, time, timedelta
from functools import partial
from time import sleep
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.models import JobRun
from spa_pos.services import (
    maintenance,
    permissions,
    points,
    reminders,
    streaks,
    summaries,
    tags,
)
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.job_names import JOB_TITLES as JOB_TITLES  # re-exported
from spa_pos.services.job_names import JOBS as JOBS  # re-exported, in catch-up order
from spa_pos.services.settings import Settings

log = logging.getLogger(__name__)

# Expiry works in batches of lots (a transaction each, about 0.15 s for 2,000 lots on the
# benchmark machine) with a pause between, long enough for a waiting sale to get the lock.
EXPIRY_BATCH = 2000
EXPIRY_PAUSE_S = 0.1
# The nightly jobs run just after midnight if the till is on, else at start-up (catch-up).
NIGHTLY_AT = {
    "expiry": time(0, 5),
    "streaks": time(0, 10),
    "reminders": time(0, 15),
    "tags": time(0, 20),
}


@dataclass(frozen=True)
class JobResult:
    job: str
    status: str  # ok | skipped (e.g. the USB drive is not plugged in)
    changed: int
    as_of: datetime
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Outcome:
    changed: int
    detail: dict[str, Any]
    skipped: str | None = None  # why the job could not do its work


# --- the jobs ------------------------------------------------------------------------------
# A job gets the context, the moment it runs for, and `record`, which adds its log row to
# the session that writes its changes.

Record = Callable[[Session, _Outcome], JobResult]
Job = Callable[[Ctx, datetime, Record], JobResult]
InDatabase = Callable[[Session, Settings, datetime, str], _Outcome]


def _in_one_transaction(job: InDatabase) -> Job:
    def run(ctx: Ctx, at: datetime, record: Record) -> JobResult:
        with ctx.db.write() as s:
            return record(s, job(s, settings_svc.load(s, at), at, ctx.actor.name))

    return run


Pause = Callable[[], None]


def pause_between_batches() -> None:
    sleep(EXPIRY_PAUSE_S)


def _expiry(
    ctx: Ctx, at: datetime, record: Record, *, pause: Pause = pause_between_batches
) -> JobResult:
    """In batches of lots, each its own transaction, with `pause()` between: a backlog of
    weeks (the till was off over the holidays) then never holds the write lock for long,
    and the till's sales get in between."""
    with ctx.db.read() as s:
        today = settings_svc.business_date(s, at)
    lots = expired = 0
    while True:
        with ctx.db.write() as s:
            batch = points.expire_due(
                s, today, clk.to_utc_naive(at), actor=ctx.actor.name, limit=EXPIRY_BATCH
            )
            lots, expired = lots + batch.lots, expired + batch.points
            if batch.lots < EXPIRY_BATCH:
                return record(s, _Outcome(lots, {"lots": lots, "points": expired}))
        pause()


def _streaks(s: Session, cfg: Settings, at: datetime, actor: str) -> _Outcome:
    result = streaks.award_streaks(s, at, cfg, actor=actor)
    return _Outcome(result.windows, asdict(result))


def _reminders(s: Session, cfg: Settings, at: datetime, actor: str) -> _Outcome:
    queued = reminders.queue_outreach(s, at, cfg)
    return _Outcome(queued.total, asdict(queued))


def _tags(ctx: Ctx, at: datetime, record: Record) -> JobResult:
    """Reads every visit, so it plans on a snapshot outside the write lock (the till keeps
    selling) and then writes only the difference; then the members' summaries
    (`summaries.rebuild_members`) start their 12 months afresh."""
    with ctx.db.read() as s:
        plan = tags.plan_all(s, at, settings_svc.load(s, at))
    with ctx.db.write() as s:
        result = tags.apply_plan(s, plan)
        summaries.rebuild_members(s, at)  # in the write lock: no sale slips between
        return record(s, _Outcome(result.changed, asdict(result)))


def _backup(ctx: Ctx, at: datetime, record: Record) -> JobResult:
    """The end-of-day backup; once a copy was made for a business date, later runs for
    that date only make sure the daily snapshot exists (a database on a server: a dump,
    `maintenance` picks the engine's store)."""
    with ctx.db.read() as s:
        day = settings_svc.business_date(s, at)
        done = (
            s.scalars(
                select(JobRun.id).where(
                    JobRun.job == "backup",
                    JobRun.business_date == day,
                    JobRun.status == "ok",
                    JobRun.changed > 0,
                )
            ).first()
            is not None
        )
    daily = maintenance.end_of_day_backup(ctx, at, to_backup_dir=not done)
    detail: dict[str, Any] = {"snapshot": str(daily.snapshot)}
    if done:
        detail["reason"] = f"{day} 已经备份过"
    if daily.backup is not None:
        detail.update(
            file=str(daily.backup.file), sha256=daily.backup.sha256, bytes=daily.backup.bytes
        )
    with ctx.db.write() as s:
        return record(s, _Outcome(1 if daily.backup else 0, detail, daily.skipped))


_JOBS: dict[str, Job] = {
    "expiry": _expiry,
    "streaks": _in_one_transaction(_streaks),
    "reminders": _in_one_transaction(_reminders),
    "tags": _tags,
    "backup": _backup,
}


# --- running -------------------------------------------------------------------------------


def run_job(
    ctx: Ctx,
    name: str,
    at: datetime | None = None,
    *,
    pause: Pause = pause_between_batches,
    log_refusal: bool = False,
) -> JobResult:
    """Run one job now, as of `at` (aware; default now). A failure (a bug, an I/O error)
    is logged in `job_runs` and raised. A refusal (a `DomainError`: the backup drive is
    full, the database busy) is raised and, run by hand, writes nothing: the person who
    asked is told, and the log keeps only runs that happened. A scheduled run has no one
    to tell, so it logs its refusal too (`log_refusal`, see `run_scheduled`). A job that
    works in batches (expiry) calls `pause()` between two of them, outside any
    transaction."""
    permissions.require(ctx, "run_job")
    if name not in _JOBS:
        raise DomainError("jobs.unknown", name=name, available=", ".join(JOBS))
    started = ctx.clock.now()
    if at is not None:
        limits.check_moment(at, started)
    as_of = at or started
    job = partial(_expiry, pause=pause) if name == "expiry" else _JOBS[name]
    try:
        return job(ctx, as_of, partial(_record, ctx, name, as_of, started))
    except Exception as exc:
        if log_refusal or not isinstance(exc, DomainError):
            _record_failure(ctx, name, as_of, started, exc)
        raise


def run_scheduled(ctx: Ctx, name: str, at: datetime | None = None) -> JobResult:
    """A run the scheduler or the start-up catch-up makes: refusals are logged too, as
    the job log is where the owner sees that last night's backup did not happen."""
    return run_job(ctx, name, at, log_refusal=True)


def _record_failure(
    ctx: Ctx, name: str, as_of: datetime, started: datetime, exc: Exception
) -> None:
    with ctx.db.write() as s:
        _log_run(
            s,
            _run_row(
                ctx,
                s,
                name,
                as_of,
                started,
                status="failed",
                changed=0,
                detail={},
                error=f"{type(exc).__name__}: {exc}",
            ),
        )


def _record(
    ctx: Ctx, name: str, as_of: datetime, started: datetime, s: Session, outcome: _Outcome
) -> JobResult:
    status = "skipped" if outcome.skipped else "ok"
    detail = {**outcome.detail, "reason": outcome.skipped} if outcome.skipped else outcome.detail
    _log_run(
        s,
        _run_row(
            ctx,
            s,
            name,
            as_of,
            started,
            status=status,
            changed=outcome.changed,
            detail=detail,
            error=None,
        ),
    )
    log.info("job %s as of %s: %s, %d changed", name, as_of.isoformat(), status, outcome.changed)
    return JobResult(name, status, outcome.changed, as_of, detail)


def _log_run(s: Session, run: JobRun) -> None:
    """Add `run` to the log, unless it only repeats a skip or a failure already logged for
    the same job and business day with the same reason. The catch-up retries a job that did
    not succeed at every start (the backup drive may be plugged in by now); a run that
    meets the same obstacle again says nothing new, and the owner's 后台任务 would get
    another "跳过" row each time the app was opened."""
    if run.status != "ok" and any(
        _note(logged) == _note(run)
        for logged in s.scalars(
            select(JobRun).where(
                JobRun.job == run.job,
                JobRun.business_date == run.business_date,
                JobRun.status == run.status,
            )
        )
    ):
        return
    s.add(run)


def _note(run: JobRun) -> str:
    """The error, or why the run was skipped (what the job log shows)."""
    return run.error or str(json.loads(run.detail).get("reason", ""))


def _run_row(
    ctx: Ctx,
    s: Session,
    name: str,
    as_of: datetime,
    started: datetime,
    *,
    status: str,
    changed: int,
    detail: dict[str, Any],
    error: str | None,
) -> JobRun:
    tz = settings_svc.detail(s, "timezone")
    return JobRun(
        job=name,
        as_of=clk.to_utc_naive(as_of),
        business_date=clk.local_date(as_of, tz),
        started_at=clk.to_utc_naive(started),
        finished_at=clk.to_utc_naive(ctx.clock.now()),
        status=status,
        changed=changed,
        detail=json.dumps(detail, ensure_ascii=False, default=str),
        error=error,
    )


# --- schedule and catch-up -----------------------------------------------------------------


def schedule(cfg: Settings) -> list[tuple[str, time]]:
    """(job, local time of day) for every job, in catch-up order."""
    return [*NIGHTLY_AT.items(), ("backup", closing_time(cfg))]


def closing_time(cfg: Settings) -> time:
    try:
        return time.fromisoformat(cfg.closing_time)
    except ValueError as exc:
        raise DomainError("jobs.bad_closing_time", value=cfg.closing_time) from exc


def latest_scheduled(at_time: time, now: datetime, tz: str) -> datetime:
    """The latest moment at or before `now` when a daily job at `at_time` was due."""
    zone = ZoneInfo(tz)
    local_now = now.astimezone(zone)
    due = datetime.combine(local_now.date(), at_time, tzinfo=zone)
    if due > local_now:
        due = datetime.combine(local_now.date() - timedelta(days=1), at_time, tzinfo=zone)
    return due


def missed_runs(ctx: Ctx, now: datetime | None = None) -> list[tuple[str, datetime]]:
    """(job, scheduled moment) of every job whose latest successful run was for an
    earlier time than its latest scheduled time. A run recorded as of a time after now
    (a clock that was wrong, an old `--at` in the future) is ignored: it must not keep the
    nightly jobs and the end-of-day backup from running until that time comes."""
    now = now or ctx.clock.now()
    with ctx.db.read() as s:
        cfg = settings_svc.load(s, now)
        last_ok = dict(
            s.execute(
                select(JobRun.job, func.max(JobRun.as_of))
                .where(JobRun.status == "ok", JobRun.as_of <= clk.to_utc_naive(now))
                .group_by(JobRun.job)
            )
            .tuples()
            .all()
        )
    missed = []
    for name, at_time in schedule(cfg):
        due = latest_scheduled(at_time, now, cfg.timezone)
        if name not in last_ok or clk.from_utc_naive(last_ok[name]) < due:
            missed.append((name, due))
    return missed


def catch_up(ctx: Ctx, now: datetime | None = None) -> list[JobResult]:
    """Run every missed job once, as of its scheduled time (call at start-up). A failing
    job is logged (and recorded in `job_runs`) and does not stop the others."""
    results = []
    for name, due in missed_runs(ctx, now):
        try:
            results.append(run_scheduled(ctx, name, due))
        except Exception:
            log.exception("catch-up of job %s failed", name)
    return results


def recent_runs(session: Session, *, job: str | None = None, limit: int = 50) -> list[JobRun]:
    """The job log, newest first (`json.loads(run.detail)` for the details)."""
    stmt = select(JobRun).order_by(JobRun.id.desc()).limit(limit)
    if job is not None:
        stmt = stmt.where(JobRun.job == job)
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class RunView:
    """One line of the job log as the window lists it."""

    job: str
    as_of: datetime  # in the clinic's zone
    status: str  # ok | skipped | failed
    changed: int
    note: str  # the error, or why it was skipped


def run_views(ctx: Ctx, limit: int = 50) -> list[RunView]:
    """The latest runs, newest first, with their times in the clinic's zone."""
    with ctx.db.read() as s:
        zone = ZoneInfo(settings_svc.detail(s, "timezone"))
        return [
            RunView(
                run.job,
                clk.from_utc_naive(run.as_of).astimezone(zone),
                run.status,
                run.changed,
                _note(run),
            )
            for run in recent_runs(s, limit=limit)
        ]
