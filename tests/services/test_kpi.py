"""`kpi`: every figure of the dashboard on a small history computed by hand.

February 2026 (28 days) against 4–31 January. Members joined 1 Dec 2025: 张三 (A),
李四 (B), 王五 (C, no marketing consent: still counted, consent only matters for
messages); 赵六 (D) joins 10 Feb.

- Jan 20 B buys AJ ¥168 (100 points); Jan 25 C buys the course ZJTN10 ¥3580 (2400 points).
- Feb 1 A buys ZJTN ¥398 (200) at 10:00 and ZYB ¥39 (39) at 15:00: one visit.
- Feb 2 B buys ZJTN10 ¥3580 (2400 points).
- Feb 12 D buys AJ ¥168 (100), wholly refunded Feb 13: no visit.
- Feb 15 23:30 and Feb 16 00:30 C uses two sessions: two business days (UTC: one day).
- Feb 21 a walk-in buys TBAM ¥128: revenue, no visit.
- Feb 25 A redeems R-Q10 (100 points).
- Mar 3 A buys TBAM: day 30 after Feb 1, a repurchase; Mar 5 B uses a session: day 31
  after Feb 2, not one.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from spa_pos import messages
from spa_pos.errors import DomainError
from spa_pos.services import checkout, courses, kpi, member_list, refunds, vouchers
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.member_list import Filter
from tests.conftest import enter_at, register

SH = ZoneInfo("Asia/Shanghai")
A, B, C, D = "13800000001", "13800000002", "13800000003", "13800000004"


def local(m: int, d: int, hh: int, mm: int = 0, y: int = 2026) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SH)


def sell(ctx: Ctx, member: str | None, item: str, fen: int, at: datetime) -> str:
    return checkout.sell(
        ctx,
        SaleRequest(
            items=[(item, 1)], payments=[("cash", fen)], member=member, at=enter_at(ctx, at)
        ),
    ).sale_no


@pytest.fixture
def history(ctx: Ctx) -> Ctx:
    return build_history(ctx)


def build_history(ctx: Ctx) -> Ctx:
    """The history of the module's docstring, in `ctx`'s database."""
    joined = local(12, 1, 9, y=2025)
    register(ctx, "张三", A, at=joined, marketing_consent=True)
    register(ctx, "李四", B, at=joined, marketing_consent=True)
    register(ctx, "王五", C, at=joined)
    register(ctx, "赵六", D, at=local(2, 10, 9), marketing_consent=True)
    sell(ctx, B, "AJ", 16800, local(1, 20, 10))
    sell(ctx, C, "ZJTN10", 358000, local(1, 25, 10))
    sell(ctx, A, "ZJTN", 39800, local(2, 1, 10))
    sell(ctx, A, "ZYB", 3900, local(2, 1, 15))
    sell(ctx, B, "ZJTN10", 358000, local(2, 2, 11))
    refunded = sell(ctx, D, "AJ", 16800, local(2, 12, 10))
    refunds.refund(ctx, refunded, at=local(2, 13, 10))
    courses.use_session(ctx, C, "ZJTN", at=local(2, 15, 23, 30))
    courses.use_session(ctx, C, "ZJTN", at=local(2, 16, 0, 30))
    sell(ctx, None, "TBAM", 12800, local(2, 21, 10))
    vouchers.redeem(ctx, A, "R-Q10", at=local(2, 25, 10))
    sell(ctx, A, "TBAM", 12800, local(3, 3, 10))
    courses.use_session(ctx, B, "ZJTN", at=local(3, 5, 10))
    return ctx


def test_february_against_january(history: Ctx) -> None:
    board = kpi.dashboard(history, date(2026, 2, 1), date(2026, 2, 28))
    cur, prev = board.current, board.previous
    assert (prev.start, prev.end) == (date(2026, 1, 4), date(2026, 1, 31))

    assert (cur.members_total, cur.new_members) == (4, 1)
    assert (prev.members_total, prev.new_members) == (3, 0)
    # A on Feb 1 (two sales, one visit), B on Feb 2, C on Feb 15 and 16; D refunded
    assert (cur.active_members, cur.visits) == (3, 4)
    assert (prev.active_members, prev.visits) == (2, 2)

    assert cur.sales_fen == 39800 + 3900 + 358000 + 16800 + 12800
    assert cur.refunds_fen == 16800
    assert cur.revenue_fen == 39800 + 3900 + 358000 + 12800
    assert cur.member_revenue_fen == 39800 + 3900 + 358000
    assert cur.spend_per_visit_fen == (39800 + 3900 + 358000) // 4
    assert prev.revenue_fen == 16800 + 358000

    # A: Feb 1 -> Mar 3 is day 30 (counts); B: Feb 2 -> Mar 5 is day 31 (does not);
    # C: Feb 15 -> Feb 16
    assert (cur.repurchase_30d.eligible, cur.repurchase_30d.repurchased) == (3, 2)
    assert cur.repurchase_30d.rate == 0.6667
    # B: Jan 20 -> Feb 2, C: Jan 25 -> Feb 15
    assert (prev.repurchase_30d.eligible, prev.repurchase_30d.repurchased) == (2, 2)

    assert cur.points_issued == 200 + 39 + 2400 + 100
    assert (cur.points_redeemed, cur.points_expired) == (100, 0)
    assert cur.points_outstanding == (100 + 2400) + 2400 + (239 - 100)
    assert prev.points_outstanding == 100 + 2400
    assert board.point_value == 10  # R-Q10: ¥10 for 100 points
    assert cur.liability_fen == cur.points_outstanding * 10
    assert cur.redemption_rate == round(100 / 2739, 4)

    assert [(r.code, r.vouchers, r.points) for r in cur.redemptions] == [("R-Q10", 1, 100)]
    assert cur.tiers == {"普通": 2, "银卡": 2, "金卡": 0, "钻石": 0}
    assert [(t.code, t.qty, t.revenue_fen) for t in cur.top_services] == [
        ("ZJTN10", 1, 358000),
        ("ZJTN", 1, 39800),
        ("TBAM", 1, 12800),
        ("ZYB", 1, 3900),
    ]
    assert cur.win_back.rate is None
    assert cur.win_back.reason == "kpi.win_back_no_contacts"


def test_free_coupons_are_no_redemptions(history: Ctx) -> None:
    """A targeted coupon (发券) of R-Q10 to all four members costs no points: February
    still has one redemption of R-Q10 (A's, 100 points), not five."""
    member_list.issue_coupon(history, Filter(), "R-Q10", "关怀", at=local(2, 26, 10))
    cur = kpi.dashboard(history, date(2026, 2, 1), date(2026, 2, 28)).current
    assert [(r.code, r.vouchers, r.points) for r in cur.redemptions] == [("R-Q10", 1, 100)]
    assert (cur.points_redeemed, cur.redemption_rate) == (100, round(100 / 2739, 4))


def test_a_rate_changes_by_percentage_points() -> None:
    """28.5 % after 26.7 % is 1.8 points more, not 7 % more; counts and money move by
    their relative change."""
    now, before = {"eligible": 200, "repurchased": 57, "rate": 0.285}, {"rate": 0.267}
    assert kpi.change(now, before, "repurchase") == "+1.8 个百分点"
    assert kpi.change(0.1, 0.25, "rate") == "-15.0 个百分点"
    assert kpi.change(0.05, 0.0, "rate") == "+5.0 个百分点"  # from nothing: still points
    assert kpi.change(0.2, 0.2, "rate") == "+0.0 个百分点"
    assert kpi.change({"rate": None}, {"rate": 0.5}, "win_back") == "—"
    assert kpi.change(4, 2, "count") == "+100%"
    assert kpi.change(30000, 40000, "fen") == "-25%"
    assert kpi.change(3, 0, "count") == "—"  # no relative change from nothing
    assert kpi.change(None, 500, "fen") == "—"  # no liability without a coupon reward
    messages.set_language("en")
    try:
        assert kpi.change(now, before, "repurchase") == "+1.8 pts"
    finally:
        messages.set_language("zh_CN")


def test_the_changes_of_february(history: Ctx) -> None:
    board = kpi.dashboard(history, date(2026, 2, 1), date(2026, 2, 28))
    moved = kpi.changes(board.current.to_json(), board.previous.to_json())
    assert list(moved) == [key for key, _, _ in kpi.ROWS]
    assert moved["visits"] == "+100%"  # 4 after 2
    assert moved["repurchase_30d"] == "-33.3 个百分点"  # 66.67 % after 100 %
    assert moved["points_redeemed"] == "—"  # none redeemed in January
    # January redeemed nothing out of 2,500 issued; February 100 out of 2,739
    assert moved["redemption_rate"] == "+3.7 个百分点"
    rows = kpi.change_rows(board.current.to_json(), board.previous.to_json())
    assert rows[3] == ("到店人次", "4", "2", "+100%")


def test_trend_slices_add_up(history: Ctx) -> None:
    board = kpi.dashboard(history, date(2026, 2, 1), date(2026, 2, 28))
    trend = board.current.trend
    assert len(trend) == 10  # 28 days in slices of 3
    assert (trend[0].start, trend[-1].end) == (date(2026, 2, 1), date(2026, 2, 28))
    assert sum(p.visits for p in trend) == board.current.visits
    assert sum(p.revenue_fen for p in trend) == board.current.revenue_fen
    assert sum(p.new_members for p in trend) == 1
    assert trend[-1].points_outstanding == board.current.points_outstanding
    # the Feb 15 23:30 and Feb 16 00:30 sessions fall in different slices (13-15, 16-18)
    assert [p.visits for p in trend[4:6]] == [1, 1]


def test_a_year_is_cut_in_months(history: Ctx) -> None:
    board = kpi.dashboard(history, date(2025, 4, 1), date(2026, 3, 31))
    assert [p.start.month for p in board.current.trend] == [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
    assert board.current.visits == 2 + 4 + 2  # January, February, March


def test_tier_moves_of_february(history: Ctx) -> None:
    lo, hi = datetime(2026, 1, 31, 16), datetime(2026, 2, 28, 16)  # local midnights in UTC
    with history.db.read() as s:
        from spa_pos.services import settings

        cfg = settings.load(s, history.clock.now())
        moves = kpi.tier_moves(s, lo, hi, cfg)
    assert moves == {"普通→银卡": 1}  # B; C was already 银卡 on Feb 1, A and D stay 普通


def test_bad_periods_are_refused(ctx: Ctx) -> None:
    with pytest.raises(DomainError) as err:
        kpi.dashboard(ctx, date(2026, 2, 2), date(2026, 2, 1))
    assert err.value.code == "kpi.bad_period"
    with pytest.raises(DomainError) as err:
        kpi.dashboard(ctx, date(2020, 1, 1), date(2026, 1, 1))
    assert err.value.code == "kpi.period_too_long"
    with pytest.raises(DomainError) as err:
        kpi.parse_month("2026-13")
    assert err.value.code == "kpi.bad_month"


def test_an_empty_database_gives_zeros(ctx: Ctx) -> None:
    board = kpi.dashboard(ctx, date(2026, 3, 1), date(2026, 3, 10))
    cur = board.current
    assert (cur.visits, cur.revenue_fen, cur.spend_per_visit_fen, cur.points_outstanding) == (
        0,
        0,
        0,
        0,
    )
    assert cur.repurchase_30d.rate == 0.0
    assert cur.tiers["普通"] == 0


@pytest.mark.parametrize("tz", ["Asia/Shanghai", "Europe/Berlin", "America/New_York"])
def test_sql_business_day_matches_the_clock(ctx: Ctx, tz: str) -> None:
    """The local day SQL gives a stored moment is `clock.local_date`'s, across the zone's
    offset changes (2026: 29 March and 25 October in Berlin, 8 March and 1 November in
    New York) and around local midnight."""
    from datetime import UTC, timedelta

    from sqlalchemy import DateTime, literal, select

    from spa_pos import clock as clk

    lo, hi = datetime(2026, 1, 1), datetime(2027, 1, 1)
    moments = [
        datetime(2026, m, d, h, mi)
        for m, d in ((3, 8), (3, 28), (3, 29), (3, 30), (10, 24), (10, 25), (11, 1), (11, 2))
        for h in range(24)
        for mi in (0, 59)
    ]
    with ctx.db.read() as s:
        days = s.execute(
            select(*(kpi._day_number(literal(m, DateTime()), lo, hi, tz) for m in moments))
        ).one()
    expected = [
        (clk.local_date(m.replace(tzinfo=UTC), tz) - date(1970, 1, 1)).days for m in moments
    ]
    assert list(days) == expected
    assert timedelta(days=days[0]) + date(1970, 1, 1) == clk.local_date(
        moments[0].replace(tzinfo=UTC), tz
    )
