"""`points.tiers_of`: the tiers of a page of members in one query, as `tier_of` one by one."""

from __future__ import annotations

from datetime import timedelta

from spa_pos import clock as clk
from spa_pos.clock import FixedClock
from spa_pos.services import members, points, refunds, settings
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests.conftest import register


def test_tiers_of_matches_tier_of_for_each_member(ctx: Ctx, clock: FixedClock) -> None:
    silver = register(ctx, "张三", "13800000002")
    gold = register(ctx, "李四", "13800000003")
    lapsed = register(ctx, "王五", "13800000004")
    refunded = register(ctx, "赵六", "13800000005")
    newcomer = register(ctx, "钱七", "13800000006")
    # a year ago: counts no longer
    sell(ctx, SaleRequest(items=[("ZJTN", 10)], member=lapsed, payments=[("cash", 398000)]))
    clock.advance(days=366)
    sell(ctx, SaleRequest(items=[("ZJTN", 5)], member=silver, payments=[("cash", 199000)]))
    sell(ctx, SaleRequest(items=[("ZJTN", 20)], member=gold, payments=[("cash", 796000)]))
    sale = sell(ctx, SaleRequest(items=[("ZJTN", 5)], member=refunded, payments=[("cash", 199000)]))
    refunds.refund(ctx, sale.sale_no)  # the reversal nets the earning out
    clock.advance(seconds=timedelta(hours=1).total_seconds())
    now = clk.to_utc_naive(clock.now())
    with ctx.db.read() as s:
        cfg = settings.load(s, clock.now())
        ids = {
            ref: members.find_one(s, ref).id for ref in (silver, gold, lapsed, refunded, newcomer)
        }
        tiers = points.tiers_of(s, list(ids.values()), now, cfg)
        one_by_one = {m: points.tier_of(s, m, now, cfg) for m in ids.values()}
    assert tiers == one_by_one
    assert {ref: tiers[m].name for ref, m in ids.items()} == {
        silver: "银卡",
        gold: "金卡",
        lapsed: "普通",
        refunded: "普通",
        newcomer: "普通",
    }
