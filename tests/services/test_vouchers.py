from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import LedgerEntry, PointLot, Reward
from spa_pos.services import adjustments, catalog, members, points, vouchers
from spa_pos.services.context import Actor, Ctx
from tests.conftest import register

TODAY = date(2026, 3, 10)


def setup_member(ctx: Ctx, pts: int) -> str:
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, pts, "测试")
    return card


def test_redeem_deducts_points_and_issues_a_signed_single_use_voucher(ctx: Ctx) -> None:
    card = setup_member(ctx, 1000)
    r = vouchers.redeem(ctx, card, "R-TBAM")
    assert (r.points_spent, r.balance, r.reward_name) == (300, 700, "头部按摩")
    assert r.expires_on == TODAY + timedelta(days=90)
    assert r.qr_payload.startswith("SPAV1." + r.voucher_code + ".")
    with ctx.db.read() as s:
        assert vouchers.check(s, r.qr_payload, TODAY).valid
        assert vouchers.check(s, r.voucher_code.lower(), TODAY).valid


def test_not_enough_points_is_refused_with_the_shortfall_and_changes_nothing(ctx: Ctx) -> None:
    card = setup_member(ctx, 250)
    with pytest.raises(DomainError, match="还差 50 分"):
        vouchers.redeem(ctx, card, "R-TBAM")
    with ctx.db.read() as s:
        assert members.find_one(s, card).points_balance == 250
        assert not vouchers.member_vouchers(s, members.find_one(s, card).id)


def test_forged_altered_unknown_and_expired_vouchers_are_refused_with_reason(ctx: Ctx) -> None:
    card = setup_member(ctx, 1000)
    r = vouchers.redeem(ctx, card, "R-TBAM")
    prefix, code, sig = r.qr_payload.split(".")
    other_code = "V" + ("2" if code[1] != "2" else "3") + code[2:]
    with ctx.db.read() as s:
        assert vouchers.check(s, f"{prefix}.{code}.{'A' * len(sig)}", TODAY).reason == "forged"
        assert vouchers.check(s, f"{prefix}.{other_code}.{sig}", TODAY).reason == "forged"
        assert vouchers.check(s, "SPAV1.garbage", TODAY).reason == "forged"
        assert vouchers.check(s, "VZZZZZZZZZ", TODAY).reason == "unknown"
        late = r.expires_on + timedelta(days=1)
        assert vouchers.check(s, r.qr_payload, late).reason == "expired"
        assert vouchers.check(s, r.qr_payload, r.expires_on).valid


def test_a_voucher_signed_by_another_clinic_is_forged(ctx: Ctx) -> None:
    card = setup_member(ctx, 1000)
    r = vouchers.redeem(ctx, card, "R-TBAM")
    foreign = vouchers.qr_payload("ab" * 32, r.voucher_code)
    with ctx.db.read() as s:
        assert vouchers.check(s, foreign, TODAY).reason == "forged"


def test_cancel_returns_points_to_their_original_lots(ctx: Ctx, clock: FixedClock) -> None:
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, 200, "早的")
    clock.advance(days=40)
    adjustments.adjust(ctx, card, 200, "晚的")
    r = vouchers.redeem(ctx, card, "R-TBAM")  # 200 from the first lot, 100 from the second
    with ctx.db.read() as s:
        lots = s.scalars(select(PointLot).order_by(PointLot.id)).all()
        assert [lot.remaining for lot in lots] == [0, 100]
    back = vouchers.cancel(ctx, r.voucher_code)
    assert (back.points_returned, back.balance) == (300, 400)
    with ctx.db.read() as s:
        lots = s.scalars(select(PointLot).order_by(PointLot.id)).all()
        assert [lot.remaining for lot in lots] == [200, 200]
        assert lots[0].expires_on == date(2027, 3, 10)
        assert vouchers.check(s, r.voucher_code, TODAY).reason == "cancelled"
        assert points.check_balances(s).ok
    with pytest.raises(DomainError, match="已作废"):
        vouchers.cancel(ctx, r.voucher_code)


def test_cancel_needs_a_manager(ctx: Ctx) -> None:
    card = setup_member(ctx, 1000)
    r = vouchers.redeem(ctx, card, "R-TBAM")
    cashier = Ctx(ctx.db, Actor("收银台"), ctx.clock)
    with pytest.raises(DomainError, match="店长"):
        vouchers.cancel(cashier, r.voucher_code)


def test_gift_stock_never_goes_below_zero(ctx: Ctx) -> None:
    card = setup_member(ctx, 5000)
    with ctx.db.write() as s:
        catalog.reward_by_code(s, "R-ZYB").stock = 1
    vouchers.redeem(ctx, card, "R-ZYB")
    with pytest.raises(DomainError, match="已兑完"):
        vouchers.redeem(ctx, card, "R-ZYB")
    with ctx.db.read() as s:
        assert s.scalars(select(Reward.stock).where(Reward.code == "R-ZYB")).one() == 0
        assert members.find_one(s, card).points_balance == 4800


def test_spending_is_fifo_by_expiry_and_skips_lots_past_their_date(
    ctx: Ctx, clock: FixedClock
) -> None:
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, 100, "一")
    clock.advance(days=200)
    adjustments.adjust(ctx, card, 300, "二")
    clock.advance(days=200)  # the first lot (expires 2027-03-10) has passed
    with pytest.raises(DomainError, match="可用 300 分"):
        vouchers.redeem(ctx, card, "R-Q50")
    vouchers.redeem(ctx, card, "R-ZYB")
    with ctx.db.read() as s:
        spent = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "redeem")).all()
        assert [(e.lot_id, e.points) for e in spent] == [(2, -200)]
