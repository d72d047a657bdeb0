"""Where receipts and vouchers go: a folder of PDFs or an ESC/POS thermal printer.

The services talk to a `Printer`; which one is configured is the settings' business. The
Qt system printer (print dialog) lives in the UI layer, not here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from spa_pos.printing.documents import ReceiptData, VoucherData
from spa_pos.printing.errors import PrinterError as PrinterError  # re-exported

if TYPE_CHECKING:
    from spa_pos.printing.voucher_pdf import VoucherSize


class Printer(Protocol):
    """Prints or raises `PrinterError`; what it returns (e.g. the PDF's path) is optional."""

    def print_receipt(self, data: ReceiptData) -> object: ...

    def print_voucher(self, data: VoucherData) -> object: ...


# ---------------------------------------------------------------------------- PDF folder


class PdfFolderPrinter:
    """Writes `<sale_no>.pdf` and `voucher-<code>.pdf` into a folder, never overwriting:
    a second copy (a reprint) becomes `<sale_no>-2.pdf`, then `-3`, and so on."""

    def __init__(self, folder: Path, width_mm: int = 80, voucher_size: VoucherSize = "a6") -> None:
        self.folder = folder
        self.width_mm = width_mm
        self.voucher_size = voucher_size

    def print_receipt(self, data: ReceiptData) -> Path:
        from spa_pos.printing.receipt_pdf import render_receipt_pdf  # reportlab: slow import

        return self._write(data.sale_no, lambda out: render_receipt_pdf(data, out, self.width_mm))

    def print_voucher(self, data: VoucherData) -> Path:
        from spa_pos.printing.voucher_pdf import render_voucher_pdf

        return self._write(
            f"voucher-{data.code}", lambda out: render_voucher_pdf(data, out, self.voucher_size)
        )

    def _write(self, stem: str, render: Callable[[BinaryIO], None]) -> Path:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path, out = _create_new_file(self.folder, _safe_stem(stem))
        except OSError as exc:
            raise PrinterError(f"无法写入 PDF 文件夹 ({self.folder}): {exc}") from exc
        try:
            with out:
                render(out)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path


def _safe_stem(stem: str) -> str:
    """A file name made of the number or code, whatever characters it has."""
    return re.sub(r"[^\w.-]+", "_", stem).strip("._") or "document"


def _create_new_file(folder: Path, stem: str) -> tuple[Path, BinaryIO]:
    """Open `stem.pdf`, or `stem-2.pdf`, `stem-3.pdf` ... whichever does not exist yet."""
    for n in range(1, 10_000):
        path = folder / (f"{stem}.pdf" if n == 1 else f"{stem}-{n}.pdf")
        try:
            return path, path.open("xb")  # exclusive create: never overwrites
        except FileExistsError:
            continue
    raise OSError(f"too many copies of {stem}.pdf")


# ---------------------------------------------------------------------------- ESC/POS


class _EscposPrinter:
    """Renders the ESC/POS bytes; subclasses say how they reach the printer."""

    def __init__(
        self, columns: int = 48, kick_drawer_on_cash: bool = False, profile: str | None = None
    ) -> None:
        self.columns = columns
        self.kick_drawer_on_cash = kick_drawer_on_cash
        self.profile = profile

    def print_receipt(self, data: ReceiptData) -> None:
        from spa_pos.printing.escpos_render import receipt_escpos_bytes

        kick = self.kick_drawer_on_cash and data.cash_moved
        self._send(
            receipt_escpos_bytes(data, columns=self.columns, kick_drawer=kick, profile=self.profile)
        )

    def print_voucher(self, data: VoucherData) -> None:
        from spa_pos.printing.escpos_render import voucher_escpos_bytes

        self._send(voucher_escpos_bytes(data, columns=self.columns, profile=self.profile))

    def _send(self, job: bytes) -> None:
        raise NotImplementedError


class EscposNetworkPrinter(_EscposPrinter):
    """A thermal printer on the LAN, raw TCP (port 9100)."""

    def __init__(
        self,
        host: str,
        port: int = 9100,
        columns: int = 48,
        kick_drawer_on_cash: bool = False,
        *,
        timeout: float = 5.0,
        profile: str | None = None,
    ) -> None:
        super().__init__(columns, kick_drawer_on_cash, profile)
        self.host, self.port, self.timeout = host, port, timeout

    def _send(self, job: bytes) -> None:
        from spa_pos.printing.escpos_render import send_to_network_printer

        send_to_network_printer(job, self.host, self.port, self.timeout)


class EscposUsbPrinter(_EscposPrinter):
    """A thermal printer on USB, found by vendor and product id (needs pyusb)."""

    def __init__(
        self,
        vendor_id: int,
        product_id: int,
        columns: int = 48,
        kick_drawer_on_cash: bool = False,
        *,
        profile: str | None = None,
    ) -> None:
        super().__init__(columns, kick_drawer_on_cash, profile)
        self.vendor_id, self.product_id = vendor_id, product_id

    def _send(self, job: bytes) -> None:
        from spa_pos.printing.escpos_render import send_to_usb_printer

        send_to_usb_printer(job, self.vendor_id, self.product_id)


class EscposSerialPrinter(_EscposPrinter):
    """A thermal printer on a serial port, e.g. COM3 or /dev/ttyUSB0 (needs pyserial)."""

    def __init__(
        self,
        device: str,
        baudrate: int = 9600,
        columns: int = 48,
        kick_drawer_on_cash: bool = False,
        *,
        profile: str | None = None,
    ) -> None:
        super().__init__(columns, kick_drawer_on_cash, profile)
        self.device, self.baudrate = device, baudrate

    def _send(self, job: bytes) -> None:
        from spa_pos.printing.escpos_render import send_to_serial_printer

        send_to_serial_printer(job, self.device, self.baudrate)
