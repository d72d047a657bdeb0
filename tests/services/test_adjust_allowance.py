"""What the adjust dialog shows: today's adjustments for a member against the limit, as
`adjust` counts them."""

from __future__ import annotations

from dataclasses import replace

from spa_pos.clock import FixedClock
from spa_pos.services import adjustments, settings
from spa_pos.services.adjustments import Allowance
from spa_pos.services.context import Actor, Ctx
from tests.conftest import register


def test_the_allowance_counts_both_ways_per_member_per_day(ctx: Ctx, clock: FixedClock) -> None:
    cashier = replace(ctx, actor=Actor("小李", "cashier"))
    card = register(ctx, "张三", "13800000002")
    other = register(ctx, "李四", "13800000003")
    assert adjustments.allowance(cashier, card) == Allowance(200, 0)
    adjustments.adjust(cashier, card, 120, "活动补发")
    adjustments.adjust(cashier, card, -30, "冲正")
    assert adjustments.allowance(cashier, card) == Allowance(200, 150)
    assert adjustments.allowance(cashier, card).left == 50
    assert adjustments.allowance(cashier, other).left == 200
    adjustments.adjust(ctx, card, 500, "店长补录")  # the owner, past the limit
    assert adjustments.allowance(cashier, card).left == 0  # never below nothing
    settings.update(ctx, adjust_manager_limit=1000)
    assert adjustments.allowance(cashier, card) == Allowance(1000, 650)
    clock.advance(days=1)
    assert adjustments.allowance(cashier, card).used == 0
