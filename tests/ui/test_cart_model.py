"""The cart model: what the cashier chose, shown with the service's quote of it."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spa_pos.services import pricing
from spa_pos.services.catalog import CatalogEntry
from spa_pos.services.pricing import PricedCart
from spa_pos.services.settings import Settings
from spa_pos.services.vouchers import VoucherCheck
from spa_pos.ui.cart_model import CartModel, Column

AJ = CatalogEntry("AJ", "艾灸", "理疗项目", "service", 16800)
TBAM = CatalogEntry("TBAM", "头部按摩", "理疗项目", "service", 12800)


def free_tbam(code: str = "V1") -> VoucherCheck:
    return VoucherCheck(
        code,
        True,
        "有效",
        code=code,
        reward="头部按摩",
        kind="service",
        item_code="TBAM",
        item=TBAM,
    )


def priced(model: CartModel) -> PricedCart:
    """The service's pricing of what the model holds (the quote minus the database)."""
    items = [
        (pricing.Item(ln.item.code, ln.item.name, ln.item.kind, ln.item.price_fen), ln.qty)
        for ln in model.lines
    ]
    tbam = pricing.Item("TBAM", "头部按摩", "service", 12800)
    uses = [pricing.VoucherUse(v.code, v.kind, tbam) for v in model.vouchers]
    return pricing.price(items, uses, Settings(), pricing.Earner(Fraction(1), False, False))


def test_adding_an_item_twice_adds_to_its_line(qtbot: QtBot) -> None:
    model = CartModel()
    with qtbot.waitSignal(model.changed):
        model.add(AJ)
    model.add(TBAM)
    assert model.add(AJ, 2) == 0
    assert model.items() == [("AJ", 3), ("TBAM", 1)]
    assert model.rowCount() == 2
    assert model.data(model.index(0, Column.AMOUNT)) == ""  # no quote yet
    assert model.set_quote(model.revision, priced(model))
    assert model.data(model.index(0, Column.AMOUNT)) == "¥504.00"


def test_quantity_is_edited_in_the_table_within_limits() -> None:
    model = CartModel()
    model.add(AJ)
    qty = model.index(0, Column.QTY)
    assert model.flags(qty) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, Column.NAME)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(qty, 4)
    assert not model.setData(qty, 0) and not model.setData(qty, 1000)
    assert not model.setData(qty, "two")
    assert model.items() == [("AJ", 4)]


def is_current(model: CartModel) -> bool:
    """Read through a call, so that mypy does not narrow the property across `set_quote`."""
    return model.quote_is_current


def test_the_lines_show_the_quote_of_the_current_cart_only() -> None:
    model = CartModel()
    model.add(TBAM, 2)
    model.add_voucher(free_tbam())
    stale = model.revision
    quote = priced(model)
    model.add(AJ)
    assert not model.set_quote(stale, quote) and not is_current(model)
    assert model.quote.due_fen == 0  # still the empty cart's
    assert model.set_quote(model.revision, priced(model)) and is_current(model)
    assert model.data(model.index(0, Column.DISCOUNT)) == "1 free"  # no translator here
    assert model.data(model.index(0, Column.AMOUNT)) == "¥128.00"
    assert model.data(model.index(1, Column.DISCOUNT)) == ""
    assert model.quote.due_fen == 12800 + 16800
    assert model.request("C1").vouchers == ["V1"] and model.request("C1").member == "C1"
    model.clear()
    assert model.is_empty() and not model.quote_is_current
