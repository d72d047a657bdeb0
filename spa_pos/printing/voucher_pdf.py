"""Reward vouchers (兑换券) as PDF: an A6 card, or a slip on 80 mm / 58 mm roll paper."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Literal

from spa_pos.printing.content import voucher_blocks
from spa_pos.printing.documents import VoucherData
from spa_pos.printing.pdf_layout import A6, RECEIPT_58, RECEIPT_80, PaperStyle, PdfFlow

VoucherSize = Literal["receipt80", "receipt58", "a6"]

VOUCHER_STYLES: dict[str, PaperStyle] = {"receipt80": RECEIPT_80, "receipt58": RECEIPT_58, "a6": A6}


def render_voucher_pdf(data: VoucherData, out: Path | BinaryIO, size: VoucherSize = "a6") -> None:
    """Write the voucher, with its QR code (error correction M), as a one-page PDF to `out`."""
    style = VOUCHER_STYLES.get(size)
    if style is None:
        raise ValueError(f"unsupported voucher size {size!r} (use a6, receipt80 or receipt58)")
    PdfFlow(style).add_all(voucher_blocks(data)).render(out, f"兑换券 {data.code}")
