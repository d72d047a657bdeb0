"""The till's open cart kept as a draft: saved, loaded against today's catalog, and gone
once the cart is sold or given up."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, CartDraft
from spa_pos.services import adjustments, catalog, checkout, drafts, staff, vouchers
from spa_pos.services.checkout import PriceOverride, SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.drafts import Draft, DraftLine
from tests.conftest import register

AJ, ZYB = DraftLine("AJ", 1, 16800), DraftLine("ZYB", 2, 3900)


def audit_rows(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_save_replaces_the_tills_draft_and_load_gives_it_back(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    assert drafts.load(ctx) is None
    before = audit_rows(ctx)
    drafts.save(ctx, Draft([AJ]))
    drafts.save(ctx, Draft([AJ, ZYB], member=member))
    assert audit_rows(ctx) == before  # not money: no audit row, automatic or not
    with ctx.db.read() as s:
        assert [r.till for r in s.scalars(select(CartDraft))] == ["main"]
    restored = drafts.load(ctx)
    assert restored is not None
    assert [(e.code, qty) for e, qty in restored.lines] == [("AJ", 1), ("ZYB", 2)]
    assert restored.member is not None and restored.member.card_no == member
    assert restored.quote == checkout.quote(
        ctx, SaleRequest(items=[("AJ", 1), ("ZYB", 2)], member=member)
    )
    assert restored.quote.due_fen == 16800 + 2 * 3900
    assert restored.notes == []


def test_discard_and_an_empty_cart_leave_no_draft(ctx: Ctx) -> None:
    drafts.save(ctx, Draft([AJ]))
    drafts.discard(ctx)
    assert drafts.load(ctx) is None
    drafts.save(ctx, Draft([AJ]))
    drafts.save(ctx, Draft([]))  # the cashier removed the last line
    assert drafts.stored(ctx) is None


def test_each_till_has_its_own_draft(ctx: Ctx) -> None:
    drafts.save(ctx, Draft([AJ]))
    drafts.save(ctx, Draft([ZYB]), till="second")
    drafts.discard(ctx, "second")
    assert drafts.stored(ctx) == Draft([AJ])


def test_a_retired_item_is_left_out_with_a_note(ctx: Ctx) -> None:
    drafts.save(ctx, Draft([AJ, ZYB]))
    aj = catalog.find_item(ctx, "AJ").spec()
    catalog.edit_item(ctx, "AJ", replace(aj, active=False))
    restored = drafts.load(ctx)
    assert restored is not None
    assert [(e.code, qty) for e, qty in restored.lines] == [("ZYB", 2)]
    assert restored.quote.due_fen == 2 * 3900
    assert restored.notes == ["艾灸 ×1 已下架，未恢复到购物车"]


def test_a_changed_price_is_quoted_again_and_pointed_out(ctx: Ctx) -> None:
    drafts.save(ctx, Draft([ZYB]))
    zyb = catalog.find_item(ctx, "ZYB").spec()
    catalog.edit_item(ctx, "ZYB", replace(zyb, price_fen=4500))
    restored = drafts.load(ctx)
    assert restored is not None
    assert restored.lines[0][0].price_fen == 4500
    assert restored.quote.due_fen == 9000
    assert restored.notes == ["足浴包 的价格已从 ¥39.00 变为 ¥45.00"]


def test_a_voucher_used_meanwhile_is_left_out(ctx: Ctx) -> None:
    member = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, member, 300, "赠送")
    v = vouchers.redeem(ctx, member, "R-TBAM")
    drafts.save(ctx, Draft([DraftLine("TBAM", 1, 12800)], member, [v.voucher_code]))
    kept = drafts.load(ctx)
    assert kept is not None and [x.code for x in kept.vouchers] == [v.voucher_code]
    assert kept.quote.due_fen == 0
    checkout.sell(ctx, SaleRequest(items=[("TBAM", 1)], member=member, vouchers=[v.voucher_code]))
    restored = drafts.load(ctx)
    assert restored is not None and restored.vouchers == []
    assert restored.quote.due_fen == 12800
    assert restored.notes == [f"兑换券 {v.voucher_code} 已不能使用（已使用），未恢复到购物车"]


def test_the_sale_of_the_tills_cart_deletes_its_draft(ctx: Ctx) -> None:
    drafts.save(ctx, Draft([AJ]))
    request = SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)], till=drafts.MAIN_TILL)
    checkout.sell(ctx, request)
    assert drafts.stored(ctx) is None


def test_a_refused_sale_keeps_the_draft(ctx: Ctx) -> None:
    drafts.save(ctx, Draft([AJ]))
    short = SaleRequest(items=[("AJ", 1)], payments=[("cash", 100)], till=drafts.MAIN_TILL)
    with pytest.raises(DomainError):
        checkout.sell(ctx, short)
    assert drafts.stored(ctx) == Draft([AJ])


def test_a_sale_of_another_till_or_the_cli_leaves_the_draft(ctx: Ctx) -> None:
    drafts.save(ctx, Draft([AJ]))
    checkout.sell(ctx, SaleRequest(items=[("ZYB", 1)], payments=[("cash", 3900)]))
    assert drafts.stored(ctx) == Draft([AJ])


def test_a_draft_keeps_each_lines_therapist_and_changed_price(ctx: Ctx) -> None:
    staff.add(ctx, "小周", "therapist", "135792")
    aj = DraftLine("AJ", 1, 16800, "小周", PriceOverride(12000, "老顾客优惠"))
    drafts.save(ctx, Draft([aj, ZYB]))
    assert drafts.stored(ctx) == Draft([aj, ZYB])
    restored = drafts.load(ctx)
    assert restored is not None
    assert restored.therapists == {"AJ": "小周"}
    assert restored.overrides == {"AJ": PriceOverride(12000, "老顾客优惠")}
    assert restored.quote.due_fen == 12000 + 2 * 3900
    assert restored.notes == []


def test_a_changed_price_does_not_come_back_once_the_list_price_changed(ctx: Ctx) -> None:
    aj = DraftLine("AJ", 1, 16800, None, PriceOverride(12000, "老顾客优惠"))
    drafts.save(ctx, Draft([aj]))
    spec = catalog.find_item(ctx, "AJ").spec()
    catalog.edit_item(ctx, "AJ", replace(spec, price_fen=10000))
    restored = drafts.load(ctx)
    assert restored is not None
    assert restored.overrides == {}
    assert restored.quote.due_fen == 10000
    assert restored.notes == ["艾灸 的价格已从 ¥168.00 变为 ¥100.00"]
