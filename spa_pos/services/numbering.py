"""Document numbers per business day and till: S20261123-0001 for sales, R… for refunds.

The default till's numbers carry no till code (a clinic with one till numbers as it
always did); another till's carry its code before the sequence, S20261123-B0001
(`tills.code`), so two tills on one database never make the same number, and each counts
its own day from 1.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from spa_pos.db import bytewise
from spa_pos.services import tills


def next_number(
    session: Session, prefix: str, column: InstrumentedAttribute[str], day: date, till: str
) -> str:
    """The till's next number of the day; safe because the till's writes are one at a
    time (SQLite's write lock), and other tills number under other codes."""
    stem = f"{prefix}{day:%Y%m%d}-{tills.code(session, till)}"
    last = session.scalar(_last_of_day(column), {"low": stem + "0", "high": stem + ":"})
    seq = int(last[len(stem) :]) + 1 if last else 1
    return f"{stem}{seq:04d}"


@cache
def _last_of_day(column: InstrumentedAttribute[str]) -> Select[tuple[str]]:
    """The till's last number of the day: the numbers of the stem followed by a digit
    (another till's carry a letter there). One statement per numbered column (built once:
    every sale asks). A range, not LIKE, so SQLite walks the unique index straight to it;
    compared code point by code point (`bytewise`) on a server of any collation."""
    ordered = bytewise(column)
    return select(func.max(ordered)).where(ordered >= bindparam("low"), ordered < bindparam("high"))
