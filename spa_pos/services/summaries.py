"""The summary tables (`models/summary.py`) kept with the facts they summarise.

Every write of a sale, a refund, a course session or a ledger entry calls one function
here inside its own unit of work, so a summary row changes in the same transaction as the
facts: it commits or rolls back with them and can never drift. `expected` computes the
same tables from the facts alone; `rebuild` writes that (the migration that introduced
the tables, and after a change of the clinic's time zone) and `check` compares.

- `QuarterTotal`: money and points per UTC quarter hour (the dashboard's revenue, points
  issued / redeemed / expired, and the outstanding balance at any day's end).
- `VisitDay`: the visit days (see `kpi`: a business day with a sale not wholly refunded
  or a course session), each linked to the member's visit days before and after it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement

from spa_pos import clock as clk
from spa_pos.models import CourseBalance, CourseUse, LedgerEntry, Refund, Sale
from spa_pos.models.summary import QUARTER_SECONDS, QuarterTotal, VisitDay

_EPOCH = datetime(1970, 1, 1)
_EPOCH_DAY = date(1970, 1, 1)
_QUARTER = timedelta(seconds=QUARTER_SECONDS)
AMOUNTS = (
    "sales_fen",
    "member_sales_fen",
    "discount_fen",
    "refunds_fen",
    "member_refunds_fen",
    "points_net",
    "points_issued",
    "points_redeemed",
    "points_expired",
)


# --- time ----------------------------------------------------------------------------------


def quarter_of(stamp: datetime) -> int:
    """The UTC quarter hour of a stored moment (naive UTC)."""
    return (stamp - _EPOCH) // _QUARTER


def quarter_bound(moment: datetime) -> int:
    """The first quarter at or after a boundary (naive UTC): the start of a business day
    in any zone in use is a quarter hour, so it is exactly that quarter."""
    whole, part = divmod(moment - _EPOCH, _QUARTER)
    return whole + (1 if part else 0)


def day_no(day: date) -> int:
    return (day - _EPOCH_DAY).days


class EpochSeconds(FunctionElement[int]):
    """Seconds since 1970 of a stored naive-UTC moment, per dialect."""

    type = Integer()
    inherit_cache = True


@compiles(EpochSeconds, "sqlite")
def _epoch_sqlite(element: EpochSeconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(EpochSeconds, "postgresql")
def _epoch_postgresql(element: EpochSeconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)}) AS BIGINT)"


def _offsets(lo: datetime, hi: datetime, tz: str) -> tuple[tuple[datetime | None, int], ...]:
    """The zone's UTC offset (seconds) over [lo, hi): ((from, offset), ...), the first
    from None. Looked at day by day, and hour by hour within a day whose offset changed:
    every zone in use changes on the hour."""
    zone = ZoneInfo(tz)

    def offset(at: datetime) -> int:
        delta = at.replace(tzinfo=UTC).astimezone(zone).utcoffset()
        return int(delta.total_seconds()) if delta is not None else 0

    spans: list[tuple[datetime | None, int]] = [(None, offset(lo))]
    day = lo
    while day < hi:
        nxt = day + timedelta(days=1)
        if offset(nxt) != spans[-1][1]:
            for hour in range(1, 25):
                at = day + timedelta(hours=hour)
                if (now := offset(at)) != spans[-1][1]:
                    spans.append((at, now))
        day = nxt
    return tuple(spans)


def day_number(column: Any, lo: datetime, hi: datetime, tz: str) -> ColumnElement[int]:
    """The local business day of a stored moment between `lo` and `hi` as days since 1970
    (an SQL integer), by the zone's UTC offset in force at that moment."""
    spans = _offsets(lo, hi, tz)
    if len(spans) == 1:
        shift: ColumnElement[int] = literal(spans[0][1])
    else:
        whens = [(column < start, off) for (_, off), (start, _) in itertools.pairwise(spans)]
        shift = case(*whens, else_=spans[-1][1])
    return (EpochSeconds(column) + shift) // 86400


# --- written with the facts -----------------------------------------------------------------


def _add(session: Session, rows: Sequence[dict[str, int]]) -> None:
    """Add amounts to their quarters' rows (created when missing), one statement."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(QuarterTotal)
    keys = [k for k in rows[0] if k != "quarter"]
    stmt = ins.on_conflict_do_update(
        index_elements=[QuarterTotal.quarter],
        set_={k: getattr(QuarterTotal, k) + ins.excluded[k] for k in keys},
    )
    session.execute(stmt, list(rows))


def add_sale(
    session: Session, stamp: datetime, due_fen: int, discount_fen: int, member: bool
) -> None:
    _add(
        session,
        [
            {
                "quarter": quarter_of(stamp),
                "sales_fen": due_fen,
                "member_sales_fen": due_fen if member else 0,
                "discount_fen": discount_fen,
            }
        ],
    )


def add_refund(session: Session, stamp: datetime, refunded_fen: int, member: bool) -> None:
    _add(
        session,
        [
            {
                "quarter": quarter_of(stamp),
                "refunds_fen": refunded_fen,
                "member_refunds_fen": refunded_fen if member else 0,
            }
        ],
    )


def _points(kind: str, points: int) -> tuple[int, int, int, int]:
    """(net, issued, redeemed, expired) of one ledger entry, as the Z report counts them."""
    issued = points if kind == "earn" or (kind == "adjust" and points > 0) else 0
    return (
        points,
        issued,
        -points if kind == "redeem" else 0,
        -points if kind == "expire" else 0,
    )


def add_entries(session: Session, entries: Iterable[tuple[datetime, str, int]]) -> None:
    """Ledger entries written: (created_at, kind, points) each."""
    per: dict[int, list[int]] = {}
    for stamp, kind, points in entries:
        sums = per.setdefault(quarter_of(stamp), [0, 0, 0, 0])
        for i, v in enumerate(_points(kind, points)):
            sums[i] += v
    _add(
        session,
        [
            {
                "quarter": q,
                "points_net": net,
                "points_issued": issued,
                "points_redeemed": redeemed,
                "points_expired": expired,
            }
            for q, (net, issued, redeemed, expired) in sorted(per.items())
        ],
    )


def add_visit(session: Session, member_id: int, day: date) -> None:
    """A visit by the member on this business day (nothing if there is one already)."""
    d = day_no(day)
    mine = VisitDay.member_id == member_id
    if session.scalar(select(VisitDay.day).where(mine, VisitDay.day == d)) is not None:
        return
    before = session.scalar(select(func.max(VisitDay.day)).where(mine, VisitDay.day < d))
    after = session.scalar(select(func.min(VisitDay.day)).where(mine, VisitDay.day > d))
    session.execute(
        insert(VisitDay).values(member_id=member_id, day=d, prev_day=before, next_day=after)
    )
    if before is not None:
        session.execute(update(VisitDay).where(mine, VisitDay.day == before).values(next_day=d))
    if after is not None:
        session.execute(update(VisitDay).where(mine, VisitDay.day == after).values(prev_day=d))


def recheck_visit(session: Session, member_id: int, day: date, tz: str) -> None:
    """After a sale became wholly refunded: the day stays a visit only if the member has
    another sale not wholly refunded or a course session on it."""
    lo, hi = clk.local_day_start_utc(day, tz), clk.local_day_start_utc(day + timedelta(1), tz)
    sold = select(Sale.id).where(
        Sale.member_id == member_id,
        Sale.status != "refunded",
        Sale.created_at >= lo,
        Sale.created_at < hi,
    )
    used = (
        select(CourseUse.id)
        .join(CourseBalance, CourseBalance.id == CourseUse.balance_id)
        .where(
            CourseBalance.member_id == member_id, CourseUse.used_at >= lo, CourseUse.used_at < hi
        )
    )
    if session.scalar(sold.limit(1)) is not None or session.scalar(used.limit(1)) is not None:
        return
    d = day_no(day)
    mine = VisitDay.member_id == member_id
    row = session.execute(
        select(VisitDay.prev_day, VisitDay.next_day).where(mine, VisitDay.day == d)
    ).first()
    if row is None:
        return
    before, after = row
    session.execute(delete(VisitDay).where(mine, VisitDay.day == d))
    if before is not None:
        session.execute(update(VisitDay).where(mine, VisitDay.day == before).values(next_day=after))
    if after is not None:
        session.execute(update(VisitDay).where(mine, VisitDay.day == after).values(prev_day=before))


# --- from the facts alone ---------------------------------------------------------------------


@dataclass(frozen=True)
class Tables:
    """The summary tables' contents: quarter → amounts (in `AMOUNTS` order, rows of
    zeros left out), and (member_id, day, prev_day, next_day) sorted."""

    quarters: dict[int, tuple[int, ...]]
    visits: list[tuple[int, int, int | None, int | None]]


def stored(session: Session) -> Tables:
    cols = [getattr(QuarterTotal, k) for k in AMOUNTS]
    quarters = {
        int(q): tuple(int(v) for v in rest)
        for q, *rest in session.execute(select(QuarterTotal.quarter, *cols))
        if any(rest)
    }
    visits = session.execute(
        select(VisitDay.member_id, VisitDay.day, VisitDay.prev_day, VisitDay.next_day).order_by(
            VisitDay.member_id, VisitDay.day
        )
    ).tuples()
    return Tables(quarters, list(visits))


def _span(session: Session) -> tuple[datetime, datetime] | None:
    """The first and last moment of any visit fact, if any."""
    firsts = session.execute(select(func.min(Sale.created_at), func.max(Sale.created_at))).one()
    uses = session.execute(select(func.min(CourseUse.used_at), func.max(CourseUse.used_at))).one()
    moments = [m for m in (*firsts, *uses) if m is not None]
    if not moments:
        return None
    return min(moments), max(moments) + timedelta(days=1)


def _visit_rows(session: Session, tz: str) -> Any:
    """SELECT (member_id, day, prev_day, next_day) of every visit, from the facts."""
    span = _span(session)
    lo, hi = span if span else (_EPOCH, _EPOCH + timedelta(days=1))
    sales = select(
        Sale.member_id.label("member_id"),
        day_number(Sale.created_at, lo, hi, tz).label("day"),
    ).where(Sale.member_id.is_not(None), Sale.status != "refunded")
    uses = select(
        CourseBalance.member_id.label("member_id"),
        day_number(CourseUse.used_at, lo, hi, tz).label("day"),
    ).join(CourseBalance, CourseBalance.id == CourseUse.balance_id)
    both = union_all(sales, uses).subquery("facts")
    days = select(both.c.member_id, both.c.day).distinct().subquery("days")
    w = {"partition_by": days.c.member_id, "order_by": days.c.day}
    return select(
        days.c.member_id,
        days.c.day,
        func.lag(days.c.day).over(**w),
        func.lead(days.c.day).over(**w),
    )


def _quarter_sums(session: Session) -> dict[int, list[int]]:
    per: dict[int, list[int]] = {}

    def merge(rows: Iterable[Any], first: int) -> None:
        for q, *values in rows:
            sums = per.setdefault(int(q), [0] * len(AMOUNTS))
            for i, v in enumerate(values):
                sums[first + i] += int(v or 0)

    member = Sale.member_id.is_not(None)
    q = EpochSeconds(Sale.created_at) // QUARTER_SECONDS
    merge(
        session.execute(
            select(
                q,
                func.sum(Sale.due_fen),
                func.sum(case((member, Sale.due_fen), else_=0)),
                func.sum(Sale.discount_fen),
            ).group_by(q)
        ),
        0,
    )
    q = EpochSeconds(Refund.created_at) // QUARTER_SECONDS
    merge(
        session.execute(
            select(
                q,
                func.sum(Refund.refunded_fen),
                func.sum(case((member, Refund.refunded_fen), else_=0)),
            )
            .join(Sale, Sale.id == Refund.sale_id)
            .group_by(q)
        ),
        3,
    )
    kind, pts = LedgerEntry.kind, LedgerEntry.points
    q = EpochSeconds(LedgerEntry.created_at) // QUARTER_SECONDS
    merge(
        session.execute(
            select(
                q,
                func.sum(pts),
                func.sum(
                    case((kind == "earn", pts), (and_(kind == "adjust", pts > 0), pts), else_=0)
                ),
                func.sum(case((kind == "redeem", -pts), else_=0)),
                func.sum(case((kind == "expire", -pts), else_=0)),
            ).group_by(q)
        ),
        5,
    )
    return per


def expected(session: Session, tz: str) -> Tables:
    """The summary tables as the facts alone say they should be."""
    quarters = {q: tuple(v) for q, v in _quarter_sums(session).items() if any(v)}
    visits = sorted(
        (int(m), int(d), p, n) for m, d, p, n in session.execute(_visit_rows(session, tz))
    )
    return Tables(quarters, visits)


def check(session: Session, tz: str) -> bool:
    """Whether the stored summaries are what the facts say."""
    return stored(session) == expected(session, tz)


def rebuild(session: Session, tz: str) -> None:
    """Write the summary tables afresh from the facts (visit days in zone `tz`)."""
    session.execute(delete(QuarterTotal))
    session.execute(delete(VisitDay))
    rows = [
        {"quarter": q, **dict(zip(AMOUNTS, values, strict=True))}
        for q, values in sorted(_quarter_sums(session).items())
    ]
    for start in range(0, len(rows), 5000):
        session.execute(insert(QuarterTotal), rows[start : start + 5000])
    session.execute(
        insert(VisitDay).from_select(
            ["member_id", "day", "prev_day", "next_day"], _visit_rows(session, tz)
        )
    )
