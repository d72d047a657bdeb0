"""Background jobs (后台任务): their runs, the outreach outbox, streak windows and the
end-of-day close (日结)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin

JOB_STATUSES = ("ok", "skipped", "failed")
OUTBOX_KINDS = (
    "expiry_reminder",  # X4: points expiring within the window
    "dormant",  # win-back: 沉睡
    "churn_risk",  # win-back: 潜在流失
    "birthday",  # E6: birthday double points
    "points_goal",  # 再积 N 分可兑换 X
    "course_idle",  # prepaid course sessions unused for a while
    "campaign",  # queued from the member list to everyone in a filter
)
OUTBOX_STATUSES = ("queued", "printed", "exported", "sent", "failed", "skipped")
# What staff record after contacting a member (回访记录); `failed` and `skipped` are the
# command line's words for "could not reach" and "left out".
CONTACT_RESULTS = ("sent", "no_answer", "came_back", "failed", "skipped")
RESCUES = ("extend", "bonus")  # X5


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in ({', '.join(repr(v) for v in values)})"


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
    """An outreach message (到期提醒, 唤醒, 生日祝福, …, or a campaign queued from
    the member list) for staff to print, export or send.

    `period` says which occasion it is for (the lot, the spell of absence, the birthday's
    year, the month, the course's idle spell), so that one member never gets two
    messages of a kind for the same occasion: a UNIQUE constraint holds it."""

    __tablename__ = "outbox"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("point_lots.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="queued")
    period: Mapped[str | None] = mapped_column(String(40))
    rescue: Mapped[str | None] = mapped_column(String(10))  # X5: extend | bonus, once
    rescued_at: Mapped[datetime | None]
    rescued_by: Mapped[str | None] = mapped_column(String(40))

    __table_args__ = (
        UniqueConstraint("kind", "lot_id"),  # X4: one reminder per lot
        UniqueConstraint("member_id", "kind", "period"),
        Index("ix_outbox_status_created", "status", "created_at"),
        CheckConstraint(_one_of("kind", OUTBOX_KINDS), name="kind_known"),
        CheckConstraint(_one_of("status", OUTBOX_STATUSES), name="status_known"),
        CheckConstraint(_one_of("rescue", RESCUES), name="rescue_known"),
    )


class OutboxContact(IdMixin, Base):
    """One contact about a message (回访记录): its result, the note, who and when."""

    __tablename__ = "outbox_contacts"

    message_id: Mapped[int] = mapped_column(ForeignKey("outbox.id"), index=True)
    result: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(40))

    __table_args__ = (CheckConstraint(_one_of("result", CONTACT_RESULTS), name="result_known"),)


class OutboxTemplate(IdMixin, Base):
    """The owner's own wording of one kind of message in one language (the setting
    `message_language`); a kind without a row in the language uses that language's
    default text in `spa_pos.services.outreach`."""

    __tablename__ = "outbox_templates"

    kind: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(10), server_default="zh_CN")
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(40))

    __table_args__ = (
        UniqueConstraint("kind", "language", name="uq_outbox_templates_kind_language"),
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
    """The end-of-day close (日结) of one business date at one till, with its Z report.
    `till` NULL: the default till's (`spa_pos.services.tills.stored`)."""

    __tablename__ = "day_closes"

    business_date: Mapped[date]
    till: Mapped[str | None] = mapped_column(String(40))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"))
    closed_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(40))
    report: Mapped[str] = mapped_column(Text)  # JSON of the Z report
    expected_cash_fen: Mapped[int]
    counted_cash_fen: Mapped[int | None]
    difference_fen: Mapped[int | None]  # counted - expected
    reopened_at: Mapped[datetime | None]
    reopened_by: Mapped[str | None] = mapped_column(String(40))

    # One close per day and till. The default till's is NULL, which a unique key does not
    # compare (an expression index would, but alembic cannot reflect one): its closes are
    # kept single by `dayclose.close_day` finding the day's close first, under the write lock.
    __table_args__ = (
        UniqueConstraint("business_date", "till", name="uq_day_closes_business_date_till"),
    )
