"""Printing from the window: a receipt into a PDF folder, a printer that refuses the
connection (the sale is kept, the job waits in the print queue), a retry once the printer
listens, and the refund receipt."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from spa_pos.models import Sale
from spa_pos.services import print_queue
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Settings
from spa_pos.ui.main_window import MainWindow
from spa_pos.ui.payment_dialog import PaymentDialog, SaleSummaryDialog
from spa_pos.ui.pin_dialog import ManagerPinDialog
from spa_pos.ui.printing import PrintResult, choose_printer, print_job
from spa_pos.ui.system_printer import QtSystemPrinter
from spa_pos.ui.widgets import alive
from tests.conftest import register
from tests.printing.test_escpos import FakePrinterServer
from tests.ui.conftest import (
    MANAGER_PIN,
    answer_yes,
    cell_text,
    child,
    open_dialogs,
    pdf_text,
    press,
    wait_dialog,
)

PRINT_TIMEOUT = 15_000


def use_printer(ctx: Ctx, **printer: object) -> None:
    with ctx.db.write() as s:
        settings_svc.save(s, printer=printer)


@pytest.fixture
def closed_port() -> int:
    """A local port nobody listens on: the printer refuses the connection."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sell_at_the_till(qtbot: QtBot, window: MainWindow, card: str | None) -> SaleSummaryDialog:
    """A member (or walk-in) buys 艾灸 (¥168) in cash, by keyboard; the summary is open."""
    if card is not None:
        with qtbot.waitSignal(window.member_changed):
            window.open_member(card)
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.keyClicks(window.checkout.search, "aj")
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_F12)
    payment = wait_dialog(qtbot, PaymentDialog)
    qtbot.keyClicks(payment.fields["cash"], "200")
    press(qtbot, payment, Qt.Key.Key_Return)
    return wait_dialog(qtbot, SaleSummaryDialog)


def close_summary(qtbot: QtBot, summary: SaleSummaryDialog) -> None:
    """Enter presses 完成 (also after a click on 打印小票), and the till is back."""
    press(qtbot, summary, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not alive(summary) or not summary.isVisible())


def print_from_summary(qtbot: QtBot, window: MainWindow, summary: SaleSummaryDialog) -> PrintResult:
    with qtbot.waitSignal(window.printing.finished, timeout=PRINT_TIMEOUT) as printed:
        qtbot.mouseClick(child(summary, QPushButton, "printReceipt"), Qt.MouseButton.LeftButton)
    result: PrintResult = printed.args[0]
    return result


def test_the_receipt_goes_to_the_pdf_folder_with_the_points(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    use_printer(ctx, kind="pdf", folder=str(tmp_path / "receipts"))
    card = register(ctx, "张三", "13800000001")
    summary = sell_at_the_till(qtbot, window, card)
    result = print_from_summary(qtbot, window, summary)
    assert result.ok and result.output is not None
    output = Path(result.output)
    assert output == tmp_path / "receipts" / f"{summary.sale.sale_no}.pdf"
    text = pdf_text(output)
    assert summary.sale.sale_no in text and "138****0001" in text
    assert "+100" in text and "艾灸" in text  # 艾灸 earns 100 points
    assert "已保存" in window.statusBar().currentMessage()
    assert not window.notice.isVisible()
    assert print_queue.waiting(ctx) == []


def test_a_refusing_printer_keeps_the_sale_and_queues_the_job_for_a_retry(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, closed_port: int
) -> None:
    use_printer(ctx, kind="escpos_network", host="127.0.0.1", port=closed_port)
    summary = sell_at_the_till(qtbot, window, None)
    result = print_from_summary(qtbot, window, summary)
    assert not result.ok and "拒绝连接" in result.reason
    # a notice in the window, not a dialog in the way of the next sale
    qtbot.waitUntil(window.notice.isVisible)
    assert window.notice.text.text().startswith("打印失败，已保留在打印队列：")
    assert "拒绝连接" in window.notice.text.text()
    assert not open_dialogs(QMessageBox)
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(Sale.id))) == 1
    # F8: the print queue lists the job and why it waits
    close_summary(qtbot, summary)
    press(qtbot, window, Qt.Key.Key_F8)
    queue = window.manage.queue
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1)
    cells = [cell_text(queue.table, 0, c) for c in range(5)]
    assert cells[0] == "小票" and cells[1] == summary.sale.sale_no and cells[3] == "1"
    assert "拒绝连接" in cells[4]
    # the printer is back (listening now): retry from the notice empties the queue
    server = FakePrinterServer()
    try:
        use_printer(ctx, kind="escpos_network", host="127.0.0.1", port=server.port)
        with qtbot.waitSignal(window.printing.finished, timeout=PRINT_TIMEOUT) as printed:
            qtbot.mouseClick(window.notice.retry_button, Qt.MouseButton.LeftButton)
        assert printed.args[0].ok
        assert summary.sale.sale_no.encode() in server.job()
    finally:
        server.sock.close()
    qtbot.waitUntil(lambda: queue.table.rowCount() == 0)
    assert not window.notice.isVisible()
    assert print_queue.waiting(ctx) == []


def test_retry_all_from_the_print_queue(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, closed_port: int, tmp_path: Path
) -> None:
    use_printer(ctx, kind="escpos_network", host="127.0.0.1", port=closed_port)
    summary = sell_at_the_till(qtbot, window, None)
    assert not print_from_summary(qtbot, window, summary).ok
    close_summary(qtbot, summary)
    press(qtbot, window, Qt.Key.Key_F8)
    queue = window.manage.queue
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1)
    use_printer(ctx, kind="pdf", folder=str(tmp_path))
    with qtbot.waitSignal(window.printing.finished, timeout=PRINT_TIMEOUT) as printed:
        qtbot.mouseClick(queue.retry_all_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].ok
    qtbot.waitUntil(lambda: queue.table.rowCount() == 0)
    assert (tmp_path / f"{summary.sale.sale_no}.pdf").is_file()


def test_the_refund_receipt_is_printed_from_the_refund_message(
    qtbot: QtBot, window: MainWindow, ctx: Ctx, tmp_path: Path
) -> None:
    use_printer(ctx, kind="pdf", folder=str(tmp_path))
    card = register(ctx, "张三", "13800000001")
    summary = sell_at_the_till(qtbot, window, card)
    close_summary(qtbot, summary)
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1)
    window.today.table.selectRow(0)
    qtbot.mouseClick(window.today.refund_all, Qt.MouseButton.LeftButton)
    answer_yes(qtbot)
    pin = wait_dialog(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin, MANAGER_PIN)
    with qtbot.waitSignal(window.today.refunded) as refunded:
        press(qtbot, pin, Qt.Key.Key_Return)
    refund_no = refunded.args[0].refund_no
    box = wait_dialog(qtbot, QMessageBox)
    with qtbot.waitSignal(window.printing.finished, timeout=PRINT_TIMEOUT) as printed:
        qtbot.mouseClick(child(box, QPushButton, "printRefund"), Qt.MouseButton.LeftButton)
    output = Path(printed.args[0].output)
    assert output.name == f"{refund_no}.pdf"
    text = pdf_text(output)
    assert summary.sale.sale_no in text and "-100" in text  # the points taken back


def test_a_broken_printer_setting_leaves_the_job_queued(ctx: Ctx) -> None:
    use_printer(ctx, kind="escpos_usb", vendor_id="not a number", product_id="0x1")
    job_id = print_queue.enqueue(ctx, "voucher", "VNOTTHERE")
    result = print_job(ctx, job_id)
    assert not result.ok and result.reason
    assert [job.job_id for job in print_queue.waiting(ctx)] == [job_id]


def test_the_system_printer_is_qts(ctx: Ctx) -> None:
    printer = choose_printer(
        Settings(printer={"kind": "system", "printer_name": "收银台"}, receipt_width_mm=58)
    )
    assert isinstance(printer, QtSystemPrinter)
    assert (printer.printer_name, printer.width_mm) == ("收银台", 58)
