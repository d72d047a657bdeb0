"""Money is integer fen. People type yuan; we show ¥1,234.50."""

from __future__ import annotations

import re

from spa_pos.errors import DomainError

_YUAN = re.compile(r"^\d+(\.\d{1,2})?$")


def parse_yuan(text: str) -> int:
    """'398' -> 39800, '12.5' -> 1250; refuses negatives, more than two decimals and junk."""
    cleaned = text.strip().replace(",", "").lstrip("¥")
    if not _YUAN.match(cleaned):
        raise DomainError("general.bad_amount", text=text)
    whole, _, frac = cleaned.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def format_fen(fen: int) -> str:
    """39800 -> '¥398.00', 123450 -> '¥1,234.50', -1200 -> '-¥12.00'."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"
