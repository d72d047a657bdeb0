"""Document numbers per business day: S20261123-0001 for sales, R… for refunds."""

from __future__ import annotations

from datetime import date
from functools import cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session


def next_number(
    session: Session, prefix: str, column: InstrumentedAttribute[str], day: date
) -> str:
    """The next number of the day; safe because writers hold SQLite's write lock."""
    stem = f"{prefix}{day:%Y%m%d}-"
    last = session.scalar(_last_of_day(column), {"stem": stem, "end": stem + "~"})
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{stem}{seq:04d}"


@cache
def _last_of_day(column: InstrumentedAttribute[str]) -> Select[tuple[str]]:
    """The day's last number, one statement per numbered column (built once: every sale
    asks). A range, not LIKE, so SQLite walks the unique index straight to the day."""
    return select(func.max(column)).where(column >= bindparam("stem"), column < bindparam("end"))
