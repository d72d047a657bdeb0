"""Outreach (会员关怀): the messages the nightly job queues in the outbox for staff to
copy, print or export: expiry reminders (X4), win-back for 沉睡 and 潜在流失 members,
birthday greetings (double points), "再积 N 分可兑换 X" and prepaid course sessions left
unused. Members without marketing consent are never queued. Each text is the owner's
template for its kind (`spa_pos.services.outreach`) filled in when it is queued.

Each message is queued once per occasion, its `period` (UNIQUE with member and kind): an
expiry reminder once per lot, a win-back once per spell of absence (whichever of the two
kinds came first), a birthday greeting once per birthday, a reward nearly reached at most
once a month, an idle course once per idle spell of that course.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import (
    CatalogItem,
    CourseBalance,
    CourseUse,
    Member,
    OutboxMessage,
    PointLot,
    Reward,
)
from spa_pos.models.jobs import OUTBOX_STATUSES
from spa_pos.services import outreach, tags, unit_of_work
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Settings


@dataclass(frozen=True)
class Queued:
    expiry_reminder: int
    dormant: int
    birthday: int
    churn_risk: int = 0
    points_goal: int = 0
    course_idle: int = 0

    @property
    def total(self) -> int:
        return (
            self.expiry_reminder
            + self.dormant
            + self.birthday
            + self.churn_risk
            + self.points_goal
            + self.course_idle
        )


@dataclass(frozen=True)
class _Run:
    """What every kind's query needs: the moment, the rules, the wording."""

    now: datetime
    stamp: datetime  # naive UTC
    today: date
    cfg: Settings
    texts: dict[str, str]

    def message(
        self, kind: str, member_id: int, period: str, lot_id: int | None = None, **fields: object
    ) -> dict[str, Any]:
        text = outreach.render(self.texts[kind], {outreach.CLINIC: self.cfg.clinic_name, **fields})
        return {
            "member_id": member_id,
            "kind": kind,
            "lot_id": lot_id,
            "period": period,
            "created_at": self.stamp,
            "text": text,
        }


def queue_outreach(session: Session, now: datetime, cfg: Settings) -> Queued:
    """Queue every message that is due as of `now` (aware) and not queued yet."""
    run = _Run(
        now,
        clk.to_utc_naive(now),
        clk.local_date(now, cfg.timezone),
        cfg,
        outreach.templates(session, cfg.message_language),
    )
    return Queued(
        expiry_reminder=_queue(session, _expiry_reminders(session, run)),
        dormant=_queue(session, _win_backs(session, run, "dormant")),
        birthday=_queue(session, _birthdays(session, run)),
        churn_risk=_queue(session, _win_backs(session, run, "churn_risk")),
        points_goal=_queue(session, _points_goals(session, run)),
        course_idle=_queue(session, _idle_courses(session, run)),
    )


def _queue(session: Session, messages: list[dict[str, Any]]) -> int:
    if messages:
        session.execute(insert(OutboxMessage), messages)
    return len(messages)


def _expiry_reminders(session: Session, run: _Run) -> list[dict[str, Any]]:
    reminded = select(OutboxMessage.id).where(
        OutboxMessage.kind == "expiry_reminder", OutboxMessage.lot_id == PointLot.id
    )
    due = session.execute(
        select(
            PointLot.id, PointLot.member_id, PointLot.remaining, PointLot.expires_on, Member.name
        )
        .join(Member, Member.id == PointLot.member_id)
        .where(
            Member.marketing_consent.is_(True),
            PointLot.remaining > 0,
            PointLot.expires_on >= run.today,
            PointLot.expires_on <= run.today + timedelta(days=run.cfg.reminder_window_days),
            ~reminded.exists(),
        )
        .order_by(PointLot.id)
    )
    return [
        run.message(
            "expiry_reminder",
            member_id,
            f"lot:{lot_id}",
            lot_id,
            姓名=name,
            积分=remaining,
            到期日=f"{expires_on:%Y-%m-%d}",
        )
        for lot_id, member_id, remaining, expires_on, name in due
    ]


def _win_backs(session: Session, run: _Run, kind: str) -> list[dict[str, Any]]:
    """One win-back per spell of absence: none of either kind queued since the member
    was last seen. A dormant member gets the 沉睡 one; 潜在流失 is for the others."""
    sent = select(OutboxMessage.id).where(
        OutboxMessage.kind.in_(outreach.WIN_BACK_KINDS),
        OutboxMessage.member_id == Member.id,
        OutboxMessage.created_at >= tags.last_seen(),
    )
    dormant = tags.is_dormant(run.now, run.cfg.dormant_days)
    if kind == "dormant":
        who = dormant
    else:
        at_risk = tags.churn_risk_members(session, run.today, run.cfg.timezone)
        who = ~dormant & Member.id.in_(sorted(at_risk))
    due = session.execute(
        select(Member.id, Member.name, Member.points_balance, tags.last_seen())
        .where(Member.marketing_consent.is_(True), who, ~sent.exists())
        .order_by(Member.id)
    )
    return [
        run.message(kind, member_id, f"away:{seen:%Y-%m-%dT%H:%M:%S}", 姓名=name, 积分=balance)
        for member_id, name, balance, seen in due
    ]


def _birthdays(session: Session, run: _Run) -> list[dict[str, Any]]:
    """One greeting per birthday: none queued since this birthday's window opened."""
    window_opened = clk.local_day_start_utc(
        run.today - timedelta(days=run.cfg.birthday_soon_days), run.cfg.timezone
    )
    greeted = select(OutboxMessage.id).where(
        OutboxMessage.kind == "birthday",
        OutboxMessage.member_id == Member.id,
        OutboxMessage.created_at >= window_opened,
    )
    due = session.execute(
        select(Member.id, Member.name, Member.birthday, Member.points_balance)
        .where(
            Member.marketing_consent.is_(True),
            tags.birthday_within(run.today, run.cfg.birthday_soon_days),
            ~greeted.exists(),
        )
        .order_by(Member.id)
    )
    return [
        run.message(
            "birthday",
            member_id,
            f"birthday:{_birthday_year(born, run.today)}",
            姓名=name,
            积分=balance,
            生日=outreach.birthday_text(born, run.cfg.message_language),
            倍数=run.cfg.birthday_multiplier,
        )
        for member_id, name, born, balance in due
    ]


def _birthday_year(born: date, today: date) -> int:
    """The year of the coming birthday (a window in late December may hold January's)."""
    return today.year if (born.month, born.day) >= (today.month, today.day) else today.year + 1


def _points_goals(session: Session, run: _Run) -> list[dict[str, Any]]:
    """再积 N 分可兑换 X: the cheapest reward in stock the member cannot take yet, when at
    most `points_goal_gap` points are missing; at most once a month."""
    period = f"month:{run.today:%Y-%m}"
    rewards = session.execute(
        select(Reward.points_cost, Reward.name)
        .where(Reward.active.is_(True), (Reward.stock.is_(None)) | (Reward.stock > 0))
        .order_by(Reward.points_cost, Reward.id)
    ).all()
    if not rewards:
        return []
    told = select(OutboxMessage.id).where(
        OutboxMessage.kind == "points_goal",
        OutboxMessage.member_id == Member.id,
        OutboxMessage.period == period,
    )
    lowest, highest = rewards[0][0], rewards[-1][0]
    candidates = session.execute(
        select(Member.id, Member.name, Member.points_balance)
        .where(
            Member.marketing_consent.is_(True),
            Member.points_balance >= lowest - run.cfg.points_goal_gap,
            Member.points_balance > 0,
            Member.points_balance < highest,
            ~told.exists(),
        )
        .order_by(Member.id)
    )
    due = []
    for member_id, name, balance in candidates:
        goal = next(((cost, n) for cost, n in rewards if cost > balance), None)
        if goal is not None and goal[0] - balance <= run.cfg.points_goal_gap:
            due.append(
                run.message(
                    "points_goal",
                    member_id,
                    period,
                    姓名=name,
                    积分=balance,
                    差分=goal[0] - balance,
                    奖励=goal[1],
                )
            )
    return due


def _idle_courses(session: Session, run: _Run) -> list[dict[str, Any]]:
    """A course with sessions left, still usable, none used for `course_idle_days` days
    (counted from its purchase if none was ever used): once per idle spell."""
    last_use = (
        select(CourseUse.balance_id, func.max(CourseUse.used_at).label("at"))
        .group_by(CourseUse.balance_id)
        .subquery()
    )
    active = func.coalesce(last_use.c.at, CourseBalance.created_at)
    cutoff = run.stamp - timedelta(days=run.cfg.course_idle_days)
    rows = session.execute(
        select(
            CourseBalance.id,
            CourseBalance.member_id,
            Member.name,
            CatalogItem.name,
            CourseBalance.sessions_total - CourseBalance.sessions_used,
            active,
        )
        .join(Member, Member.id == CourseBalance.member_id)
        .join(CatalogItem, CatalogItem.id == CourseBalance.course_item_id)
        .outerjoin(last_use, last_use.c.balance_id == CourseBalance.id)
        .where(
            Member.marketing_consent.is_(True),
            CourseBalance.status == "open",
            CourseBalance.sessions_total > CourseBalance.sessions_used,
            (CourseBalance.expires_on.is_(None)) | (CourseBalance.expires_on >= run.today),
            active <= cutoff,
        )
        .order_by(CourseBalance.id)
    ).all()
    periods = {f"course:{balance_id}:{at:%Y-%m-%dT%H:%M:%S}" for balance_id, *_, at in rows}
    queued = set(
        session.scalars(
            select(OutboxMessage.period).where(
                OutboxMessage.kind == "course_idle", OutboxMessage.period.in_(sorted(periods))
            )
        )
    )
    due = []
    for balance_id, member_id, name, course, left, at in rows:
        period = f"course:{balance_id}:{at:%Y-%m-%dT%H:%M:%S}"
        if period not in queued:
            idle = (run.today - clk.local_date(clk.from_utc_naive(at), run.cfg.timezone)).days
            due.append(
                run.message(
                    "course_idle",
                    member_id,
                    period,
                    姓名=name,
                    项目=course,
                    剩余次数=left,
                    天数=idle,
                )
            )
    return due


# --- the outbox, for the window's outreach panel -----------------------------------------


def list_outbox(
    session: Session, *, status: str | None = "queued", kind: str | None = None, limit: int = 500
) -> list[OutboxMessage]:
    """Messages, oldest first (each has `.member_id`; join the member for name and phone)."""
    stmt = select(OutboxMessage).order_by(OutboxMessage.created_at, OutboxMessage.id)
    if status is not None:
        stmt = stmt.where(OutboxMessage.status == status)
    if kind is not None:
        stmt = stmt.where(OutboxMessage.kind == kind)
    return list(session.scalars(stmt.limit(limit)))


def set_status(ctx: Ctx, message_ids: Sequence[int], status: str) -> int:
    """Mark messages printed, exported or sent; returns how many changed."""
    if status not in OUTBOX_STATUSES:
        raise DomainError(
            "jobs.unknown_outbox_status", status=status, available=", ".join(OUTBOX_STATUSES)
        )
    with unit_of_work.write(ctx) as work:
        s = work.session
        changed = 0
        for start in range(0, len(message_ids), 500):
            chunk = list(message_ids[start : start + 500])
            result = s.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(chunk), OutboxMessage.status != status)
                .values(status=status)
            )
            changed += result.rowcount  # type: ignore[attr-defined]
        if changed:
            work.audit("outbox.status", "outbox", status, ids=list(message_ids), changed=changed)
        return changed
