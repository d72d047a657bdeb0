"""The till's bounds: the largest amount, quantity and points figure it accepts, and how
far from now a back-dated or late entry may be. One place, so that the services refuse
the same inputs whichever screen or command sends them.

Why bounds at all: every figure ends up in a sum (a Z report, a member's balance, the
ledger) that SQLite keeps in a signed 64-bit integer. Without a ceiling one typo'd or
crafted figure (`points adjust … 9223372036854775000`) overflows those sums and then
every later close-day or sale of that member fails. With these ceilings the largest
lifetime total -- every accepted figure at its maximum, 1,000 sales a day for 100 years
-- stays far below 2**63 (`LIFETIME_*` below; tests/test_limits.py holds it).

The ceilings are far above anything a clinic does (a sale of ¥1,000,000; a million
points in one adjustment), so no clinic needs to change them; the figures a clinic does
set (earning rates, bonuses, tier thresholds) are settings, each checked against these.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from spa_pos.errors import DomainError

# --- money (fen) -----------------------------------------------------------------------
MAX_PAYMENT_FEN = 100_000_000  # one payment line: ¥1,000,000
MAX_SALE_FEN = 100_000_000  # a sale's list price, and what all its payments add up to
MAX_PRICE_FEN = 10_000_000  # one catalog price or coupon value: ¥100,000
MAX_COUNTED_CASH_FEN = 1_000_000_000  # cash counted in the drawer at close: ¥10,000,000
MAX_QTY = 999  # units of one item on one sale line
# --- points ----------------------------------------------------------------------------
MAX_POINTS = 1_000_000  # one figure: an adjustment, an event, a reward's cost, a bonus
MAX_SALE_POINTS = 10_000_000  # what one sale may earn, all rules together
MAX_RATE = 100  # points per yuan, and any multiplier (birthday, tier)
# --- time ------------------------------------------------------------------------------
FUTURE_TOLERANCE = timedelta(minutes=5)  # two tills' clocks a little apart
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # nothing the till books is older
MIN_DAY = date(1900, 1, 1)  # a date typed on the command line (a birthday, a day to close)
MAX_DAY = date(2999, 12, 31)

# The plausible lifetime the bounds are proved against.
LIFETIME_SALES = 1_000 * 366 * 100


def check_payment(fen: int) -> None:
    if fen > MAX_PAYMENT_FEN:
        raise DomainError("limits.payment_too_large", max=_yuan(MAX_PAYMENT_FEN))


def check_payments(total_fen: int) -> None:
    if total_fen > MAX_SALE_FEN:
        raise DomainError("limits.payments_too_large", max=_yuan(MAX_SALE_FEN))


def check_sale(gross_fen: int) -> None:
    if gross_fen > MAX_SALE_FEN:
        raise DomainError("limits.sale_too_large", max=_yuan(MAX_SALE_FEN))


def check_price(fen: int) -> None:
    """A catalog price or a coupon's value."""
    if fen > MAX_PRICE_FEN:
        raise DomainError("limits.price_too_large", max=_yuan(MAX_PRICE_FEN))


def check_counted_cash(fen: int) -> None:
    if fen > MAX_COUNTED_CASH_FEN:
        raise DomainError("limits.cash_too_large", max=_yuan(MAX_COUNTED_CASH_FEN))


def check_points(points: int, limit: int = MAX_POINTS) -> None:
    """Refuse a points figure whose size is above `limit` (either sign)."""
    if abs(points) > limit:
        raise DomainError("limits.points_too_large", points=points, max=limit)


def check_moment(at: datetime, now: datetime) -> None:
    """Refuse a late entry's time later than now (beyond `FUTURE_TOLERANCE`) or before
    `EARLIEST`: a date typed wrong must not expire every member's points or date a sale
    in a year no report will ever show."""
    if at > now + FUTURE_TOLERANCE:
        raise DomainError("limits.future_time", at=f"{at:%Y-%m-%d %H:%M}")
    if at < EARLIEST:
        raise DomainError("limits.too_early", at=f"{at:%Y-%m-%d}", earliest=f"{EARLIEST:%Y-%m-%d}")


def before(at: datetime, origin: datetime) -> bool:
    """Whether an act at `at` is dated before the thing it refers to (a refund before its
    sale, a voucher used before its issue); both naive UTC as stored. Two tills' clocks
    may be a little apart, so the tolerance applies here too."""
    return at < origin - FUTURE_TOLERANCE


def stamp_text(stored: datetime) -> str:
    """A stored (naive UTC) time for a refusal message."""
    return f"{stored:%Y-%m-%d %H:%M} UTC"


def _yuan(fen: int) -> str:
    return f"{fen // 100:,}"
