"""The system printer path: a real QPrinter (printing to a PDF file) gets the receipt, and
A4 documents keep their pages' size and orientation."""

from __future__ import annotations

import io
import subprocess
from datetime import date
from pathlib import Path
from typing import cast

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from spa_pos.printing.documents import PointsLine, ReceiptData, ReceiptLine, VoucherData
from spa_pos.ui.system_printer import QtSystemPrinter, paint_pdf

RECEIPT = ReceiptData(
    clinic_name="康宁理疗馆",
    clinic_address="文三路 88 号",
    clinic_phone="0571-8888 6666",
    footer="谢谢惠顾",
    sale_no="S20260310-0001",
    time_text="2026-03-10 10:00",
    cashier="王芳",
    lines=(ReceiptLine("高端针灸推拿套餐", 1, 39800, 39800),),
    total_fen=39800,
    payments=(("现金", 40000),),
    change_fen=200,
    member_name="张三",
    member_phone_masked="138****0002",
    points_earned=200,
    points_breakdown=(PointsLine("项目积分", 200),),
    balance_after=200,
)


def test_receipt_is_painted_onto_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    QtSystemPrinter(output_file=str(out)).print_receipt(RECEIPT)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    width_pt = float(info.split("Page size:")[1].split("x")[0])
    assert abs(width_pt - 80 / 25.4 * 72) < 2  # 80 mm paper
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-singlefile", str(out), str(tmp_path / "page")],
        check=True,
    )
    pixels = Image.open(tmp_path / "page.png").convert("L")
    darkest, _ = cast(tuple[int, int], pixels.getextrema())  # one band: (min, max)
    assert darkest < 60  # something dark was printed


def test_voucher_qr_survives_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "voucher.pdf"
    payload = "SPAV1.VABCDEFGHJ.ABCDEFGHIJKLMNOPQRSTUVWX"
    QtSystemPrinter(output_file=str(out)).print_voucher(
        VoucherData(
            clinic_name="康宁理疗馆",
            reward_name="头部按摩",
            member_name="张三",
            member_phone_masked="138****0002",
            code="VABCDEFGHJ",
            qr_payload=payload,
            issued_on=date(2026, 3, 10),
            expires_on=date(2026, 6, 8),
            terms="限本人使用",
            points_spent=300,
        )
    )
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(out), str(tmp_path / "v")], check=True
    )
    assert [b.text for b in zxingcpp.read_barcodes(Image.open(tmp_path / "v.png"))] == [payload]


def pdf_printer(out: Path) -> QPrinter:
    """A real QPrinter writing a PDF file: what the print dialog hands over, minus the
    dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def printed_pages(out: Path) -> list[tuple[float, float, int]]:
    """Each page of a printed PDF: its width and height in points and its darkest pixel."""
    document = pdfium.PdfDocument(out)
    try:
        pages = []
        for page in document:
            width, height = page.get_size()
            grey = page.render(scale=50 / 72).to_pil().convert("L")
            darkest, _ = cast(tuple[int, int], grey.getextrema())
            pages.append((width, height, darkest))
        return pages
    finally:
        document.close()


def is_a4(width: float, height: float) -> bool:
    return abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2


def test_a4_pages_keep_their_size_orientation_and_order(qtbot: QtBot, tmp_path: Path) -> None:
    source = io.BytesIO()
    canvas = Canvas(source, pagesize=A4)
    canvas.rect(100, 100, 200, 200, fill=1)
    canvas.showPage()
    canvas.setPageSize(landscape(A4))
    canvas.rect(500, 100, 200, 200, fill=1)  # only on a landscape page's right half
    canvas.showPage()
    canvas.save()
    out = tmp_path / "a4.pdf"
    printer = pdf_printer(out)
    paint_pdf(source.getvalue(), printer, 100)
    (w1, h1, dark1), (w2, h2, dark2) = printed_pages(out)
    assert is_a4(w1, h1) and is_a4(h2, w2)  # portrait, then landscape
    assert dark1 < 60 and dark2 < 60
    # The driver is asked for A4 turned, the paper in the tray, not a custom wide sheet.
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert layout.orientation() == QPageLayout.Orientation.Landscape
