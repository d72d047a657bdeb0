"""Manual points adjustments (E8) and activity awards (E4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from spa_pos import clock as clk
from spa_pos import limits
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import Event, EventAttendance, LedgerEntry
from spa_pos.models.admin import EVENT_KINDS
from spa_pos.services import members, permissions, points, unit_of_work
from spa_pos.services.context import Ctx


def adjust(ctx: Ctx, member_ref: str, delta: int, reason: str) -> int:
    """Add or take points with a reason. The limit (`adjust_manager_limit`) is on the
    points adjusted for one member in one business day, both ways, this adjustment
    included: ten +200s in a row are 2000 and need a manager too (`adjust_over_limit`).
    Returns the new balance."""
    reason = reason.strip()
    if not reason:
        raise DomainError("points.adjust_reason_required")
    if delta == 0:
        raise DomainError("points.adjust_zero")
    limits.check_points(delta)
    with unit_of_work.write(ctx, books=True) as work:
        cfg = work.settings
        member = members.find_one(work.session, member_ref)
        day_total = _adjusted_on(work, member.id) + abs(delta)
        if day_total > cfg.adjust_manager_limit and not permissions.allows(
            ctx.actor, "adjust_over_limit"
        ):
            raise DomainError("points.adjust_over_limit", limit=cfg.adjust_manager_limit)
        members.check_joined(member, work.stamp)
        if delta > 0:
            points.award(
                work.session,
                member,
                [points.Award("E8", delta)],
                at=work.stamp,
                today=work.today,
                settings=cfg,
                kind="adjust",
                actor=work.actor,
                note=reason,
            )
        else:
            points.spend(
                work.session,
                member,
                -delta,
                kind="adjust",
                at=work.stamp,
                today=work.today,
                rule="E8",
                actor=work.actor,
                note=reason,
            )
        work.audit(
            "points.adjust",
            "member",
            member.card_no,
            delta=delta,
            reason=members.by_reference(reason, member),  # the ledger note keeps the words
            balance=member.points_balance,
        )
        return member.points_balance


@dataclass(frozen=True)
class Allowance:
    """A member's adjustments today against the limit a cashier may adjust alone."""

    limit: int  # `adjust_manager_limit`: points per member per business day, both ways
    used: int  # adjusted today, either way

    @property
    def left(self) -> int:
        return max(0, self.limit - self.used)


def allowance(ctx: Ctx, member_ref: str) -> Allowance:
    """What `adjust` counts for this member today (the adjust dialog shows it)."""
    with unit_of_work.read(ctx) as work:
        member = members.find_one(work.session, member_ref)
        return Allowance(work.settings.adjust_manager_limit, _adjusted_on(work, member.id))


def _adjusted_on(work: unit_of_work.Work, member_id: int) -> int:
    """Points adjusted (either way) for the member on the business day of `work`."""
    start = clk.local_day_start_utc(work.today, work.settings.timezone)
    end = clk.local_day_start_utc(work.today + timedelta(days=1), work.settings.timezone)
    total = work.session.scalar(
        select(func.coalesce(func.sum(func.abs(LedgerEntry.points)), 0)).where(
            LedgerEntry.member_id == member_id,
            LedgerEntry.kind == "adjust",
            LedgerEntry.created_at >= start,
            LedgerEntry.created_at < end,
        )
    )
    return int(total or 0)


def add_event(
    ctx: Ctx, name: str, award_points: int, on: date | None = None, kind: str = "lecture"
) -> int:
    """An activity (E4) of one of `EVENT_KINDS`, its points within the configured range
    (`event_points_min`..`event_points_max`, read at the time of creation)."""
    if not name.strip():
        raise DomainError("courses.event_name_required")
    if award_points <= 0:
        raise DomainError("courses.event_points_positive")
    limits.check_points(award_points)
    if kind not in EVENT_KINDS:
        raise DomainError("events.bad_kind", kind=kind)
    with unit_of_work.write(ctx) as work:
        low, high = work.settings.event_points_min, work.settings.event_points_max
        if not low <= award_points <= high:
            raise DomainError("events.points_out_of_range", low=low, high=high, points=award_points)
        event = Event(name=name.strip(), kind=kind, points=award_points, on_date=on or work.today)
        work.session.add(event)
        work.session.flush()
        work.audit("event.add", "event", event.id, name=event.name, kind=kind, points=award_points)
        return event.id


@dataclass(frozen=True)
class Attendance:
    points: int
    balance: int


def attend(ctx: Ctx, event_id: int, member_ref: str, *, at: datetime | None = None) -> Attendance:
    """E4: one award per member per event."""
    with unit_of_work.write(ctx, at, books=True) as work:
        s = work.session
        event = s.get(Event, event_id)
        if event is None:
            raise NotFound("courses.event_not_found", event_id=event_id)
        member = members.find_one(s, member_ref)
        members.check_joined(member, work.stamp)
        if (
            s.scalars(
                select(EventAttendance.id).where(
                    EventAttendance.event_id == event.id, EventAttendance.member_id == member.id
                )
            ).first()
            is not None
        ):
            raise DomainError("courses.event_attended", member=member.name, event=event.name)
        s.add(EventAttendance(event_id=event.id, member_id=member.id, at=work.stamp))
        points.award(
            s,
            member,
            [points.Award("E4", event.points)],
            at=work.stamp,
            today=work.today,
            settings=work.settings,
            actor=work.actor,
            note=event.name,
        )
        work.audit("event.attend", "event", event.id, member=member.card_no, points=event.points)
        return Attendance(event.points, member.points_balance)
