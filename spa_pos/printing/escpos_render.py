"""Receipts and vouchers as ESC/POS bytes for Chinese thermal printers, and how to send them.

How Chinese text is sent (and why not with python-escpos's `text()`):
python-escpos 3.1 encodes a string containing a CJK ideograph as GB18030 but sends any
other string through its code-page guesser, which emits `ESC t n` switches and single-byte
code-page characters; on a printer in Chinese mode a byte >= 0x80 starts a double-byte
character, so a line such as "¥32.00" would print garbage. We therefore use `Dummy` only to
collect the bytes of its commands (QR, cut, cash drawer, styles) and write text ourselves:

* the job starts with `ESC @` (reset) and `FS &` (enter Chinese character mode), the
  default of the Chinese printers we target (Xprinter, GPrinter, Rongta, SPRT, ...);
* every line is sent as GB18030 bytes (identical to GBK for everything GBK has);
* "¥" (U+00A5) is outside GBK, so it is printed as the full-width "￥" (A3 A4) that any
  GB2312/GBK printer has; other characters outside GBK become 4-byte GB18030 sequences,
  printed correctly only by printers with a GB18030 font;
* widths are counted in columns: an ASCII character is 1 column, anything else 2 (a
  double-byte character in Chinese mode), so 48 columns on 80 mm paper, 32 on 58 mm.
"""

from __future__ import annotations

import socket

from escpos.constants import QR_ECLEVEL_M
from escpos.exceptions import DeviceNotFoundError
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, Serial, Usb

from spa_pos.printing.content import (
    Block,
    Gap,
    Heading,
    Logo,
    Mark,
    Qr,
    Row,
    Rule,
    Size,
    Text,
    Title,
    receipt_blocks,
    split_row,
    voucher_blocks,
    wrap_text,
)
from spa_pos.printing.documents import ReceiptData, VoucherData
from spa_pos.printing.errors import PrinterError

ESC_INIT = b"\x1b@"
FS_CHINESE_MODE = b"\x1c&"
TEXT_ENCODING = "gb18030"
COLUMNS_80MM = 48
COLUMNS_58MM = 32


def columns_of(text: str) -> int:
    """Printed width in columns: ASCII 1, everything else (double-byte) 2."""
    return sum(1 if ord(char) < 128 else 2 for char in text)


# C0 controls, DEL and C1 controls: from data (a member's name, the clinic's name, the
# footer) they would reach the printer as commands (ESC p opens the cash drawer, GS V cuts).
# Line breaks and tabs become spaces, everything else goes.
_CONTROLS = {c: None for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} | {
    ord(c): " " for c in "\t\n\r\v\f"
}


def printable(text: str) -> str:
    """Text as the printer should get it: no control characters, and ¥ as the full-width
    ￥ that GBK has. Every text of a job passes here (blocks before they are wrapped, each
    line again as it is encoded), so data never adds a command; the job's own commands
    are written as bytes by `EscposJob`, never through text."""
    return text.translate(_CONTROLS).replace("¥", "￥")


def encode_line(text: str) -> bytes:
    return printable(text).encode(TEXT_ENCODING, errors="replace") + b"\n"


class EscposJob:
    """An ESC/POS print job built from content blocks; `output` is the bytes to send."""

    def __init__(self, columns: int = COLUMNS_80MM, profile: str | None = None) -> None:
        if columns < 16:
            raise ValueError(f"too few columns: {columns}")
        self.columns = columns
        self.printer = Dummy(profile=profile)
        self.printer._raw(ESC_INIT + FS_CHINESE_MODE)
        self._bold = False  # the state ESC @ leaves
        self._size = (False, False)

    @property
    def output(self) -> bytes:
        output: bytes = self.printer.output
        return output

    def add_all(self, blocks: list[Block]) -> EscposJob:
        for block in blocks:
            self.add(block)
        return self

    def add(self, block: Block) -> None:
        match block:
            case Title(text):
                self._title(printable(text))
            case Text(text, align, size, bold, indent):
                self._text(printable(text), align, size, bold, indent)
            case Row():
                self._row(block)
            case Mark(text, inverted):
                self._mark(printable(text), inverted)
            case Rule():
                self._plain("-" * self.columns)
            case Heading(text):
                self._heading(printable(text))
            case Gap():
                self._plain("")
            case Logo():
                pass  # a logo belongs in the printer's own memory (NV graphics), not each job
            case Qr(payload):
                self._qr(payload)

    def kick_drawer(self) -> None:
        """Pulse the cash drawer on connector pin 2 (ESC p 0)."""
        self.printer.cashdraw(2)

    def cut(self) -> None:
        """Feed past the tear bar and cut (if the printer profile says it can)."""
        self._style()
        self.printer.cut()

    # ------------------------------------------------------------------ blocks

    def _line(self, text: str) -> None:
        self.printer._raw(encode_line(text))

    def _title(self, text: str) -> None:
        self._style(bold=True, double_width=True, double_height=True)
        half = self.columns // 2
        for line in wrap_text(text, half, columns_of):
            self._line(_centered(line, half))

    def _text(self, text: str, align: str, size: Size, bold: bool, indent: int) -> None:
        self._style(bold=bold, double_height=size == "large")
        inset = 2 * indent
        width = self.columns - inset
        for line in wrap_text(text, width, columns_of):
            if align == "center":
                line = _centered(line, width)
            elif align == "right":
                line = " " * (width - columns_of(line)) + line
            self._line(" " * inset + line)

    def _row(self, row: Row) -> None:
        self._style(bold=row.bold, double_height=row.size == "large")
        inset = 2 * row.indent
        width = self.columns - inset
        left, right = printable(row.left), printable(row.right)
        for line_left, line_right in split_row(left, right, width, columns_of, 1):
            padding = width - columns_of(line_left) - columns_of(line_right)
            self._line(" " * inset + line_left + " " * padding + line_right)

    def _mark(self, text: str, inverted: bool) -> None:
        label = f" {' '.join(text)} " if inverted else f"【{text}】"
        self._style(bold=True, double_height=True)
        self.printer.set(align="center", invert=inverted)
        self._line(label)
        self.printer.set(align="left", invert=False)

    def _heading(self, text: str) -> None:
        self._style()
        self._line(_centered(f" {text} ", self.columns, fill="-"))

    def _plain(self, text: str) -> None:
        self._style()
        self._line(text)

    def _qr(self, payload: str) -> None:
        module_dots = 8 if self.columns >= 42 else 6
        self.printer.set(align="center")
        self.printer.qr(payload, ec=QR_ECLEVEL_M, size=module_dots, native=True)
        self.printer.set(align="left")

    def _style(
        self, *, bold: bool = False, double_width: bool = False, double_height: bool = False
    ) -> None:
        """Switch emphasis and size, sending only what changes.

        Size goes out twice: GS ! for all characters and FS ! for Chinese ones, as some
        printers size Chinese characters only by one of the two.
        """
        if bold != self._bold:
            self.printer.set(bold=bold)
            self._bold = bold
        size = (double_width, double_height)
        if size != self._size:
            gs = (0x10 if double_width else 0) | (0x01 if double_height else 0)
            fs = (0x04 if double_width else 0) | (0x08 if double_height else 0)
            self.printer._raw(b"\x1d!" + bytes([gs]) + b"\x1c!" + bytes([fs]))
            self._size = size


def _centered(text: str, columns: int, fill: str = " ") -> str:
    spare = max(columns - columns_of(text), 0)
    left = spare // 2
    right = spare - left if fill != " " else 0
    return fill * left + text + fill * right


# ---------------------------------------------------------------------------- documents


def receipt_escpos_bytes(
    data: ReceiptData,
    *,
    columns: int = COLUMNS_80MM,
    kick_drawer: bool = False,
    profile: str | None = None,
) -> bytes:
    """The receipt as one ESC/POS job: text, cut, and the drawer kick when asked."""
    job = EscposJob(columns, profile)
    if kick_drawer:
        job.kick_drawer()  # first, so the drawer opens while the receipt prints
    job.add_all(receipt_blocks(data))
    job.cut()
    return job.output


def voucher_escpos_bytes(
    data: VoucherData, *, columns: int = COLUMNS_80MM, profile: str | None = None
) -> bytes:
    """The voucher as one ESC/POS job; the QR is drawn by the printer (GS ( k)."""
    job = EscposJob(columns, profile)
    job.add_all(voucher_blocks(data))
    job.cut()
    return job.output


# ---------------------------------------------------------------------------- transports


def send_to_network_printer(data: bytes, host: str, port: int = 9100, timeout: float = 5.0) -> None:
    """Send a job to a network printer's raw port (JetDirect, usually 9100)."""
    where = f"{host}:{port}"
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:
            conn.sendall(data)
    except TimeoutError as exc:
        raise PrinterError(f"打印机无响应 ({where}), 请检查电源、网线和纸张") from exc
    except OSError as exc:
        raise PrinterError(f"打印机未连接或拒绝连接 ({where})") from exc


def send_to_usb_printer(data: bytes, vendor_id: int, product_id: int) -> None:
    """Send a job to a USB printer through python-escpos (needs pyusb and libusb)."""
    where = f"USB {vendor_id:04x}:{product_id:04x}"
    if not Usb.is_usable():
        raise PrinterError(f"无法使用 USB 打印机 ({where}): 未安装 pyusb")
    printer = Usb(idVendor=vendor_id, idProduct=product_id)
    try:
        printer.open()
        printer._raw(data)
    except DeviceNotFoundError as exc:
        raise PrinterError(f"打印机未连接 ({where}), 请检查 USB 线和电源") from exc
    except (EscposError, OSError) as exc:
        raise PrinterError(f"USB 打印失败 ({where}): {exc}") from exc
    finally:
        printer.close()


def send_to_serial_printer(data: bytes, device: str, baudrate: int = 9600) -> None:
    """Send a job to a serial (COM / /dev/ttyS*) printer through python-escpos (needs pyserial)."""
    if not Serial.is_usable():
        raise PrinterError(f"无法使用串口打印机 ({device}): 未安装 pyserial")
    printer = Serial(devfile=device, baudrate=baudrate)
    try:
        printer.open()
        printer._raw(data)
    except DeviceNotFoundError as exc:
        raise PrinterError(f"打印机未连接 ({device}), 请检查串口线和电源") from exc
    except (EscposError, OSError) as exc:
        raise PrinterError(f"串口打印失败 ({device}): {exc}") from exc
    finally:
        printer.close()
