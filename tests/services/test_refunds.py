from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from spa_pos.errors import DomainError
from spa_pos.models import CourseBalance, RefundPayment, Sale
from spa_pos.services import courses, members, points, refunds, vouchers
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Actor, Ctx
from tests.conftest import register


def balance_of(ctx: Ctx, card: str) -> int:
    with ctx.db.read() as s:
        return members.find_one(s, card).points_balance


def demo_sale(ctx: Ctx) -> tuple[str, str, str]:
    referrer = register(ctx, "李四", "13800000001")
    member = register(ctx, "张三", "13800000002", referrer="13800000001")
    r = sell(
        ctx,
        SaleRequest(
            items=[("ZJTN", 1), ("ZJTN10", 1)],
            member=member,
            payments=[("wechat", 300000), ("cash", 100000)],
        ),
    )
    return referrer, member, r.sale_no


def test_whole_refund_reverses_item_package_and_referral_points(ctx: Ctx) -> None:
    referrer, _member, sale_no = demo_sale(ctx)
    r = refunds.refund(ctx, sale_no)
    assert r.refunded_fen == 397800
    assert r.points_reversed == 2700 and r.balance == 0
    assert balance_of(ctx, referrer) == 0
    assert dict(r.by_method) == {"wechat": 300000, "cash": 97800}
    with ctx.db.read() as s:
        assert s.scalars(select(Sale.status)).one() == "refunded"
        assert s.scalars(select(CourseBalance.status)).one() == "refunded"
        assert sum(s.scalars(select(RefundPayment.amount_fen))) == 397800
        assert points.check_balances(s).ok
    with pytest.raises(DomainError, match="已全部退款"):
        refunds.refund(ctx, sale_no)


def test_line_refund_reverses_that_lines_share_and_keeps_the_referral(ctx: Ctx) -> None:
    referrer, _member, sale_no = demo_sale(ctx)
    r = refunds.refund(ctx, sale_no, [1])
    assert (r.refunded_fen, r.points_reversed, r.balance) == (39800, 200, 2500)
    assert balance_of(ctx, referrer) == 200
    r2 = refunds.refund(ctx, sale_no, [2])
    assert (r2.points_reversed, r2.balance) == (2500, 0)
    assert balance_of(ctx, referrer) == 0
    with pytest.raises(DomainError, match="已经退过款"):
        refunds.refund(ctx, sale_no, [2])
    with pytest.raises(DomainError, match="没有第 9 行"):
        refunds.refund(ctx, sale_no, [9])


def test_refund_after_points_were_spent_leaves_a_debt_paid_by_later_earnings(ctx: Ctx) -> None:
    _, member, sale_no = demo_sale(ctx)
    vouchers.redeem(ctx, member, "R-YBLL")
    vouchers.redeem(ctx, member, "R-YBLL")  # 1600 of 2700 spent
    r = refunds.refund(ctx, sale_no)
    assert r.balance == -1600
    later = sell(ctx, SaleRequest(items=[("TBAM", 1)], member=member, payments=[("cash", 12800)]))
    assert later.points_earned == 128 and later.balance == -1472
    with ctx.db.read() as s:
        assert points.check_balances(s).ok
        assert all(lot.remaining == 0 for lot in points.open_lots(s, 2))


def test_vouchers_used_on_refunded_lines_come_back(ctx: Ctx) -> None:
    _, member, _ = demo_sale(ctx)
    v = vouchers.redeem(ctx, member, "R-TBAM")
    second = sell(
        ctx,
        SaleRequest(
            items=[("TBAM", 1), ("AJ", 1)],
            member=member,
            vouchers=[v.qr_payload],
            payments=[("cash", 16800)],
        ),
    )
    r = refunds.refund(ctx, second.sale_no, [1])
    assert r.vouchers_returned == [v.voucher_code] and r.refunded_fen == 0
    with ctx.db.read() as s:
        assert vouchers.check(s, v.voucher_code, date(2026, 3, 10)).valid


def test_a_course_with_used_sessions_cannot_be_refunded(ctx: Ctx) -> None:
    _, member, sale_no = demo_sale(ctx)
    courses.use_session(ctx, member, "ZJTN")
    with pytest.raises(DomainError, match="已使用 1 次"):
        refunds.refund(ctx, sale_no)
    assert balance_of(ctx, member) == 2700


def test_refund_needs_a_manager(ctx: Ctx) -> None:
    _, _, sale_no = demo_sale(ctx)
    with pytest.raises(DomainError, match="店长"):
        refunds.refund(Ctx(ctx.db, Actor("收银台"), ctx.clock), sale_no)
