"""Data text never becomes a printer command: whatever a member's name, the clinic's name
or the footer hold, the ESC/POS job carries only the commands the renderer itself sends."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spa_pos.printing.documents import ReceiptLine
from spa_pos.printing.escpos_render import printable, receipt_escpos_bytes, voucher_escpos_bytes
from tests.printing.samples import sample_receipt, sample_voucher

DRAWER_KICK = b"\x1bp"  # ESC p
CUT = b"\x1dV"  # GS V
# Commands someone might smuggle in a name: drawer kick, cut, reset, code page switch.
COMMANDS = ["\x1bp\x00\x19\xfa", "\x1dV\x00", "\x1b@", "\x1bt\x10", "\x10\x14\x01\x00\x05"]
data_text = st.builds(
    lambda before, command, after: before + command + after,
    st.text(max_size=20),
    st.sampled_from(COMMANDS),
    st.text(max_size=20),
)


@settings(max_examples=150, deadline=None)
@given(data_text, data_text, data_text, data_text)
def test_no_command_reaches_the_printer_from_receipt_data(
    member: str, clinic: str, footer: str, item: str
) -> None:
    receipt = sample_receipt(
        member_name=member,
        clinic_name=clinic,
        footer=footer,
        cashier=member,
        lines=(ReceiptLine(item, 1, 100, 100),),
    )
    job = receipt_escpos_bytes(receipt, kick_drawer=False)
    assert DRAWER_KICK not in job
    assert job.count(CUT) == 1  # the renderer's own cut, at the end
    assert job.count(b"\x1b@") == 1  # the renderer's own reset, at the start
    kicked = receipt_escpos_bytes(receipt, kick_drawer=True)
    assert kicked.count(DRAWER_KICK) == 1  # only when the cash moved


@settings(max_examples=50, deadline=None)
@given(data_text, data_text)
def test_no_command_reaches_the_printer_from_voucher_data(member: str, clinic: str) -> None:
    job = voucher_escpos_bytes(sample_voucher(member_name=member, clinic_name=clinic))
    assert DRAWER_KICK not in job
    assert job.count(CUT) == 1


@given(st.text())
def test_printable_text_has_no_control_characters(text: str) -> None:
    cleaned = printable(text)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in cleaned)
    assert printable("王\n芳\x1bp") == "王 芳p"
