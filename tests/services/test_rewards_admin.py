"""The reward catalog as the clinic keeps it: cost, what the voucher gives, stock, and a
history of every stock move (restock, edit, redemption, cancellation)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from spa_pos.errors import DomainError
from spa_pos.services import adjustments, catalog, rewards, vouchers
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.rewards import RewardForm
from tests.conftest import register

PILLOW = RewardForm("RBJZ2", "保健枕兑换", 600, item_code="BJZ", stock=3)


def problems(ctx: Ctx, form: RewardForm, editing: str | None = None) -> dict[str, str]:
    with ctx.db.read() as s:
        return rewards.validate_reward(s, form, editing=editing)


def moves(ctx: Ctx, code: str) -> list[tuple[str, int, int | None, str, str]]:
    return [
        (m.kind, m.delta, m.stock_after, m.reason, m.actor)
        for m in rewards.stock_history(ctx, code)
    ]


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"code": "R-1"}, "code", "字母和数字"),
        ({"code": "r-tbam"}, "code", "字母和数字"),
        ({"name": ""}, "name", "请填写名称"),
        ({"points_cost": 0}, "points_cost", "1 到 1000000"),
        ({"points_cost": 1_000_001}, "points_cost", "1 到 1000000"),
        ({"item_code": None}, "item_code", "二选一"),
        ({"coupon_fen": 1000}, "item_code", "二选一"),
        ({"item_code": "ZJTN10"}, "item_code", "不是在售的服务或产品"),
        ({"item_code": "NOPE"}, "item_code", "不是在售的服务或产品"),
        ({"stock": -1}, "stock", "0 到 100000"),
        ({"stock": 100_001}, "stock", "0 到 100000"),
    ],
)
def test_each_field_is_checked_with_its_reason(
    ctx: Ctx, change: dict[str, object], field: str, text: str
) -> None:
    found = problems(ctx, replace(PILLOW, **change))  # type: ignore[arg-type]
    assert list(found) == [field]
    assert text in found[field]


def test_a_code_is_taken_whatever_its_case(ctx: Ctx) -> None:
    assert problems(ctx, PILLOW) == {}
    rewards.add_reward(ctx, PILLOW)
    assert problems(ctx, replace(PILLOW, code="rbjz2")) == {"code": "编码 RBJZ2 已被使用"}


def test_a_coupon_reward_needs_a_sane_amount(ctx: Ctx) -> None:
    coupon = RewardForm("Q20", "20元券", 200, coupon_fen=2000)
    assert problems(ctx, coupon) == {}
    assert "优惠券面额" in problems(ctx, replace(coupon, coupon_fen=0))["coupon_fen"]
    assert set(problems(ctx, replace(coupon, coupon_fen=10_000_001))) == {"coupon_fen"}
    row = rewards.add_reward(ctx, coupon)
    assert (row.kind, row.coupon_fen, row.stock, row.item_code) == ("coupon", 2000, None, None)


def test_what_the_voucher_gives_sets_the_kind(ctx: Ctx) -> None:
    assert rewards.add_reward(ctx, PILLOW).kind == "gift"
    service = rewards.add_reward(ctx, RewardForm("RAJ", "艾灸", 900, item_code="AJ"))
    assert (service.kind, service.gives) == ("service", "艾灸")


def test_restock_and_corrections_are_kept_with_who_and_why(ctx: Ctx) -> None:
    rewards.add_reward(ctx, PILLOW)
    assert rewards.restock(ctx, "RBJZ2", 5, " 到货 ").stock == 8
    assert rewards.restock(ctx, "RBJZ2", -2, "损坏").stock == 6
    assert moves(ctx, "RBJZ2") == [
        ("restock", -2, 6, "损坏", "cli"),
        ("restock", 5, 8, "到货", "cli"),
        ("add", 3, 3, "", "cli"),
    ]
    newest = rewards.stock_history(ctx, "RBJZ2")[0]
    assert (newest.kind_text, newest.at.hour) == ("补货/盘点", 10)  # 10:00 in Shanghai
    with pytest.raises(DomainError, match="原因"):
        rewards.restock(ctx, "RBJZ2", 1, " ")
    with pytest.raises(DomainError, match="现有 6"):
        rewards.restock(ctx, "RBJZ2", -7, "盘点")
    with pytest.raises(DomainError, match="不能为 0"):
        rewards.restock(ctx, "RBJZ2", 0, "盘点")
    with pytest.raises(DomainError, match="不限库存"):
        rewards.restock(ctx, "R-TBAM", 5, "到货")
    assert rewards.find_reward(ctx, "RBJZ2").stock == 6
    with pytest.raises(DomainError, match="店长权限"):
        rewards.restock(replace(ctx, actor=Actor("收银员")), "RBJZ2", 1, "到货")


def test_redeeming_and_cancelling_write_stock_moves(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, 1000, "测试")
    voucher = vouchers.redeem(ctx, card, "R-BJZ")
    vouchers.cancel(ctx, voucher.voucher_code)
    assert moves(ctx, "R-BJZ") == [("cancel", 1, 20, "", "cli"), ("redeem", -1, 19, "", "cli")]
    vouchers.redeem(ctx, card, "R-TBAM")  # unlimited: no stock, no move
    assert moves(ctx, "R-TBAM") == []


def test_an_edit_changes_cost_stock_and_state_with_a_stock_move(ctx: Ctx) -> None:
    form = rewards.find_reward(ctx, "R-ZYB").form()
    row = rewards.edit_reward(ctx, "R-ZYB", replace(form, points_cost=250, stock=45))
    assert (row.points_cost, row.stock) == (250, 45)
    assert moves(ctx, "R-ZYB") == [("edit", -5, 45, "", "cli")]
    rewards.edit_reward(ctx, "R-ZYB", replace(row.form(), stock=None))
    assert moves(ctx, "R-ZYB")[0][:3] == ("edit", -45, None)
    assert set(problems(ctx, replace(form, code="R-ZYB2"), editing="R-ZYB")) == {"code"}


def test_a_retired_reward_cannot_be_redeemed_and_stays_listed(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, 1000, "测试")
    form = rewards.find_reward(ctx, "R-TBAM").form()
    rewards.edit_reward(ctx, "R-TBAM", replace(form, active=False))
    with pytest.raises(DomainError, match="没有这个兑换项"):
        vouchers.redeem(ctx, card, "R-TBAM")
    assert "R-TBAM" not in [r.code for r in catalog.entries(ctx)[1]]
    assert rewards.list_rewards(ctx)[-1].code == "R-TBAM"
    assert [r.code for r in rewards.list_rewards(ctx, include_retired=False)] == [
        r.code for r in catalog.entries(ctx)[1]
    ]
    # its item may now leave the till
    tbam = catalog.find_item(ctx, "TBAM").spec()
    assert not catalog.edit_item(ctx, "TBAM", replace(tbam, active=False)).active
