"""Outreach (会员关怀): expiry reminders (X4), win-back for dormant members and birthday
greetings, queued in an outbox that staff print or export. Members without marketing
consent are never queued.

Each message is queued once: an expiry reminder once per lot (a UNIQUE constraint), a
win-back once per spell of absence, a birthday greeting once per birthday.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import Member, OutboxMessage, PointLot
from spa_pos.models.jobs import OUTBOX_STATUSES
from spa_pos.services import tags, unit_of_work
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Settings


@dataclass(frozen=True)
class Queued:
    expiry_reminder: int
    dormant: int
    birthday: int

    @property
    def total(self) -> int:
        return self.expiry_reminder + self.dormant + self.birthday


def queue_outreach(session: Session, now: datetime, cfg: Settings) -> Queued:
    """Queue every message that is due as of `now` (aware) and not queued yet."""
    stamp = clk.to_utc_naive(now)
    return Queued(
        _queue(session, _expiry_reminders(session, now, stamp, cfg)),
        _queue(session, _win_backs(session, now, stamp, cfg)),
        _queue(session, _birthdays(session, now, stamp, cfg)),
    )


def _queue(session: Session, messages: list[dict[str, Any]]) -> int:
    if messages:
        session.execute(insert(OutboxMessage), messages)
    return len(messages)


def _expiry_reminders(
    session: Session, now: datetime, stamp: datetime, cfg: Settings
) -> list[dict[str, Any]]:
    today = clk.local_date(now, cfg.timezone)
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
            PointLot.expires_on >= today,
            PointLot.expires_on <= today + timedelta(days=cfg.reminder_window_days),
            ~reminded.exists(),
        )
        .order_by(PointLot.id)
    )
    return [
        {
            "member_id": member_id,
            "kind": "expiry_reminder",
            "lot_id": lot_id,
            "created_at": stamp,
            "text": f"{name}您好：您有 {remaining} 积分将于 {expires_on:%Y-%m-%d} 到期，"
            f"请在到期前到店使用或兑换礼品。{cfg.clinic_name}",
        }
        for lot_id, member_id, remaining, expires_on, name in due
    ]


def _win_backs(
    session: Session, now: datetime, stamp: datetime, cfg: Settings
) -> list[dict[str, Any]]:
    """One win-back per spell of absence: none queued since the member was last seen."""
    sent = select(OutboxMessage.id).where(
        OutboxMessage.kind == "dormant",
        OutboxMessage.member_id == Member.id,
        OutboxMessage.created_at >= tags.last_seen(),
    )
    due = session.execute(
        select(Member.id, Member.name, Member.points_balance)
        .where(
            Member.marketing_consent.is_(True),
            tags.is_dormant(now, cfg.dormant_days),
            ~sent.exists(),
        )
        .order_by(Member.id)
    )
    return [
        {
            "member_id": member_id,
            "kind": "dormant",
            "created_at": stamp,
            "text": f"{name}您好：好久不见，"
            + (f"您还有 {balance} 积分可用，" if balance > 0 else "")
            + f"欢迎回来体验我们的理疗服务。{cfg.clinic_name}",
        }
        for member_id, name, balance in due
    ]


def _birthdays(
    session: Session, now: datetime, stamp: datetime, cfg: Settings
) -> list[dict[str, Any]]:
    """One greeting per birthday: none queued since this birthday's window opened."""
    today = clk.local_date(now, cfg.timezone)
    window_opened = clk.local_day_start_utc(
        today - timedelta(days=cfg.birthday_soon_days), cfg.timezone
    )
    greeted = select(OutboxMessage.id).where(
        OutboxMessage.kind == "birthday",
        OutboxMessage.member_id == Member.id,
        OutboxMessage.created_at >= window_opened,
    )
    due = session.execute(
        select(Member.id, Member.name, Member.birthday)
        .where(
            Member.marketing_consent.is_(True),
            tags.birthday_within(today, cfg.birthday_soon_days),
            ~greeted.exists(),
        )
        .order_by(Member.id)
    )
    return [
        {
            "member_id": member_id,
            "kind": "birthday",
            "created_at": stamp,
            "text": f"{name}您好：{born.month}月{born.day}日是您的生日，{cfg.clinic_name}"
            f"祝您生日快乐！生日当月到店消费积分 ×{cfg.birthday_multiplier}。",
        }
        for member_id, name, born in due
    ]


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
