"""The streak bonus (E5): K=3 consecutive months with at least M=2 paid visit-days."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from spa_pos.clock import FixedClock
from spa_pos.models import LedgerEntry, Member, StreakAward
from spa_pos.services import checkout, courses, jobs, members, points, refunds
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.members import MemberForm
from spa_pos.services.streaks import completed_windows
from tests.conftest import enter_at

SH = ZoneInfo("Asia/Shanghai")
PHONE = "13800000001"


def local(y: int, m: int, d: int, hh: int = 11) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=SH)


def visit(ctx: Ctx, at: datetime) -> str:
    return checkout.sell(
        ctx,
        SaleRequest(
            items=[("ZYB", 1)], payments=[("cash", 3900)], member=PHONE, at=enter_at(ctx, at)
        ),
    ).sale_no


def visits(ctx: Ctx, year: int, month: int, *days: int) -> None:
    for day in days:
        visit(ctx, local(year, month, day))


def e5(ctx: Ctx) -> list[tuple[int, str]]:
    with ctx.db.read() as s:
        return [
            (p, n)
            for p, n in s.execute(
                select(LedgerEntry.points, LedgerEntry.note)
                .where(LedgerEntry.rule == "E5")
                .order_by(LedgerEntry.id)
            )
        ]


def run_as_of(ctx: Ctx, clock: FixedClock, at: datetime) -> int:
    clock.at = at
    return jobs.run_job(ctx, "streaks").changed


def setup(ctx: Ctx) -> None:
    members.register(ctx, MemberForm(name="张三", phone=PHONE), at=local(2025, 12, 1))


def test_streak_awarded_once_per_window(ctx: Ctx, clock: FixedClock) -> None:
    setup(ctx)
    visits(ctx, 2026, 1, 5, 20)
    visits(ctx, 2026, 2, 3, 17)
    visits(ctx, 2026, 3, 2)
    assert run_as_of(ctx, clock, local(2026, 3, 5)) == 0  # March has one visit-day only

    visits(ctx, 2026, 3, 9)
    assert run_as_of(ctx, clock, local(2026, 3, 10)) == 1
    assert run_as_of(ctx, clock, local(2026, 3, 11)) == 0

    assert e5(ctx) == [(500, "连续消费 2026-01 至 2026-03")]
    with ctx.db.read() as s:
        assert points.check_balances(s).ok


def test_windows_do_not_overlap(ctx: Ctx, clock: FixedClock) -> None:
    setup(ctx)
    for month in range(1, 7):
        visits(ctx, 2026, month, 3, 18)

    awarded = [run_as_of(ctx, clock, local(2026, m, 25)) for m in range(3, 7)]

    assert awarded == [1, 0, 0, 1]  # Jan–Mar, then Apr–Jun; never Feb–Apr or Mar–May
    with ctx.db.read() as s:
        windows = s.execute(
            select(StreakAward.first_month, StreakAward.last_month).order_by(StreakAward.id)
        ).all()
    assert [tuple(w) for w in windows] == [
        (date(2026, 1, 1), date(2026, 3, 1)),
        (date(2026, 4, 1), date(2026, 6, 1)),
    ]


def test_a_late_catch_up_awards_each_window(ctx: Ctx, clock: FixedClock) -> None:
    setup(ctx)
    for month in range(1, 7):
        visits(ctx, 2026, month, 3, 18)

    assert run_as_of(ctx, clock, local(2026, 6, 30)) == 2
    assert run_as_of(ctx, clock, local(2026, 7, 1)) == 0
    with ctx.db.read() as s:
        member = s.scalars(select(Member).where(Member.phone == PHONE)).one()
        assert points.ledger_balance(s, member.id) == member.points_balance


def test_two_sales_on_one_day_are_one_visit_day(ctx: Ctx, clock: FixedClock) -> None:
    setup(ctx)
    visits(ctx, 2026, 1, 5, 20)
    visits(ctx, 2026, 2, 3, 17)
    visit(ctx, local(2026, 3, 2, 10))
    visit(ctx, local(2026, 3, 2, 16))
    assert run_as_of(ctx, clock, local(2026, 3, 31)) == 0


def test_a_refunded_sale_is_no_visit(ctx: Ctx, clock: FixedClock) -> None:
    setup(ctx)
    visits(ctx, 2026, 1, 5, 20)
    visits(ctx, 2026, 2, 3, 17)
    visit(ctx, local(2026, 3, 2))
    refunds.refund(ctx, visit(ctx, local(2026, 3, 9)), at=enter_at(ctx, local(2026, 3, 9, 12)))
    assert run_as_of(ctx, clock, local(2026, 3, 31)) == 0


def test_course_sessions_are_visit_days(ctx: Ctx, clock: FixedClock) -> None:
    """A physiotherapy clinic's regulars come on a prepaid course: each session is a visit."""
    setup(ctx)
    checkout.sell(
        ctx,
        SaleRequest(
            items=[("ZJTN10", 1)],
            payments=[("cash", 358000)],
            member=PHONE,
            at=enter_at(ctx, local(2026, 1, 5)),
        ),
    )
    for month, day in [(1, 20), (2, 3), (2, 17), (3, 2), (3, 9)]:
        courses.use_session(ctx, PHONE, "ZJTN10", at=enter_at(ctx, local(2026, month, day)))
    assert run_as_of(ctx, clock, local(2026, 3, 10)) == 1
    assert e5(ctx) == [(500, "连续消费 2026-01 至 2026-03")]


def test_completed_windows() -> None:
    def days(*months: int) -> set[date]:
        return {date(2026, m, d) for m in months for d in (1, 15)}

    jan, jun = date(2026, 1, 1), date(2026, 6, 1)
    assert completed_windows(days(1, 2, 3, 4, 5), jan, jun, 3, 2) == [
        (date(2026, 1, 1), date(2026, 3, 1))
    ]
    assert completed_windows(days(1, 2, 4, 5, 6), jan, jun, 3, 2) == [
        (date(2026, 4, 1), date(2026, 6, 1))
    ]
    assert completed_windows(days(1, 2, 3), date(2026, 2, 1), jun, 3, 2) == []
    assert completed_windows(days(1, 2, 3), jan, jun, 3, 3) == []
