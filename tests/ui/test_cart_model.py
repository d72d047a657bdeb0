"""The cart model and its voucher preview (the service computes the real figures)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spa_pos.services.catalog import CatalogEntry
from spa_pos.services.vouchers import VoucherCheck
from spa_pos.ui.cart_model import CartModel, Column, preview

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


def coupon(fen: int, code: str = "V9") -> VoucherCheck:
    return VoucherCheck(
        code, True, "有效", code=code, reward="优惠券", kind="coupon", coupon_fen=fen
    )


def test_adding_an_item_twice_adds_to_its_line(qtbot: QtBot) -> None:
    model = CartModel()
    with qtbot.waitSignal(model.changed):
        model.add(AJ)
    model.add(TBAM)
    assert model.add(AJ, 2) == 0
    assert model.items() == [("AJ", 3), ("TBAM", 1)]
    assert model.rowCount() == 2
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


def test_a_service_voucher_frees_one_unit_of_its_item() -> None:
    p = preview([], [free_tbam()])
    assert p.unmatched == ["V1"] and p.due_fen == 0
    model = CartModel()
    model.add(TBAM, 2)
    model.add_voucher(free_tbam())
    assert model.preview.free_units == [1]
    assert model.preview.due_fen == 12800
    assert model.data(model.index(0, Column.DISCOUNT)) == "1 free"  # no translator here


def test_a_coupon_takes_off_no_more_than_is_left() -> None:
    model = CartModel()
    model.add(TBAM)
    model.add_voucher(free_tbam())
    model.add_voucher(coupon(1000))
    assert model.preview.coupon_fen == 0  # nothing left to take it off
    model.add(AJ)
    assert (
        model.preview.gross_fen,
        model.preview.free_fen,
        model.preview.coupon_fen,
        model.preview.due_fen,
    ) == (29600, 12800, 1000, 15800)
    model.remove_voucher("V9")
    assert model.preview.due_fen == 16800
    model.clear()
    assert model.is_empty() and model.preview.due_fen == 0
