"""What goes on a receipt or a voucher, as a list of simple blocks.

The PDF renderer and the ESC/POS renderer both lay out the same blocks, so the two always
show the same information; only their geometry differs (points and a CJK font for PDF,
character columns for a thermal printer). Text wrapping lives here too and takes a
`measure` function so each backend wraps by its own notion of width.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spa_pos.money import format_fen
from spa_pos.printing.documents import ReceiptData, ReceiptLine, VoucherData

Align = Literal["left", "center", "right"]
Size = Literal["small", "normal", "large"]
Measure = Callable[[str], float]


@dataclass(frozen=True)
class Title:
    """The clinic name or document title: big, bold, centered."""

    text: str


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the paper width."""

    text: str
    align: Align = "left"
    size: Size = "normal"
    bold: bool = False
    indent: int = 0  # in character widths


@dataclass(frozen=True)
class Row:
    """A label on the left and a value flush with the right edge (amounts, points)."""

    left: str
    right: str
    size: Size = "normal"
    bold: bool = False
    indent: int = 0


@dataclass(frozen=True)
class Mark:
    """A stamp such as 重印 or 退款单, centered; `inverted` prints white on black."""

    text: str
    inverted: bool = False


@dataclass(frozen=True)
class Rule:
    """A dashed separator across the paper."""


@dataclass(frozen=True)
class Heading:
    """A section title centered on a separator: ---- 会员积分 ----."""

    text: str


@dataclass(frozen=True)
class Gap:
    """Half a line of empty space."""


@dataclass(frozen=True)
class Logo:
    path: Path


@dataclass(frozen=True)
class Qr:
    payload: str


Block = Title | Text | Row | Mark | Rule | Heading | Gap | Logo | Qr


# ---------------------------------------------------------------------------- wrapping

# A run of Latin letters/digits/punctuation stays together (a word, an amount, a code);
# anything else (CJK) is one token per character, so it may break anywhere.
_TOKEN = re.compile(r"[!-~]+|\s+|.", re.S)
# Chinese typesetting: these never start a line.
_NO_LINE_START = set("，。、；：！？）》」』】〕…,.;:!?)%")


def wrap_text(text: str, width: float, measure: Measure) -> list[str]:
    """Greedy wrap of `text` into lines no wider than `width` (by `measure`).

    CJK breaks between any two characters, Latin words at spaces, and a word longer than
    the line breaks between characters. Always returns at least one line.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    current = ""
    for token in _TOKEN.findall(text):
        if token.isspace() and not current:
            continue
        if measure((current + token).rstrip()) <= width:
            current += token
            continue
        if token.isspace():
            lines.append(current.rstrip())
            current = ""
            continue
        if token in _NO_LINE_START and len(current) > 1 and not current[-1].isspace():
            lines.append(current[:-1].rstrip())
            current = current[-1] + token
            continue
        if current:
            lines.append(current.rstrip())
            current = ""
        for char in token:
            if current and measure(current + char) > width:
                lines.append(current)
                current = ""
            current += char
    lines.append(current.rstrip())
    return lines


def split_row(
    left: str, right: str, width: float, measure: Measure, gap: float
) -> list[tuple[str, str]]:
    """Lay out a Row as (left text, right text) lines that fit `width`.

    A short value sits on the first line with the label wrapped beside it; a value too long
    for that goes on lines of its own under the label, still flush right.
    """
    right_width = measure(right)
    if right_width + gap <= width * 0.6:
        left_lines = wrap_text(left, width - right_width - gap, measure)
        return [(left_lines[0], right)] + [(line, "") for line in left_lines[1:]]
    rows = [(line, "") for line in wrap_text(left, width, measure)] if left else []
    return rows + [("", line) for line in wrap_text(right, width, measure)]


# ---------------------------------------------------------------------------- receipts


def points_text(points: int) -> str:
    """2700 -> '2,700'."""
    return f"{points:,}"


def signed(points: int) -> str:
    """2700 -> '+2,700', -2700 -> '-2,700'."""
    return f"{points:+,}"


def receipt_blocks(data: ReceiptData) -> list[Block]:
    return [
        *_header(data),
        *_sale_info(data),
        *_member(data),
        *_items(data),
        *_totals(data),
        *_points(data),
        *_courses(data),
        *_footer(data),
    ]


def _header(data: ReceiptData) -> list[Block]:
    blocks: list[Block] = []
    if data.logo_path is not None and data.logo_path.is_file():
        blocks.append(Logo(data.logo_path))
    blocks.append(Title(data.clinic_name))
    if data.clinic_address:
        blocks.append(Text(data.clinic_address, align="center", size="small"))
    if data.clinic_phone:
        blocks.append(Text(f"电话 {data.clinic_phone}", align="center", size="small"))
    if data.kind == "refund":
        blocks.append(Mark("退款单", inverted=True))
    if data.reprint:
        blocks.append(Mark("重印"))
    return blocks


def _sale_info(data: ReceiptData) -> list[Block]:
    blocks: list[Block] = [Rule(), Row("单号", data.sale_no)]
    if data.kind == "refund" and data.original_sale_no:
        blocks.append(Row("原单号", data.original_sale_no))
    blocks += [Row("时间", data.time_text), Row("收银", data.cashier)]
    if data.till:
        blocks.append(Row("收银台", data.till))
    return blocks


def _member(data: ReceiptData) -> list[Block]:
    if not data.member_name:
        return []
    blocks: list[Block] = [Rule(), Row("会员", data.member_name)]
    if data.member_phone_masked:
        blocks.append(Row("手机", data.member_phone_masked))
    if data.member_card:
        blocks.append(Row("卡号", data.member_card))
    if data.tier:
        blocks.append(Row("等级", data.tier))
    return blocks


def _items(data: ReceiptData) -> list[Block]:
    blocks: list[Block] = [Rule(), Row("项目", "金额", size="small")]
    for line in data.lines:
        blocks += _item(line)
    return blocks


def _item(line: ReceiptLine) -> list[Block]:
    detail = f"{line.qty} × {format_fen(line.unit_fen)}"
    if line.note:
        detail += f"  {line.note}"
    return [Row(line.name, format_fen(line.amount_fen)), Text(detail, size="small", indent=1)]


def _totals(data: ReceiptData) -> list[Block]:
    refund = data.kind == "refund"
    blocks: list[Block] = [Rule()]
    blocks += [Row("退回兑换券" if refund else "兑换券", name) for name in data.vouchers_used]
    if data.discount_fen:
        blocks.append(Row("优惠", format_fen(-abs(data.discount_fen))))
    blocks.append(Row("退款金额" if refund else "合计", format_fen(data.total_fen), "large", True))
    for method, fen in data.payments:
        blocks.append(Row(f"退回 {method}" if refund else method, format_fen(fen)))
    if not refund:
        blocks.append(Row("找零", format_fen(data.change_fen)))
    return blocks


def _points(data: ReceiptData) -> list[Block]:
    has_points = data.points_earned or data.points_breakdown or data.balance_after is not None
    if not (data.member_name or has_points):
        return []
    refund = data.kind == "refund"
    earned = _taken_back(data.points_earned) if refund else data.points_earned
    blocks: list[Block] = [
        Heading("会员积分"),
        Row("扣回积分" if refund else "本次积分", signed(earned), bold=True),
    ]
    for part in data.points_breakdown:
        points = _taken_back(part.points) if refund else part.points
        blocks.append(Row(part.label, signed(points), size="small", indent=1))
    if data.balance_after is not None:
        blocks.append(Row("积分余额", points_text(data.balance_after), bold=True))
    if data.expiring_points and data.expiring_on is not None:
        when = data.expiring_on.isoformat()
        blocks.append(Text(f"{points_text(data.expiring_points)} 分将于 {when} 到期"))
    if data.next_reward is not None:
        needed, reward = data.next_reward
        blocks.append(Text(f"再积 {points_text(needed)} 分可兑换 {reward}"))
    return blocks


def _taken_back(points: int) -> int:
    """A refund takes points back: shown negative whichever sign the service used."""
    return -abs(points)


def _courses(data: ReceiptData) -> list[Block]:
    if not data.courses_left:
        return []
    blocks: list[Block] = [Heading("疗程余次")]
    return blocks + [Text(f"{name} 剩余 {left} 次") for name, left in data.courses_left]


def _footer(data: ReceiptData) -> list[Block]:
    if not data.footer:
        return [Gap()]
    return [Rule(), Text(data.footer, align="center", size="small")]


# ---------------------------------------------------------------------------- vouchers


def voucher_blocks(data: VoucherData) -> list[Block]:
    return [
        Text(data.clinic_name, align="center", bold=True),
        Title("兑换券"),
        Text(data.reward_name, align="center", size="large", bold=True),
        Gap(),
        Qr(data.qr_payload),
        Text(f"券码 {data.code}", align="center", size="large", bold=True),
        Rule(),
        Row("会员", data.member_name),
        Row("手机", data.member_phone_masked),
        Row("兑换积分", f"{points_text(data.points_spent)} 分"),
        Row("发券日期", data.issued_on.isoformat()),
        Row("有效期至", data.expires_on.isoformat(), bold=True),
        Rule(),
        Text(data.terms, size="small"),
    ]
