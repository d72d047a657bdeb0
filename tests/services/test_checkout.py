from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, CourseBalance, LedgerEntry, Payment, Sale
from spa_pos.services import adjustments, checkout, courses, members, points, settings, vouchers
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests.conftest import register


def balance(ctx: Ctx, card: str) -> int:
    with ctx.db.read() as s:
        return members.find_one(s, card).points_balance


def count(ctx: Ctx, model: type) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_demo_sale_earns_item_package_and_referral_points(ctx: Ctx) -> None:
    referrer = register(ctx, "李四", "13800000001")
    member = register(ctx, "张三", "13800000002", referrer="13800000001")
    r = sell(
        ctx,
        SaleRequest(
            items=[("ZJTN", 1), ("ZJTN10", 1)], member=member, payments=[("wechat", 397800)]
        ),
    )
    assert (r.total_fen, r.paid_fen, r.change_fen) == (397800, 397800, 0)
    assert dict(r.points_breakdown) == {"E1": 2200, "E2": 400, "E3": 100}
    assert r.points_earned == 2700 == r.balance
    assert r.referrer_award == (referrer, 200)
    assert (r.referrer_name, r.payments) == ("李四", (("wechat", 397800),))
    assert balance(ctx, referrer) == 200
    # the referral is once per new member
    again = sell(ctx, SaleRequest(items=[("AJ", 1)], member=member, payments=[("cash", 16800)]))
    assert "E3" not in dict(again.points_breakdown)
    assert (again.referrer_award, again.referrer_name) == (None, None)
    assert balance(ctx, referrer) == 200


def test_rate_based_items_earn_per_yuan_and_cash_gives_change(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    r = sell(
        ctx,
        SaleRequest(
            items=[("TBAM", 1), ("ZYB", 2)],
            member=member,
            payments=[("card", 5000), ("cash", 20000)],
        ),
    )
    assert r.total_fen == 12800 + 7800
    assert r.change_fen == 25000 - 20600
    assert r.points_earned == 128 + 78


def test_split_payment_with_change_from_cash(ctx: Ctx) -> None:
    r = sell(ctx, SaleRequest(items=[("AJ", 1)], payments=[("wechat", 10000), ("cash", 10000)]))
    assert (r.total_fen, r.paid_fen, r.change_fen) == (16800, 20000, 3200)
    assert r.balance is None and r.points_earned == 0
    with ctx.db.read() as s:
        assert sorted(s.scalars(select(Payment.method))) == ["cash", "wechat"]


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (SaleRequest(items=[("AJ", 1)], payments=[("cash", 100)]), "付款不足"),
        (SaleRequest(items=[("AJ", 1)], payments=[("card", 20000)]), "只有现金可以找零"),
        (SaleRequest(items=[("AJ", 1)], payments=[("bitcoin", 16800)]), "未知付款方式"),
        (SaleRequest(items=[("NOPE", 1)], payments=[("cash", 16800)]), "没有这个项目"),
        (SaleRequest(items=[("AJ", 0)], payments=[("cash", 16800)]), "数量"),
        (SaleRequest(items=[], payments=[("cash", 16800)]), "没有项目"),
        (SaleRequest(items=[("ZJTN10", 1)], payments=[("cash", 358000)]), "需要会员"),
        (
            SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)], member="13912345678"),
            "找不到会员",
        ),
        (SaleRequest(items=[("AJ", 1)], payments=[("cash", -5)]), "大于 0"),
    ],
)
def test_bad_sales_are_refused_and_write_nothing(
    ctx: Ctx, request_: SaleRequest, message: str
) -> None:
    audit_before = count(ctx, AuditEntry)
    with pytest.raises(DomainError, match=message):
        sell(ctx, request_)
    assert count(ctx, Sale) == 0 and count(ctx, Payment) == 0 and count(ctx, LedgerEntry) == 0
    assert count(ctx, AuditEntry) == audit_before


def test_tier_multiplier_uses_the_tier_held_when_the_sale_began(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    first = sell(ctx, SaleRequest(items=[("ZJTN", 5)], member=member, payments=[("cash", 199000)]))
    assert first.points_earned == 1000  # 普通 ×1.0 although this sale reaches 银卡
    second = sell(ctx, SaleRequest(items=[("ZJTN", 1)], member=member, payments=[("cash", 39800)]))
    assert dict(second.points_breakdown) == {"E1": 200, "E7": 20}


def test_birthday_month_doubles_item_points_not_flat_awards(ctx: Ctx, clock: FixedClock) -> None:
    register(ctx, "李四", "13800000001")
    member = register(
        ctx, "张三", "13800000002", referrer="13800000001", birthday=date(1990, 3, 25)
    )
    r = sell(ctx, SaleRequest(items=[("AJ", 1)], member=member, payments=[("cash", 16800)]))
    assert dict(r.points_breakdown) == {"E1": 100, "E6": 100, "E3": 100}


def test_fractions_round_down_once_per_sale(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    settings.update(ctx, earn_rate_per_yuan="0.5")
    # ¥39 + ¥39 at 0.5/yuan = 39 (19.5 + 19.5 floored once, not 19 + 19)
    r = sell(ctx, SaleRequest(items=[("ZYB", 2)], member=member, payments=[("cash", 7800)]))
    assert r.points_earned == 39


def test_service_voucher_makes_one_unit_free_and_earns_nothing_for_it(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, member, 300, "开业赠送")
    v = vouchers.redeem(ctx, member, "R-TBAM")
    r = sell(
        ctx,
        SaleRequest(
            items=[("TBAM", 2)], member=member, vouchers=[v.qr_payload], payments=[("cash", 12800)]
        ),
    )
    assert r.total_fen == 12800 and r.points_earned == 128
    with ctx.db.read() as s:
        check = vouchers.check(s, v.voucher_code, date(2026, 3, 10))
    assert (check.valid, check.reason) == (False, "used")


def test_voucher_adds_its_item_when_missing_and_binds_a_walk_in_to_its_member(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, member, 300, "赠送")
    v = vouchers.redeem(ctx, member, "R-TBAM")
    r = sell(ctx, SaleRequest(items=[], vouchers=[v.voucher_code]))
    assert (r.total_fen, r.paid_fen, r.points_earned, r.balance) == (0, 0, 0, 0)
    with ctx.db.read() as s:
        sale = s.scalars(select(Sale)).one()
        assert sale.member is not None and sale.member.card_no == member
        assert [(ln.name, ln.free_units, ln.net_fen) for ln in sale.lines] == [("头部按摩", 1, 0)]


def test_coupon_lowers_rate_earnings_in_proportion_but_not_fixed_points(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, member, 500, "赠送")
    v = vouchers.redeem(ctx, member, "R-Q50")
    r = sell(
        ctx,
        SaleRequest(
            items=[("AJ", 1), ("BJZ", 1)],
            member=member,
            vouchers=[v.voucher_code],
            payments=[("cash", 31800)],
        ),
    )
    assert r.total_fen == 16800 + 19900 - 5000
    # BJZ's share of the coupon: 5000 * 19900 / 36700 = 2711 -> 17189 fen paid -> 171.89 pts
    assert dict(r.points_breakdown) == {"E1": 100 + 171}


def test_someone_elses_voucher_is_refused(ctx: Ctx) -> None:
    owner = register(ctx, "张三", "13800000002")
    other = register(ctx, "李四", "13800000001")
    adjustments.adjust(ctx, owner, 300, "赠送")
    v = vouchers.redeem(ctx, owner, "R-TBAM")
    with pytest.raises(DomainError, match="不属于"):
        sell(ctx, SaleRequest(items=[("TBAM", 1)], member=other, vouchers=[v.voucher_code]))
    with ctx.db.read() as s:
        assert vouchers.check(s, v.voucher_code, date(2026, 3, 10)).valid


def test_course_package_opens_a_balance_used_one_visit_at_a_time(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    sell(ctx, SaleRequest(items=[("ZJTN10", 1)], member=member, payments=[("card", 358000)]))
    assert courses.use_session(ctx, member, "ZJTN").sessions_left == 9
    assert courses.use_session(ctx, member, "ZJTN10").sessions_left == 8
    with ctx.db.read() as s:
        assert s.scalars(select(CourseBalance)).one().sessions_used == 2
    for _ in range(8):
        courses.use_session(ctx, member, "ZJTN")
    with pytest.raises(DomainError, match="没有可用"):
        courses.use_session(ctx, member, "ZJTN")


def test_balance_cache_equals_ledger_after_a_day_of_work(ctx: Ctx) -> None:
    register(ctx, "李四", "13800000001")
    member = register(ctx, "张三", "13800000002", referrer="13800000001")
    sell(
        ctx,
        SaleRequest(
            items=[("ZJTN", 1), ("ZJTN10", 1)], member=member, payments=[("alipay", 397800)]
        ),
    )
    vouchers.redeem(ctx, member, "R-YBLL")
    with ctx.db.read() as s:
        assert points.check_balances(s).ok


def test_refusals_are_checkout_codes_rendered_in_the_language_in_force(ctx: Ctx) -> None:
    with pytest.raises(DomainError) as refused:
        sell(ctx, SaleRequest(items=[("AJ", 1)], payments=[("cash", 10000)]))
    err = refused.value
    assert (err.code, err.params) == (
        "checkout.payment_short",
        {"due": "168.00", "paid": "100.00", "short": "68.00"},
    )
    assert str(err) == "付款不足：应收 168.00 元，已付 100.00 元，还差 68.00 元"
    assert (
        err.render("en") == "Not enough paid: 168.00 yuan due, 100.00 yuan paid, 68.00 yuan short"
    )
    with pytest.raises(DomainError, match="可用: cash, card, wechat, alipay") as unknown:
        sell(ctx, SaleRequest(items=[("AJ", 1)], payments=[("bitcoin", 16800)]))
    assert unknown.value.code == "checkout.unknown_method"
    assert unknown.value.render("en") == (
        "Unknown payment method: bitcoin (available: cash, card, wechat, alipay)"
    )


def test_a_quote_is_what_the_sale_will_cost_and_writes_nothing(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, member, 500, "赠送")
    v = vouchers.redeem(ctx, member, "R-Q50")
    request = SaleRequest(items=[("AJ", 1), ("BJZ", 1)], member=member, vouchers=[v.voucher_code])
    q = checkout.quote(ctx, request)
    assert (q.gross_fen, q.coupon_fen, q.due_fen) == (36700, 5000, 31700)
    assert [ln.net_fen for ln in q.lines] == [16800 - 2289, 19900 - 2711]
    assert q.points_breakdown == (("E1", 100 + 171),)
    assert count(ctx, Sale) == 0
    with ctx.db.read() as s:
        assert vouchers.check(s, v.voucher_code, date(2026, 3, 10)).valid
