"""run_job, the job log and the catch-up after the app was closed."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import JobRun, LedgerEntry, OutboxMessage, PointLot, Sale
from spa_pos.services import checkout, jobs, maintenance, points, reminders
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from tests.conftest import START, register

SH = ZoneInfo("Asia/Shanghai")


def local(y: int, m: int, d: int, hh: int = 11, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SH)


def buy(ctx: Ctx, phone: str, at: datetime) -> None:
    checkout.sell(
        ctx, SaleRequest(items=[("ZJTN", 1)], payments=[("cash", 39800)], member=phone, at=at)
    )


def runs(ctx: Ctx, job: str | None = None) -> list[JobRun]:
    with ctx.db.read() as s:
        return list(reversed(jobs.recent_runs(s, job=job)))


def set_backup_dir(ctx: Ctx, folder: Path) -> None:
    with ctx.db.write() as s:
        settings_svc.save(s, backup_dir=str(folder))


@pytest.fixture
def busy_clinic(ctx: Ctx, tmp_path: Path) -> Ctx:
    """A member who agreed to reminders, with a lot that expired, one expiring soon, and a
    backup folder."""
    register(ctx, "张三", "13800000001", at=local(2025, 2, 1), marketing_consent=True)
    buy(ctx, "13800000001", local(2025, 3, 1))  # expired on 2026-03-01
    buy(ctx, "13800000001", local(2025, 3, 20))  # expires on 2026-03-20
    usb = tmp_path / "usb"
    usb.mkdir()
    set_backup_dir(ctx, usb)
    return ctx


@pytest.mark.parametrize("job", list(jobs.JOBS))
def test_every_job_run_twice_changes_nothing_the_second_time(busy_clinic: Ctx, job: str) -> None:
    first = jobs.run_job(busy_clinic, job)
    second = jobs.run_job(busy_clinic, job)

    assert first.changed > 0 or job == "streaks"
    assert second.changed == 0
    assert [r.status for r in runs(busy_clinic, job)] == ["ok", "ok"]


def test_expiry_job_expires_the_lot_and_logs_the_run(busy_clinic: Ctx) -> None:
    result = jobs.run_job(busy_clinic, "expiry")

    assert (result.changed, result.detail) == (1, {"lots": 1, "points": 200})
    with busy_clinic.db.read() as s:
        assert points.check_balances(s).ok
        expired = s.scalar(select(func.sum(LedgerEntry.points)).where(LedgerEntry.kind == "expire"))
        assert expired == -200
    run = runs(busy_clinic, "expiry")[0]
    assert run.business_date.isoformat() == "2026-03-10"
    assert run.as_of == START.replace(tzinfo=None)
    assert json.loads(run.detail) == {"lots": 1, "points": 200}


def test_a_job_as_of_an_earlier_time(busy_clinic: Ctx) -> None:
    result = jobs.run_job(busy_clinic, "expiry", at=local(2026, 2, 28))
    assert result.changed == 0  # nothing had expired yet on 28 February


def test_unknown_job_is_refused(ctx: Ctx) -> None:
    with pytest.raises(DomainError, match="未知任务"):
        jobs.run_job(ctx, "laundry")


def test_a_failing_job_writes_nothing_but_its_failure(
    busy_clinic: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = reminders.queue_outreach

    def queue_then_fail(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(reminders, "queue_outreach", queue_then_fail)
    with pytest.raises(RuntimeError):
        jobs.run_job(busy_clinic, "reminders")

    with busy_clinic.db.read() as s:
        assert s.scalar(select(func.count(OutboxMessage.id))) == 0
    [run] = runs(busy_clinic, "reminders")
    assert run.status == "failed"
    assert run.error == "RuntimeError: printer on fire"


# --- backup ----------------------------------------------------------------------------------


def test_backup_job_copies_to_the_backup_folder_once_a_day(
    busy_clinic: Ctx, tmp_path: Path
) -> None:
    first = jobs.run_job(busy_clinic, "backup")

    assert first.status == "ok"
    backup_file = Path(first.detail["file"])
    assert backup_file.parent == tmp_path / "usb" and backup_file.is_file()
    assert Path(first.detail["snapshot"]).is_file()
    again = jobs.run_job(busy_clinic, "backup")
    assert (again.status, again.changed) == ("ok", 0)
    assert again.detail["reason"] == "2026-03-10 已经备份过"
    assert len([f for f in (tmp_path / "usb").iterdir() if f.suffix != ".json"]) == 1


def test_backup_job_skips_without_a_folder(ctx: Ctx) -> None:
    result = jobs.run_job(ctx, "backup")

    assert (result.status, result.changed) == ("skipped", 0)
    assert "未设置备份文件夹" in result.detail["reason"]
    assert Path(result.detail["snapshot"]).is_file()  # the local snapshot is still made


def test_backup_job_skips_when_the_usb_drive_is_missing(ctx: Ctx, tmp_path: Path) -> None:
    set_backup_dir(ctx, tmp_path / "unplugged")

    result = jobs.run_job(ctx, "backup")

    assert result.status == "skipped"
    assert "U盘未插入" in result.detail["reason"]
    assert runs(ctx, "backup")[0].status == "skipped"


def test_a_skipped_backup_is_tried_again_at_the_next_start(ctx: Ctx, tmp_path: Path) -> None:
    jobs.run_job(ctx, "backup")
    assert "backup" in dict(jobs.missed_runs(ctx))
    usb = tmp_path / "usb"
    usb.mkdir()
    set_backup_dir(ctx, usb)

    [result] = [r for r in jobs.catch_up(ctx) if r.job == "backup"]

    assert result.status == "ok" and result.changed == 1


# --- catch-up ------------------------------------------------------------------------------


def test_latest_scheduled_time() -> None:
    at = time(21, 30)
    assert jobs.latest_scheduled(at, local(2026, 3, 10, 22), "Asia/Shanghai") == local(
        2026, 3, 10, 21, 30
    )
    assert jobs.latest_scheduled(at, local(2026, 3, 10, 9), "Asia/Shanghai") == local(
        2026, 3, 9, 21, 30
    )


def test_a_new_database_catches_up_every_job(ctx: Ctx) -> None:
    missed = dict(jobs.missed_runs(ctx))

    assert list(missed) == list(jobs.JOBS)
    assert missed["expiry"] == local(2026, 3, 10, 0, 5)
    assert missed["backup"] == local(2026, 3, 9, 21, 30)  # START is 10:00 on the 10th


def test_a_missed_nightly_run_runs_once_at_start_up(busy_clinic: Ctx, clock: FixedClock) -> None:
    # The app ran on the 28th of February, then stayed closed until START (10 March).
    clock.at = local(2026, 2, 28, 9)
    jobs.catch_up(busy_clinic)
    clock.at = START
    with busy_clinic.db.read() as s:
        assert s.scalar(select(func.count(PointLot.id)).where(PointLot.remaining == 0)) == 0

    results = jobs.catch_up(busy_clinic)

    assert [r.job for r in results] == list(jobs.JOBS)
    expiry = next(r for r in results if r.job == "expiry")
    assert expiry.as_of == local(2026, 3, 10, 0, 5)
    assert expiry.changed == 1
    assert jobs.catch_up(busy_clinic) == []  # not twice
    assert len(runs(busy_clinic, "expiry")) == 2


def test_catch_up_continues_after_a_failing_job(
    busy_clinic: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(reminders, "queue_outreach", broken)

    done = [r.job for r in jobs.catch_up(busy_clinic)]

    assert done == ["expiry", "streaks", "tags", "backup"]
    assert [job for job, _ in jobs.missed_runs(busy_clinic)] == ["reminders"]


@pytest.mark.sqlite_only("the snapshot of the database file")
def test_a_refusal_is_logged_only_for_a_scheduled_run(ctx: Ctx) -> None:
    """Run by hand, a refused job writes nothing (the person is told); the scheduler's
    and the catch-up's runs have no one to tell, so the job log keeps their refusal."""
    maintenance.snapshot_dir().parent.mkdir(parents=True, exist_ok=True)
    maintenance.snapshot_dir().write_text("not a folder")
    with pytest.raises(DomainError, match="快照文件夹"):
        jobs.run_job(ctx, "backup")
    assert runs(ctx, "backup") == []
    with pytest.raises(DomainError, match="快照文件夹"):
        jobs.run_scheduled(ctx, "backup")
    [run] = runs(ctx, "backup")
    assert run.status == "failed" and "快照文件夹" in (run.error or "")


def test_a_manual_run_now_counts_as_done(busy_clinic: Ctx, clock: FixedClock) -> None:
    jobs.run_job(busy_clinic, "tags")
    assert "tags" not in dict(jobs.missed_runs(busy_clinic))
    clock.at = START + timedelta(days=1)
    assert "tags" in dict(jobs.missed_runs(busy_clinic))


def test_job_runs_are_stored_in_utc(busy_clinic: Ctx) -> None:
    jobs.run_job(busy_clinic, "expiry", at=datetime(2026, 3, 9, 17, 0, tzinfo=UTC))
    [run] = runs(busy_clinic, "expiry")
    assert run.as_of == datetime(2026, 3, 9, 17, 0)
    assert run.business_date.isoformat() == "2026-03-10"  # 01:00 in Shanghai


def test_expiry_works_in_batches_and_a_sale_gets_in_between(
    busy_clinic: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A holiday's backlog is expired a batch per transaction; between two batches the
    write lock is free, so the till's sale goes through there (it runs inside the pause,
    on the job's own thread: had the lock been held, it could not)."""
    for n in range(2, 5):  # three more members with a lot that expired on 2026-03-01
        register(busy_clinic, f"会员{n}", f"1380000000{n}", at=local(2025, 2, 1))
        buy(busy_clinic, f"1380000000{n}", local(2025, 3, 1))
    monkeypatch.setattr(jobs, "EXPIRY_BATCH", 1)
    with busy_clinic.db.read() as s:
        sales_before = s.scalar(select(func.count(Sale.id)))
    expired_at_pause: list[int] = []

    def sale_in_the_pause() -> None:
        with busy_clinic.db.read() as s:
            expired_at_pause.append(
                s.scalar(select(func.count(PointLot.id)).where(PointLot.remaining == 0)) or 0
            )
        if len(expired_at_pause) == 1:
            checkout.sell(busy_clinic, SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)]))

    outcome = jobs.run_job(busy_clinic, "expiry", pause=sale_in_the_pause)

    assert expired_at_pause == [1, 2, 3, 4]  # a pause after every batch of one lot
    assert (outcome.changed, outcome.detail) == (4, {"lots": 4, "points": 800})
    with busy_clinic.db.read() as s:
        assert s.scalar(select(func.count(Sale.id))) == (sales_before or 0) + 1
    assert len(runs(busy_clinic, "expiry")) == 1
    with busy_clinic.db.read() as s:
        assert points.check_balances(s).ok
        assert (
            s.scalar(
                select(func.count(PointLot.id)).where(
                    PointLot.expires_on < date(2026, 3, 10), PointLot.remaining > 0
                )
            )
            == 0
        )
