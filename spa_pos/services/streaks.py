"""The streak bonus (连续消费, E5): at least M paid visit-days in each of K consecutive
calendar months earns a flat bonus once per window; windows never overlap.

A paid visit-day is a local day with a sale paid with money (not wholly by vouchers) that
was not refunded in full, or with a course session (the course was paid when bought). A
month counts as soon as it has M of them, so the bonus comes on the visit that completes
the window. Rewarded windows are stored (`StreakAward`); a new window starts after the
member's last rewarded one, which makes the job idempotent.

Only the last 2K months are looked at: enough to catch up after the app was closed for
weeks, without awarding streaks from years of imported history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.models import CourseBalance, CourseUse, Member, Sale, StreakAward
from spa_pos.services import points
from spa_pos.services.settings import Settings


@dataclass(frozen=True)
class StreakResult:
    windows: int  # windows rewarded by this run
    points: int


def award_streaks(session: Session, now: datetime, cfg: Settings, *, actor: str) -> StreakResult:
    """Reward every completed, unrewarded window as of `now` (aware)."""
    k, m = cfg.streak_months, cfg.streak_min_visit_days
    if k <= 0 or m <= 0 or cfg.streak_bonus <= 0:
        return StreakResult(0, 0)
    stamp, today = clk.to_utc_naive(now), clk.local_date(now, cfg.timezone)
    this_month = today.replace(day=1)
    horizon = clk.add_months(this_month, -(2 * k - 1))
    visit_days = _paid_visit_days(session, horizon, stamp, k * m, cfg.timezone)
    rewarded = dict(
        session.execute(
            select(StreakAward.member_id, func.max(StreakAward.last_month)).group_by(
                StreakAward.member_id
            )
        )
        .tuples()
        .all()
    )
    windows = total = 0
    for member_id, days in sorted(visit_days.items()):
        start = horizon
        if member_id in rewarded:
            start = max(start, clk.add_months(rewarded[member_id], 1))
        for first, last in completed_windows(days, start, this_month, k, m):
            _reward(session, member_id, first, last, stamp, today, cfg, actor)
            windows, total = windows + 1, total + cfg.streak_bonus
    return StreakResult(windows, total)


def completed_windows(
    visit_days: set[date], start: date, end: date, k: int, m: int
) -> list[tuple[date, date]]:
    """Non-overlapping runs of `k` consecutive qualifying months between the months `start`
    and `end` (1st of month), earliest first, as (first month, last month)."""
    per_month: dict[date, int] = {}
    for day in visit_days:
        per_month[day.replace(day=1)] = per_month.get(day.replace(day=1), 0) + 1
    found: list[tuple[date, date]] = []
    run_start: date | None = None
    run = 0
    month = start
    while month <= end:
        if per_month.get(month, 0) >= m:
            run_start, run = run_start or month, run + 1
            if run == k:
                assert run_start is not None
                found.append((run_start, month))
                run_start, run = None, 0
        else:
            run_start, run = None, 0
        month = clk.add_months(month, 1)
    return found


def _paid_visit_days(
    session: Session, horizon: date, until: datetime, at_least: int, tz: str
) -> dict[int, set[date]]:
    """Local paid visit-days since the month `horizon`, of members with enough visits to
    complete a window (the count filter keeps the Python part small). A course session is
    a paid visit: the course was paid for with money when it was bought."""
    since = clk.local_day_start_utc(horizon, tz)
    sales = select(Sale.member_id.label("member_id"), Sale.created_at.label("at")).where(
        Sale.member_id.is_not(None),
        Sale.due_fen > 0,
        Sale.status != "refunded",
        Sale.created_at >= since,
        Sale.created_at <= until,
    )
    sessions = (
        select(CourseBalance.member_id.label("member_id"), CourseUse.used_at.label("at"))
        .join(CourseBalance, CourseBalance.id == CourseUse.balance_id)
        .where(CourseUse.used_at >= since, CourseUse.used_at <= until)
    )
    visits = union_all(sales, sessions).subquery("visits")
    candidates = (
        select(visits.c.member_id).group_by(visits.c.member_id).having(func.count() >= at_least)
    )
    days: dict[int, set[date]] = {}
    for member_id, at in session.execute(
        select(visits.c.member_id, visits.c.at).where(
            visits.c.member_id.in_(candidates.scalar_subquery())
        )
    ):
        days.setdefault(member_id, set()).add(clk.local_date(clk.from_utc_naive(at), tz))
    return days


def _reward(
    session: Session,
    member_id: int,
    first: date,
    last: date,
    stamp: datetime,
    today: date,
    cfg: Settings,
    actor: str,
) -> None:
    member = session.get(Member, member_id)
    assert member is not None
    lot_id = points.award(
        session,
        member,
        [points.Award("E5", cfg.streak_bonus)],
        at=stamp,
        today=today,
        settings=cfg,
        actor=actor,
        note=f"连续消费 {first:%Y-%m} 至 {last:%Y-%m}",
    )
    session.add(
        StreakAward(
            member_id=member_id,
            first_month=first,
            last_month=last,
            points=cfg.streak_bonus,
            lot_id=lot_id,
            awarded_at=stamp,
        )
    )
