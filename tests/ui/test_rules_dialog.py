"""积分规则 by keyboard: the manager PIN opens it from 管理, a bad value is refused next to
its field (with the service's reason) and nothing is written, a good change is saved in
force from the chosen time and listed in the history."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLabel, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from spa_pos.models import AuditEntry, RuleChange
from spa_pos.services import rules
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.rules_dialog import RulesDialog
from tests.ui.conftest import MANAGER_PIN, activate, cell_text, child, press, wait_dialog

SH = ZoneInfo("Asia/Shanghai")


def open_rules(qtbot: QtBot, window: MainWindow) -> RulesDialog:
    press(qtbot, window, Qt.Key.Key_F7)
    window.manage.rules.setFocus()
    press(qtbot, window, Qt.Key.Key_Return)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    return wait_dialog(qtbot, RulesDialog)


def retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def edit_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """F2 opens the cell's editor; type over its text, Enter commits."""
    activate(qtbot, table)
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell_text(table, row, column) == text)  # committed when queued


def error_of(dialog: RulesDialog, key: str) -> QLabel:
    return child(dialog, QLabel, f"{key}Error")


def written(ctx: Ctx) -> tuple[int, int]:
    with ctx.db.read() as s:
        return (
            s.scalar(select(func.count(RuleChange.id))) or 0,
            s.scalar(select(func.count(AuditEntry.id))) or 0,
        )


def test_a_bad_value_is_refused_next_to_its_field_and_a_good_one_saved_from_a_time(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    dialog = open_rules(qtbot, window)
    dormant = child(dialog, QLineEdit, "dormant_days")
    assert dormant.text() == "30"
    before = written(ctx)

    retype(qtbot, dormant, "0")
    qtbot.waitUntil(lambda: error_of(dialog, "dormant_days").isVisible())
    # the rule is named as on the screen, not by its setting key
    reason = "设置项 沉睡：多少天未到店 应为不小于 1 的整数，而不是 0"
    assert error_of(dialog, "dormant_days").text() == reason
    qtbot.keyClick(dormant, Qt.Key.Key_Return)  # save: refused, nothing written
    dialog.worker.wait_for_done()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert error_of(dialog, "dormant_days").text() == reason
    assert written(ctx) == before

    retype(qtbot, dormant, "45")
    qtbot.waitUntil(lambda: not error_of(dialog, "dormant_days").isVisible())
    dialog.from_now.setFocus()
    qtbot.keyClick(dialog.from_now, Qt.Key.Key_Space)
    assert dialog.start.isEnabled()
    dialog.start.setFocus()
    for section, typed in (
        (QDateTimeEdit.Section.DaySection, "11"),
        (QDateTimeEdit.Section.HourSection, "00"),
    ):
        dialog.start.setSelectedSection(section)
        qtbot.keyClicks(dialog.start, typed)
    assert dialog.start.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-11 00:00"
    qtbot.keyClick(dialog.start, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: "已保存" in dialog.note.text() or "Saved" in dialog.note.text())
    midnight = datetime(2026, 3, 11, tzinfo=SH)
    assert rules.in_force(ctx, midnight - timedelta(seconds=1)).rules["dormant_days"] == 30
    assert rules.in_force(ctx, midnight).rules["dormant_days"] == 45
    (change,) = rules.history(ctx)
    assert change.actor == "收银台(店长)"
    changes = child(dialog, QTableWidget, "ruleChanges")
    assert [cell_text(changes, 0, c) for c in (0, 1, 3)] == [
        "2026-03-11 00:00",
        "沉睡：多少天未到店",
        "45",
    ]
    assert dormant.text() == "30"  # the form shows the rules in force now


def test_tiers_must_increase_and_the_rules_of_a_past_time_are_shown(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    dialog = open_rules(qtbot, window)
    tiers = dialog.tiers
    edit_cell(qtbot, tiers, 1, 1, "0")  # 银卡's threshold
    qtbot.waitUntil(lambda: error_of(dialog, "tiers").isVisible())
    assert "各等级的门槛应逐级升高" in error_of(dialog, "tiers").text()

    edit_cell(qtbot, tiers, 1, 1, "500")
    qtbot.waitUntil(lambda: not error_of(dialog, "tiers").isVisible())

    dialog.show_at.setFocus()
    qtbot.keyClick(dialog.show_at, Qt.Key.Key_Return)
    at_table = child(dialog, QTableWidget, "rulesAtTable")
    qtbot.waitUntil(lambda: at_table.rowCount() == len(rules.LOYALTY_KEYS))
    assert [cell_text(at_table, 0, c) for c in (0, 1)] == ["每消费 1 元得积分", "1"]


def test_the_rules_screen_renders_with_a_refused_value(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    """Drawn off screen to a file (the tests never write into the checkout)."""
    rules.change(ctx, {"birthday_multiplier": "3"}, datetime(2026, 3, 11, tzinfo=SH))
    rules.change(ctx, {"dormant_days": 45})
    dialog = open_rules(qtbot, window)
    retype(qtbot, child(dialog, QLineEdit, "birthday_multiplier"), "0")
    qtbot.waitUntil(lambda: error_of(dialog, "birthday_multiplier").isVisible())
    shot = tmp_path / "rules.png"
    assert dialog.grab().save(str(shot))
    assert shot.stat().st_size > 10_000
