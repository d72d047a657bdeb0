"""The guards of issue #13 beyond the role × action table: a price changed at the till
and a back-dated sale recorded with who approved them, a backup to a new folder and an
import refused to a cashier by the services themselves."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, CatalogItem, SaleLine
from spa_pos.services import checkout, imports, maintenance, settings, unit_of_work
from spa_pos.services.checkout import PriceOverride, SaleRequest
from spa_pos.services.context import Actor, Ctx
from tests.conftest import register

CASHIER = Actor("小李", "cashier")
APPROVED = Actor("小李", "cashier", Actor("张店长", "manager"))


def _as(ctx: Ctx, actor: Actor) -> Ctx:
    return replace(ctx, actor=actor)


def _last_audit(ctx: Ctx, action: str) -> tuple[str, dict[str, object]]:
    with ctx.db.read() as s:
        row = s.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id.desc())
        ).first()
        assert row is not None
        return row.actor, json.loads(row.detail)


# --- price overrides ------------------------------------------------------------------


def test_an_overridden_price_is_quoted_and_sold_the_same(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000002")
    request = SaleRequest(
        [("AJ", 2), ("ZJTN", 1)],
        member=card,
        overrides={"AJ": PriceOverride(12000, "老顾客优惠")},
    )
    quote = checkout.quote(ctx, request)
    aj = quote.line_for("AJ")
    assert aj is not None and (aj.list_fen, aj.item.price_fen, aj.amount_fen) == (
        16800,
        12000,
        24000,
    )
    assert aj.overridden and not quote.lines[1].overridden
    request.payments = [("cash", quote.due_fen)]
    sold = checkout.sell(_as(ctx, APPROVED), request)
    assert (sold.total_fen, sold.points_earned) == (quote.due_fen, quote.points_earned)
    with ctx.db.read() as s:
        line = s.scalars(select(SaleLine).where(SaleLine.name == aj.item.name)).one()
        assert (line.unit_fen, line.amount_fen, line.net_fen) == (12000, 24000, aj.net_fen)
    actor, detail = _last_audit(ctx, "sale.create")
    assert actor == "小李(张店长)"
    assert detail["approver"] == "张店长"
    assert detail["overrides"] == [
        {"item": "AJ", "list_fen": 16800, "unit_fen": 12000, "reason": "老顾客优惠"}
    ]


def test_a_cashier_may_not_change_a_price_alone(ctx: Ctx) -> None:
    request = SaleRequest(
        [("AJ", 1)], [("cash", 100)], overrides={"AJ": PriceOverride(100, "熟人")}
    )
    with pytest.raises(DomainError, match="改价需要店长权限"):
        checkout.sell(_as(ctx, CASHIER), request)
    assert checkout.quote(_as(ctx, CASHIER), request).due_fen == 100  # the preview shows it


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        (PriceOverride(16801, "涨价"), "checkout.override_above_list"),
        (PriceOverride(-1, "倒贴"), "checkout.override_above_list"),
        (PriceOverride(10000, "  "), "checkout.override_needs_reason"),
    ],
)
def test_an_override_is_between_zero_and_the_list_price_with_a_reason(
    ctx: Ctx, change: PriceOverride, refusal: str
) -> None:
    with pytest.raises(DomainError) as refused:
        checkout.quote(ctx, SaleRequest([("AJ", 1)], overrides={"AJ": change}))
    assert refused.value.code == refusal


def test_an_override_names_an_item_in_the_cart(ctx: Ctx) -> None:
    with pytest.raises(DomainError) as refused:
        checkout.quote(ctx, SaleRequest([("AJ", 1)], overrides={"TBAM": PriceOverride(0, "x")}))
    assert refused.value.code == "checkout.override_not_in_cart"


def test_a_free_override_sells_for_nothing(ctx: Ctx) -> None:
    request = SaleRequest([("AJ", 1)], overrides={"AJ": PriceOverride(0, "赠送体验")})
    assert checkout.sell(ctx, request).total_fen == 0


# --- back-dated sales -----------------------------------------------------------------


def test_a_back_dated_sale_needs_a_manager_and_says_so_in_the_audit(ctx: Ctx) -> None:
    now = ctx.clock.now()
    earlier = now - timedelta(hours=3)
    request = SaleRequest([("AJ", 1)], [("cash", 16800)], at=earlier)
    with pytest.raises(DomainError, match="补录较早时间的业务需要店长权限"):
        checkout.sell(_as(ctx, CASHIER), request)

    checkout.sell(_as(ctx, APPROVED), request)
    actor, detail = _last_audit(ctx, "sale.create")
    assert actor == "小李(张店长)"
    assert detail["approver"] == "张店长"
    assert detail["backdated"] is True
    assert detail["entered_at"] == now.isoformat()


def test_a_sale_a_few_minutes_late_is_no_back_dating(ctx: Ctx) -> None:
    a_bit_ago = ctx.clock.now() - unit_of_work.BACKDATE_GRACE + timedelta(seconds=1)
    checkout.sell(_as(ctx, CASHIER), SaleRequest([("AJ", 1)], [("cash", 16800)], at=a_bit_ago))
    _, detail = _last_audit(ctx, "sale.create")
    assert "backdated" not in detail


# --- the backup folder and imports ----------------------------------------------------


def test_a_cashier_backs_up_to_the_folder_in_force_but_not_to_a_new_one(
    ctx: Ctx, tmp_path: Path
) -> None:
    usb, other = tmp_path / "usb", tmp_path / "other"
    usb.mkdir()
    other.mkdir()
    maintenance.backup_now(ctx, usb)  # the owner chose the folder
    cashier = _as(ctx, CASHIER)
    assert maintenance.backup_now(cashier, usb).file.parent == usb
    with pytest.raises(DomainError, match="修改设置需要店长权限"):
        maintenance.backup_now(cashier, other)
    assert not list(other.iterdir())  # refused before anything was written
    assert settings.current(ctx).backup_dir == str(usb.absolute())
    maintenance.backup_now(_as(ctx, APPROVED), other)
    assert settings.current(ctx).backup_dir == str(other.absolute())


def _catalog_file(path: Path) -> Path:
    path.write_text("编码,名称,类别,价格\nJYL,精油,产品,59.9\n", encoding="utf-8")
    return path


def _members_file(path: Path) -> Path:
    path.write_text("姓名,手机,积分\n王五,13900000001,5000\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("kind", "make", "refusal"),
    [
        ("catalog", _catalog_file, "修改项目、兑换目录、积分规则和限时活动需要店长权限"),
        ("members", _members_file, "超过限额调整积分需要店长权限"),
    ],
)
def test_an_import_is_refused_to_a_cashier_by_the_service(
    ctx: Ctx, tmp_path: Path, kind: str, make: Callable[[Path], Path], refusal: str
) -> None:
    path = make(tmp_path / f"{kind}.csv")
    cashier = _as(ctx, CASHIER)
    assert imports.run(cashier, kind, path, dry_run=True).imported == 0  # the preview is open
    with pytest.raises(DomainError, match=refusal):
        imports.run(cashier, kind, path)
    assert imports.run(_as(ctx, APPROVED), kind, path).imported == 1
    if kind == "catalog":
        with ctx.db.read() as s:
            assert s.scalars(select(CatalogItem).where(CatalogItem.code == "JYL")).one()
