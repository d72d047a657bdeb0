"""The 技师 cell at checkout (the member's usual therapist by default, T cycles, a click
picks) recorded by the sale, and the therapist report screen from 管理."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from spa_pos.models import SaleLine, StaffMember
from spa_pos.services import checkout, staff, therapists
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.ui.cart_model import CartModel, Column
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.therapist_report import TherapistReportDialog
from tests.conftest import register
from tests.ui.conftest import MANAGER_PIN, cell_text, child, press, wait_dialog

WANG, LI, ZHAO = "王技师", "李店长", "赵经理"


@pytest.fixture
def team(ctx: Ctx) -> None:
    """Two who treat (before the window opens, so the till offers them): a therapist, and
    a manager marked as treating by a commission rate of her own. Neither the manager who
    only runs the shop nor the owner the manager PIN made (店长) is offered."""
    staff.add(ctx, WANG, "therapist", "246801")
    staff.add(ctx, LI, "manager", "246802")
    staff.add(ctx, ZHAO, "manager", "246803")
    therapists.set_staff_rate(ctx, LI, 0)


def who(model: CartModel, row: int) -> str | None:
    return model.lines[row].therapist


def add(qtbot: QtBot, window: MainWindow, code: str) -> None:
    qtbot.keyClicks(window.checkout.search, code)
    press(qtbot, window, Qt.Key.Key_Return)


def test_the_therapist_defaults_to_the_members_usual_one_t_cycles_and_the_sale_records_it(
    qtbot: QtBot, team: None, window: MainWindow, cashier: Ctx
) -> None:
    card = register(cashier, "张三", "13800000001")
    checkout.sell(
        cashier,
        SaleRequest([("AJ", 1)], [("cash", 16800)], member=card, therapists={"AJ": WANG}),
    )
    with qtbot.waitSignal(window.member_changed):
        window.open_member(card)
    page, model = window.checkout, window.checkout.model
    qtbot.waitUntil(lambda: model.suggested == WANG)
    press(qtbot, window, Qt.Key.Key_F3)
    add(qtbot, window, "tbam")
    add(qtbot, window, "zyb")
    assert [line.therapist for line in model.lines] == [WANG, None]
    assert model.data(model.index(0, Column.THERAPIST)) == WANG
    assert model.data(model.index(1, Column.THERAPIST)) == ""  # a product names nobody
    press(qtbot, window, Qt.Key.Key_Down)  # into the cart
    assert page.table.hasFocus()
    page.table.setCurrentIndex(model.index(0, Column.NAME))
    assert page.therapist_names == [LI, WANG]
    press(qtbot, window, Qt.Key.Key_T)  # 王 is last of the names: then nobody
    assert who(model, 0) is None
    press(qtbot, window, Qt.Key.Key_T)
    assert who(model, 0) == LI
    page.table.setCurrentIndex(model.index(1, Column.NAME))
    press(qtbot, window, Qt.Key.Key_T)  # the product stays without
    assert model.lines[1].therapist is None
    qtbot.waitUntil(lambda: page.due.text() == "¥167.00")
    press(qtbot, window, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PaymentDialog)
    qtbot.keyClicks(dialog.fields["cash"], "167")
    press(qtbot, dialog, Qt.Key.Key_Return)
    wait_dialog(qtbot, SaleSummaryDialog)
    with cashier.db.read() as s:
        last_sale = select(func.max(SaleLine.sale_id)).scalar_subquery()
        rows = s.execute(
            select(SaleLine.name, StaffMember.name)
            .outerjoin(StaffMember, StaffMember.id == SaleLine.therapist_id)
            .where(SaleLine.sale_id == last_sale)
            .order_by(SaleLine.line_no)
        ).all()
    assert [tuple(r) for r in rows] == [("头部按摩", LI), ("足浴包", None)]


# A popup menu on the headless platform: it says it cannot raise it or grab the keyboard.
@pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing the keyboard)")
def test_a_click_on_the_cell_opens_a_picker_that_sets_the_therapist(
    qtbot: QtBot, team: None, window: MainWindow
) -> None:
    page, model = window.checkout, window.checkout.model
    qtbot.waitUntil(lambda: page.therapist_names == [LI, WANG])
    press(qtbot, window, Qt.Key.Key_F3)
    add(qtbot, window, "aj")
    cell = page.table.visualRect(model.index(0, Column.THERAPIST)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    menu = page.therapist_menu
    assert menu is not None and menu.isVisible()
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert names[:2] == [LI, WANG] and len(names) == 3  # and nobody
    menu.actions()[1].trigger()
    menu.close()
    assert model.lines[0].therapist == WANG
    assert model.request(None).therapists == {"AJ": WANG}


def test_a_product_line_offers_no_therapist(qtbot: QtBot, team: None, window: MainWindow) -> None:
    """足浴包 is a product: its 技师 cell is empty, says nothing, and a click, T or a
    restored draft naming someone does not give it a therapist."""
    page, model = window.checkout, window.checkout.model
    qtbot.waitUntil(lambda: page.therapist_names == [LI, WANG])
    press(qtbot, window, Qt.Key.Key_F3)
    add(qtbot, window, "zyb")
    cell = model.index(0, Column.THERAPIST)
    assert model.data(cell) == ""
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) is None
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(cell).center()
    )
    assert page.therapist_menu is None
    page.table.setCurrentIndex(model.index(0, Column.NAME))
    press(qtbot, window, Qt.Key.Key_T)
    assert who(model, 0) is None
    model.load([(model.lines[0].item, 1)], [], therapists={"ZYB": WANG})
    assert who(model, 0) is None and model.request(None).therapists == {}


def test_the_report_screen_from_manage_shows_each_therapist(
    qtbot: QtBot, team: None, window: MainWindow, cashier: Ctx
) -> None:
    checkout.sell(
        cashier,
        SaleRequest(
            [("AJ", 1), ("TBAM", 1)], [("cash", 29600)], therapists={"AJ": WANG, "TBAM": LI}
        ),
    )
    window.tabs.setCurrentWidget(window.manage_tab)
    child(window.manage, QPushButton, "openTherapistReport").click()
    dialog = wait_dialog(qtbot, TherapistReportDialog)
    # The clinic's month so far, whatever the machine's date: the sale shows as it opens.
    assert dialog.period() == (date(2026, 3, 1), date(2026, 3, 10))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert [cell_text(dialog.table, r, 0) for r in range(2)] == [LI, WANG]
    assert cell_text(dialog.table, 1, 1) == "1"
    assert cell_text(dialog.table, 1, 3) == "¥168.00"


def test_the_cashier_exports_the_report_with_the_manager_pin(
    qtbot: QtBot, team: None, window: MainWindow, tmp_path: Path
) -> None:
    """Each therapist's takings and commission in a file: `export_data`, so a PIN."""
    window.tabs.setCurrentWidget(window.manage_tab)
    child(window.manage, QPushButton, "openTherapistReport").click()
    dialog = wait_dialog(qtbot, TherapistReportDialog)
    out = tmp_path / "技师业绩.xlsx"
    dialog.export_to(out)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    assert not out.exists()
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: str(out) in dialog.status.text())
    assert out.exists()
