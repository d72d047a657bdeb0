"""Member insight tags (智能标签), recomputed from sales, course visits and the ledger.

Each tag is computed for all members at once with a few aggregate queries; only the
difference to the stored tags is written, so a second refresh changes nothing. Tags that
are not ours (none yet, but a manual tag one day) are never touched.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import (
    and_,
    bindparam,
    delete,
    extract,
    func,
    insert,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Subquery

from spa_pos import clock as clk
from spa_pos.models import CourseBalance, CourseUse, Member, MemberTag, PointLot, Refund, Sale
from spa_pos.services.settings import Settings

HIGH_VALUE = "高价值"
DORMANT = "沉睡"
CHURN_RISK = "潜在流失"
BIRTHDAY_SOON = "即将生日"
POINTS_EXPIRING = "积分即将过期"
TAGS = (HIGH_VALUE, DORMANT, CHURN_RISK, BIRTHDAY_SOON, POINTS_EXPIRING)

CHURN_MIN_VISITS = 3
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


@dataclass(frozen=True)
class TagPlan:
    """Who should hold which tag, as computed from one snapshot of the database."""

    members: dict[str, set[int]]
    high_value_min_fen: int | None  # 12-month spend needed for 高价值 (None: nobody spent)


@dataclass(frozen=True)
class TagRefresh:
    added: int
    removed: int
    counts: dict[str, int]  # members holding each tag afterwards
    high_value_min_fen: int | None

    @property
    def changed(self) -> int:
        return self.added + self.removed


def plan_all(session: Session, now: datetime, cfg: Settings) -> TagPlan:
    """Every member's tags as of `now` (aware). Only reads, so the nightly job runs it
    outside the write lock and keeps the till free."""
    high_value, threshold = high_value_members(session, now, cfg.high_value_top_percent)
    return TagPlan(
        {HIGH_VALUE: high_value, **_member_local_tags(session, now, cfg, None)}, threshold
    )


def apply_plan(session: Session, plan: TagPlan) -> TagRefresh:
    added, removed = _store(session, plan.members, None)
    counts = {tag: len(ids) for tag, ids in plan.members.items()}
    return TagRefresh(added, removed, counts, plan.high_value_min_fen)


def refresh_all(session: Session, now: datetime, cfg: Settings) -> TagRefresh:
    """Plan and store in one session."""
    return apply_plan(session, plan_all(session, now, cfg))


def refresh_member_tags(session: Session, member_id: int, now: datetime, cfg: Settings) -> set[str]:
    """Refresh one member's tags after a checkout; returns the tags they now hold.

    高价值 ranks a member against everyone, so it is left to the nightly refresh; the
    other tags depend on this member's own history only.
    """
    computed = _member_local_tags(session, now, cfg, member_id)
    _store(session, computed, member_id)
    return set(session.scalars(select(MemberTag.tag).where(MemberTag.member_id == member_id)))


def refresh_after_visit(session: Session, member: Member, now: datetime, cfg: Settings) -> None:
    """The cheap refresh at checkout: a member who is here now is neither dormant nor at
    churn risk, and their birthday is on the row; only expiring points need a query."""
    today = clk.local_date(now, cfg.timezone)
    birthday = member.birthday is not None and (
        member.birthday.month,
        member.birthday.day,
    ) in birthdays_coming(today, cfg.birthday_soon_days)
    expiring = points_expiring_members(session, today, cfg.reminder_window_days, member.id)
    computed = {
        DORMANT: set(),
        CHURN_RISK: set(),
        BIRTHDAY_SOON: {member.id} if birthday else set(),
        POINTS_EXPIRING: expiring,
    }
    _store(session, computed, member.id)


def _member_local_tags(
    session: Session, now: datetime, cfg: Settings, only: int | None
) -> dict[str, set[int]]:
    today = clk.local_date(now, cfg.timezone)
    return {
        DORMANT: dormant_members(session, now, cfg.dormant_days, only),
        CHURN_RISK: churn_risk_members(session, today, cfg.timezone, only),
        BIRTHDAY_SOON: birthday_soon_members(session, today, cfg.birthday_soon_days, only),
        POINTS_EXPIRING: points_expiring_members(session, today, cfg.reminder_window_days, only),
    }


# --- the tags ----------------------------------------------------------------------------


def high_value_members(
    session: Session, now: datetime, top_percent: int
) -> tuple[set[int], int | None]:
    """Top `top_percent` % of the members who spent money in the last 12 months, by spend
    net of refunds; members tied with the last one are in too."""
    spent = net_spend(clk.to_utc_naive(now) - timedelta(days=365))
    spend = {m: int(fen) for m, fen in session.execute(select(spent.c.member_id, spent.c.fen))}
    ranked = sorted((fen for fen in spend.values() if fen > 0), reverse=True)
    if not ranked or top_percent <= 0:
        return set(), None
    threshold = ranked[max(1, math.ceil(len(ranked) * top_percent / 100)) - 1]
    return {m for m, fen in spend.items() if fen >= threshold}, threshold


def net_spend(since: datetime, only: Sequence[int] | None = None) -> Subquery:
    """(member_id, fen): what each member paid since `since` (naive UTC) less what was
    refunded since then: the spend 高价值 ranks and the member list shows. `only` limits
    it to some members."""
    paid = select(Sale.member_id.label("member_id"), Sale.due_fen.label("fen")).where(
        Sale.member_id.is_not(None), Sale.created_at >= since
    )
    refunded = (
        select(Sale.member_id.label("member_id"), (-Refund.refunded_fen).label("fen"))
        .join(Sale, Sale.id == Refund.sale_id)
        .where(Sale.member_id.is_not(None), Refund.created_at >= since)
    )
    if only is not None:
        paid = paid.where(Sale.member_id.in_(only))
        refunded = refunded.where(Sale.member_id.in_(only))
    both = union_all(paid, refunded).subquery("moves")
    return (
        select(both.c.member_id, func.sum(both.c.fen).label("fen"))
        .group_by(both.c.member_id)
        .subquery("spend")
    )


def _visits() -> Subquery:
    """(member_id, at) of every visit: member sales and prepaid course sessions."""
    sales = select(Sale.member_id.label("member_id"), Sale.created_at.label("at")).where(
        Sale.member_id.is_not(None)
    )
    uses = select(CourseBalance.member_id.label("member_id"), CourseUse.used_at.label("at")).join(
        CourseBalance, CourseBalance.id == CourseUse.balance_id
    )
    return union_all(sales, uses).subquery("visits")


def last_seen() -> ColumnElement[datetime]:
    """When a member was last seen: their last visit (`Member.last_visit_at`, kept by
    checkout and course sessions), or when they joined if they never came."""
    return func.coalesce(Member.last_visit_at, Member.joined_at)


def is_dormant(now: datetime, days: int) -> ColumnElement[bool]:
    return last_seen() < clk.to_utc_naive(now) - timedelta(days=days)


def dormant_members(
    session: Session, now: datetime, days: int, only: int | None = None
) -> set[int]:
    """Members with no visit for `days` days (counted from joining if they never came)."""
    stmt = select(Member.id).where(is_dormant(now, days))
    if only is not None:
        stmt = stmt.where(Member.id == only)
    return set(session.scalars(stmt))


def churn_risk_members(session: Session, today: date, tz: str, only: int | None = None) -> set[int]:
    """At least 3 visit days, and the days since the last one exceed twice the median gap
    between them. A median is beyond portable SQL, so the visits of members with at
    least 3 are read and their local days compared in Python."""
    visits = _visits()
    frequent = (
        select(visits.c.member_id)
        .group_by(visits.c.member_id)
        .having(func.count() >= CHURN_MIN_VISITS)
    )
    if only is not None:
        frequent = frequent.where(visits.c.member_id == only)
    stmt = select(visits.c.member_id, visits.c.at).where(
        visits.c.member_id.in_(frequent.scalar_subquery())
    )
    if only is not None:
        stmt = stmt.where(visits.c.member_id == only)
    days: dict[int, set[date]] = {}
    for member_id, at in session.execute(stmt):
        days.setdefault(member_id, set()).add(clk.local_date(clk.from_utc_naive(at), tz))
    return {m for m, seen in days.items() if _at_churn_risk(sorted(seen), today)}


def _at_churn_risk(visit_days: list[date], today: date) -> bool:
    if len(visit_days) < CHURN_MIN_VISITS:
        return False
    gaps = [(b - a).days for a, b in itertools.pairwise(visit_days)]
    return (today - visit_days[-1]).days > 2 * statistics.median(gaps)


def birthdays_coming(today: date, days: int) -> set[tuple[int, int]]:
    """(month, day) of the birthdays within the next `days` days, today included. A 29
    February birthday is kept on 28 February in other years."""
    coming: set[tuple[int, int]] = set()
    for offset in range(days + 1):
        day = today + timedelta(days=offset)
        coming.add((day.month, day.day))
        if (day.month, day.day) == (2, 28) and not _is_leap(day.year):
            coming.add((2, 29))
    return coming


def birthday_within(today: date, days: int) -> ColumnElement[bool]:
    coming = birthdays_coming(today, days)
    return or_(
        *(
            and_(extract("month", Member.birthday) == m, extract("day", Member.birthday) == d)
            for m, d in sorted(coming)
        )
    )


def birthday_soon_members(
    session: Session, today: date, days: int, only: int | None = None
) -> set[int]:
    stmt = select(Member.id).where(birthday_within(today, days))
    if only is not None:
        stmt = stmt.where(Member.id == only)
    return set(session.scalars(stmt))


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# Built once: checkout asks it of its member on every sale.
_EXPIRING = (
    select(PointLot.member_id)
    .distinct()
    .where(
        PointLot.remaining > 0,
        PointLot.expires_on >= bindparam("first"),
        PointLot.expires_on <= bindparam("last"),
    )
)
_EXPIRING_ONE = _EXPIRING.where(PointLot.member_id == bindparam("member_id"))


def points_expiring_members(
    session: Session, today: date, window_days: int, only: int | None = None
) -> set[int]:
    window = {"first": today, "last": today + timedelta(days=window_days)}
    if only is None:
        return set(session.scalars(_EXPIRING, window))
    return set(session.scalars(_EXPIRING_ONE, {**window, "member_id": only}))


# --- storing -----------------------------------------------------------------------------


# Built once: checkout stores its member's tags on every sale.
_STORED = select(MemberTag.tag, MemberTag.member_id).where(
    MemberTag.tag.in_(bindparam("tags", expanding=True, literal_execute=True))
)
_STORED_ONE = _STORED.where(MemberTag.member_id == bindparam("member_id"))


def _store(session: Session, computed: dict[str, set[int]], only: int | None) -> tuple[int, int]:
    """Write only the difference between the computed and the stored tags."""
    if only is None:
        rows = session.execute(_STORED, {"tags": list(computed)})
    else:
        rows = session.execute(_STORED_ONE, {"tags": list(computed), "member_id": only})
    stored: dict[str, set[int]] = {tag: set() for tag in computed}
    for tag, member_id in rows:
        stored[tag].add(member_id)
    added = removed = 0
    for tag, wanted in computed.items():
        new, gone = wanted - stored[tag], stored[tag] - wanted
        if new:
            session.execute(insert(MemberTag), [{"member_id": m, "tag": tag} for m in new])
        for chunk in _chunks(gone):
            session.execute(
                delete(MemberTag).where(MemberTag.tag == tag, MemberTag.member_id.in_(chunk))
            )
        added, removed = added + len(new), removed + len(gone)
    if added or removed:  # loaded members' `tags` collections are stale now
        for obj in list(session.identity_map.values()):
            if isinstance(obj, Member):
                session.expire(obj, ["tags"])
    return added, removed


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]
