"""Background jobs (后台任务): a manager runs a job now and its run is listed; the
scheduler's runs reach the list across threads; the scheduler stops with the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from spa_pos.models import JobRun
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from tests.ui.conftest import MANAGER_PIN, cell_text, press, wait_dialog


def test_a_manager_runs_the_expiry_now_and_it_is_listed(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    press(qtbot, window, Qt.Key.Key_F7)
    panel = window.manage.jobs
    assert window.tabs.currentWidget() is window.manage_tab
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0 and panel.job.count() == 5)
    panel.job.setCurrentIndex(panel.job.findData("expiry"))
    assert panel.job.currentText() == "积分过期"
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    assert any("立即运行“积分过期”" in w.text() for w in pin.findChildren(QLabel))
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    with qtbot.waitSignal(panel.job_ran, timeout=10_000):
        press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    cells = [cell_text(panel.table, 0, c) for c in range(5)]
    assert cells[0] == "积分过期" and cells[1].startswith("2026-03-10") and cells[2] == "完成"
    assert "积分过期：变更 0 项" in window.statusBar().currentMessage()
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(JobRun.id))) == 1


def test_a_wrong_pin_runs_nothing(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.mouseClick(window.manage.jobs.run_button, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, "0000")
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pin.error.text() == "店长密码不对")
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(JobRun.id))) == 0


def test_the_schedulers_runs_are_listed_and_it_stops_with_the_window(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    press(qtbot, window, Qt.Key.Key_F7)
    panel = window.manage.jobs
    window.background.enabled = True
    with qtbot.waitSignal(window.background.run_finished, timeout=30_000) as finished:
        window.background.start()  # the start-up catch-up runs every job once
    assert finished.args == ["catch_up"]
    qtbot.waitUntil(lambda: panel.table.rowCount() == 5)
    titles = {cell_text(panel.table, row, 0) for row in range(5)}
    assert titles == {"积分过期", "连续消费奖励", "会员提醒", "会员标签", "日终备份"}
    backup_row = next(r for r in range(5) if cell_text(panel.table, r, 0) == "日终备份")
    assert cell_text(panel.table, backup_row, 2) == "跳过"
    assert "未设置备份文件夹" in cell_text(panel.table, backup_row, 4)
    scheduler = window.background.scheduler
    assert scheduler is not None and scheduler.running
    window.close()
    assert not scheduler.running and not window.background.running
