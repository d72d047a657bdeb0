"""The system printer (系统打印机) through Qt Print Support.

Receipts and vouchers are laid out once, as PDF, by `spa_pos.printing`; here the PDF is
rasterised with PDFium at the printer's resolution and painted onto a `QPrinter`, so the
paper matches the PDF exactly whatever driver the clinic has.
"""

from __future__ import annotations

import io

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from spa_pos.printing.documents import ReceiptData, VoucherData
from spa_pos.printing.printers import PrinterError

POINTS_PER_INCH = 72


class QtSystemPrinter:
    """Prints on a named system printer (or the default one)."""

    def __init__(
        self,
        printer_name: str = "",
        width_mm: int = 80,
        dpi: int = 203,
        output_file: str | None = None,
    ) -> None:
        self.printer_name = printer_name
        self.width_mm = width_mm
        self.dpi = dpi
        self.output_file = output_file  # print to a PDF file instead (tests, "print to file")

    def print_receipt(self, data: ReceiptData) -> None:
        from spa_pos.printing.receipt_pdf import render_receipt_pdf  # slow imports: on use

        buffer = io.BytesIO()
        render_receipt_pdf(data, buffer, self.width_mm)
        self.print_pdf(buffer.getvalue(), data.sale_no)

    def print_voucher(self, data: VoucherData) -> None:
        from spa_pos.printing.voucher_pdf import render_voucher_pdf

        buffer = io.BytesIO()
        render_voucher_pdf(data, buffer, "a6")
        self.print_pdf(buffer.getvalue(), f"voucher-{data.code}")

    def _printer(self, title: str) -> QPrinter:
        if self.output_file:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(self.output_file)
        else:
            info = (
                QPrinterInfo.printerInfo(self.printer_name)
                if self.printer_name
                else QPrinterInfo.defaultPrinter()
            )
            if info.isNull():
                raise PrinterError(f"找不到系统打印机 {self.printer_name or '(默认)'}")
            printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setResolution(self.dpi)
        return printer

    def print_pdf(self, pdf: bytes, title: str) -> None:
        """Paint every page of a PDF (receipt, voucher, Z report) onto the printer."""
        paint_pdf(pdf, self._printer(title), self.dpi)


def paint_pdf(pdf: bytes, printer: QPrinter, dpi: int) -> None:
    """Paint the pages of a PDF onto a printer, rasterised at `dpi`: each page on a sheet of
    the PDF page's size and orientation (roll paper, A6, A4 portrait or landscape), so what
    is printed is the PDF whatever paper the printer dialog had chosen. Only the page range
    chosen in a print dialog is printed (all pages when none was)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    first, last = 0, len(document)
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first, last = max(printer.fromPage(), 1) - 1, min(printer.toPage(), last)
    painter = QPainter()
    try:
        for index in range(first, last):
            page = document[index]
            width_pt, height_pt = page.get_size()
            turned = width_pt > height_pt
            size = QPageSize(
                QSizeF(min(width_pt, height_pt), max(width_pt, height_pt)), QPageSize.Unit.Point
            )
            orientation = (
                QPageLayout.Orientation.Landscape if turned else QPageLayout.Orientation.Portrait
            )
            printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
            if index == first and not painter.begin(printer):
                raise PrinterError("打印机无法开始打印（未连接、缺纸或驱动错误）")
            if index > first:
                printer.newPage()
            bitmap = page.render(scale=dpi / POINTS_PER_INCH).to_pil().convert("RGB")
            image = QImage(
                bitmap.tobytes(),
                bitmap.width,
                bitmap.height,
                bitmap.width * 3,
                QImage.Format.Format_RGB888,
            )
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            painter.drawImage(QRectF(target), image)
    finally:
        if painter.isActive():
            painter.end()
        document.close()
