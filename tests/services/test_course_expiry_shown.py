"""A course balance past its last day is not offered: `member show`, the window's member
view and the receipt leave it out, and "sessions left" after a use counts only the
balances still valid."""

from __future__ import annotations

from spa_pos.clock import FixedClock
from spa_pos.services import catalog, courses, profile, receipts
from spa_pos.services.catalog import ItemSpec
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests.conftest import register

SERVICE = ItemSpec("JJ1", "肩颈放松", "service", 12800, None, "肩颈")
COURSE = ItemSpec("JJ10", "肩颈十次", "course", 108000, None, "肩颈", 10, "JJ1", valid_days=30)


def _shown(ctx: Ctx, card: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """What `member show` and the window's member view offer."""
    view = profile.member_view(ctx, card)
    return profile.show(ctx, card).courses, [(c.code, c.sessions_left) for c in view.courses]


def test_an_expired_balance_is_left_out(ctx: Ctx, clock: FixedClock) -> None:
    card = register(ctx, "张三", "13800000001")
    catalog.add_item(ctx, SERVICE)
    catalog.add_item(ctx, COURSE)
    sell(ctx, SaleRequest([("JJ10", 1)], [("cash", 108000)], member=card))  # through 04-09
    sell(ctx, SaleRequest([("ZJTN10", 1)], [("cash", 358000)], member=card))  # no last day
    clock.advance(days=30, hours=13, minutes=59)  # 2026-04-09 23:59 in Shanghai
    assert _shown(ctx, card) == (
        [("肩颈十次", 10), ("针灸推拿十次疗程", 10)],
        [("JJ10", 10), ("ZJTN10", 10)],
    )
    clock.advance(minutes=1)  # 2026-04-10: the course's balance is over
    assert _shown(ctx, card) == ([("针灸推拿十次疗程", 10)], [("ZJTN10", 10)])
    sale_no = sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card)).sale_no
    with ctx.db.read() as s:
        receipt = receipts.sale_receipt(s, sale_no, ctx.clock.now())
    assert receipt.courses_left == (("针灸推拿十次疗程", 10),)


def test_sessions_left_after_a_use_count_only_valid_balances(ctx: Ctx, clock: FixedClock) -> None:
    card = register(ctx, "张三", "13800000001")
    catalog.add_item(ctx, SERVICE)
    catalog.add_item(ctx, COURSE)
    sell(ctx, SaleRequest([("JJ10", 1)], [("cash", 108000)], member=card))  # through 04-09
    clock.advance(days=20)
    sell(ctx, SaleRequest([("JJ10", 1)], [("cash", 108000)], member=card))  # through 04-29
    clock.advance(days=11)  # 2026-04-10: the first is over, ten sessions unused
    assert courses.use_session(ctx, card, "JJ1").sessions_left == 9
    assert _shown(ctx, card) == ([("肩颈十次", 9)], [("JJ10", 9)])
