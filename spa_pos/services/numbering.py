"""Document numbers per business day: S20261123-0001 for sales, R… for refunds."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session


def next_number(
    session: Session, prefix: str, column: InstrumentedAttribute[str], day: date
) -> str:
    """The next number of the day; safe because writers hold SQLite's write lock."""
    stem = f"{prefix}{day:%Y%m%d}-"
    # a range, not LIKE, so SQLite walks the unique index straight to the day
    last = session.scalar(select(func.max(column)).where(column >= stem, column < stem + "~"))
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{stem}{seq:04d}"
