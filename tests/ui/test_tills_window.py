"""The window as one of two tills: 设置 names this till, the day close shows it and, when
another till worked that day, the whole clinic."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from spa_pos import till
from spa_pos.printing.content import Heading
from spa_pos.services import checkout, dayclose
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.ui.day_close import DayCloseDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.widgets import alive
from tests.ui.conftest import press
from tests.ui.test_day_close import open_day_close
from tests.ui.test_settings_dialog import approve, open_settings


def test_settings_name_this_till_and_the_window_acts_as_it(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    # The cashier sees which till this is, in the header and the title bar.
    assert window.till_name.isVisibleTo(window)
    assert "前台" in window.till_name.text()
    assert window.till_name.text() in window.windowTitle()
    dialog = open_settings(qtbot, window)
    assert dialog.till.text() == "前台"  # never named
    dialog.till.setText("   ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "收银台名称" in dialog.error.text()
    dialog.till.setText("二楼")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        approve(qtbot)
    assert till.saved() == "二楼"  # on this computer, not in the database
    qtbot.waitUntil(lambda: window.worker.ctx.till == "二楼")
    assert "二楼" in window.till_name.text()
    assert "二楼" in window.windowTitle()
    qtbot.waitUntil(lambda: not alive(window.dialog))
    close = open_day_close(qtbot, window)
    assert close.till_label.text() == "收银台 二楼"
    assert not close.clinic_total.isVisibleTo(close)  # no other till worked today
    press(qtbot, close, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not alive(window.dialog))
    again = open_settings(qtbot, window)
    assert again.till.text() == "二楼"


def test_the_day_close_shows_the_whole_clinic_when_another_till_sold(
    qtbot: QtBot, window: MainWindow, ctx: Ctx
) -> None:
    checkout.sell(ctx, SaleRequest(items=[("ZYB", 1)], payments=[("cash", 3900)]))
    upstairs = replace(ctx, till="二楼")
    checkout.sell(upstairs, SaleRequest(items=[("ZJTN", 1)], payments=[("wechat", 39800)]))
    dayclose.close_day(upstairs, counted_cash_fen=0)
    dialog = open_day_close(qtbot, window)
    assert isinstance(dialog, DayCloseDialog)
    assert dialog.till_label.text() == "收银台 前台"
    assert dialog.values["sales"] == "1"  # this till's own
    assert dialog.clinic_total.isVisibleTo(dialog)
    assert dialog.clinic_total.text() == (
        "全店：销售 2 笔，净收入 ¥437.00（前台 未日结；二楼 已日结）。"
    )
    texts = [
        block for block in dialog.report_blocks() if getattr(block, "text", "") == "收银台 前台"
    ]
    assert texts  # the printed report names its till
    # Its points and members are the clinic's (the ledger is not kept per till): the report
    # says so, else the two tills' reports would seem to add up to twice the points.
    headings = [block.text for block in dialog.report_blocks() if isinstance(block, Heading)]
    assert headings[2:4] == [
        dialog.tr("VOUCHERS"),
        dialog.tr("POINTS AND MEMBERS (WHOLE CLINIC)"),
    ]
