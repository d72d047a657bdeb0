"""Bounds on amounts and points (spa_pos.limits): the services refuse anything above the
limits, and nothing they accept can overflow a later sum."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, Member, Payment
from spa_pos.services import adjustments, catalog, checkout, dayclose, unit_of_work
from spa_pos.services.catalog import ItemSpec, RewardSpec
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from tests.conftest import register

INT64_MAX = 2**63 - 1
PHONE = "13800000001"
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def audit_rows(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(AuditEntry.id))) or 0


def test_the_largest_accepted_figures_over_a_lifetime_fit_in_64_bits() -> None:
    """1,000 sales a day for 100 years, every one at every ceiling, plus as many
    adjustments and event awards: every sum the till keeps stays in SQLite's integers."""
    money_in = limits.LIFETIME_SALES * limits.MAX_SALE_FEN  # payments, change included
    refunds = limits.LIFETIME_SALES * limits.MAX_SALE_FEN
    points = limits.LIFETIME_SALES * (
        limits.MAX_SALE_POINTS + limits.MAX_POINTS * 3  # referral, adjustment, event
    )
    cash_counted = limits.LIFETIME_SALES * limits.MAX_COUNTED_CASH_FEN
    for total in (money_in + refunds, points, cash_counted):
        assert total < INT64_MAX // 100  # a hundredfold margin


@FUZZ
@given(amounts=st.lists(st.integers(3900, 2**80), min_size=1, max_size=3))  # ZYB: ¥39
def test_a_sale_accepts_payments_only_within_the_limits(ctx: Ctx, amounts: list[int]) -> None:
    before = audit_rows(ctx)
    request = SaleRequest(items=[("ZYB", 1)], payments=[("cash", a) for a in amounts])
    try:
        result = checkout.sell(ctx, request)
    except DomainError as exc:
        assert exc.code in ("limits.payment_too_large", "limits.payments_too_large")
        assert max(amounts) > limits.MAX_PAYMENT_FEN or sum(amounts) > limits.MAX_SALE_FEN
        assert audit_rows(ctx) == before
        return
    assert all(a <= limits.MAX_PAYMENT_FEN for a in amounts)
    assert result.paid_fen <= limits.MAX_SALE_FEN
    assert result.paid_fen * limits.LIFETIME_SALES < INT64_MAX
    with ctx.db.read() as s:  # SQLite's SUM still adds them up
        assert s.scalar(select(func.sum(Payment.amount_fen))) is not None


@FUZZ
@given(delta=st.integers(-(2**70), 2**70).filter(lambda d: d != 0))
def test_an_adjustment_is_accepted_only_within_the_limit(ctx: Ctx, delta: int) -> None:
    with ctx.db.read() as s:
        if s.get(Member, 1) is None:
            register(ctx, "张三", PHONE)
    try:
        adjustments.adjust(ctx, PHONE, delta, "补录")
    except DomainError as exc:
        assert exc.code in ("limits.points_too_large", "points.not_enough_adjust"), exc.code
        if exc.code == "limits.points_too_large":
            assert abs(delta) > limits.MAX_POINTS
        return
    assert abs(delta) <= limits.MAX_POINTS


def test_the_overflowing_adjustment_of_the_issue_is_refused_and_close_day_works(
    ctx: Ctx,
) -> None:
    register(ctx, "张三", PHONE)
    with pytest.raises(DomainError) as err:
        adjustments.adjust(ctx, PHONE, 9223372036854775000, "测试")
    assert err.value.code == "limits.points_too_large"
    adjustments.adjust(ctx, PHONE, limits.MAX_POINTS, "上限")
    checkout.sell(ctx, SaleRequest(items=[("ZYB", 1)], payments=[("cash", limits.MAX_PAYMENT_FEN)]))
    report = dayclose.close_day(ctx, counted_cash_fen=limits.MAX_COUNTED_CASH_FEN)
    assert report.points_issued == limits.MAX_POINTS


def test_event_points_catalog_prices_and_reward_costs_are_bounded(ctx: Ctx) -> None:
    with pytest.raises(DomainError) as err:
        adjustments.add_event(ctx, "讲座", limits.MAX_POINTS + 1)
    assert err.value.code == "limits.points_too_large"
    too_dear: list[ItemSpec | RewardSpec] = [
        ItemSpec("BIG", "天价", "service", limits.MAX_PRICE_FEN + 1),
        ItemSpec("PTS", "积分", "service", 100, limits.MAX_POINTS + 1),
        RewardSpec("R-BIG", "大券", "coupon", 100, coupon_fen=limits.MAX_PRICE_FEN + 1),
        RewardSpec("R-PTS", "贵券", "coupon", limits.MAX_POINTS + 1, coupon_fen=100),
    ]
    for spec in too_dear:
        with pytest.raises(DomainError) as err, unit_of_work.write(ctx) as work:
            if isinstance(spec, ItemSpec):
                catalog.upsert_item(work.session, spec)
            else:
                catalog.upsert_reward(work.session, spec)
        assert err.value.code.startswith("limits."), spec


def test_a_sale_above_the_limit_is_refused_before_payment(ctx: Ctx) -> None:
    # ZJTN10 costs ¥3,580: 280 of them are above ¥1,000,000.
    request = SaleRequest(items=[("ZJTN10", 280)], payments=[("card", 1)], member=None)
    with pytest.raises(DomainError) as err:
        checkout.quote(ctx, request)
    assert err.value.code == "limits.sale_too_large"


def test_a_sale_earning_more_than_the_limit_is_refused(ctx: Ctx) -> None:
    register(ctx, "张三", PHONE)
    with unit_of_work.write(ctx) as work:  # a million points a unit, the most an item earns
        catalog.upsert_item(work.session, ItemSpec("PTS", "积分大礼", "service", 100, 10**6))
    request = SaleRequest(items=[("PTS", 11)], payments=[("card", 1100)], member=PHONE)
    with pytest.raises(DomainError) as err:
        checkout.sell(ctx, request)
    assert err.value.code == "limits.points_too_large"


def test_counted_cash_is_bounded(ctx: Ctx) -> None:
    with pytest.raises(DomainError) as err:
        dayclose.close_day(ctx, counted_cash_fen=limits.MAX_COUNTED_CASH_FEN + 1)
    assert err.value.code == "limits.cash_too_large"
