"""积分制度评估 from 管理 behind the manager PIN, on the hand-computed history of
tests/services/test_kpi: February's figures as the service computed them, the conclusions
kept with the review and shown again on reopening, and the kept review saved as its PDF."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from spa_pos.services import kpi, scheme_review
from spa_pos.services.context import Ctx
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.scheme_review_screen import SchemeReviewDialog
from tests.services.test_kpi import build_history
from tests.ui.conftest import MANAGER_PIN, cell_text, child, pdf_text, press, wait_dialog
from tests.ui.test_system_printer import is_a4, pdf_printer, printed_pages

CONCLUSIONS = "兑换率偏低，下月加推¥10券。\n金卡会员增长良好。"


@pytest.fixture
def history(ctx: Ctx) -> Ctx:
    return build_history(ctx)


def open_review(qtbot: QtBot, window: MainWindow) -> SchemeReviewDialog:
    press(qtbot, window, Qt.Key.Key_F7)
    opener = child(window.manage, QPushButton, "openSchemeReview")
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    return wait_dialog(qtbot, SchemeReviewDialog)


def test_the_months_figures_are_the_services_and_the_conclusions_are_kept(
    history: Ctx, qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_review(qtbot, window)
    assert dialog.chosen_month() == "2026-02"  # the month just ended (the clock: March)
    expected = scheme_review.preview(history, "2026-02")
    rows = kpi.compare_rows(expected.figures, expected.previous)
    table = dialog.figures
    assert table.rowCount() == len(rows)
    assert [tuple(cell_text(table, r, c) for c in range(3)) for r in range(len(rows))] == rows
    visits = next(r for r, row in enumerate(rows) if row[0] == "到店人次")
    assert [cell_text(table, visits, c) for c in (1, 2)] == ["4", "2"]  # hand-computed
    assert dialog.trend.rowCount() == scheme_review.LIABILITY_MONTHS
    assert cell_text(dialog.trend, scheme_review.LIABILITY_MONTHS - 1, 0) == "2026-02"
    assert dialog.earlier.rowCount() == 0 and not dialog.pdf_button.isEnabled()
    assert not dialog.print_button.isEnabled()  # nothing kept to print yet

    dialog.conclusions.setPlainText(CONCLUSIONS)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.earlier.rowCount() == 1)
    [kept] = scheme_review.reviews(history, "2026-02")
    assert kept.conclusions == CONCLUSIONS.strip()
    assert kept.figures == expected.figures  # the figures shown are the figures kept
    assert dialog.conclusions.toPlainText() == ""
    assert dialog.earlier_text.toPlainText() == kept.conclusions
    assert cell_text(dialog.earlier, 0, 1) == kept.author
    # A second review of the month: the latest is the one selected, and its text shown.
    dialog.conclusions.setPlainText("再看一个月")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.earlier.rowCount() == 2)
    assert cell_text(dialog.earlier, 0, 2) == "再看一个月"
    assert dialog.earlier_text.toPlainText() == "再看一个月"
    assert dialog.selected_review() == scheme_review.reviews(history, "2026-02")[0]

    pdf = tmp_path / "review.pdf"
    dialog.save_pdf(kept, pdf)
    qtbot.waitUntil(lambda: pdf.is_file() and str(pdf) in dialog.status.text())
    assert "兑换率偏低" in pdf_text(pdf)
    printed = tmp_path / "printed.pdf"
    dialog.print_on(pdf_printer(printed))
    qtbot.waitUntil(lambda: dialog.status.text() == dialog.tr("Sent to the printer"))
    pages = printed_pages(printed)
    assert len(pages) == len(pdfium.PdfDocument(pdf))  # the PDF the review saves
    assert all(is_a4(w, h) and darkest < 60 for w, h, darkest in pages)
    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    again = open_review(qtbot, window)
    assert again.earlier.rowCount() == 2
    assert again.earlier_text.toPlainText() == "再看一个月"
    assert cell_text(again.earlier, 1, 2) == "兑换率偏低，下月加推¥10券。"  # its first line


def test_another_month_is_shown_when_chosen(history: Ctx, qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_review(qtbot, window)
    scheme_review.write(history, "2026-01", "一月的结论")
    dialog.month.setDate(dialog.month.date().addMonths(-1))
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.state.preview.month == "2026-01")
    assert dialog.status.text().startswith("2026-01：")
    assert dialog.earlier_text.toPlainText() == "一月的结论"
    expected = scheme_review.preview(history, "2026-01")
    rows = kpi.compare_rows(expected.figures, expected.previous)
    assert [cell_text(dialog.figures, r, 1) for r in range(len(rows))] == [r[1] for r in rows]
