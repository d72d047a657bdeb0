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
- `ItemTotal`: quantity and money of the sale lines not refunded per item and quarter
  hour of their sale (the dashboard's top services).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    select,
    true,
    union,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement

from spa_pos import clock as clk
from spa_pos.models import (
    CatalogItem,
    CourseBalance,
    CourseUse,
    LedgerEntry,
    Member,
    Refund,
    Sale,
    SaleLine,
)
from spa_pos.models.points import EARNING_KINDS
from spa_pos.models.summary import (
    QUARTER_SECONDS,
    ItemTotal,
    MemberStat,
    QuarterTotal,
    VisitDay,
)

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
ItemLine = tuple[int, int, int]  # a sale line's (item_id, qty, net_fen)


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


def _add_items(session: Session, stamp: datetime, lines: Sequence[ItemLine], sign: int) -> None:
    """Add sale lines (sign 1) to, or take them (sign -1) off, the item totals of the
    quarter of their sale's moment `stamp`, one statement."""
    per: dict[int, list[int]] = {}
    for item_id, qty, net_fen in lines:
        sums = per.setdefault(item_id, [0, 0])
        sums[0] += sign * qty
        sums[1] += sign * net_fen
    if not per:
        return
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(ItemTotal)
    stmt = ins.on_conflict_do_update(
        index_elements=[ItemTotal.quarter, ItemTotal.item_id],
        set_={k: getattr(ItemTotal, k) + ins.excluded[k] for k in ("qty", "net_fen")},
    )
    quarter = quarter_of(stamp)
    rows = [{"quarter": quarter, "item_id": i, "qty": q, "net_fen": f} for i, (q, f) in per.items()]
    session.execute(stmt, sorted(rows, key=lambda row: row["item_id"]))


def add_sale(
    session: Session,
    stamp: datetime,
    due_fen: int,
    discount_fen: int,
    member_id: int | None,
    lines: Sequence[ItemLine],
) -> None:
    """A sale written with its `lines` (the member's favourite category is looked at)."""
    member = member_id is not None
    _add_items(session, stamp, lines, 1)
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
    if member_id is not None:
        _member_moved(session, member_id, stamp, due_fen)


def add_refund(
    session: Session,
    stamp: datetime,
    refunded_fen: int,
    member_id: int | None,
    sold_at: datetime,
    lines: Sequence[ItemLine],
) -> None:
    """A refund written at `stamp` of the `lines` of a sale made at `sold_at` (its lines
    marked: the member's favourite is looked at again)."""
    member = member_id is not None
    _add_items(session, sold_at, lines, -1)
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
    if member_id is not None:
        _member_moved(session, member_id, stamp, -refunded_fen)


def _points(kind: str, points: int) -> tuple[int, int, int, int]:
    """(net, issued, redeemed, expired) of one ledger entry, as the Z report counts them."""
    issued = points if kind == "earn" or (kind == "adjust" and points > 0) else 0
    return (
        points,
        issued,
        -points if kind == "redeem" else 0,
        -points if kind == "expire" else 0,
    )


def add_entries(session: Session, entries: Iterable[tuple[int, datetime, str, int]]) -> None:
    """Ledger entries written: (member_id, created_at, kind, points) each."""
    per: dict[int, list[int]] = {}
    earned: dict[int, tuple[int, datetime]] = {}
    since = _stats_since(session)
    for member_id, stamp, kind, points in entries:
        sums = per.setdefault(quarter_of(stamp), [0, 0, 0, 0])
        for i, v in enumerate(_points(kind, points)):
            sums[i] += v
        if kind in EARNING_KINDS and (since is None or stamp >= since):
            total, _ = earned.get(member_id, (0, stamp))
            earned[member_id] = (total + points, since or stamp - YEAR)
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
    for member_id, (points, anchor) in sorted(earned.items()):
        _add_member(session, member_id, anchor, earned=points)


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
    zeros left out), (member_id, day, prev_day, next_day) sorted, and (quarter, item_id)
    → (qty, net_fen) (rows of zeros left out)."""

    quarters: dict[int, tuple[int, ...]]
    visits: list[tuple[int, int, int | None, int | None]]
    items: dict[tuple[int, int], tuple[int, int]]


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
    items = {
        (int(q), int(i)): (int(n), int(f))
        for q, i, n, f in session.execute(
            select(ItemTotal.quarter, ItemTotal.item_id, ItemTotal.qty, ItemTotal.net_fen)
        )
        if n or f
    }
    return Tables(quarters, list(visits), items)


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
    member, day = days.c.member_id, days.c.day
    return select(
        member,
        day,
        func.lag(day).over(partition_by=member, order_by=day),
        func.lead(day).over(partition_by=member, order_by=day),
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


def _item_rows() -> Any:
    """SELECT (quarter, item_id, qty, net_fen) of the sale lines not refunded, from the facts."""
    q = EpochSeconds(Sale.created_at) // QUARTER_SECONDS
    return (
        select(q, SaleLine.item_id, func.sum(SaleLine.qty), func.sum(SaleLine.net_fen))
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(SaleLine.refund_id.is_(None))
        .group_by(q, SaleLine.item_id)
    )


def expected(session: Session, tz: str) -> Tables:
    """The summary tables as the facts alone say they should be."""
    quarters = {q: tuple(v) for q, v in _quarter_sums(session).items() if any(v)}
    visits = sorted(
        (int(m), int(d), p, n) for m, d, p, n in session.execute(_visit_rows(session, tz))
    )
    items = {
        (int(q), int(i)): (int(n), int(f)) for q, i, n, f in session.execute(_item_rows()) if n or f
    }
    return Tables(quarters, visits, items)


def check(session: Session, tz: str) -> bool:
    """Whether the stored summaries are what the facts say."""
    return stored(session) == expected(session, tz) and stored_members(session) == expected_members(
        session
    )


def rebuild(session: Session, tz: str) -> None:
    """Write the summary tables afresh from the facts (visit days in zone `tz`)."""
    rebuild_totals(session, tz)
    rebuild_items(session)


def rebuild_totals(session: Session, tz: str) -> None:
    """Write the quarter totals and the visit days afresh from the facts (alone: the
    migration that introduced them, before there were item totals)."""
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


def rebuild_items(session: Session) -> None:
    """Write the item totals afresh from the sale lines (alone: the migration that
    introduced them)."""
    session.execute(delete(ItemTotal))
    session.execute(
        insert(ItemTotal).from_select(["quarter", "item_id", "qty", "net_fen"], _item_rows())
    )


# --- the members' figures ----------------------------------------------------------------------

YEAR = timedelta(days=365)
MemberRow = tuple[int, int, int, str | None]


def _stats_since(session: Session) -> datetime | None:
    """The `since` every `MemberStat` row shares (None while there is none)."""
    return session.scalar(select(MemberStat.since).limit(1))


def _add_member(
    session: Session,
    member_id: int,
    since: datetime,
    *,
    earned: int = 0,
    spend_fen: int = 0,
    favourite: tuple[str | None] | None = None,
) -> None:
    """Add to a member's row (made when missing); `favourite`, if given, replaces theirs."""
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(MemberStat).values(
        member_id=member_id,
        since=since,
        earned=earned,
        spend_fen=spend_fen,
        favourite=favourite[0] if favourite else None,
    )
    changes: dict[str, Any] = {
        "earned": MemberStat.earned + ins.excluded.earned,
        "spend_fen": MemberStat.spend_fen + ins.excluded.spend_fen,
    }
    if favourite is not None:
        changes["favourite"] = ins.excluded.favourite
    session.execute(ins.on_conflict_do_update(index_elements=[MemberStat.member_id], set_=changes))


def _member_moved(session: Session, member_id: int, stamp: datetime, fen: int) -> None:
    """A member's sale (fen > 0) or refund (fen < 0) written at `stamp`."""
    since = _stats_since(session) or stamp - YEAR
    fav = favourites(since, [member_id])
    favourite = session.scalar(select(fav.c.category))
    _add_member(
        session, member_id, since, spend_fen=fen if stamp >= since else 0, favourite=(favourite,)
    )


def favourites(since: datetime, only: Any = None) -> Subquery:
    """(member_id, category) of every member's favourite category since `since` (naive
    UTC): the catalog category on which the member spent the most money (sale lines not
    refunded, `SaleLine.net_fen`); a tie goes to the category bought on more lines, then
    the first by name. Lines paid wholly by vouchers count as lines with no money. Items
    without a category are left out; a member who bought nothing has none. `only` (ids,
    or a SELECT of them) limits it to some members."""
    per_category = (
        select(
            Sale.member_id.label("member_id"),
            CatalogItem.category.label("category"),
            func.sum(SaleLine.net_fen).label("fen"),
            func.count().label("lines"),
        )
        .join(SaleLine, SaleLine.sale_id == Sale.id)
        .join(CatalogItem, CatalogItem.id == SaleLine.item_id)
        .where(
            Sale.member_id.is_not(None),
            Sale.created_at >= since,
            SaleLine.refund_id.is_(None),
            CatalogItem.category != "",
            Sale.member_id.in_(only) if only is not None else true(),
        )
        .group_by(Sale.member_id, CatalogItem.category)
        .subquery("per_category")
    )
    ranked = select(
        per_category.c.member_id,
        per_category.c.category,
        func.row_number()
        .over(
            partition_by=per_category.c.member_id,
            order_by=(
                per_category.c.fen.desc(),
                per_category.c.lines.desc(),
                per_category.c.category,
            ),
        )
        .label("rank"),
    ).subquery("ranked")
    return (
        select(ranked.c.member_id, ranked.c.category)
        .where(ranked.c.rank == 1)
        .subquery("favourite")
    )


def _earned_since(lo: datetime, hi: datetime | None = None, sign: int = 1) -> Any:
    """SELECT (member_id, points): the tier's points earned in [lo, hi), times `sign`."""
    stmt = select(
        LedgerEntry.member_id.label("member_id"), (sign * LedgerEntry.points).label("points")
    ).where(LedgerEntry.kind.in_(EARNING_KINDS), LedgerEntry.created_at >= lo)
    return stmt if hi is None else stmt.where(LedgerEntry.created_at < hi)


def tier_points(session: Session, at: datetime) -> Subquery:
    """(member_id, earned) of every member registered before `at` (naive UTC): the
    tier's points earned in the 12 months before `at` (as `points.tier_of`). Near the
    stored rows' window (within half a year of it), from them less what has left the
    window and plus what entered it, and less what was earned from `at` on: days of
    ledger rows instead of a year. Further off, that would be more rows than the year
    itself, so the year's ledger rows are summed."""
    since = at - YEAR
    stored_since = _stats_since(session)
    who = cast(Table, Member.__table__).c
    if stored_since is None or abs(since - stored_since) * 2 >= YEAR:
        earned = _summed(_earned_since(since, at), "points")
        return (
            select(who.id.label("member_id"), func.coalesce(earned.c.points, 0).label("earned"))
            .select_from(Member)
            .outerjoin(earned, earned.c.member_id == who.id)
            .where(who.joined_at < at)
            .subquery("tier_points")
        )
    lo, hi = sorted((stored_since, since))
    moves = union_all(
        _earned_since(lo, hi, -1 if since > stored_since else 1), _earned_since(at, None, -1)
    )
    moved = _summed(moves, "points")
    ms = MemberStat
    return (
        select(
            who.id.label("member_id"),
            (func.coalesce(ms.earned, 0) + func.coalesce(moved.c.points, 0)).label("earned"),
        )
        .select_from(Member)
        .outerjoin(ms, ms.member_id == who.id)
        .outerjoin(moved, moved.c.member_id == who.id)
        .where(who.joined_at < at)
        .subquery("tier_points")
    )


def _spent_between(lo: datetime, hi: datetime | None, sign: int) -> Any:
    """SELECT (member_id, fen): member sales less refunds in [lo, hi), times `sign`."""
    paid = select(Sale.member_id.label("member_id"), (sign * Sale.due_fen).label("fen")).where(
        Sale.member_id.is_not(None), Sale.created_at >= lo
    )
    back = (
        select(Sale.member_id.label("member_id"), (-sign * Refund.refunded_fen).label("fen"))
        .join(Sale, Sale.id == Refund.sale_id)
        .where(Sale.member_id.is_not(None), Refund.created_at >= lo)
    )
    if hi is not None:
        paid, back = paid.where(Sale.created_at < hi), back.where(Refund.created_at < hi)
    return union_all(paid, back)


def _summed(stmt: Any, name: str) -> Subquery:
    rows = stmt.subquery(f"{name}_rows")
    value = rows.c[1]
    return (
        select(rows.c.member_id, func.sum(value).label(name))
        .group_by(rows.c.member_id)
        .subquery(name)
    )


def _window(session: Session, since: datetime) -> tuple[datetime, datetime, int]:
    """(lo, hi, sign): the stored rows' figures read for `since` take off what is in
    [lo, hi) (sign -1: it has left the window since the rebuild) or add it (sign 1: an
    earlier `since`); an empty span while there is no row."""
    stored_since = _stats_since(session) or since
    lo, hi = sorted((stored_since, since))
    return lo, hi, -1 if since > stored_since else 1


def moved_members(session: Session, since: datetime) -> Any:
    """SELECT (member_id) of every member whose stored figures differ from their figures
    for `since` (a sale, refund or earning entry in the span `_window` corrects): every
    other member's figures are their stored row as it is."""
    lo, hi, _ = _window(session, since)
    sold = select(Sale.member_id).where(
        Sale.member_id.is_not(None), Sale.created_at >= lo, Sale.created_at < hi
    )
    back = (
        select(Sale.member_id)
        .join(Refund, Refund.sale_id == Sale.id)
        .where(Sale.member_id.is_not(None), Refund.created_at >= lo, Refund.created_at < hi)
    )
    earned = select(LedgerEntry.member_id).where(
        LedgerEntry.kind.in_(EARNING_KINDS),
        LedgerEntry.created_at >= lo,
        LedgerEntry.created_at < hi,
    )
    return union(sold, back, earned)


def member_figures(
    session: Session, since: datetime, until: datetime | None = None, only: Any = None
) -> Subquery:
    """(member_id, earned, spend_fen, favourite) of every member (or of those `only`, a
    SELECT of ids), over the 12 months from `since` (naive UTC); `earned` only up to
    `until` if given. From the stored rows, less what has left the window since they were
    rebuilt (or plus what entered it, for an earlier `since`): usually a day of sales and
    ledger rows."""
    lo, hi, sign = _window(session, since)
    earned_moves = _earned_since(lo, hi, sign)
    if until is not None:
        earned_moves = union_all(earned_moves, _earned_since(until, None, -1))
    earned = _summed(earned_moves, "points")
    spent = _summed(_spent_between(lo, hi, sign), "fen")
    moved = (
        select(Sale.member_id)
        .where(Sale.member_id.is_not(None), Sale.created_at >= lo, Sale.created_at < hi)
        .distinct()
    )
    fresh = favourites(since, moved)
    who = cast(Table, Member.__table__).c
    ms = MemberStat
    return (
        select(
            who.id.label("member_id"),
            (func.coalesce(ms.earned, 0) + func.coalesce(earned.c.points, 0)).label("earned"),
            (func.coalesce(ms.spend_fen, 0) + func.coalesce(spent.c.fen, 0)).label("spend_fen"),
            case((who.id.in_(moved), fresh.c.category), else_=ms.favourite).label("favourite"),
        )
        .select_from(Member)
        .outerjoin(ms, ms.member_id == who.id)
        .outerjoin(earned, earned.c.member_id == who.id)
        .outerjoin(spent, spent.c.member_id == who.id)
        .outerjoin(fresh, fresh.c.member_id == who.id)
        .where(who.id.in_(only) if only is not None else true())
        .subquery("figures")
    )


def _members_from_facts(session: Session, since: datetime) -> list[MemberRow]:
    """(member_id, earned, spend_fen, favourite) since `since` from the facts, of every
    member with any. Three grouped queries merged here: joined in SQL, SQLite may walk
    one per-member subquery for every row of another."""
    earned = _summed(_earned_since(since), "points")
    spent = _summed(_spent_between(since, None, 1), "fen")
    fav = favourites(since)
    rows: dict[int, list[Any]] = {}
    for column, stmt in (
        (0, select(earned.c.member_id, earned.c.points)),
        (1, select(spent.c.member_id, spent.c.fen)),
        (2, select(fav.c.member_id, fav.c.category)),
    ):
        for member_id, value in session.execute(stmt).tuples():
            rows.setdefault(int(member_id), [0, 0, None])[column] = value
    return sorted((m, int(e or 0), int(f or 0), c) for m, (e, f, c) in rows.items())


def rebuild_members(session: Session, now: datetime) -> None:
    """Every member's row afresh for the 12 months before `now` (aware): the nightly tags
    job, so that readers have at most a day to take off."""
    since = clk.to_utc_naive(now) - YEAR
    rows = _members_from_facts(session, since)
    session.execute(delete(MemberStat))
    for start in range(0, len(rows), 5000):
        session.execute(
            insert(MemberStat),
            [
                {"member_id": m, "since": since, "earned": e, "spend_fen": f, "favourite": c}
                for m, e, f, c in rows[start : start + 5000]
            ],
        )


def stored_members(session: Session) -> list[MemberRow]:
    rows = session.execute(
        select(MemberStat.member_id, MemberStat.earned, MemberStat.spend_fen, MemberStat.favourite)
    ).tuples()
    return sorted((int(m), int(e), int(s), f) for m, e, s, f in rows if e or s or f)


def expected_members(session: Session) -> list[MemberRow]:
    """The members' rows as the facts say they should be, for the stored `since`."""
    since = _stats_since(session)
    return [] if since is None else figures_from_facts(session, since)


def figures_from_facts(session: Session, since: datetime) -> list[MemberRow]:
    """What `member_figures` gives for `since`, computed from the facts alone."""
    return [row for row in _members_from_facts(session, since) if any(row[1:])]
