"""Printing through the queue: a real PDF folder, a fake thermal printer on 127.0.0.1,
a printer that refuses the connection, and a voucher QR scanned back into the till."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from spa_pos.errors import DomainError
from spa_pos.models import Sale
from spa_pos.services import adjustments, print_queue, receipts, settings, vouchers
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests.conftest import register
from tests.printing.test_escpos import DRAWER_KICK, QR_COMMAND, FakePrinterServer


def use_printer(ctx: Ctx, **printer: object) -> None:
    with ctx.db.write() as s:
        settings.save(s, printer=printer, clinic_name="康宁理疗馆")


def demo_sale(ctx: Ctx, pay: str = "cash") -> str:
    register(ctx, "李四", "13800000001")
    card = register(ctx, "张三", "13800000002", referrer="13800000001")
    return sell(
        ctx,
        SaleRequest(
            items=[("ZJTN", 1), ("ZJTN10", 1)],
            member=card,
            payments=[(pay, 400000)] if pay == "cash" else [(pay, 397800)],
        ),
    ).sale_no


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_receipt_to_the_pdf_folder_shows_the_points_block(ctx: Ctx, tmp_path: Path) -> None:
    use_printer(ctx, kind="pdf", folder=str(tmp_path / "out"))
    sale_no = demo_sale(ctx)
    outcome = print_queue.print_now(ctx, "receipt", sale_no)
    assert outcome.ok and outcome.output
    text = pdf_text(Path(outcome.output))
    assert "康宁理疗馆" in text and sale_no in text and "138****0002" in text
    for expected in (
        "+2,700",
        "+2,200",
        "+400",
        "+100",
        "疗程奖励 +20%",
        "推荐奖励",
        "¥22.00",
        "剩余 10 次",
    ):
        assert expected in text, expected
    assert print_queue.waiting(ctx) == []


def test_reprint_is_marked_and_shows_the_balance_of_that_day(ctx: Ctx, tmp_path: Path) -> None:
    use_printer(ctx, kind="pdf", folder=str(tmp_path))
    sale_no = demo_sale(ctx)
    vouchers.redeem(ctx, "13800000002", "R-YBLL")
    with ctx.db.read() as s:
        data = receipts.receipt(s, sale_no, ctx.clock.now(), reprint=True)
    assert data.reprint and data.balance_after == 2700 and data.points_earned == 2700
    outcome = print_queue.print_now(ctx, "receipt", sale_no, reprint=True)
    assert "重 印" in pdf_text(Path(outcome.output or ""))  # letter-spaced stamp


def test_refund_receipt_shows_reversed_points_and_money_back(ctx: Ctx) -> None:
    from spa_pos.services import refunds

    sale_no = demo_sale(ctx)
    r = refunds.refund(ctx, sale_no, [1])
    with ctx.db.read() as s:
        data = receipts.receipt(s, r.refund_no, ctx.clock.now())
    assert (data.kind, data.original_sale_no, data.total_fen) == ("refund", sale_no, 39800)
    assert (data.points_earned, data.balance_after) == (-200, 2500)
    assert data.payments == (("现金", 39800),)
    assert data.cash_moved  # cash given back opens the drawer


@pytest.mark.parametrize(("method", "cash"), [("cash", True), ("wechat", False), ("card", False)])
def test_the_receipt_opens_the_drawer_for_the_cash_method(
    ctx: Ctx, method: str, cash: bool
) -> None:
    sale_no = demo_sale(ctx, method)
    with ctx.db.read() as s:
        data = receipts.receipt(s, sale_no, ctx.clock.now())
    assert data.cash_moved is cash


def test_escpos_job_reaches_a_fake_thermal_printer(ctx: Ctx) -> None:
    server = FakePrinterServer()
    try:
        use_printer(ctx, kind="escpos_network", host="127.0.0.1", port=server.port)
        sale_no = demo_sale(ctx)
        assert print_queue.print_now(ctx, "receipt", sale_no).ok
        job = server.job()
    finally:
        server.sock.close()
    assert "本次积分".encode("gb18030") in job and sale_no.encode() in job
    assert DRAWER_KICK in job  # a cash sale opens the drawer


def test_a_card_sale_leaves_the_drawer_shut(ctx: Ctx) -> None:
    server = FakePrinterServer()
    try:
        use_printer(ctx, kind="escpos_network", host="127.0.0.1", port=server.port)
        assert print_queue.print_now(ctx, "receipt", demo_sale(ctx, "card")).ok
        job = server.job()
    finally:
        server.sock.close()
    assert DRAWER_KICK not in job


def test_escpos_voucher_uses_the_printers_own_qr_command(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, 300, "测试")
    v = vouchers.redeem(ctx, card, "R-TBAM")
    server = FakePrinterServer()
    try:
        use_printer(ctx, kind="escpos_network", host="127.0.0.1", port=server.port)
        assert print_queue.print_now(ctx, "voucher", v.voucher_code).ok
        job = server.job()
    finally:
        server.sock.close()
    assert QR_COMMAND in job and v.qr_payload.encode() in job
    assert DRAWER_KICK not in job


def test_a_printer_that_refuses_leaves_the_job_queued_and_the_sale_saved(
    ctx: Ctx, unused_port: int
) -> None:
    use_printer(ctx, kind="escpos_network", host="127.0.0.1", port=unused_port)
    sale_no = demo_sale(ctx, pay="wechat")
    outcome = print_queue.print_now(ctx, "receipt", sale_no)
    assert not outcome.ok and "打印失败" in outcome.message
    [queued] = print_queue.waiting(ctx)
    assert (queued.ref, queued.attempts) == (sale_no, 1) and queued.last_error
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == 1
    server = FakePrinterServer()  # the printer is switched on: retry
    try:
        use_printer(ctx, kind="escpos_network", host="127.0.0.1", port=server.port)
        assert print_queue.run(ctx, queued.job_id).ok
        assert DRAWER_KICK not in server.job()  # paid by WeChat: the drawer stays shut
    finally:
        server.sock.close()
    assert print_queue.waiting(ctx) == []


def test_the_printed_voucher_qr_scans_back_once(ctx: Ctx, tmp_path: Path) -> None:
    use_printer(ctx, kind="pdf", folder=str(tmp_path))
    card = register(ctx, "张三", "13800000002")
    adjustments.adjust(ctx, card, 300, "测试")
    v = vouchers.redeem(ctx, card, "R-TBAM")
    outcome = print_queue.print_now(ctx, "voucher", v.voucher_code)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "100",
            "-png",
            "-singlefile",
            outcome.output or "",
            str(tmp_path / "scan"),
        ],
        check=True,
    )
    [barcode] = zxingcpp.read_barcodes(Image.open(tmp_path / "scan.png"))
    scanned = barcode.text
    assert scanned == v.qr_payload
    sell(ctx, SaleRequest(items=[("TBAM", 1)], vouchers=[scanned]))
    with pytest.raises(DomainError, match="已使用"):
        sell(ctx, SaleRequest(items=[("TBAM", 1)], vouchers=[scanned]))
    with ctx.db.read() as s:
        assert vouchers.check(s, scanned, date(2026, 3, 10)).reason == "used"


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
