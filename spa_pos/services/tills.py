"""Tills (收银台) in the shared database: how a till's name is stored, filtered on and
turned into the code its document numbers carry.

The default till (`spa_pos.till.DEFAULT`, "前台") is stored as NULL, like the rows written
before tills existed: a clinic with one till writes exactly what it wrote before (its
numbers, rows and audit digests unchanged), and the rows of an upgraded clinic are that
till's. Every other till is stored by name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from spa_pos.models import Till
from spa_pos.till import DEFAULT


def stored(name: str) -> str | None:
    """The value of a `till` column for the till `name`."""
    return None if name == DEFAULT else name


def shown(value: str | None) -> str:
    """The till's name from a `till` column's value."""
    return value or DEFAULT


def at(column: InstrumentedAttribute[Any], name: str) -> ColumnElement[bool]:
    """The rows of the till `name`."""
    value = stored(name)
    return column.is_(None) if value is None else column == value


def code(session: Session, name: str) -> str:
    """The code the till's document numbers carry: none for the default till (its numbers
    look as they always did), else letters from its row in `tills` (B, C, … Z, AA, …),
    registered the first time the till numbers something. Unique per till, so two tills
    never make the same number."""
    known = known_code(session, name)
    if known is not None:
        return known
    row = Till(name=name)
    session.add(row)
    session.flush()
    return _letters(row.id)


def known_code(session: Session, name: str) -> str | None:
    """The till's code if it has one yet (None: it never numbered anything)."""
    if stored(name) is None:
        return ""
    till_id = session.scalar(select(Till.id).where(Till.name == name))
    return None if till_id is None else _letters(till_id)


def _letters(n: int) -> str:
    """1 → A, 2 → B, 26 → Z, 27 → AA (bijective base 26)."""
    text = ""
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("A") + rest) + text
    return text
