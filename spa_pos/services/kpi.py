"""The owner's numbers (经营看板) for a period and the period before it.

THE computation behind the dashboard, `report kpi` and the monthly scheme review: each
figure is defined once here and computed in SQL with aggregates, never by loading rows.

Definitions (the `report kpi` contract in design/cli.md):
- a *visit* is a business day on which a member bought something or used a course
  session; a wholly refunded sale is no visit (a partly refunded one still is). Walk-in
  sales have no member and are no visit, but their money is revenue.
- `active_members`: members with a visit in the period.
- `repurchase_30d`: `eligible` = members whose first visit in the period was on day d;
  `repurchased` = those with another visit in (d, d+30] (looked for past the period's end
  too); `rate` = repurchased / eligible, 0 when none.
- `revenue_fen`: money taken for the period's sales less the refunds paid in the period,
  i.e. the sum of the Z reports' net revenue over the period's days.
- `points_issued` / `points_redeemed` / `points_expired`: as on the Z report (earned plus
  manual additions; redeemed; expired), over the period.
- `points_outstanding`: every member's balance at the end of the period; its money value
  (the liability) is `liability_fen`, see `point_value`.

Business days are the clinic's: a stored moment (naive UTC) is given its local day in SQL
by adding the zone's UTC offset in force at that moment (`_day_number`).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import (
    CatalogItem,
    CourseBalance,
    CourseUse,
    LedgerEntry,
    Member,
    MemberTag,
    Refund,
    Reward,
    Sale,
    SaleLine,
    Voucher,
)
from spa_pos.money import format_fen
from spa_pos.services import outreach, unit_of_work
from spa_pos.services import points as points_svc
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Settings

REPURCHASE_DAYS = 30
TOP_SERVICES = 10
MAX_PERIOD_DAYS = 3 * 366  # a dashboard for more than three years is no dashboard
TREND_POINTS = 12  # at most this many points on a trend line
_EPOCH = date(1970, 1, 1)


# --- the figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Repurchase:
    eligible: int
    repurchased: int

    @property
    def rate(self) -> float:
        return round(self.repurchased / self.eligible, 4) if self.eligible else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"eligible": self.eligible, "repurchased": self.repurchased, "rate": self.rate}


@dataclass(frozen=True)
class WinBack:
    """Members contacted for a win-back in the period and those of them who visited within
    30 days of the contact. `rate` is None with a `reason` (a message code) while there is
    nothing to compute it from."""

    contacted: int
    came_back: int
    rate: float | None
    reason: str | None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class RewardRedemptions:
    code: str
    name: str
    vouchers: int
    points: int


@dataclass(frozen=True)
class TopItem:
    code: str
    name: str
    qty: int
    revenue_fen: int


@dataclass(frozen=True)
class TrendPoint:
    """One slice of the period: from `start` to `end` (business dates, both included)."""

    start: date
    end: date
    visits: int
    revenue_fen: int
    new_members: int
    points_outstanding: int  # at the end of the slice


@dataclass(frozen=True)
class Figures:
    """The numbers of one period (business dates `start`..`end`, both included)."""

    start: date
    end: date
    members_total: int  # members registered by the end of the period
    new_members: int
    active_members: int
    visits: int
    revenue_fen: int  # sales_fen - refunds_fen
    sales_fen: int
    refunds_fen: int
    member_revenue_fen: int  # the part of revenue_fen paid by members
    spend_per_visit_fen: int  # member_revenue_fen / visits, rounded to the fen
    repurchase_30d: Repurchase
    win_back: WinBack
    points_issued: int
    points_redeemed: int
    points_expired: int
    points_outstanding: int
    liability_fen: int | None  # None: no coupon reward gives a point a money value
    redemption_rate: float  # points_redeemed / points_issued (0 when nothing issued)
    rewards_cost_fen: int  # taken off sales by vouchers and coupons in the period
    rewards_cost_share: float  # rewards_cost_fen / (revenue_fen + rewards_cost_fen)
    redemptions: tuple[RewardRedemptions, ...]
    tiers: dict[str, int]  # members per tier at the end of the period
    top_services: tuple[TopItem, ...]
    trend: tuple[TrendPoint, ...]

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        data["repurchase_30d"] = self.repurchase_30d.to_json()
        data["trend"] = [
            {**dataclasses.asdict(p), "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in self.trend
        ]
        data["redemptions"] = [dataclasses.asdict(r) for r in self.redemptions]
        data["top_services"] = [dataclasses.asdict(t) for t in self.top_services]
        return data


@dataclass(frozen=True)
class Dashboard:
    """A period's figures, the same figures for the period just before it (as long), the
    members per tag now and what a point is worth."""

    current: Figures
    previous: Figures
    tags: dict[str, int]
    point_value: Fraction | None  # fen per point

    def to_json(self) -> dict[str, Any]:
        """The `report kpi` object: the contract's keys for the period at the top level,
        everything else beside them, and the previous period under `previous`."""
        cur = self.current.to_json()
        return {
            "from": cur.pop("start"),
            "to": cur.pop("end"),
            **cur,
            "tags": self.tags,
            "point_value_fen": float(self.point_value) if self.point_value is not None else None,
            "previous": self.previous.to_json(),
        }


# --- the entry points ------------------------------------------------------------------------


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period just before `start`..`end`, as many days long."""
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1)


PRESETS = ("this_month", "last_month", "last_30_days", "this_year", "last_12_months")


def period_for(preset: str, today: date) -> tuple[date, date]:
    """The dashboard's ready-made periods, ending today (or last month's end)."""
    month_start = today.replace(day=1)
    if preset == "this_month":
        return month_start, today
    if preset == "last_month":
        return clk.add_months(month_start, -1), month_start - timedelta(days=1)
    if preset == "last_30_days":
        return today - timedelta(days=29), today
    if preset == "this_year":
        return today.replace(month=1, day=1), today
    if preset == "last_12_months":
        return clk.add_months(today, -12) + timedelta(days=1), today
    raise ValueError(preset)


def business_today(ctx: Ctx) -> date:
    with unit_of_work.read(ctx) as work:
        return work.today


def dashboard(ctx: Ctx, start: date, end: date) -> Dashboard:
    if end < start:
        raise DomainError("kpi.bad_period", start=start.isoformat(), end=end.isoformat())
    if (end - start).days + 1 > MAX_PERIOD_DAYS:
        raise DomainError("kpi.period_too_long", days=MAX_PERIOD_DAYS)
    with unit_of_work.read(ctx) as work:
        session, cfg = work.session, work.settings
        value = point_value(session)
        current = figures(session, start, end, cfg, value)
        previous = figures(session, *previous_period(start, end), cfg, value, detail=False)
        return Dashboard(current, previous, members_per_tag(session), value)


def figures(
    session: Session,
    start: date,
    end: date,
    cfg: Settings,
    value: Fraction | None,
    *,
    detail: bool = True,
) -> Figures:
    """The period's figures. Without `detail` (the period compared against) the lists
    (trend, redemptions per reward, members per tier, top services) are left empty."""
    tz = cfg.timezone
    lo, hi = clk.local_day_start_utc(start, tz), clk.local_day_start_utc(end + timedelta(1), tz)
    first_day = _day_no(start)

    members_total, new_members = session.execute(
        select(
            func.count(Member.id),
            func.count(case((Member.joined_at >= lo, Member.id))),
        ).where(Member.joined_at < hi)
    ).one()

    slices = _slices(start, end) if detail else [(start, end)]
    visits = _visits(lo, hi + timedelta(days=REPURCHASE_DAYS + 1), tz)
    per_slice, active, repurchase = _visit_figures(
        session, visits, first_day, [_day_no(b) for _, b in slices]
    )
    visit_count = sum(per_slice)

    sales_fen, member_sales_fen, cost = session.execute(
        select(
            func.coalesce(func.sum(Sale.due_fen), 0),
            func.coalesce(func.sum(case((Sale.member_id.is_not(None), Sale.due_fen))), 0),
            func.coalesce(func.sum(Sale.discount_fen), 0),
        ).where(Sale.created_at >= lo, Sale.created_at < hi)
    ).one()
    refunds_fen, member_refunds_fen = session.execute(
        select(
            func.coalesce(func.sum(Refund.refunded_fen), 0),
            func.coalesce(func.sum(case((Sale.member_id.is_not(None), Refund.refunded_fen))), 0),
        )
        .join(Sale, Sale.id == Refund.sale_id)
        .where(Refund.created_at >= lo, Refund.created_at < hi)
    ).one()
    revenue = int(sales_fen) - int(refunds_fen)
    member_revenue = int(member_sales_fen) - int(member_refunds_fen)

    ends = [clk.local_day_start_utc(b + timedelta(1), tz) for _, b in slices]
    balances, (issued, redeemed, expired) = _ledger(session, lo, ends)
    trend = _trend(session, slices, ends, per_slice, balances, tz) if detail else ()
    outstanding = balances[-1]
    return Figures(
        start=start,
        end=end,
        members_total=int(members_total),
        new_members=int(new_members),
        active_members=int(active),
        visits=int(visit_count),
        revenue_fen=revenue,
        sales_fen=int(sales_fen),
        refunds_fen=int(refunds_fen),
        member_revenue_fen=member_revenue,
        spend_per_visit_fen=_per(member_revenue, int(visit_count)),
        repurchase_30d=repurchase,
        win_back=win_back(session, lo, hi, tz),
        points_issued=issued,
        points_redeemed=redeemed,
        points_expired=expired,
        points_outstanding=outstanding,
        liability_fen=liability(outstanding, value),
        redemption_rate=round(redeemed / issued, 4) if issued > 0 else 0.0,
        rewards_cost_fen=int(cost),
        rewards_cost_share=(
            round(int(cost) / (revenue + int(cost)), 4) if revenue + int(cost) > 0 else 0.0
        ),
        redemptions=_redemptions(session, lo, hi) if detail else (),
        tiers=members_per_tier(session, hi, cfg) if detail else {},
        top_services=_top_services(session, lo, hi) if detail else (),
        trend=trend,
    )


# --- figure by figure --------------------------------------------------------------------------


def win_back(session: Session, lo: datetime, hi: datetime, tz: str) -> WinBack:
    """Win-back messages first answered (回访记录) within the period, by member care's one
    rule (`outreach.win_back_rate`), as it stood at the period's last day: how many were
    reached, how many came back, and the rate over those decided (30 days over, or came
    back). Without any decided contact the figure says so instead of showing 0 %."""
    last_day = clk.local_date(clk.from_utc_naive(hi), tz) - timedelta(days=1)
    found = outreach.win_back_rate(session, last_day, tz, reached=(lo, hi))
    rate = found.rate if found.decided else None
    reason = None if found.decided else "kpi.win_back_no_contacts"
    return WinBack(found.contacted, found.won_back, rate, reason)


def point_value(session: Session) -> Fraction | None:
    """What a point is worth in fen: the best rate among the active cash-coupon rewards
    (the most the clinic can be asked to pay for its points), None without any."""
    rates = session.execute(
        select(Reward.coupon_fen, Reward.points_cost).where(
            Reward.active.is_(True), Reward.kind == "coupon", Reward.coupon_fen.is_not(None)
        )
    ).all()
    return max((Fraction(fen, cost) for fen, cost in rates), default=None)


def liability(outstanding: int, value: Fraction | None) -> int | None:
    return None if value is None else round(outstanding * value)


def members_per_tag(session: Session) -> dict[str, int]:
    """Members per tag as the nightly tags job left them (tags have no history)."""
    rows = session.execute(
        select(MemberTag.tag, func.count()).group_by(MemberTag.tag).order_by(MemberTag.tag)
    ).all()
    return {tag: int(n) for tag, n in rows}


def members_per_tier(session: Session, at: datetime, cfg: Settings) -> dict[str, int]:
    """Members registered by `at` (naive UTC) per tier at `at`, every tier listed."""
    earned = _earned_subquery(at)
    tier = _tier_case(earned.c.earned, cfg)
    rows = session.execute(
        select(tier, func.count())
        .select_from(Member)
        .outerjoin(earned, earned.c.member_id == Member.id)
        .where(Member.joined_at < at)
        .group_by(tier)
    ).all()
    counts = {t.name: 0 for t in cfg.tiers}
    counts.update({name: int(n) for name, n in rows})
    return counts


def tier_moves(session: Session, lo: datetime, hi: datetime, cfg: Settings) -> dict[str, int]:
    """Members whose tier at `hi` differs from their tier at `lo`: {"from→to": count}."""
    before, after = _earned_subquery(lo).alias("before"), _earned_subquery(hi).alias("after")
    was = _tier_case(before.c.earned, cfg)
    now = _tier_case(after.c.earned, cfg)
    rows = session.execute(
        select(was, now, func.count())
        .select_from(Member)
        .outerjoin(before, before.c.member_id == Member.id)
        .outerjoin(after, after.c.member_id == Member.id)
        .where(Member.joined_at < lo)
        .group_by(was, now)
    ).all()
    return {f"{a}→{b}": int(n) for a, b, n in rows if a != b}


def outstanding_at(session: Session, moments: Sequence[datetime]) -> list[int]:
    """Every member's points balance at each moment (naive UTC), in one pass."""
    return _outstanding(session, moments)


# --- the SQL ---------------------------------------------------------------------------------


class _EpochSeconds(FunctionElement[int]):
    """Seconds since 1970 of a stored naive-UTC moment, per dialect."""

    type = Integer()
    inherit_cache = True


@compiles(_EpochSeconds, "sqlite")
def _epoch_sqlite(element: _EpochSeconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(_EpochSeconds, "postgresql")
def _epoch_postgresql(element: _EpochSeconds, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)}) AS BIGINT)"


def _day_no(day: date) -> int:
    return (day - _EPOCH).days


@functools.lru_cache(maxsize=64)
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


def _day_number(column: Any, lo: datetime, hi: datetime, tz: str) -> ColumnElement[int]:
    """The local business day of a stored moment as days since 1970 (SQL integer)."""
    spans = _offsets(lo, hi, tz)
    if len(spans) == 1:
        shift: ColumnElement[int] = literal(spans[0][1])
    else:
        whens = [(column < start, off) for (_, off), (start, _) in itertools.pairwise(spans)]
        shift = case(*whens, else_=spans[-1][1])
    return (_EpochSeconds(column) + shift) // 86400


def _visits(lo: datetime, hi: datetime, tz: str) -> Any:
    """(member_id, day) of every visit between `lo` and `hi`, once per member and day."""
    sale_day = _day_number(Sale.created_at, lo, hi, tz)
    use_day = _day_number(CourseUse.used_at, lo, hi, tz)
    sales = select(Sale.member_id.label("member_id"), sale_day.label("day")).where(
        Sale.member_id.is_not(None),
        Sale.status != "refunded",
        Sale.created_at >= lo,
        Sale.created_at < hi,
    )
    uses = (
        select(CourseBalance.member_id.label("member_id"), use_day.label("day"))
        .join(CourseBalance, CourseBalance.id == CourseUse.balance_id)
        .where(CourseUse.used_at >= lo, CourseUse.used_at < hi)
    )
    both = union_all(sales, uses).subquery("visit_rows")
    return select(both.c.member_id, both.c.day).distinct().subquery("visits")


def _visit_figures(
    session: Session, visits: Any, first_day: int, slice_ends: Sequence[int]
) -> tuple[list[int], int, Repurchase]:
    """(visits per slice, active members, 30-day repurchase) of the days from first_day
    to the last of `slice_ends` (the last day of each slice of the period), in one sorted
    pass: a member's first visit of the period is the row with no earlier one from the
    period's start, and their next visit is the row after it (`visits` reaches 31 days
    past the period). Every active member is eligible for the repurchase figure."""
    w = {"partition_by": visits.c.member_id, "order_by": visits.c.day}
    ordered = (
        select(
            visits.c.day,
            func.lag(visits.c.day).over(**w).label("before"),
            func.lead(visits.c.day).over(**w).label("after"),
        )
        .where(visits.c.day >= first_day)
        .subquery("ordered")
    )
    o = ordered.c
    in_period = o.day <= slice_ends[-1]
    first = and_(in_period, o.before.is_(None))
    part = case(*((o.day <= b, i) for i, b in enumerate(slice_ends)), else_=len(slice_ends))
    rows = session.execute(
        select(
            part,
            func.count(case((in_period, 1))),
            func.count(case((first, 1))),
            func.count(case((and_(first, o.after <= o.day + REPURCHASE_DAYS), 1))),
        ).group_by(part)
    ).all()
    per_slice = [0] * len(slice_ends)
    active = repurchased = 0
    for index, count, firsts, again in rows:
        if index < len(slice_ends):
            per_slice[index] = int(count)
        active += int(firsts)
        repurchased += int(again)
    return per_slice, active, Repurchase(active, repurchased)


def _ledger(
    session: Session, lo: datetime, ends: Sequence[datetime]
) -> tuple[list[int], tuple[int, int, int]]:
    """Every member's points balance at each of `ends` (ascending, naive UTC) and the
    points (issued, redeemed, expired) between `lo` and the last end, as on the Z report
    (issued: earned plus manual additions), in one pass over the ledger."""
    kind, pts = LedgerEntry.kind, LedgerEntry.points
    moments = [lo, *ends]
    part = case(
        *((LedgerEntry.created_at < m, i) for i, m in enumerate(moments)), else_=len(moments)
    )
    issued = case((kind == "earn", pts), (and_(kind == "adjust", pts > 0), pts), else_=0)
    rows = session.execute(
        select(
            part,
            func.sum(pts),
            func.sum(issued),
            func.sum(case((kind == "redeem", -pts), else_=0)),
            func.sum(case((kind == "expire", -pts), else_=0)),
        )
        .where(LedgerEntry.created_at < moments[-1])
        .group_by(part)
    ).all()
    sums = {int(i): (int(total), int(a), int(b), int(c)) for i, total, a, b, c in rows}
    running, balances = 0, []
    for i in range(len(moments)):
        running += sums.get(i, (0,))[0]
        if i > 0:
            balances.append(running)
    moved = [sums[i] for i in range(1, len(moments)) if i in sums]
    totals = tuple(sum(m[k] for m in moved) for k in (1, 2, 3))
    return balances, (totals[0], totals[1], totals[2])


def _outstanding(session: Session, moments: Sequence[datetime]) -> list[int]:
    latest = max(moments)
    row = session.execute(
        select(
            *(
                func.coalesce(
                    func.sum(case((LedgerEntry.created_at < m, LedgerEntry.points), else_=0)), 0
                )
                for m in moments
            )
        ).where(LedgerEntry.created_at < latest)
    ).one()
    return [int(v) for v in row]


def _redemptions(session: Session, lo: datetime, hi: datetime) -> tuple[RewardRedemptions, ...]:
    """Vouchers issued in the period per reward, cancelled ones left out."""
    rows = session.execute(
        select(Reward.code, Reward.name, func.count(Voucher.id), func.sum(Voucher.points_spent))
        .join(Reward, Reward.id == Voucher.reward_id)
        .where(Voucher.issued_at >= lo, Voucher.issued_at < hi, Voucher.status != "cancelled")
        .group_by(Reward.code, Reward.name)
        .order_by(func.sum(Voucher.points_spent).desc(), Reward.code)
    ).all()
    return tuple(RewardRedemptions(c, n, int(v), int(p)) for c, n, v, p in rows)


def _top_services(session: Session, lo: datetime, hi: datetime) -> tuple[TopItem, ...]:
    """The items that brought the most money in the period; refunded lines left out."""
    revenue = func.sum(SaleLine.net_fen)
    rows = session.execute(
        select(CatalogItem.code, CatalogItem.name, func.sum(SaleLine.qty), revenue)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .join(CatalogItem, CatalogItem.id == SaleLine.item_id)
        .where(Sale.created_at >= lo, Sale.created_at < hi, SaleLine.refund_id.is_(None))
        .group_by(CatalogItem.code, CatalogItem.name)
        .order_by(revenue.desc(), CatalogItem.code)
        .limit(TOP_SERVICES)
    ).all()
    return tuple(TopItem(c, n, int(q), int(f)) for c, n, q, f in rows)


def _slices(start: date, end: date) -> list[tuple[date, date]]:
    """The period cut into at most TREND_POINTS slices: calendar months when it spans
    more than two, else days or equal runs of days."""
    days = (end - start).days + 1
    if days > 62:
        out, first = [], start
        while first <= end:
            nxt = clk.add_months(first.replace(day=1), 1)
            out.append((first, min(end, nxt - timedelta(days=1))))
            first = nxt
        if len(out) <= TREND_POINTS:
            return out
    step = -(-days // TREND_POINTS)
    return [
        (start + timedelta(days=i), min(end, start + timedelta(days=i + step - 1)))
        for i in range(0, days, step)
    ]


def _trend(
    session: Session,
    slices: Sequence[tuple[date, date]],
    ends: Sequence[datetime],
    visits: Sequence[int],
    balances: Sequence[int],
    tz: str,
) -> tuple[TrendPoint, ...]:
    """The period slice by slice; `visits` and `balances` per slice come from the
    period's visit and ledger passes."""
    lo = clk.local_day_start_utc(slices[0][0], tz)
    hi = ends[-1]

    def slice_of(moment: Any) -> ColumnElement[int]:
        return case(*((moment < e, i) for i, e in enumerate(ends)), else_=len(ends))

    s_bucket = slice_of(Sale.created_at)
    sold = dict(
        session.execute(
            select(s_bucket, func.sum(Sale.due_fen))
            .where(Sale.created_at >= lo, Sale.created_at < hi)
            .group_by(s_bucket)
        )
        .tuples()
        .all()
    )
    r_bucket = slice_of(Refund.created_at)
    refunded = dict(
        session.execute(
            select(r_bucket, func.sum(Refund.refunded_fen))
            .where(Refund.created_at >= lo, Refund.created_at < hi)
            .group_by(r_bucket)
        )
        .tuples()
        .all()
    )
    j_bucket = slice_of(Member.joined_at)
    joined = dict(
        session.execute(
            select(j_bucket, func.count())
            .where(Member.joined_at >= lo, Member.joined_at < hi)
            .group_by(j_bucket)
        )
        .tuples()
        .all()
    )
    return tuple(
        TrendPoint(
            a,
            b,
            visits[i],
            int(sold.get(i) or 0) - int(refunded.get(i) or 0),
            int(joined.get(i, 0)),
            balances[i],
        )
        for i, (a, b) in enumerate(slices)
    )


def _earned_subquery(at: datetime) -> Any:
    """(member_id, earned): tier spend in the 12 months before `at` (as `points.tier_of`)."""
    return (
        select(LedgerEntry.member_id, func.sum(LedgerEntry.points).label("earned"))
        .where(
            LedgerEntry.kind.in_(points_svc.EARNING_KINDS),
            LedgerEntry.created_at >= at - timedelta(days=365),
            LedgerEntry.created_at < at,
        )
        .group_by(LedgerEntry.member_id)
        .subquery()
    )


def _tier_case(earned: Any, cfg: Settings) -> ColumnElement[str]:
    """The tier's name for tier spend `earned` (NULL: nothing earned), as `Settings.tier_for`."""
    spend = func.coalesce(earned, 0)
    ranked = sorted(cfg.tiers, key=lambda t: t.threshold, reverse=True)
    return case(*((spend >= t.threshold, t.name) for t in ranked[:-1]), else_=ranked[-1].name)


def _per(total: int, count: int) -> int:
    return round(Fraction(total, count)) if count else 0


def parse_month(text: str) -> tuple[date, date]:
    """`YYYY-MM` as its first and last day."""
    try:
        first = datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError as exc:
        raise DomainError("kpi.bad_month", text=text) from exc
    return first, clk.add_months(first, 1) - timedelta(days=1)


# The figures compared period against period, in the order the reports show them:
# (key in Figures.to_json(), Chinese label, how it is written).
ROWS: tuple[tuple[str, str, str], ...] = (
    ("members_total", "会员总数", "count"),
    ("new_members", "新会员", "count"),
    ("active_members", "活跃会员", "count"),
    ("visits", "到店人次", "count"),
    ("revenue_fen", "营业额（净）", "fen"),
    ("spend_per_visit_fen", "会员客单价", "fen"),
    ("repurchase_30d", "30天复购率", "repurchase"),
    ("win_back", "唤醒率", "win_back"),
    ("points_issued", "发放积分", "count"),
    ("points_redeemed", "兑换积分", "count"),
    ("points_expired", "过期积分", "count"),
    ("points_outstanding", "未兑积分", "count"),
    ("liability_fen", "积分负债（折合金额）", "fen"),
    ("redemption_rate", "兑换率", "rate"),
    ("rewards_cost_fen", "兑换成本（券抵扣）", "fen"),
    ("rewards_cost_share", "兑换成本占比", "rate"),
)


def show(value: Any, how: str) -> str:
    """One figure of `Figures.to_json()` written for a report."""
    if value is None:
        return "—"
    if how == "fen":
        return format_fen(int(value))
    if how == "rate":
        return f"{float(value):.1%}"
    if how == "repurchase":
        return f"{value['rate']:.1%}（{value['repurchased']}/{value['eligible']}）"
    if how == "win_back":
        return "—" if value["rate"] is None else f"{value['rate']:.1%}"
    return f"{int(value):,}"


def compare_rows(cur: dict[str, Any], prev: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, this period, the period before) of every figure in ROWS."""
    return [(label, show(cur[key], how), show(prev[key], how)) for key, label, how in ROWS]


def summary_text(board: Dashboard) -> str:
    """The human-readable `report kpi`: one line per figure, this period and the last."""
    cur, prev = board.current, board.previous
    head = f"{cur.start} – {cur.end}（上期 {prev.start} – {prev.end}）"
    rows = compare_rows(cur.to_json(), prev.to_json())
    return "\n".join([head, *(f"{name}：{now}（上期 {before}）" for name, now, before in rows)])
