"""What a receipt or a voucher shows, already decided by the services.

These are plain values: the renderers (PDF, ESC/POS) only lay them out. Money is integer
fen (format it with `spa_pos.money.format_fen`), points are integers, dates are local
business dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from spa_pos.money import format_fen

__all__ = ["PointsLine", "ReceiptData", "ReceiptLine", "VoucherData", "format_fen"]


@dataclass(frozen=True)
class ReceiptLine:
    """One sold item: `amount_fen` is what the line costs after any voucher on it."""

    name: str
    qty: int
    unit_fen: int
    amount_fen: int
    note: str = ""  # e.g. "兑换券抵扣" when a voucher made it free


@dataclass(frozen=True)
class PointsLine:
    """One part of the points earned, e.g. ("疗程奖励 +20%", 400)."""

    label: str
    points: int


@dataclass(frozen=True)
class ReceiptData:
    clinic_name: str
    clinic_address: str
    clinic_phone: str
    footer: str
    sale_no: str
    time_text: str
    cashier: str
    lines: tuple[ReceiptLine, ...]
    total_fen: int
    payments: tuple[tuple[str, int], ...]  # (method label, fen), e.g. ("现金", 50000)
    change_fen: int
    # Cash changed hands (paid, or given back on a refund): decided on the payment
    # method codes, never on the labels, it opens the cash drawer.
    cash_moved: bool = False
    member_name: str | None = None
    member_phone_masked: str | None = None  # 138****0002
    member_card: str | None = None
    tier: str | None = None
    vouchers_used: tuple[str, ...] = ()
    discount_fen: int = 0
    points_earned: int = 0
    points_breakdown: tuple[PointsLine, ...] = ()
    balance_after: int | None = None
    expiring_points: int = 0
    expiring_on: date | None = None
    next_reward: tuple[int, str] | None = None  # (points still needed, reward name)
    courses_left: tuple[tuple[str, int], ...] = ()  # (course name, sessions left)
    kind: Literal["sale", "refund"] = "sale"
    original_sale_no: str | None = None  # for refunds
    reprint: bool = False
    logo_path: Path | None = None
    # The till (收银台) the document was made at, printed when it is not the default
    # till: a clinic with one till prints what it always printed, and with several, a
    # receipt without the line is the front desk's (`spa_pos.services.tills.stored`).
    till: str | None = None


@dataclass(frozen=True)
class VoucherData:
    clinic_name: str
    reward_name: str
    member_name: str
    member_phone_masked: str
    code: str
    qr_payload: str
    issued_on: date
    expires_on: date
    terms: str
    points_spent: int
