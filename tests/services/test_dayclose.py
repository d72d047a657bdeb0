"""The Z report and the end-of-day close (日结) on a crafted day."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, DayClose
from spa_pos.services import audit, checkout, dayclose, jobs, members, refunds, vouchers
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.dayclose import ZReport
from spa_pos.services.members import MemberForm
from tests.conftest import START, enter_at, register

SH = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 3, 10)  # START's business date


def local(m: int, d: int, hh: int, mm: int = 0, y: int = 2026) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SH)


def sell(
    ctx: Ctx,
    member: str,
    items: list[str],
    pay: list[tuple[str, int]],
    at: datetime,
    used: tuple[str, ...] = (),
) -> checkout.SaleResult:
    return checkout.sell(
        ctx,
        SaleRequest(
            items=[(i, 1) for i in items],
            payments=pay,
            member=member,
            vouchers=list(used),
            at=enter_at(ctx, at),
        ),
    )


@pytest.fixture
def day(ctx: Ctx) -> dict[str, object]:
    """10 March: three sales (change, a split payment, a voucher and a coupon), a refund,
    two redemptions, an expiry and a new member; around it, sales on the days before and
    after that must not count."""
    for name, phone in (("张三", "13800000001"), ("李四", "13800000002"), ("王五", "13800000003")):
        members.register(ctx, MemberForm(name=name, phone=phone), at=local(3, 1, 9, y=2025))
    old = sell(ctx, "13800000003", ["ZJTN"], [("cash", 39800)], local(3, 1, 10, y=2025))
    course = sell(ctx, "13800000002", ["ZJTN10"], [("alipay", 358000)], local(3, 9, 23, 50))
    sell(ctx, "13800000002", ["ZYB"], [("wechat", 3900)], local(3, 11, 0, 10))

    jobs.run_job(ctx, "expiry", at=local(3, 10, 0, 5))  # 王五's lot from last year
    s1 = sell(ctx, "13800000001", ["ZJTN"], [("cash", 40000)], local(3, 10, 10))
    s2 = sell(
        ctx, "13800000001", ["AJ", "TBAM"], [("card", 10000), ("wechat", 19600)], local(3, 10, 11)
    )
    q10 = vouchers.redeem(ctx, "13800000002", "R-Q10", at=enter_at(ctx, local(3, 10, 12)))
    tbam = vouchers.redeem(ctx, "13800000002", "R-TBAM", at=enter_at(ctx, local(3, 10, 12, 1)))
    s3 = sell(
        ctx,
        "13800000002",
        ["TBAM", "YBLL"],
        [("cash", 30000)],
        local(3, 10, 13),
        used=(q10.voucher_code, tbam.voucher_code),
    )
    refund = refunds.refund(ctx, s1.sale_no, at=enter_at(ctx, local(3, 10, 15)))
    assert isinstance(ctx.clock, FixedClock)
    ctx.clock.at = START  # back to 10:00 of the day, to close it
    register(ctx, "赵六", "13800000004")  # joins today
    return {"old": old, "course": course, "s1": s1, "s2": s2, "s3": s3, "refund": refund}


def test_z_report_of_a_crafted_day(ctx: Ctx, day: dict[str, checkout.SaleResult]) -> None:
    with ctx.db.read() as s:
        r = dayclose.z_report(s, DAY, "Asia/Shanghai")

    assert r.sales == 3
    assert r.gross_fen == 39800 + (16800 + 12800) + (12800 + 29800)
    assert r.discount_fen == 12800 + 1000  # a free head massage and a 10-yuan coupon
    assert r.revenue_fen == 39800 + 29600 + 28800
    assert r.by_method == {
        "cash": 40000 + 30000 - 200 - 1200,
        "card": 10000,
        "wechat": 19600,
        "alipay": 0,
    }
    assert sum(r.by_method.values()) == r.revenue_fen
    assert (r.refunds, r.refunds_fen) == (1, 39800)
    assert r.refunds_by_method == {"cash": 39800, "card": 0, "wechat": 0, "alipay": 0}
    assert r.net_revenue_fen == r.revenue_fen - 39800
    assert (r.vouchers_used, r.coupons_used) == (1, 1)
    assert r.points_issued == sum(day[k].points_earned for k in ("s1", "s2", "s3"))
    assert r.points_redeemed == 100 + 300
    assert r.points_expired == day["old"].points_earned
    assert r.points_reversed == day["s1"].points_earned
    assert r.new_members == 1
    assert r.expected_cash_fen == 68600 - 39800
    assert (r.counted_cash_fen, r.difference_fen) == (None, None)


def test_close_day_records_counted_cash_and_refuses_a_second_close(
    ctx: Ctx, day: dict[str, object]
) -> None:
    report = dayclose.close_day(ctx, DAY, counted_cash_fen=28000)

    assert (report.expected_cash_fen, report.counted_cash_fen, report.difference_fen) == (
        28800,
        28000,
        -800,
    )
    with ctx.db.read() as s:
        row = dayclose.find_close(s, DAY)
        assert row is not None and row.actor == "cli"
        assert json.loads(row.report)["difference_fen"] == -800
        assert (
            s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc())).first()
            == "day.close"
        )
    with pytest.raises(DomainError, match="已于 2026-03-10 10:00 由 cli 日结"):
        dayclose.close_day(ctx, DAY, counted_cash_fen=28800)


def test_reopen_needs_a_manager_then_the_day_closes_again(ctx: Ctx, day: dict[str, object]) -> None:
    dayclose.close_day(ctx, DAY, counted_cash_fen=28000)
    cashier = Ctx(ctx.db, Actor("小王"), ctx.clock)

    with pytest.raises(DomainError, match="店长"):
        dayclose.reopen_day(cashier, DAY)
    dayclose.reopen_day(ctx, DAY)
    with pytest.raises(DomainError, match="还没有日结"):
        dayclose.reopen_day(ctx, DAY)
    again = dayclose.close_day(cashier, DAY, counted_cash_fen=28800)

    assert again.difference_fen == 0
    with ctx.db.read() as s:
        [row] = s.scalars(select(DayClose)).all()
        assert (row.actor, row.reopened_at, row.difference_fen) == ("小王", None, 0)
        assert audit.verify(s).ok
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "day").order_by(AuditEntry.id)
        ).all()
    assert actions == ["day.close", "day.reopen", "day.close"]


def test_close_today_by_default_and_never_a_future_day(ctx: Ctx) -> None:
    report = dayclose.close_day(ctx)
    assert report.business_date == DAY and report.sales == 0
    with pytest.raises(DomainError, match="未来"):
        dayclose.close_day(ctx, date(2026, 3, 11))
    with pytest.raises(DomainError):
        dayclose.close_day(ctx, date(2026, 3, 9), counted_cash_fen=-1)


def test_report_json_has_the_cli_keys(ctx: Ctx) -> None:
    data = dayclose.close_day(ctx, counted_cash_fen=0).to_json()
    assert {
        "business_date",
        "sales",
        "revenue_fen",
        "by_method",
        "points_issued",
        "points_redeemed",
        "points_expired",
        "refunds_fen",
        "expected_cash_fen",
        "counted_cash_fen",
        "difference_fen",
    } <= set(data)
    assert ZReport(**{**data, "business_date": DAY}).business_date == DAY


def test_recent_closes_newest_first(ctx: Ctx) -> None:
    dayclose.close_day(ctx, date(2026, 3, 8))
    dayclose.close_day(ctx, date(2026, 3, 9))
    with ctx.db.read() as s:
        assert [c.business_date.day for c in dayclose.recent_closes(s)] == [9, 8]


def test_the_till_needs_the_counted_cash(ctx: Ctx) -> None:
    for blank in ("", "   "):
        with pytest.raises(DomainError) as refused:
            dayclose.counted_cash(blank)
        assert refused.value.code == "dayclose.counted_required"
    for wrong in ("-1", "abc"):
        with pytest.raises(DomainError) as malformed:
            dayclose.counted_cash(wrong)
        assert malformed.value.code == "general.bad_amount"
    assert dayclose.counted_cash(" 168.5 ") == 16850


def test_a_closed_today_is_known_before_money_is_taken_and_a_reopen_lets_it_sell(
    ctx: Ctx,
) -> None:
    assert dayclose.closed_today(ctx) is None
    dayclose.check_open(ctx)
    dayclose.close_day(ctx, counted_cash_fen=0)
    assert dayclose.closed_today(ctx) == DAY
    with pytest.raises(DomainError) as refused:
        dayclose.check_open(ctx)
    assert refused.value.code == "dayclose.day_closed"
    dayclose.reopen_day(ctx, DAY)
    assert dayclose.closed_today(ctx) is None
    checkout.sell(ctx, SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)]))
    again = dayclose.close_day(ctx, counted_cash_fen=16800)
    assert (again.sales, again.difference_fen) == (1, 0)  # the Z report issued afresh
