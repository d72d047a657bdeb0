"""The dashboard (经营看板) from 管理 on the hand-computed history of tests/services/test_kpi:
the figures beside the previous period, the charts' numbers, and both exports read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from spa_pos.services import staff
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.kpi import TopItem
from spa_pos.ui.dashboard import DashboardDialog
from spa_pos.ui.main_window import MainWindow
from tests.services.test_kpi import build_history
from tests.ui.conftest import cell_text, child, pdf_text, press, sign_in, wait_dialog
from tests.ui.test_system_printer import is_a4, pdf_printer, printed_pages


@pytest.fixture
def history(ctx: Ctx) -> Ctx:
    return build_history(ctx)


def as_manager(qtbot: QtBot, window: MainWindow, ctx: Ctx) -> None:
    """A manager signed in: the dashboard's files need `export_data`, no PIN for them."""
    staff.add(ctx, "李店长", "manager", "97531357")
    window.sign_out()
    sign_in(qtbot, window, Actor("李店长", "manager"))


def open_dashboard(qtbot: QtBot, window: MainWindow) -> DashboardDialog:
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.mouseClick(child(window.manage, QPushButton, "openDashboard"), Qt.MouseButton.LeftButton)
    return wait_dialog(qtbot, DashboardDialog)


def show_last_month(qtbot: QtBot, dialog: DashboardDialog) -> None:
    dialog.preset.setCurrentIndex(dialog.preset.findData("last_month"))
    qtbot.waitUntil(lambda: "2026-02-01 – 2026-02-28" in dialog.status.text())


def test_february_on_the_dashboard(
    history: Ctx, qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    as_manager(qtbot, window, history)
    dialog = open_dashboard(qtbot, window)
    qtbot.waitUntil(lambda: "2026-03-01 – 2026-03-10" in dialog.status.text())  # this month
    show_last_month(qtbot, dialog)
    table = dialog.table
    visits = [cell_text(table, 3, c) for c in range(4)]
    assert visits[1:] == ["4", "2", "+100%"]
    assert cell_text(table, 6, 1) == "66.7% (2/3)"  # 30-day repurchase
    assert cell_text(table, 6, 3) == "-33.3 个百分点"  # after 100 %: points, not -33 %
    assert cell_text(table, 4, 1) == "¥4,145.00"  # revenue
    assert cell_text(table, 7, 1) == "—"  # win-back: no contacts yet, and why
    assert cell_text(table, 7, 3) == "尚无回访记录，暂无法计算唤醒率"
    top = dialog.charts["top"].bars
    assert [(b.label, b.text) for b in top[:2]] == [
        ("针灸推拿十次疗程", "¥3,580.00"),
        ("高端针灸推拿套餐", "¥398.00"),
    ]
    assert [(b.label, b.text) for b in dialog.charts["tiers"].bars][:2] == [
        ("普通", "2"),
        ("银卡", "2"),
    ]
    assert sum(b.value for b in dialog.charts["visits"].bars) == 4

    xlsx, pdf = tmp_path / "feb.xlsx", tmp_path / "feb.pdf"
    dialog.export_to("xlsx", xlsx)
    qtbot.waitUntil(lambda: "feb.xlsx" in dialog.status.text())
    rows = {r[0]: r[1:] for r in load_workbook(xlsx)["对比"].iter_rows(values_only=True)}
    assert rows["到店人次"] == (4, 2, "+100%")
    dialog.export_to("pdf", pdf)
    qtbot.waitUntil(lambda: "feb.pdf" in dialog.status.text())
    assert "66.7%（2/3）" in pdf_text(pdf)


def test_the_top_services_amounts_are_whole_at_1024x768(
    history: Ctx, qtbot: QtBot, window: MainWindow
) -> None:
    """A year of a busy clinic on the till's 1024×768 screen: long service names and
    amounts in the millions. Every amount is drawn whole inside what the charts' scroll
    area shows; the names give way (elided, in full in the tooltip)."""
    dialog = open_dashboard(qtbot, window)
    show_last_month(qtbot, dialog)
    board = dialog.board
    assert board is not None
    long_name = "高端针灸推拿艾灸拔罐套餐（含中药泡脚）"
    busy = tuple(
        TopItem(f"S{i}", long_name if i % 2 else "足浴", 900 - i, 123_456_789 - i * 9_000_000)
        for i in range(10)
    )
    dialog.show_board(replace(board, current=replace(board.current, top_services=busy)))
    view = dialog.findChild(QScrollArea)
    assert view is not None
    # laid out again: ten rows are taller than the view, its scroll bar takes some width
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    QApplication.processEvents()
    assert dialog.frameGeometry().width() <= 1024
    chart = dialog.charts["top"]
    viewport = view.viewport()
    assert view.horizontalScrollBar().maximum() == 0  # nothing hidden to the right
    placed = chart.placed()
    assert [p.text_right - p.text_x for p in placed] == [
        chart.fontMetrics().horizontalAdvance(b.text) for b in chart.bars
    ]
    for bar, place in zip(chart.bars, placed, strict=True):
        right = chart.mapTo(viewport, QPoint(place.text_right, place.base))
        assert place.text_x > 0 and right.x() <= viewport.width(), (bar.text, right.x())
    assert placed[1].label.endswith("…") and placed[1].label[:-1] in long_name
    assert "¥1,234,567.89" in [b.text for b in chart.bars]
    assert long_name in chart.toolTip()


def test_a_backwards_period_is_said_not_shown(
    history: Ctx, qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_dashboard(qtbot, window)
    show_last_month(qtbot, dialog)
    dialog.date_from.setDate(dialog.date_to.date().addDays(1))
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "晚于结束" in dialog.status.text())
    assert cell_text(dialog.table, 3, 1) == "4"  # the last figures stay


def test_a_late_answer_for_an_earlier_period_is_not_shown(
    history: Ctx, qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_dashboard(qtbot, window)
    show_last_month(qtbot, dialog)
    february = dialog.board
    assert february is not None
    dialog.preset.setCurrentIndex(dialog.preset.findData("this_month"))
    qtbot.waitUntil(lambda: "2026-03-01 – 2026-03-10" in dialog.status.text())
    dialog.show_board(february)  # February's answer arriving after March was asked for
    assert "2026-03-01 – 2026-03-10" in dialog.status.text()
    assert dialog.board is not february


def test_the_dashboard_is_printed_on_a4(
    history: Ctx, qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    as_manager(qtbot, window, history)
    dialog = open_dashboard(qtbot, window)
    show_last_month(qtbot, dialog)
    saved, printed = tmp_path / "saved.pdf", tmp_path / "printed.pdf"
    dialog.export_to("pdf", saved)
    qtbot.waitUntil(lambda: "saved.pdf" in dialog.status.text())
    dialog.print_on(pdf_printer(printed))
    assert not dialog.print_button.isEnabled()  # one print at a time
    qtbot.waitUntil(lambda: dialog.status.text() == dialog.tr("Sent to the printer"))
    assert dialog.print_button.isEnabled()
    pages = printed_pages(printed)
    assert len(pages) == len(pdfium.PdfDocument(saved))  # the PDF the dashboard saves
    assert all(is_a4(w, h) and darkest < 60 for w, h, darkest in pages)


@pytest.mark.qt_log_ignore("^QPainter::begin\\(\\): Returned false")  # the printer refused
def test_a_failed_print_is_said(
    history: Ctx, qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_dashboard(qtbot, window)
    show_last_month(qtbot, dialog)
    dialog.print_on(pdf_printer(tmp_path / "no such folder" / "printed.pdf"))
    failed = dialog.tr("Printing failed: {reason}").format(reason="")
    qtbot.waitUntil(lambda: dialog.status.text().startswith(failed))
    assert dialog.print_button.isEnabled()


def test_print_asks_for_the_printer_first(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dashboard(qtbot, window)
    qtbot.waitUntil(lambda: dialog.board is not None)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    asked = wait_dialog(qtbot, QPrintDialog)
    asked.reject()  # the owner changed their mind: nothing printed
    assert dialog.sent_to is None and dialog.print_button.isEnabled()
