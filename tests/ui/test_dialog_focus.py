"""After a dialog closes, the keyboard is back where the cashier was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.member_dialog import MemberDialog
from spa_pos.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import press, wait_dialog


def test_settings_closed_with_esc_gives_the_keyboard_back_to_the_checkout_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window, Qt.Key.Key_F3)
    window.checkout.table.setFocus()  # the cashier was in the cart, not the first field
    press(qtbot, window, Qt.Key.Key_F9)
    dialog = wait_dialog(qtbot, SettingsDialog)
    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.table)


def test_a_dialog_closed_from_the_today_screen_gives_the_keyboard_back_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.search)
    press(qtbot, window, Qt.Key.Key_F2)
    dialog = wait_dialog(qtbot, MemberDialog)
    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.search)
