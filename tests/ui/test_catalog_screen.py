"""The catalog and rewards screens in 管理, driven by the keyboard: behind the manager
PIN, each bad value refused next to its own field, and what is saved reaches the till."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from spa_pos.services import catalog, rewards
from spa_pos.services.context import Ctx
from spa_pos.ui.catalog_screen import CatalogDialog, ItemDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.rewards_screen import RestockDialog, RewardDialog, RewardsDialog
from tests.ui.conftest import (
    MANAGER_PIN,
    activate,
    cell_text,
    open_dialogs,
    press,
    type_text,
    wait_dialog,
)


def tab_to(qtbot: QtBot, window: MainWindow, target: QPushButton) -> None:
    """Move the keyboard focus with Tab until it is on `target`."""
    qtbot.waitUntil(target.isVisible)
    for _ in range(40):
        if QApplication.focusWidget() is target:
            return
        activate(qtbot, window)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    raise AssertionError(f"{target.objectName()} cannot be reached with the keyboard")


def open_screen(qtbot: QtBot, window: MainWindow, which: str, pin: str = MANAGER_PIN) -> None:
    press(qtbot, window, Qt.Key.Key_F7)
    tab_to(qtbot, window, getattr(window.manage, which))
    press(qtbot, window, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(dialog.pin, pin)
    press(qtbot, dialog, Qt.Key.Key_Return)


def open_catalog(qtbot: QtBot, window: MainWindow) -> CatalogDialog:
    open_screen(qtbot, window, "catalog")
    dialog = wait_dialog(qtbot, CatalogDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    return dialog


def shown(dialog: ItemDialog | RewardDialog, field: str) -> str:
    error = dialog.errors[field]
    return error.text() if error.isVisible() else ""


def ctrl(qtbot: QtBot, dialog: QDialog, key: Qt.Key) -> None:
    activate(qtbot, dialog)
    target = QApplication.focusWidget() or dialog
    qtbot.keyClick(target, key, Qt.KeyboardModifier.ControlModifier)


def test_a_wrong_pin_opens_nothing(qtbot: QtBot, window: MainWindow) -> None:
    open_screen(qtbot, window, "catalog", pin="0000")
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.waitUntil(lambda: bool(pin.error.text()))
    assert not open_dialogs(CatalogDialog)


def test_a_new_item_is_checked_field_by_field_then_reaches_the_till(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    screen = open_catalog(qtbot, window)
    assert cell_text(screen.table, 0, 0) in {i.code for i in catalog.list_items(cashier)}
    ctrl(qtbot, screen, Qt.Key.Key_N)
    dialog = wait_dialog(qtbot, ItemDialog)
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClicks(dialog.code, "aj")  # the demo's AJ, whatever the case
    assert "编码 AJ 已被使用" in shown(dialog, "code")
    assert dialog.code.property("invalid") is True
    assert shown(dialog, "name") == ""  # untouched fields stay quiet
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClick(dialog.code, Qt.Key.Key_Backspace)
        qtbot.keyClick(dialog.code, Qt.Key.Key_Backspace)
        qtbot.keyClicks(dialog.code, "JJ1")
    assert shown(dialog, "code") == ""

    qtbot.keyClick(dialog.code, Qt.Key.Key_Tab)  # to the name
    type_text(dialog.name, "肩颈放松")
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClicks(dialog.price, "1280000")
    assert "¥100,000.00" in shown(dialog, "price_fen")
    press(qtbot, dialog, Qt.Key.Key_Return)  # save: every problem shows, nothing saved
    qtbot.waitUntil(lambda: bool(shown(dialog, "category")))
    assert "请填写类别" in shown(dialog, "category")
    assert dialog.isVisible()

    dialog.price.clear()
    qtbot.keyClicks(dialog.price, "128")
    type_text(dialog.category, "肩颈")
    qtbot.keyClicks(dialog.points, "50")
    with qtbot.waitSignal(window.worker.changed):
        press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    row = catalog.find_item(cashier, "JJ1")
    assert (row.name, row.category, row.price_fen, row.points) == ("肩颈放松", "肩颈", 12800, 50)
    qtbot.waitUntil(
        lambda: "JJ1" in [cell_text(screen.table, n, 0) for n in range(screen.table.rowCount())]
    )
    qtbot.waitUntil(lambda: "肩颈" in [b.text() for b in window.checkout.chip_group.buttons()])


def test_an_item_is_edited_and_retired_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    screen = open_catalog(qtbot, window)
    codes = [cell_text(screen.table, n, 0) for n in range(screen.table.rowCount())]
    screen.table.setFocus()
    for _ in range(codes.index("YY")):
        qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    press(qtbot, screen, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, ItemDialog)
    assert dialog.name.text() == "药浴" and dialog.code.isReadOnly()
    with qtbot.waitSignal(dialog.validated):
        dialog.price.selectAll()
        qtbot.keyClicks(dialog.price, "-5")
    assert "金额" in shown(dialog, "price_fen")
    dialog.price.selectAll()
    qtbot.keyClicks(dialog.price, "258")
    dialog.active.setFocus()
    qtbot.keyClick(dialog.active, Qt.Key.Key_Space)  # off the till
    with qtbot.waitSignal(window.worker.changed):
        press(qtbot, dialog, Qt.Key.Key_Return)
    row = catalog.find_item(cashier, "YY")
    assert (row.price_fen, row.active) == (25800, False)
    qtbot.waitUntil(lambda: screen.table.rowCount() == len(codes) - 1)  # retired: hidden
    screen.show_retired.setFocus()
    qtbot.keyClick(screen.show_retired, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.table.rowCount() == len(codes))
    assert cell_text(screen.table, len(codes) - 1, 7) == "已停售"


def test_retiring_what_a_reward_gives_is_refused_next_to_the_status(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = open_catalog(qtbot, window)
    codes = [cell_text(screen.table, n, 0) for n in range(screen.table.rowCount())]
    screen.table.selectRow(codes.index("TBAM"))
    press(qtbot, screen, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, ItemDialog)
    with qtbot.waitSignal(dialog.validated):
        dialog.active.setFocus()
        qtbot.keyClick(dialog.active, Qt.Key.Key_Space)
    assert "兑换项「头部按摩」" in shown(dialog, "active")


def open_rewards(qtbot: QtBot, window: MainWindow) -> RewardsDialog:
    open_screen(qtbot, window, "rewards")
    dialog = wait_dialog(qtbot, RewardsDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    return dialog


def test_a_new_reward_with_a_bad_cost_then_good(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    screen = open_rewards(qtbot, window)
    ctrl(qtbot, screen, Qt.Key.Key_N)
    dialog = wait_dialog(qtbot, RewardDialog)
    qtbot.keyClicks(dialog.code, "RQ20")
    type_text(dialog.name, "20元优惠券")
    with qtbot.waitSignal(dialog.validated):
        qtbot.keyClicks(dialog.cost, "0")
    assert "1 到 1000000" in shown(dialog, "points_cost")
    assert dialog.cost.property("invalid") is True
    dialog.cost.selectAll()
    qtbot.keyClicks(dialog.cost, "200")
    qtbot.keyClicks(dialog.coupon, "20")
    with qtbot.waitSignal(window.worker.changed):
        press(qtbot, dialog, Qt.Key.Key_Return)
    made = rewards.find_reward(cashier, "RQ20")
    assert (made.kind, made.coupon_fen, made.points_cost, made.stock) == ("coupon", 2000, 200, None)
    qtbot.waitUntil(lambda: "RQ20" in [r.code for r in window.rewards])


def test_restock_with_a_reason_shows_in_the_history(
    qtbot: QtBot, window: MainWindow, cashier: Ctx
) -> None:
    screen = open_rewards(qtbot, window)
    codes = [cell_text(screen.table, n, 0) for n in range(screen.table.rowCount())]
    screen.table.selectRow(codes.index("R-ZYB"))
    ctrl(qtbot, screen, Qt.Key.Key_R)
    dialog = wait_dialog(qtbot, RestockDialog)
    qtbot.keyClicks(dialog.delta, "-60")
    type_text(dialog.reason, "盘点")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.errors["delta"].isVisible())
    assert "现有 50" in dialog.errors["delta"].text()
    dialog.delta.selectAll()
    qtbot.keyClicks(dialog.delta, "5")
    with qtbot.waitSignal(screen.history_loaded, timeout=10_000):
        press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.history.rowCount() == 1)
    assert [cell_text(screen.history, 0, c) for c in (1, 2, 3, 4, 5)] == [
        "收银台(店长)",
        "补货/盘点",
        "+5",
        "55",
        "盘点",
    ]
    assert rewards.find_reward(cashier, "R-ZYB").stock == 55
