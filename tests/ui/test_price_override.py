"""改价 at the till: P on a cart line opens the price dialog; a cashier then needs the
manager's PIN on the spot and the sale records both names, a manager signed in is not
asked; the cart model keeps each line's therapist and changed price in its draft."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from spa_pos.models import AuditEntry, Sale
from spa_pos.services import catalog, drafts, staff
from spa_pos.services.checkout import PriceOverride
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui.cart_model import CartModel, Column
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.price_dialog import PriceDialog
from tests.ui.conftest import MANAGER_PIN, open_dialogs, press, sign_in, type_text, wait_dialog


def _change_price(qtbot: QtBot, window: MainWindow, price: str, reason: str) -> PriceDialog:
    page = window.checkout
    page.add_item(next(e for e in page.matches("AJ") if e.code == "AJ"))
    qtbot.waitUntil(lambda: page.due.text() == "¥168.00")
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, Column.NAME))
    press(qtbot, window, Qt.Key.Key_P)
    dialog = wait_dialog(qtbot, PriceDialog)
    qtbot.keyClicks(dialog.price, price)
    type_text(dialog.reason, reason)
    press(qtbot, dialog, Qt.Key.Key_Return)
    return dialog


def _pay(qtbot: QtBot, window: MainWindow, cash: str) -> None:
    press(qtbot, window, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PaymentDialog)
    qtbot.keyClicks(dialog.fields["cash"], cash)
    press(qtbot, dialog, Qt.Key.Key_Return)
    wait_dialog(qtbot, SaleSummaryDialog)


def _sale_audit(ctx: Ctx) -> tuple[str, dict[str, object]]:
    with ctx.db.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "sale.create")).one()
        return row.actor, json.loads(row.detail)


def test_a_cashiers_price_change_asks_for_the_manager_pin(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    page = window.checkout
    price = _change_price(qtbot, window, "300", "老顾客")
    qtbot.waitUntil(lambda: "原价" in price.error.text())  # above the list price: refused
    assert not open_dialogs(ManagerPinDialog)
    price.price.clear()
    qtbot.keyClicks(price.price, "120")
    press(qtbot, price, Qt.Key.Key_Return)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    assert page.model.overrides() == {}  # nothing changes before the PIN
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.due.text() == "¥120.00")
    assert page.model.lines[0].override == PriceOverride(12000, "老顾客")
    shown = page.model.data(page.model.index(0, Column.PRICE))
    assert isinstance(shown, str) and shown.startswith("¥120.00") and shown != "¥120.00"
    _pay(qtbot, window, "120")
    actor, detail = _sale_audit(ctx)
    assert actor == "收银台(店长)"
    assert detail["overrides"] == [
        {"item": "AJ", "list_fen": 16800, "unit_fen": 12000, "reason": "老顾客"}
    ]


def test_a_signed_in_manager_changes_a_price_without_a_pin(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    staff.add(ctx, "李店长", "manager", "97531357")
    window.sign_out()
    sign_in(qtbot, window, Actor("李店长", "manager"))
    page = window.checkout
    _change_price(qtbot, window, "100", "体验价")
    qtbot.waitUntil(lambda: page.due.text() == "¥100.00")
    assert not open_dialogs(ManagerPinDialog)
    _pay(qtbot, window, "100")
    actor, detail = _sale_audit(ctx)
    assert (actor, "approver" in detail) == ("李店长", False)
    with ctx.db.read() as s:
        assert s.scalars(select(Sale.due_fen)).one() == 10000


def test_the_carts_draft_keeps_each_lines_therapist_and_changed_price(
    qtbot: QtBot, ctx: Ctx
) -> None:
    model = CartModel()
    model.add(next(e for e in catalog.entries(ctx)[0] if e.code == "AJ"))
    model.set_therapist(0, "王技师")
    model.set_override(0, PriceOverride(12000, "老顾客"), Actor("店长", "owner"))
    drafts.save(ctx, model.draft(None))
    restored = drafts.load(ctx)
    assert restored is not None
    again = CartModel()
    again.load(restored.lines, restored.vouchers, restored.therapists, restored.overrides)
    assert (again.lines[0].therapist, again.lines[0].override) == (
        "王技师",
        PriceOverride(12000, "老顾客"),
    )
    assert again.approver is None  # a PIN given for the old cart is not kept
    assert again.request(None).overrides == {"AJ": PriceOverride(12000, "老顾客")}
