"""The unit of work a service operation runs in.

Every write of money or points follows the same steps: take the moment (now, or the
`--at` of a late entry), open one write transaction, read the settings in force, work out
the clinic's business date, do the rule, leave an audit row. `write` does the steps that
are the same everywhere, so that an operation reads as its rule:

    with unit_of_work.write(ctx) as work:
        member = members.find_one(work.session, ref)
        ...
        work.audit("points.adjust", "member", member.card_no, delta=delta)

Two guards every such write shares live here too: a late entry's `at` may not lie in the
future (beyond `limits.FUTURE_TOLERANCE`) nor before `limits.EARLIEST`, and an operation
that books money or points (`books=True`: sale, refund, redemption, voucher cancel,
adjustment, course use, event award) is refused on a business day the acting till
(`ctx.till`) has already closed. Such a write dated more than `BACKDATE_GRACE` before now
is a back-dated entry: it needs `backdate` (a manager, or a manager's PIN on the spot),
and its audit row says so.

The audit row also carries the digest of every business row the transaction wrote before
it (`spa_pos.services.audit`: the connection's TEMP triggers note them, whatever wrote
them), and a transaction that wrote such rows without `work.audit` gets an automatic one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.models import DayClose
from spa_pos.services import audit, permissions, tills
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Actor, Ctx
from spa_pos.services.settings import Settings


@dataclass
class Work:
    """One open transaction, the moment it acts at, who acts and at which till."""

    session: Session
    moment: datetime  # aware
    who: Actor
    till: str  # the till's name (`spa_pos.till`)
    entered: datetime | None = None  # aware: when a back-dated entry was made

    @property
    def actor(self) -> str:
        """Who acts, as stored in `*_by` columns and the audit: both names when a manager
        approved on the spot."""
        return self.who.label

    @property
    def stamp(self) -> datetime:
        """The moment as stored: naive UTC."""
        return clk.to_utc_naive(self.moment)

    @cached_property
    def settings(self) -> Settings:
        """The settings in force at this moment (the loyalty rules of `moment`, not of
        whenever it runs: a late entry earns under the rules of its own time), read once
        inside this transaction."""
        return settings_svc.load(self.session, self.moment)

    @property
    def today(self) -> date:
        """The clinic's business date of the moment, in the clinic's time zone."""
        return clk.local_date(self.moment, self.settings.timezone)

    def audit(self, action: str, entity: str, entity_id: object, **detail: Any) -> None:
        """Append the audit row of this operation, by this actor, at this moment; a
        back-dated one also notes when it was entered."""
        if self.entered is not None:
            detail = {**detail, "backdated": True, "entered_at": self.entered.isoformat()}
        audit.record(
            self.session,
            at=self.stamp,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
            approver=self.who.approver.name if self.who.approver else None,
        )


BACKDATE_GRACE = timedelta(minutes=10)
"""How far before now a booking may be dated without `backdate`: a sale rung up a few
minutes after the customer paid, or a till clock a little ahead, is no back-dating; an
hour, or yesterday, is, and a manager answers for it."""

_CLOSED = select(DayClose.id).where(  # built once: checked on every sale
    DayClose.business_date == bindparam("day"), DayClose.reopened_at.is_(None)
)
_CLOSED_AT = {  # by whether the till is stored as NULL (the default till) or by name
    True: _CLOSED.where(DayClose.till.is_(None)),
    False: _CLOSED.where(DayClose.till == bindparam("till")),
}


@contextmanager
def write(ctx: Ctx, at: datetime | None = None, *, books: bool = False) -> Iterator[Work]:
    """One write transaction (`BEGIN IMMEDIATE` on SQLite) acting at `at` or now:
    committed if the block finishes, rolled back if it raises.

    `at` is refused when it lies in the future or before `limits.EARLIEST`. With
    `books=True` (the operation writes money or points) the write is refused when its
    business day is closed at this till: a closed day's Z report is final, so nothing may
    be added to it unnoticed (another till that has not closed yet still books its day).
    The cashier is told so; a manager can reopen the day (`dayclose.reopen_day`), book the
    entry and close it again. A booking dated more than `BACKDATE_GRACE` before now needs
    `backdate`."""
    now = ctx.clock.now()
    backdated = books and at is not None and at < now - BACKDATE_GRACE
    if at is not None:
        limits.check_moment(at, now)
    if backdated:
        permissions.require(ctx, "backdate")
    with ctx.db.write() as session:
        work = Work(session, at or now, ctx.actor, ctx.till, now if backdated else None)
        if books and is_closed(session, work.today, ctx.till):
            raise DomainError("dayclose.day_closed", day=work.today)
        yield work


def is_closed(session: Session, day: date, till: str) -> bool:
    """Whether the till has closed the business day `day` (closed and not reopened)."""
    value = tills.stored(till)
    statement = _CLOSED_AT[value is None]
    return session.scalars(statement, {"day": day, "till": value}).first() is not None


@contextmanager
def read(ctx: Ctx, at: datetime | None = None) -> Iterator[Work]:
    """A read-only session with the same moment, settings and business date."""
    moment = at or ctx.clock.now()
    with ctx.db.read() as session:
        yield Work(session, moment, ctx.actor, ctx.till)
