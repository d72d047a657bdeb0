"""Receipts as PDF on 80 mm or 58 mm roll paper; the page is exactly as tall as the content."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from spa_pos.printing.content import receipt_blocks
from spa_pos.printing.documents import ReceiptData
from spa_pos.printing.pdf_layout import RECEIPT_58, RECEIPT_80, PaperStyle, PdfFlow

PAPER_STYLES: dict[int, PaperStyle] = {80: RECEIPT_80, 58: RECEIPT_58}


def render_receipt_pdf(data: ReceiptData, out: Path | BinaryIO, width_mm: int = 80) -> None:
    """Write the receipt of a sale or refund as a one-page PDF to `out` (a path or binary file)."""
    style = PAPER_STYLES.get(width_mm)
    if style is None:
        raise ValueError(f"unsupported paper width {width_mm} mm (use 80 or 58)")
    title = f"{'退款单' if data.kind == 'refund' else '收据'} {data.sale_no}"
    PdfFlow(style).add_all(receipt_blocks(data)).render(out, title)
