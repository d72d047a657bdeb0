"""审计记录 from 管理: behind the manager PIN for a cashier, straight away for a signed-in
manager; filtered by person, a row names who acted and who approved; "More" pages on;
the supervision report shows the flags and exports."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from spa_pos.clock import FixedClock
from spa_pos.services import audit_browse
from spa_pos.services.audit_browse import AuditFilter
from spa_pos.services.context import Actor, Ctx
from spa_pos.ui.audit_screen import AuditDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from tests.services.test_audit_browse import DAY1, DAY2, History, _history
from tests.ui.conftest import MANAGER_PIN, cell_text, child, press, wait_dialog

WHO, APPROVER, WHAT, CHANGE = 1, 2, 3, 4


def _open_as_manager(qtbot: QtBot, window: MainWindow) -> AuditDialog:
    qtbot.mouseClick(child(window.manage, QPushButton, "openAudit"), Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, AuditDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    return dialog


def _rows(dialog: AuditDialog) -> list[tuple[str, ...]]:
    table = dialog.table
    return [
        tuple(cell_text(table, r, c) for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def test_a_cashier_gets_the_trail_with_the_pin_and_filters_by_person(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    history: History = _history(ctx, clock)
    dialog = _open_as_manager(qtbot, window)
    qtbot.waitUntil(lambda: dialog.who.count() > 1)  # the staff names are offered
    dialog.who.setEditText("小李")
    qtbot.mouseClick(child(dialog, QPushButton, "auditSearch"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: {r[WHO] for r in _rows(dialog)} == {"小李"})
    rows = _rows(dialog)
    assert len(rows) == 8
    approved = [r for r in rows if r[APPROVER]]
    assert [(r[WHO], r[APPROVER]) for r in approved] == [("小李", "张店长")] * 3
    assert (f"积分调整 {history.card}", "150 → 450（老会员转入）") in [
        (r[WHAT], r[CHANGE]) for r in approved
    ]


def test_the_periods_end_on_the_clinics_business_day_not_the_machines_date(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    """A till whose clock keeps another zone than the clinic's (or whose date is simply
    not the test clock's) still opens on the clinic's day: the month so far shows the
    supervision report without touching the dates."""
    _history(ctx, clock)  # it ends on DAY2
    dialog = _open_as_manager(qtbot, window)
    assert dialog.last.date() == QDate(DAY2.year, DAY2.month, DAY2.day)
    assert dialog.report_period() == (DAY2.replace(day=1), DAY2)
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(child(dialog, QPushButton, "supervisionShow"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report_table.rowCount() == 2)


def test_more_pages_on_and_a_manager_needs_no_pin(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock
) -> None:
    _history(ctx, clock)
    window.worker.set_actor(Actor("张店长", "manager"))
    window.manage.open_audit()
    dialog = wait_dialog(qtbot, AuditDialog)
    assert dialog.viewer.actor.name == "张店长"
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    dialog.page_size = 3
    dialog.dated.setChecked(True)
    dialog.first.setDate(QDate(DAY1.year, DAY1.month, DAY1.day))
    dialog.last.setDate(QDate(DAY2.year, DAY2.month, DAY2.day))
    dialog.who.setEditText("小李")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3 and dialog.more_button.isEnabled())
    more = child(dialog, QPushButton, "auditMore")
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 6)
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 8)
    assert not dialog.more_button.isEnabled()
    every = audit_browse.browse(ctx, AuditFilter(who="小李", first=DAY1, last=DAY2)).rows
    assert _rows(dialog) == [
        (f"{r.at:%Y-%m-%d %H:%M}", r.who, r.approver, r.what, r.change) for r in every
    ]


def test_the_supervision_tab_flags_and_exports(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, clock: FixedClock, tmp_path: Path
) -> None:
    history = _history(ctx, clock)
    dialog = _open_as_manager(qtbot, window)
    dialog.tabs.setCurrentIndex(1)
    dialog.report_first.setDate(QDate(DAY1.year, DAY1.month, DAY1.day))
    dialog.report_last.setDate(QDate(DAY2.year, DAY2.month, DAY2.day))
    qtbot.mouseClick(child(dialog, QPushButton, "supervisionShow"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report_table.rowCount() == 2)
    names = [cell_text(dialog.report_table, r, 0) for r in range(2)]
    li = names.index("小李")
    assert cell_text(dialog.report_table, li, 3) == "2（张店长）"
    assert f"小李 在本期给会员 {history.card} 调整积分 3 次" in dialog.flags.text()
    out = tmp_path / "监督报表.xlsx"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: out.exists() and str(out) in dialog.status.text())
    assert load_workbook(out).worksheets[0].max_row == 3
