"""ESC/POS jobs: GB18030 text in Chinese mode, native QR, cut, drawer kick, and delivery."""

from __future__ import annotations

import dataclasses
import re
import socket
import threading
from collections.abc import Iterator
from datetime import date
from typing import Any, ClassVar

import pytest
from escpos.printer import Serial, Usb

from spa_pos.printing import escpos_render
from spa_pos.printing.documents import PointsLine, ReceiptData, ReceiptLine, VoucherData
from spa_pos.printing.escpos_render import (
    columns_of,
    receipt_escpos_bytes,
    send_to_network_printer,
    send_to_serial_printer,
    send_to_usb_printer,
    voucher_escpos_bytes,
)
from spa_pos.printing.printers import EscposNetworkPrinter, Printer, PrinterError

CHINESE_MODE = b"\x1c&"  # FS &
QR_COMMAND = b"\x1d(k"  # GS ( k
CUT = b"\x1dV"  # GS V
DRAWER_KICK = b"\x1bp"  # ESC p
LONG_ITEM = "高端定制中医针灸推拿配合艾灸拔罐与经络疏通全身调理套餐（含颈肩腰腿专项理疗）"


def make_receipt(**changes: Any) -> ReceiptData:
    data = ReceiptData(
        clinic_name="康宁理疗馆",
        clinic_address="杭州市西湖区文三路 88 号",
        clinic_phone="0571-8888 6666",
        footer="谢谢惠顾，祝您健康！",
        sale_no="S20250301-0012",
        time_text="2025-03-01 14:32",
        cashier="王芳",
        lines=(
            ReceiptLine("高端针灸推拿套餐", 1, 39800, 39800),
            ReceiptLine(LONG_ITEM, 1, 358000, 358000),
        ),
        total_fen=397800,
        payments=(("现金", 400000),),
        change_fen=2200,
        member_name="李秀英",
        member_phone_masked="138****0002",
        tier="银卡",
        points_earned=2600,
        points_breakdown=(PointsLine("项目积分", 2200), PointsLine("疗程奖励 +20%", 400)),
        balance_after=2880,
        expiring_points=300,
        expiring_on=date(2025, 6, 30),
        courses_left=(("针灸推拿十次疗程", 9),),
    )
    return dataclasses.replace(data, **changes)


VOUCHER = VoucherData(
    clinic_name="康宁理疗馆",
    reward_name="头部按摩",
    member_name="李秀英",
    member_phone_masked="138****0002",
    code="HX7K2M9Q",
    qr_payload="SPV1.HX7K2M9Q.20250530.3f9a1c0b7e2d4a6f",
    issued_on=date(2025, 3, 1),
    expires_on=date(2025, 5, 30),
    terms="限本人使用，不兑现金。",
    points_spent=300,
)


class FakePrinterServer:
    """A printer's raw port on 127.0.0.1: accepts one connection, reads until it closes."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(5)
        self.port = self.sock.getsockname()[1]
        self.received = b""
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            conn.settimeout(5)
            chunks = []
            while chunk := conn.recv(65536):
                chunks.append(chunk)
        self.received = b"".join(chunks)

    def job(self) -> bytes:
        self._thread.join(timeout=5)
        assert not self._thread.is_alive(), "the printer never saw the end of the job"
        return self.received


@pytest.fixture
def printer_server() -> Iterator[FakePrinterServer]:
    server = FakePrinterServer()
    yield server
    server.sock.close()


@pytest.fixture
def closed_port() -> int:
    """A local port that nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def printed_lines(job: bytes) -> list[tuple[str, bool]]:
    """(text, double width?) of each printed line, with the control sequences removed."""
    lines: list[tuple[str, bool]] = []
    double_width = False
    control = re.compile(
        rb"\x1d!(.)|\x1b@|\x1c&|\x1c!.|\x1b[Ea].|\x1dB.|\x1bp...|\x1bd.|\x1dV.", re.S
    )
    for raw_line in job.split(b"\n"):
        text = b""
        position = 0
        for match in control.finditer(raw_line):
            text += raw_line[position : match.start()]
            position = match.end()
            if match.group(1) is not None:
                double_width = bool(match.group(1)[0] & 0x10)
        text += raw_line[position:]
        lines.append((text.decode("gb18030"), double_width))
    return lines


# ---------------------------------------------------------------------------- content


def test_receipt_job_is_chinese_mode_gb18030_and_cut() -> None:
    job = receipt_escpos_bytes(make_receipt())

    assert job.startswith(b"\x1b@" + CHINESE_MODE)
    assert "针灸推拿十次疗程 剩余 9 次".encode("gb18030") in job
    assert "找零".encode("gb18030") in job
    assert "￥22.00".encode("gb18030") in job  # full-width yuan: in every GBK font
    assert "¥".encode("gb18030") not in job  # the 4-byte GB18030 form is not
    assert CUT in job[-8:]
    assert DRAWER_KICK not in job
    assert "康宁理疗馆".encode() not in job  # not UTF-8


def test_drawer_kick_only_when_asked() -> None:
    assert DRAWER_KICK + b"\x00" in receipt_escpos_bytes(make_receipt(), kick_drawer=True)
    assert DRAWER_KICK not in receipt_escpos_bytes(make_receipt(), kick_drawer=False)


@pytest.mark.parametrize("columns", [32, 48])
def test_every_line_fits_the_paper(columns: int) -> None:
    lines = printed_lines(receipt_escpos_bytes(make_receipt(), columns=columns))

    for text, double_width in lines:
        width = columns_of(text) * (2 if double_width else 1)
        assert width <= columns, (text, width)
    body = "".join("".join(text.split()) for text, _ in lines)
    assert LONG_ITEM in body.replace("￥3,580.00", "")  # wrapped, nothing lost
    (amount_line,) = [text for text, _ in lines if text.startswith(LONG_ITEM[:4])]
    assert amount_line.endswith("￥3,580.00")
    assert columns_of(amount_line) == columns  # the amount is flush with the right edge


def test_voucher_job_has_native_qr_with_the_payload() -> None:
    job = voucher_escpos_bytes(VOUCHER)

    assert QR_COMMAND in job
    assert b"1P0" + VOUCHER.qr_payload.encode() in job  # GS ( k store data
    assert b"1E1" in job  # error correction M
    assert "兑换券".encode("gb18030") in job
    assert b"HX7K2M9Q" in job
    assert CUT in job[-8:]


# ---------------------------------------------------------------------------- delivery


def test_network_printer_receives_the_whole_job(printer_server: FakePrinterServer) -> None:
    job = receipt_escpos_bytes(make_receipt(), kick_drawer=True)

    send_to_network_printer(job, "127.0.0.1", printer_server.port, timeout=5)

    assert printer_server.job() == job


def test_network_printer_kicks_the_drawer_for_cash(printer_server: FakePrinterServer) -> None:
    printer: Printer = EscposNetworkPrinter(
        "127.0.0.1", printer_server.port, columns=48, kick_drawer_on_cash=True
    )

    printer.print_receipt(make_receipt())

    job = printer_server.job()
    assert DRAWER_KICK in job
    assert "康宁理疗馆".encode("gb18030") in job
    assert CUT in job


def test_no_drawer_kick_without_cash(printer_server: FakePrinterServer) -> None:
    printer = EscposNetworkPrinter(
        "127.0.0.1", printer_server.port, columns=48, kick_drawer_on_cash=True
    )

    printer.print_receipt(make_receipt(payments=(("微信支付", 397800),), change_fen=0))

    job = printer_server.job()
    assert DRAWER_KICK not in job
    assert CUT in job


def test_network_printer_prints_a_voucher(printer_server: FakePrinterServer) -> None:
    EscposNetworkPrinter("127.0.0.1", printer_server.port, columns=32).print_voucher(VOUCHER)

    job = printer_server.job()
    assert QR_COMMAND in job
    assert VOUCHER.qr_payload.encode() in job


def test_refused_connection_is_a_printer_error(closed_port: int) -> None:
    with pytest.raises(PrinterError, match=rf"拒绝连接 \(127\.0\.0\.1:{closed_port}\)"):
        send_to_network_printer(b"x", "127.0.0.1", closed_port, timeout=2)

    with pytest.raises(PrinterError, match="打印机未连接或拒绝连接"):
        EscposNetworkPrinter("127.0.0.1", closed_port).print_voucher(VOUCHER)


class FakeDevice:
    """Stands in for escpos.printer.Usb / Serial: records what `_raw` was given."""

    sent: ClassVar[list[bytes]] = []
    opened_with: ClassVar[dict[str, object]] = {}

    def __init__(self, **kwargs: object) -> None:
        FakeDevice.opened_with = kwargs

    @staticmethod
    def is_usable() -> bool:
        return True

    def open(self) -> None:
        pass

    def _raw(self, data: bytes) -> None:
        FakeDevice.sent.append(data)

    def close(self) -> None:
        pass


def test_usb_and_serial_send_the_same_bytes_raw(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(escpos_render, "Usb", FakeDevice)
    monkeypatch.setattr(escpos_render, "Serial", FakeDevice)
    FakeDevice.sent = []
    job = voucher_escpos_bytes(VOUCHER)

    send_to_usb_printer(job, 0x0416, 0x5011)
    assert FakeDevice.opened_with == {"idVendor": 0x0416, "idProduct": 0x5011}
    send_to_serial_printer(job, "/dev/ttyUSB0", 19200)
    assert FakeDevice.opened_with == {"devfile": "/dev/ttyUSB0", "baudrate": 19200}

    assert FakeDevice.sent == [job, job]


def test_usb_and_serial_without_their_library_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Usb, "is_usable", staticmethod(lambda: False))
    monkeypatch.setattr(Serial, "is_usable", staticmethod(lambda: False))

    with pytest.raises(PrinterError, match="pyusb"):
        send_to_usb_printer(b"x", 0x0416, 0x5011)
    with pytest.raises(PrinterError, match="pyserial"):
        send_to_serial_printer(b"x", "COM3")
