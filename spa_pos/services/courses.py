"""Prepaid course sessions (疗程): a balance of visits, never mixed with points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from spa_pos import limits
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import CatalogItem, CourseBalance, CourseUse
from spa_pos.services import members, summaries, tags, therapists, unit_of_work
from spa_pos.services.context import Ctx


@dataclass(frozen=True)
class CourseUseResult:
    item: str
    sessions_left: int


def use_session(
    ctx: Ctx,
    member_ref: str,
    item_code: str,
    *,
    at: datetime | None = None,
    therapist: str | None = None,
) -> CourseUseResult:
    """Use one session; `item_code` is the course package or its service; `therapist`
    (a staff name) did it, if named. The oldest open balance still valid today is used
    first. A course taken off the till may still
    be used by those who bought it; a balance past its last day is refused."""
    with unit_of_work.write(ctx, at, books=True) as work:
        s, stamp, today = work.session, work.stamp, work.today
        member = members.find_one(s, member_ref)
        members.check_joined(member, stamp)
        item = s.scalars(select(CatalogItem).where(CatalogItem.code == item_code.strip())).first()
        if item is None:
            raise NotFound("catalog.item_not_found", item=item_code)
        candidates = s.scalars(
            select(CourseBalance)
            .where(
                CourseBalance.member_id == member.id,
                CourseBalance.status == "open",
                CourseBalance.sessions_used < CourseBalance.sessions_total,
                or_(
                    CourseBalance.course_item_id == item.id,
                    CourseBalance.service_item_id == item.id,
                ),
            )
            .order_by(CourseBalance.created_at, CourseBalance.id)
        ).all()
        balance = next((b for b in candidates if not _expired(b, today)), None)
        if balance is None:
            if candidates:
                raise DomainError(
                    "catalog.course_expired",
                    member=member.name,
                    item=item.name,
                    last_day=max(b.expires_on for b in candidates if b.expires_on).isoformat(),
                )
            raise DomainError("courses.none_left", member=member.name, item=item.name)
        if limits.before(stamp, balance.created_at):
            raise DomainError(
                "limits.course_before_purchase", origin=limits.stamp_text(balance.created_at)
            )
        balance.sessions_used += 1
        served = therapists.serving(s, therapist).id if therapist else None
        s.add(
            CourseUse(balance_id=balance.id, used_at=stamp, actor=work.actor, therapist_id=served)
        )
        member.last_visit_at = max(member.last_visit_at or stamp, stamp)
        summaries.add_visit(s, member.id, today)
        tags.refresh_member_tags(s, member.id, work.moment, work.settings)
        left = remaining_for(s, member.id, balance.service_item_id, today)
        work.audit(
            "course.use",
            "course_balance",
            balance.id,
            member=member.card_no,
            item=item.code,
            left=left,
        )
        return CourseUseResult(balance.course_item.name, left)


def _expired(balance: CourseBalance, today: date) -> bool:
    """Past its last day (`expires_on` is the last business day it may be used)."""
    return balance.expires_on is not None and balance.expires_on < today


def remaining_for(session: Session, member_id: int, service_item_id: int, today: date) -> int:
    """The sessions of a service the member may still use today."""
    return sum(
        b.sessions_left
        for b in usable_balances(session, member_id, today)
        if b.service_item_id == service_item_id
    )


def open_balances(session: Session, member_id: int) -> list[CourseBalance]:
    return list(
        session.scalars(
            select(CourseBalance)
            .where(CourseBalance.member_id == member_id, CourseBalance.status == "open")
            .join(CatalogItem, CatalogItem.id == CourseBalance.course_item_id)
            .order_by(CourseBalance.created_at)
        )
    )


def usable_balances(session: Session, member_id: int, today: date) -> list[CourseBalance]:
    """The balances with sessions left and not past their last day: what the profile,
    the window and the receipt offer (an expired balance is refused when used)."""
    return [
        b
        for b in open_balances(session, member_id)
        if b.sessions_left > 0 and not _expired(b, today)
    ]
