"""End-of-day close (日结): the Z report's figures, the counted cash, closing once (then
read-only), reopening with the manager PIN and printing the report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, DayClose
from spa_pos.services import checkout, dayclose, refunds
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.ui.day_close import DayCloseDialog
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.payment_dialog import PaymentDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from tests.conftest import register
from tests.ui.conftest import (
    MANAGER_PIN,
    answer_yes,
    message_texts,
    open_dialogs,
    pdf_text,
    press,
    wait_dialog,
)


@pytest.fixture
def day(ctx: Ctx) -> Ctx:
    """Today: 艾灸 for a member in cash (¥200 given, ¥32 change), two 足浴包 by WeChat Pay,
    and a refund of the WeChat sale."""
    card = register(ctx, "张三", "13800000001")
    checkout.sell(ctx, SaleRequest(items=[("AJ", 1)], member=card, payments=[("cash", 20000)]))
    wechat = checkout.sell(ctx, SaleRequest(items=[("ZYB", 2)], payments=[("wechat", 7800)]))
    refunds.refund(ctx, wechat.sale_no, None)
    return ctx


def open_day_close(qtbot: QtBot, window: MainWindow) -> DayCloseDialog:
    press(qtbot, window, Qt.Key.Key_F6)
    return wait_dialog(qtbot, DayCloseDialog)


def test_the_z_report_shows_the_days_figures(qtbot: QtBot, window: MainWindow, day: Ctx) -> None:
    dialog = open_day_close(qtbot, window)
    shown = dialog.values
    assert (shown["sales"], shown["revenue"]) == ("2", "¥246.00")
    assert (shown["method_cash"], shown["method_wechat"]) == ("¥168.00", "¥78.00")
    assert (shown["refunds"], shown["refunds_fen"], shown["refund_wechat"]) == (
        "1",
        "-¥78.00",
        "-¥78.00",
    )
    assert shown["net_revenue"] == "¥168.00"
    assert (shown["points_issued"], shown["new_members"]) == ("100", "1")
    assert re.fullmatch(r"\d+:[0-9a-f]{16}", shown["audit_anchor"])  # the chain's head
    assert dialog.expected.text() == "¥168.00"
    assert "尚未日结" in dialog.status.text()
    # the difference follows what is typed
    qtbot.keyClicks(dialog.counted, "160")
    assert dialog.difference.text() == "-¥8.00（少）"
    dialog.counted.clear()
    qtbot.keyClicks(dialog.counted, "168")
    assert dialog.difference.text() == "¥0.00（相符）"
    dialog.counted.setText("abc")
    assert "金额格式不对" in dialog.error.text()


def test_closing_records_the_day_and_leaves_it_read_only(
    qtbot: QtBot, window: MainWindow, day: Ctx
) -> None:
    dialog = open_day_close(qtbot, window)
    qtbot.keyClicks(dialog.counted, "170")
    assert dialog.difference.text() == "+¥2.00（多）"
    press(qtbot, dialog, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.closed):
        answer_yes(qtbot)
    qtbot.waitUntil(lambda: dialog.view.closed_at is not None)
    assert "由 收银台 日结" in dialog.status.text()
    assert not dialog.close_button.isEnabled() and dialog.counted.isReadOnly()
    assert dialog.reopen_button.isVisible()
    with day.db.read() as s:
        row = s.scalars(select(DayClose)).one()
        assert (row.expected_cash_fen, row.counted_cash_fen, row.difference_fen) == (
            16800,
            17000,
            200,
        )
    # a later sale into the closed day is refused; the recorded report stands
    with pytest.raises(DomainError) as refused:
        checkout.sell(day, SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)]))
    assert refused.value.code == "dayclose.day_closed"
    dialog.close()
    again = open_day_close(qtbot, window)
    assert again.values["sales"] == "2" and again.counted.text() == "170.00"
    assert not again.close_button.isEnabled()


def test_a_day_closed_elsewhere_meanwhile_is_refused_then_shown_closed(
    qtbot: QtBot, window: MainWindow, day: Ctx
) -> None:
    dialog = open_day_close(qtbot, window)
    dayclose.close_day(day, None, 16800)  # another till closed it first
    qtbot.keyClicks(dialog.counted, "168")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    answer_yes(qtbot)
    qtbot.waitUntil(lambda: "不能重复日结" in dialog.error.text())
    qtbot.waitUntil(lambda: dialog.view.closed_at is not None)
    assert dialog.view.closed_by == "cli" and not dialog.close_button.isEnabled()


def test_a_manager_reopens_a_closed_day(qtbot: QtBot, window: MainWindow, day: Ctx) -> None:
    dayclose.close_day(day, None, 16800)
    dialog = open_day_close(qtbot, window)
    assert dialog.view.closed_at is not None
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.view.closed_at is None)
    assert dialog.close_button.isEnabled() and not dialog.counted.isReadOnly()
    with day.db.read() as s:
        assert s.scalars(select(DayClose.reopened_by)).one() == "收银台(店长)"


def test_the_z_report_prints_to_the_pdf_folder(
    qtbot: QtBot, window: MainWindow, day: Ctx, tmp_path: Path
) -> None:
    with day.db.write() as s:
        settings_svc.save(s, printer={"kind": "pdf", "folder": str(tmp_path)})
    dialog = open_day_close(qtbot, window)
    with qtbot.waitSignal(window.printing.report_printed, timeout=10_000) as printed:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].ok
    output = tmp_path / "Z-20260310.pdf"
    assert printed.args[0].output == output
    assert "已保存" in dialog.note.text()
    text = pdf_text(output)
    for expected in (
        dialog.values["audit_anchor"],  # on paper, outside the database
        "测试理疗馆",
        "日 结 单",
        "营业日 2026-03-10",
        "¥246.00",
        "钱箱应有现金",
        "¥168.00",
    ):
        assert expected in text, expected


def test_f6_then_enter_does_not_close_the_day(qtbot: QtBot, window: MainWindow, day: Ctx) -> None:
    """The accident of issue #11: F6, Enter closed the day with the cash blank."""
    dialog = open_day_close(qtbot, window)
    assert QApplication.focusWidget() is dialog.counted
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "实点现金" in dialog.error.text())  # the reason, by the field
    assert dialog.view.closed_at is None and not open_dialogs(QMessageBox)
    assert QApplication.focusWidget() is dialog.counted
    with day.db.read() as s:
        assert s.scalars(select(DayClose)).first() is None


def test_digits_typed_after_opening_land_in_the_cash_and_tab_skips_the_date(
    qtbot: QtBot, window: MainWindow, day: Ctx
) -> None:
    dialog = open_day_close(qtbot, window)
    qtbot.keyClicks(QApplication.focusWidget(), "160")
    assert dialog.counted.text() == "160"
    assert not dialog.date.isVisible()  # the date is a label until 改日期…
    assert dialog.date_label.text() == "2026-03-10"
    for _ in range(8):  # all the way round the dialog: never into a date field
        press(qtbot, dialog, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "3")
        assert dialog.date.date().toPython() == day.clock.now().date()
    assert dialog.view.report.business_date.isoformat() == "2026-03-10"


def test_another_date_is_a_deliberate_choice(qtbot: QtBot, window: MainWindow, day: Ctx) -> None:
    dialog = open_day_close(qtbot, window)
    qtbot.mouseClick(dialog.change_date, Qt.MouseButton.LeftButton)
    assert dialog.date.isVisible() and dialog.date.hasFocus()
    dialog.date.setDate(QDate(2026, 3, 9))
    qtbot.waitUntil(lambda: dialog.view.report.business_date.isoformat() == "2026-03-09")
    assert "2026-03-09" in dialog.date_label.text() and dialog.values["sales"] == "0"


def test_closing_names_the_difference_and_a_shortfall_defaults_to_no(
    qtbot: QtBot, window: MainWindow, day: Ctx
) -> None:
    dialog = open_day_close(qtbot, window)
    qtbot.keyClicks(dialog.counted, "156")
    press(qtbot, dialog, Qt.Key.Key_Return)
    box = wait_dialog(qtbot, QMessageBox)
    text = box.text()
    assert "2026-03-10" in text and "¥168.00" in text and "¥156.00" in text
    assert dialog.difference_text(-1200) in text  # 短款 ¥12.00
    assert "¥12.00" in dialog.difference_text(-1200)
    press(qtbot, box, Qt.Key.Key_Return)  # a second Enter: No, the day stays open
    qtbot.waitUntil(lambda: not open_dialogs(QMessageBox))
    assert dialog.view.closed_at is None and dialog.close_button.isEnabled()
    with day.db.read() as s:
        assert s.scalars(select(DayClose)).first() is None
    dialog.counted.clear()
    qtbot.keyClicks(dialog.counted, "168")
    press(qtbot, dialog, Qt.Key.Key_Return)
    box = wait_dialog(qtbot, QMessageBox)
    assert dialog.difference_text(0) in box.text()
    with qtbot.waitSignal(dialog.closed):
        press(qtbot, box, Qt.Key.Key_Return)  # it adds up: Enter closes
    assert not message_texts()


def test_checkout_on_a_closed_day_says_so_refuses_f12_and_a_manager_reopens_it(
    qtbot: QtBot, window: MainWindow, day: Ctx
) -> None:
    """Choice (a) of issue #11: no sale silently outside every Z report, and none booked
    on another day; the manager reopens the day on the spot."""
    dayclose.close_day(day, None, 16800)
    press(qtbot, window, Qt.Key.Key_F3)
    page = window.checkout
    qtbot.waitUntil(page.closed_banner.isVisible)
    assert "2026-03-10" in page.closed_text.text()
    qtbot.keyClicks(page.search, "AJ")
    press(qtbot, window, Qt.Key.Key_Return)
    assert not page.model.is_empty()
    press(qtbot, window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: "已日结" in page.notice.text() and page.notice.isVisible())
    assert not open_dialogs(PaymentDialog)

    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    assert any("2026-03-10" in shown.text() for shown in pin.findChildren(QLabel))
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    press(qtbot, pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.closed_banner.isVisible())
    assert not page.notice.isVisible()
    with day.db.read() as s:
        assert s.scalars(select(DayClose.reopened_by)).one() == "收银台(店长)"
        reopened = s.scalars(select(AuditEntry).where(AuditEntry.action == "day.reopen")).one()
        assert reopened.entity_id == "2026-03-10"
    press(qtbot, window, Qt.Key.Key_F12)
    wait_dialog(qtbot, PaymentDialog)  # the sale goes ahead, into the day's next Z report
