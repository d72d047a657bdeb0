"""Background jobs (后台任务): their runs, the outreach outbox, streak windows and the
end-of-day close (日结)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin

JOB_STATUSES = ("ok", "skipped", "failed")
OUTBOX_KINDS = ("expiry_reminder", "dormant", "birthday", "campaign")
OUTBOX_STATUSES = ("queued", "printed", "exported", "sent")


class JobRun(IdMixin, Base):
    """One run of a job. The catch-up at start-up reads these, not APScheduler's memory."""

    __tablename__ = "job_runs"

    job: Mapped[str] = mapped_column(String(20))
    as_of: Mapped[datetime]  # UTC moment the run was for (its scheduled time, or `--at`)
    business_date: Mapped[date]  # the clinic's local date of `as_of`
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10))  # ok | skipped | failed
    changed: Mapped[int] = mapped_column(default=0)
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_job_runs_job_as_of", "job", "as_of"),
        CheckConstraint("status in ('ok', 'skipped', 'failed')", name="status_known"),
    )


class OutboxMessage(IdMixin, Base):
    """An outreach message (到期提醒, 唤醒, 生日祝福, or a campaign queued from the member
    list) for staff to print, export or send."""

    __tablename__ = "outbox"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("point_lots.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="queued")

    __table_args__ = (
        UniqueConstraint("kind", "lot_id"),  # X4: one reminder per lot
        Index("ix_outbox_status_created", "status", "created_at"),
        CheckConstraint(
            "kind in ('expiry_reminder', 'dormant', 'birthday', 'campaign')", name="kind_known"
        ),
        CheckConstraint("status in ('queued', 'printed', 'exported', 'sent')", name="status_known"),
    )


class StreakAward(IdMixin, Base):
    """A rewarded E5 window of consecutive months; windows of a member never overlap."""

    __tablename__ = "streak_awards"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    first_month: Mapped[date]  # the 1st of the window's first month
    last_month: Mapped[date]  # the 1st of its last month
    points: Mapped[int]
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("point_lots.id"))
    awarded_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("member_id", "first_month"),)


class DayClose(IdMixin, Base):
    """The end-of-day close (日结) of one business date, with its Z report."""

    __tablename__ = "day_closes"

    business_date: Mapped[date] = mapped_column(unique=True)
    closed_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(40))
    report: Mapped[str] = mapped_column(Text)  # JSON of the Z report
    expected_cash_fen: Mapped[int]
    counted_cash_fen: Mapped[int | None]
    difference_fen: Mapped[int | None]  # counted - expected
    reopened_at: Mapped[datetime | None]
    reopened_by: Mapped[str | None] = mapped_column(String(40))
