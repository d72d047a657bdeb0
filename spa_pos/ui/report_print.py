"""Printing a report: the Z report of 日结 on receipt paper, the dashboard and the scheme
review on A4.

The Z report is a list of the printing package's content blocks, laid out as a PDF on 80 or
58 mm roll paper like a receipt. It goes to the PDF folder, or to the system printer; a
thermal (ESC/POS) printer cannot take a PDF, so its report is kept in the PDF folder too.
The A4 documents go to the printer the owner picked in Qt's print dialog.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PySide6.QtPrintSupport import QPrinter

from spa_pos.errors import DomainError
from spa_pos.printing.content import Block
from spa_pos.services import print_queue
from spa_pos.services.settings import Settings
from spa_pos.ui.system_printer import QtSystemPrinter, paint_pdf

log = logging.getLogger(__name__)
MAX_COPIES = 1000
A4_DPI = 300  # plenty for text and bars; a 1200-dpi printer would need 400 MB a page


@dataclass(frozen=True)
class ReportPrinter:
    """Where reports go, from the printer settings."""

    system: bool  # the system printer, else a PDF in `folder`
    printer_name: str
    folder: Path
    width_mm: int


@dataclass(frozen=True)
class ReportOutcome:
    ok: bool
    output: Path | None = None  # the PDF written (None: sent to the system printer)
    reason: str = ""


def report_printer(cfg: Settings) -> ReportPrinter:
    p = cfg.printer
    folder = Path(p.get("folder") or print_queue.default_pdf_folder())
    return ReportPrinter(
        p.get("kind") == "system", str(p.get("printer_name", "")), folder, cfg.receipt_width_mm
    )


def free_path(folder: Path, stem: str) -> Path:
    """`stem.pdf`, or `stem-2.pdf`, `stem-3.pdf` … whichever does not exist yet."""
    for n in range(1, MAX_COPIES):
        path = folder / (f"{stem}.pdf" if n == 1 else f"{stem}-{n}.pdf")
        if not path.exists():
            return path
    raise OSError(f"too many copies of {stem}.pdf")


def print_report(
    blocks: list[Block], title: str, stem: str, target: ReportPrinter
) -> ReportOutcome:
    """Lay out and print; never raises (runs on the print pool)."""
    try:
        pdf = io.BytesIO()
        from spa_pos.printing.pdf_layout import RECEIPT_80, PdfFlow  # reportlab: on use
        from spa_pos.printing.receipt_pdf import PAPER_STYLES

        PdfFlow(PAPER_STYLES.get(target.width_mm, RECEIPT_80)).add_all(blocks).render(pdf, title)
        if target.system:
            QtSystemPrinter(target.printer_name, target.width_mm).print_pdf(pdf.getvalue(), title)
            return ReportOutcome(True)
        target.folder.mkdir(parents=True, exist_ok=True)
        path = free_path(target.folder, stem)
        path.write_bytes(pdf.getvalue())
        return ReportOutcome(True, path)
    except Exception as exc:  # shown to the cashier; anything unexpected is logged too
        if not isinstance(exc, DomainError | OSError):
            log.error("printing %s failed", title, exc_info=exc)
        return ReportOutcome(False, reason=str(exc) or type(exc).__name__)


def print_document(
    render: Callable[[BinaryIO], None], title: str, printer: QPrinter
) -> ReportOutcome:
    """Lay out an A4 document as PDF (`render`, e.g. `kpi_pdf.render_review_pdf`) and paint
    its pages on a printer set up by the print dialog; never raises (runs on the print
    pool)."""
    try:
        pdf = io.BytesIO()
        render(pdf)
        printer.setDocName(title)
        paint_pdf(pdf.getvalue(), printer, min(printer.resolution(), A4_DPI))
        return ReportOutcome(True)
    except Exception as exc:  # shown to the owner; anything unexpected is logged too
        if not isinstance(exc, DomainError | OSError):
            log.error("printing %s failed", title, exc_info=exc)
        return ReportOutcome(False, reason=str(exc) or type(exc).__name__)
