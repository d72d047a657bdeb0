"""Money is integer fen. People type yuan; we show ¥1,234.50."""

from __future__ import annotations

import re

from spa_pos.errors import DomainError

# ASCII digits only (`\d` takes "²" and other scripts' digits), commas only as thousands
# separators ("3,9,8" is not 398), at most 12 digits of yuan: far above any amount the
# till accepts (spa_pos.limits), far below what a 64-bit column overflows at.
_YUAN = re.compile(r"([0-9]{1,3}(,[0-9]{3})+|[0-9]{1,12})(\.[0-9]{1,2})?")


def parse_yuan(text: str) -> int:
    """'398' -> 39800, '12.5' -> 1250, '1,234.50' -> 123450; refuses negatives, more than
    two decimals, misplaced commas and junk."""
    cleaned = text.strip().removeprefix("¥")
    if not _YUAN.fullmatch(cleaned) or len(cleaned.replace(",", "").partition(".")[0]) > 12:
        raise DomainError("general.bad_amount", text=text)
    whole, _, frac = cleaned.replace(",", "").partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def format_fen(fen: int) -> str:
    """39800 -> '¥398.00', 123450 -> '¥1,234.50', -1200 -> '-¥12.00'."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"
