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

Money, points and new members per slice of the period come from one grouped pass each
(`_sums`) over the summary tables (`summaries`): money and points per UTC quarter hour,
the visit days linked to the member's visits before and after, the members' 12-month
tier points. These are written with the facts, so the figures are those of the facts;
`tests/services/test_summaries.py` holds the tables equal to the facts.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import messages
from spa_pos.errors import DomainError
from spa_pos.models import (
    CatalogItem,
    ItemTotal,
    Member,
    MemberTag,
    QuarterTotal,
    Reward,
    VisitDay,
    Voucher,
)
from spa_pos.money import format_fen
from spa_pos.services import outreach, summaries, unit_of_work
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

    slices = _slices(start, end) if detail else [(start, end)]
    ends = [clk.local_day_start_utc(b + timedelta(1), tz) for _, b in slices]
    per_slice, active, repurchase = _visit_figures(
        session, first_day, [_day_no(b) for _, b in slices]
    )
    visit_count = sum(per_slice)
    joined = [n for (n,) in _sums(session, Member.joined_at, [lo, *ends], func.count())]
    members_total, new_members = sum(joined), sum(joined[1:])
    moved = _sums(
        session,
        QuarterTotal.quarter,
        [summaries.quarter_bound(m) for m in (lo, *ends)],
        *(func.sum(getattr(QuarterTotal, k)) for k in summaries.AMOUNTS),
    )
    total = dict(zip(summaries.AMOUNTS, map(sum, zip(*moved[1:], strict=True)), strict=True))
    sales_fen, refunds_fen = total["sales_fen"], total["refunds_fen"]
    revenue = sales_fen - refunds_fen
    member_revenue = total["member_sales_fen"] - total["member_refunds_fen"]
    cost = total["discount_fen"]
    issued, redeemed = total["points_issued"], total["points_redeemed"]
    expired = total["points_expired"]
    net = summaries.AMOUNTS.index("points_net")
    balances = list(itertools.accumulate(m[net] for m in moved))[1:]
    trend = _trend(slices, per_slice, joined[1:], moved[1:], balances) if detail else ()
    outstanding = balances[-1]
    return Figures(
        start=start,
        end=end,
        members_total=int(members_total),
        new_members=int(new_members),
        active_members=int(active),
        visits=int(visit_count),
        revenue_fen=revenue,
        sales_fen=sales_fen,
        refunds_fen=refunds_fen,
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
        rewards_cost_fen=cost,
        rewards_cost_share=round(cost / (revenue + cost), 4) if revenue + cost > 0 else 0.0,
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
    earned = summaries.tier_points(session, at)
    tier = _tier_case(earned.c.earned, cfg)
    rows = session.execute(select(tier, func.count()).group_by(tier)).all()
    counts = {t.name: 0 for t in cfg.tiers}
    counts.update({name: int(n) for name, n in rows})
    return counts


def tier_moves(session: Session, lo: datetime, hi: datetime, cfg: Settings) -> dict[str, int]:
    """Members whose tier at `hi` differs from their tier at `lo`: {"from→to": count}."""
    before = summaries.tier_points(session, lo).alias("before")
    after = summaries.tier_points(session, hi).alias("after")
    was = _tier_case(before.c.earned, cfg)
    now = _tier_case(after.c.earned, cfg)
    rows = session.execute(
        select(was, now, func.count())
        .select_from(before)
        .join(after, after.c.member_id == before.c.member_id)
        .group_by(was, now)
    ).all()
    return {f"{a}→{b}": int(n) for a, b, n in rows if a != b}


def outstanding_at(session: Session, moments: Sequence[datetime]) -> list[int]:
    """Every member's points balance at each moment (naive UTC), in one pass."""
    return _outstanding(session, moments)


# --- the SQL ---------------------------------------------------------------------------------


def _day_no(day: date) -> int:
    return (day - _EPOCH).days


_day_number = summaries.day_number  # a stored moment's business day, in SQL


def _sums(session: Session, key: Any, bounds: Sequence[Any], *values: Any) -> list[tuple[int, ...]]:
    """The aggregates `values` (sums, counts) of the rows whose `key` is below each of the
    ascending `bounds` and not below the one before: part 0 is everything below
    `bounds[0]`, part i the rows in [bounds[i-1], bounds[i]); rows from the last bound on
    are left out. The one grouped pass behind every per-slice figure."""
    part = case(*((key < b, i) for i, b in enumerate(bounds)), else_=len(bounds))
    rows = session.execute(select(part, *values).where(key < bounds[-1]).group_by(part)).all()
    found = {int(i): tuple(int(v) for v in rest) for i, *rest in rows}
    return [found.get(i, (0,) * len(values)) for i in range(len(bounds))]


def _visit_figures(
    session: Session, first_day: int, slice_ends: Sequence[int]
) -> tuple[list[int], int, Repurchase]:
    """(visits per slice, active members, 30-day repurchase) of the days from first_day
    to the last of `slice_ends` (the last day of each slice of the period), from the
    visit days (`summaries`): a member's first visit of the period is the one whose
    previous visit day is before the period, and their next visit is its `next_day`.
    Every active member is eligible for the repurchase figure."""
    v = VisitDay
    first = or_(v.prev_day.is_(None), v.prev_day < first_day)
    part = case(*((v.day <= b, i) for i, b in enumerate(slice_ends)), else_=len(slice_ends))
    rows = session.execute(
        select(
            part,
            func.count(),
            func.count(case((first, 1))),
            func.count(case((and_(first, v.next_day <= v.day + REPURCHASE_DAYS), 1))),
        )
        .where(v.day >= first_day, v.day <= slice_ends[-1])
        .group_by(part)
    ).all()
    per_slice = [0] * len(slice_ends)
    active = repurchased = 0
    for index, count, firsts, again in rows:
        per_slice[index] = int(count)
        active += int(firsts)
        repurchased += int(again)
    return per_slice, active, Repurchase(active, repurchased)


def _outstanding(session: Session, moments: Sequence[datetime]) -> list[int]:
    order = sorted(range(len(moments)), key=lambda i: moments[i])
    bounds = [summaries.quarter_bound(moments[i]) for i in order]
    moved = _sums(session, QuarterTotal.quarter, bounds, func.sum(QuarterTotal.points_net))
    running = list(itertools.accumulate(m[0] for m in moved))
    out = [0] * len(moments)
    for rank, i in enumerate(order):
        out[i] = running[rank]
    return out


def _redemptions(session: Session, lo: datetime, hi: datetime) -> tuple[RewardRedemptions, ...]:
    """Vouchers bought with points in the period per reward, cancelled ones left out. A
    targeted coupon (`member_list.issue_coupon`) is a voucher of a reward given at no
    points: no redemption, so left out too (a reward costs at least one point)."""
    rows = session.execute(
        select(Reward.code, Reward.name, func.count(Voucher.id), func.sum(Voucher.points_spent))
        .join(Reward, Reward.id == Voucher.reward_id)
        .where(
            Voucher.issued_at >= lo,
            Voucher.issued_at < hi,
            Voucher.status != "cancelled",
            Voucher.points_spent > 0,
        )
        .group_by(Reward.code, Reward.name)
        .order_by(func.sum(Voucher.points_spent).desc(), Reward.code)
    ).all()
    return tuple(RewardRedemptions(c, n, int(v), int(p)) for c, n, v, p in rows)


def _top_services(session: Session, lo: datetime, hi: datetime) -> tuple[TopItem, ...]:
    """The items that brought the most money in the period's sales; refunded lines left
    out. From the item totals per quarter hour (`summaries`), summed per item before the
    catalog is joined (a year is some 100,000 rows on the benchmark database); an item
    whose lines were all refunded has rows of zeros there, left out as it has no line."""
    t = ItemTotal
    per_item = (
        select(t.item_id, func.sum(t.qty).label("qty"), func.sum(t.net_fen).label("fen"))
        .where(t.quarter >= summaries.quarter_bound(lo), t.quarter < summaries.quarter_bound(hi))
        .group_by(t.item_id)
        .having(func.sum(t.qty) > 0)
        .subquery("per_item")
    )
    rows = session.execute(
        select(CatalogItem.code, CatalogItem.name, per_item.c.qty, per_item.c.fen)
        .join(CatalogItem, CatalogItem.id == per_item.c.item_id)
        .order_by(per_item.c.fen.desc(), CatalogItem.code)
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
    slices: Sequence[tuple[date, date]],
    visits: Sequence[int],
    joined: Sequence[int],
    moved: Sequence[tuple[int, ...]],
    balances: Sequence[int],
) -> tuple[TrendPoint, ...]:
    """The period slice by slice, from the period's sums per slice (`figures`)."""
    sales, refunds = summaries.AMOUNTS.index("sales_fen"), summaries.AMOUNTS.index("refunds_fen")
    return tuple(
        TrendPoint(a, b, visits[i], moved[i][sales] - moved[i][refunds], joined[i], balances[i])
        for i, (a, b) in enumerate(slices)
    )


def _tier_case(earned: Any, cfg: Settings) -> ColumnElement[str]:
    """The tier's name for tier spend `earned`, as `Settings.tier_for`."""
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


# The ways of writing (`ROWS`) whose figure is a rate: its change is a difference.
RATES = frozenset({"rate", "repurchase", "win_back"})
TENTH = Decimal("0.1")


def _level(value: Any, how: str) -> float | None:
    """One figure of `Figures.to_json()` as the number compared: a rate as its fraction."""
    if value is None:
        return None
    if how in ("repurchase", "win_back"):
        rate = value["rate"]
        return None if rate is None else float(rate)
    return float(value)


def change(now: Any, before: Any, how: str) -> str:
    """How a figure of `ROWS` moved since the period before, as every report writes it.
    A rate's change is its difference in percentage points: a repurchase rate going from
    26.7 % to 28.5 % is "+1.8 个百分点", not "+7%" (its relative change). A count's or an
    amount's change is relative to the period before; "—" when that was 0 or unknown."""
    a, b = _level(now, how), _level(before, how)
    if a is None or b is None:
        return "—"
    if how in RATES:
        # in decimal: the rates are kept to 4 places, 3.65 points round up to 3.7
        points = ((Decimal(repr(a)) - Decimal(repr(b))) * 100).quantize(TENTH, ROUND_HALF_UP)
        return messages.render("kpi.change_points", {"points": f"{points:+.1f}"})
    return "—" if not b else f"{(a - b) / abs(b):+.0%}"


def changes(cur: dict[str, Any], prev: dict[str, Any]) -> dict[str, str]:
    """The change (`change`) of every figure in ROWS, by its key."""
    return {key: change(cur[key], prev[key], how) for key, _, how in ROWS}


def compare_rows(cur: dict[str, Any], prev: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, this period, the period before) of every figure in ROWS."""
    return [(label, show(cur[key], how), show(prev[key], how)) for key, label, how in ROWS]


def change_rows(cur: dict[str, Any], prev: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """`compare_rows` with the change (`change`) of each figure beside them."""
    moved = changes(cur, prev)
    rows = compare_rows(cur, prev)
    return [(*row, moved[key]) for row, (key, _, _) in zip(rows, ROWS, strict=True)]


def summary_text(board: Dashboard) -> str:
    """The human-readable `report kpi`: one line per figure, this period and the last."""
    cur, prev = board.current, board.previous
    head = f"{cur.start} – {cur.end}（上期 {prev.start} – {prev.end}）"
    rows = compare_rows(cur.to_json(), prev.to_json())
    return "\n".join([head, *(f"{name}：{now}（上期 {before}）" for name, now, before in rows)])
