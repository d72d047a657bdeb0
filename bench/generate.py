"""Generate a realistic clinic database for the benchmarks.

    .venv/bin/python -m bench.generate --out /tmp/bench.sqlite3 [--members N] [--sales N]
        [--ledger-rows N] [--seed N] [--force]

The schema, settings, catalog and rewards come from the services (`clinic.init`,
`clinic.load_demo`); the bulk data (members, sales with lines and payments, course
balances, events, vouchers, point lots and ledger entries) is simulated in memory, one
member at a time in time order with the same rules as the services (earning, tiers, FIFO
spending, nightly expiry), and then written with SQLAlchemy Core `insert()` executemany.

Time runs up to `AS_OF` (the benchmarks' "now"): members joined over 3 years, sales cover
the last 2. The nightly expiry job is taken to have last run some months ago, so about 5 %
of `ledger_rows` lots are past their date with points left: real work for `expire_due`.

A file whose sidecar `<out>.json` lists the same parameters and counts is reused.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.orm import Session

from bench.names import NameMaker
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.models import (
    CatalogItem,
    CourseBalance,
    CourseUse,
    Event,
    EventAttendance,
    LedgerEntry,
    Member,
    Payment,
    PointLot,
    Reward,
    Sale,
    SaleLine,
    Voucher,
)
from spa_pos.services import clinic, earning, points, summaries, tags
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import SYSTEM_ACTOR, Ctx
from spa_pos.services.members import card_number
from spa_pos.services.settings import Settings

# The benchmarks' "now": 2026-03-10 10:00 in Shanghai. Generated data ends the day before.
AS_OF = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
DEFAULT_OUT = Path("/tmp/bench.sqlite3")
DEFAULTS = {"members": 100_000, "sales": 300_000, "ledger_rows": 1_000_000, "seed": 1}
VERSION = 4  # of this generator: a file made by another version is made again

# Shanghai has had no daylight saving time since 1991: local = UTC + 8 h, so times are
# plain integers (UTC epoch seconds) and local days are day numbers since 1970-01-01.
TZ_OFFSET = 8 * 3600
DAY = 86400
EPOCH = datetime(1970, 1, 1)
ORDINAL_1970 = date(1970, 1, 1).toordinal()
OPEN_S, CLOSE_S = 9 * 3600, 21 * 3600  # business hours, local seconds of the day
EXPIRY_JOB_S = 8 * 3600 + 30 * 60  # the expiry job runs at start-up, before opening
EVENT_S = 15 * 3600

JOIN_YEARS, SALE_YEARS = 3, 2
WALK_IN_SHARE = 0.15
REFERRED_SHARE = 0.10
REDEEM_CHANCE = 0.25  # at a visit, when the member has enough usable points
ROWS_PER_EVENT = 1.3  # ledger rows an event award adds (its earn entry, often an expiry)
PENDING_SHARE = 0.05  # of ledger_rows: lots past their date the expiry job has not seen
BATCH = 20_000
EVENT, REFERRAL, VISIT = 0, 1, 2  # what happens at one moment of a member's history

CASHIERS = ("前台小王", "前台小李", "店长", "前台小陈")
HEALTH_NEEDS = ("", "", "", "失眠调理", "亚健康改善", "颈肩腰腿痛", "产后修复", "脾胃调理")
EVENT_KINDS = (
    ("健康讲座", 100),
    ("养生沙龙", 150),
    ("健康知识问答", 50),
    ("直播互动", 80),
    ("视频互动", 50),
)
PAYMENT_WEIGHTS = (("wechat", 45), ("alipay", 25), ("card", 15), ("cash", 15))
# (reward code, weight) for what members redeem; gifts are left alone (small stock).
REDEEM_WEIGHTS = {"R-Q10": 5, "R-TBAM": 3, "R-Q50": 2, "R-YBLL": 1}
# (item code, weight) of what is sold; courses only to members.
SALE_WEIGHTS = {
    "AJ": 25,
    "TBAM": 25,
    "YBLL": 15,
    "YY": 12,
    "ZJTN": 8,
    "ZYB": 10,
    "BJZ": 5,
    "ZJTN10": 1.5,
}
PHONE_PREFIXES = tuple(
    [str(p) for p in range(130, 140)]
    + [
        "150",
        "151",
        "152",
        "153",
        "155",
        "156",
        "157",
        "158",
        "159",
        "166",
        "173",
        "175",
        "176",
        "177",
        "178",
        "180",
        "181",
        "182",
        "183",
        "185",
        "186",
        "187",
        "188",
        "189",
        "191",
        "198",
        "199",
    ]
)

_started = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - _started:7.1f}s] {message}", flush=True)


def utc(t: int) -> datetime:
    """Naive UTC datetime (what the database stores) of an epoch second."""
    return EPOCH + timedelta(seconds=t)


def day_of(t: int) -> int:
    """Local (Shanghai) day number of an epoch second."""
    return (t + TZ_OFFSET) // DAY


def at_local(day: int, seconds: int) -> int:
    return day * DAY - TZ_OFFSET + seconds


def to_date(day: int) -> date:
    return date.fromordinal(day + ORDINAL_1970)


def from_date(d: date) -> int:
    return d.toordinal() - ORDINAL_1970


@dataclass(frozen=True)
class Params:
    members: int = DEFAULTS["members"]
    sales: int = DEFAULTS["sales"]
    ledger_rows: int = DEFAULTS["ledger_rows"]
    seed: int = DEFAULTS["seed"]


@dataclass
class Summary:
    params: Params
    counts: dict[str, int]
    seconds: float
    pending_lots: int  # past their date with points left: the expiry run's work
    pending_points: int
    balances_ok: bool
    as_of: str = AS_OF.isoformat()
    version: int = VERSION
    reused: bool = False


# --- earning, fast ------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    id: int
    code: str
    name: str
    kind: str
    price: int
    points: int | None
    sessions: int | None
    service_id: int | None


class Earner:
    """`earning.compute` in integers (it uses Fractions and takes ~0.1 ms a sale).

    Amounts are counted in 1/`unit` points; `check_against_service` proves the results
    equal."""

    def __init__(self, cfg: Settings) -> None:
        rate = Fraction(cfg.earn_rate_per_yuan)
        self.unit = 100 * rate.denominator * 100
        self.rate_num = rate.numerator
        self.bonus_min, self.bonus_pct = cfg.course_bonus_min_sessions, cfg.course_bonus_percent
        birthday = Fraction(cfg.birthday_multiplier)
        self.bday = (birthday.numerator, birthday.denominator)
        self.cfg = cfg
        self.tier_factor = {t.name: (t.factor.numerator, t.factor.denominator) for t in cfg.tiers}

    def line_units(
        self, fixed: int | None, units: int, net_fen: int, sessions: int | None
    ) -> tuple[int, int]:
        """(E1, E1 + E2) of one line, in 1/unit points (exact: see `earning.line_base`)."""
        if fixed is not None:
            e1 = fixed * units * self.unit if net_fen > 0 else 0
        else:  # net_fen / 100 * rate, in units of 1 / (10000 * rate denominator)
            e1 = net_fen * self.rate_num * 100
        bonus = e1 * self.bonus_pct // 100 if sessions and sessions >= self.bonus_min else 0
        return e1, e1 + bonus

    def breakdown(
        self, e1: int, with_bonus: int, tier: str, birthday: bool
    ) -> list[tuple[str, int]]:
        tn, td = self.tier_factor[tier]
        bn, bd = self.bday if birthday else (1, 1)
        u = self.unit
        steps = (
            ("E1", e1 // u),
            ("E2", with_bonus // u),
            ("E7", with_bonus * tn // (u * td)),
            ("E6", with_bonus * tn * bn // (u * td * bd)),
        )
        out: list[tuple[str, int]] = []
        previous = 0
        for rule, value in steps:
            if value - previous:
                out.append((rule, value - previous))
            previous = value
        return out


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """`earning.allocate` for integer weights."""
    weight_sum = sum(weights)
    if weight_sum == 0:
        return [0] * len(weights)
    parts = [total * w // weight_sum for w in weights]
    remainders = [total * w % weight_sum for w in weights]
    order = sorted(range(len(weights)), key=lambda i: remainders[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def check_against_service(earner: Earner, items: Sequence[Item], rng: random.Random) -> None:
    """The fast arithmetic gives exactly what `earning.compute` gives."""
    for _ in range(500):
        chosen = rng.sample(list(items), rng.randint(1, 3))
        bases, units = [], []
        for item in chosen:
            qty = rng.randint(1, 3)
            net = item.price * qty - rng.choice((0, 0, 1000, 3700))
            sessions = item.sessions if item.kind == "course" else None
            bases.append(earning.LineBasis(item.points, qty, max(net, 0), sessions))
            units.append(earner.line_units(item.points, qty, max(net, 0), sessions))
        tier = rng.choice(earner.cfg.tiers)
        birthday = rng.random() < 0.5
        expected = earning.compute(bases, earner.cfg, tier.factor, birthday)
        e1, with_bonus = sum(u[0] for u in units), sum(u[1] for u in units)
        got = earner.breakdown(e1, with_bonus, tier.name, birthday)
        total = sum(p for _, p in got)
        assert got == expected.breakdown, (got, expected.breakdown)
        assert allocate(total, [u[1] for u in units]) == expected.line_points


# --- the simulated world -------------------------------------------------------------------


@dataclass(slots=True)
class Lot:
    key: int
    member: int
    t: int
    expires: int  # local day number of the last usable day
    amount: int
    remaining: int
    sale: int | None


@dataclass
class World:
    """Everything generated, in memory; ids are assigned when it is written."""

    params: Params
    cfg: Settings
    items: list[Item]
    rewards: dict[str, tuple[int, int]]  # code -> (id, points cost)
    as_of_day: int
    # members (index 0 is unused so that a member's index is its id)
    m_name: list[str] = field(default_factory=lambda: [""])
    m_gender: list[str] = field(default_factory=lambda: [""])
    m_phone: list[str] = field(default_factory=lambda: [""])
    m_birthday: list[date | None] = field(default_factory=lambda: [None])
    m_joined: list[int] = field(default_factory=lambda: [0])
    m_referrer: list[int | None] = field(default_factory=lambda: [None])
    m_weight: list[float] = field(default_factory=lambda: [0.0])
    m_balance: list[int] = field(default_factory=lambda: [0])
    m_referral_awarded: list[bool] = field(default_factory=lambda: [False])
    pinyin: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> keys
    # sales, in time order (index + 1 is the id)
    s_t: list[int] = field(default_factory=list)
    s_member: list[int] = field(default_factory=list)  # 0: walk-in
    s_lines: list[list[tuple[int, int]]] = field(default_factory=list)  # (item index, qty)
    s_cashier: list[int] = field(default_factory=list)
    s_units: list[tuple[int, list[int]]] = field(default_factory=list)  # (E1, per line E1+E2)
    s_tier: dict[int, str] = field(default_factory=dict)
    s_points: dict[int, int] = field(default_factory=dict)
    s_referral_bonus: dict[int, int] = field(default_factory=dict)  # E3 of the new member
    # events and who attended
    e_t: list[int] = field(default_factory=list)
    e_name: list[str] = field(default_factory=list)
    e_points: list[int] = field(default_factory=list)
    attendance: list[tuple[int, int]] = field(default_factory=list)  # (event index, member)
    # the ledger
    lots: list[Lot] = field(default_factory=list)
    # (t, member, lot key or None, kind, rule, points, sale index or None, voucher key or
    # None, note, actor)
    entries: list[tuple[Any, ...]] = field(default_factory=list)
    # (t, member, reward code, expires day)
    vouchers: list[tuple[int, int, str, int]] = field(default_factory=list)
    pending_lots: int = 0
    pending_points: int = 0


def make_members(world: World, rng: random.Random) -> None:
    n = world.params.members
    first_day = world.as_of_day - 365 * JOIN_YEARS
    names = NameMaker(rng)
    joined = sorted(
        at_local(rng.randrange(first_day, world.as_of_day), rng.randrange(OPEN_S, CLOSE_S - 3600))
        for _ in range(n)
    )
    phones: set[str] = set()
    for i in range(1, n + 1):
        gender = "F" if rng.random() < 0.7 else "M"
        phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        while phone in phones:
            phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        phones.add(phone)
        birthday = None
        if rng.random() < 0.9:
            birthday = to_date(world.as_of_day - rng.randrange(20 * 365, 75 * 365))
        referrer = rng.randrange(1, i) if i > 1 and rng.random() < REFERRED_SHARE else None
        # Heavy-tailed visit frequency; a fifth of the members hardly come back.
        weight = 0.03 if rng.random() < 0.2 else rng.lognormvariate(0, 1)
        world.m_name.append(names.name(gender))
        world.m_gender.append(gender)
        world.m_phone.append(phone)
        world.m_birthday.append(birthday)
        world.m_joined.append(joined[i - 1])
        world.m_referrer.append(referrer)
        world.m_weight.append(weight)
        world.m_balance.append(0)
        world.m_referral_awarded.append(False)
    world.pinyin = {name: names.pinyin(name) for name in set(world.m_name[1:])}


def make_sales(world: World, earner: Earner, rng: random.Random) -> None:
    n_members = world.params.members
    total = world.params.sales
    window_start = world.as_of_day - 365 * SALE_YEARS
    last_day = world.as_of_day - 1
    # Members buy in proportion to their visit frequency and how long they have been here.
    spans = []
    for m in range(1, n_members + 1):
        first = max(day_of(world.m_joined[m]), window_start)
        spans.append(max(0, last_day - first + 1) * world.m_weight[m])
    cum, acc = [], 0.0
    for s in spans:
        acc += s
        cum.append(acc)
    n_member_sales = round(total * (1 - WALK_IN_SHARE))
    # Most people register at their first purchase: members who joined within the window
    # buy on their first day; the rest of the sales go by visit frequency.
    first_buyers = [
        m for m in range(1, n_members + 1) if day_of(world.m_joined[m]) >= window_start
    ][:n_member_sales]
    repeat = n_member_sales - len(first_buyers)
    buyers = [i + 1 for i in rng.choices(range(n_members), cum_weights=cum, k=repeat)]
    codes = list(SALE_WEIGHTS)
    index_of = {item.code: i for i, item in enumerate(world.items)}
    member_pool = [index_of[c] for c in codes]
    member_cum = _cumulative([SALE_WEIGHTS[c] for c in codes])
    walk_in_pool = [index_of[c] for c in codes if world.items[index_of[c]].kind != "course"]
    walk_in_cum = _cumulative(
        [SALE_WEIGHTS[c] for c in codes if world.items[index_of[c]].kind != "course"]
    )
    raw = [(world.m_joined[m] + rng.randrange(60, 1800), m) for m in first_buyers]
    for m in buyers:
        joined = world.m_joined[m]
        first = max(day_of(joined), window_start)
        day = rng.randint(first, last_day)
        t = at_local(day, rng.randrange(OPEN_S, CLOSE_S))
        if t <= joined:
            t = joined + rng.randrange(300, 3600)
        raw.append((t, m))
    for _ in range(total - n_member_sales):
        raw.append(
            (at_local(rng.randint(window_start, last_day), rng.randrange(OPEN_S, CLOSE_S)), 0)
        )
    raw.sort()
    for t, m in raw:
        pool, weights = (member_pool, member_cum) if m else (walk_in_pool, walk_in_cum)
        n_lines = rng.choices((1, 2, 3), cum_weights=(65, 93, 100))[0]
        chosen: list[int] = []
        while len(chosen) < n_lines:
            item = rng.choices(pool, cum_weights=weights)[0]
            if item not in chosen:
                chosen.append(item)
        lines = []
        for i in chosen:
            kind = world.items[i].kind
            qty = rng.randint(1, 3) if kind == "product" else (2 if rng.random() < 0.1 else 1)
            lines.append((i, 1 if kind == "course" else qty))
        world.s_t.append(t)
        world.s_member.append(m)
        world.s_lines.append(lines)
        world.s_cashier.append(rng.randrange(len(CASHIERS)))
        # Nothing is paid by vouchers in generated sales: each line's money is its amount.
        units = [
            earner.line_units(
                world.items[i].points,
                q,
                world.items[i].price * q,
                world.items[i].sessions if world.items[i].kind == "course" else None,
            )
            for i, q in lines
        ]
        world.s_units.append((sum(u[0] for u in units), [u[1] for u in units]))


def make_events(world: World, rng: random.Random) -> None:
    """A lecture, salon, quiz or live/video interaction every third day."""
    day = world.as_of_day - 365 * SALE_YEARS
    while day < world.as_of_day:
        kind, pts = rng.choice(EVENT_KINDS)
        world.e_t.append(at_local(day, EVENT_S))
        world.e_name.append(f"{kind} {to_date(day):%m-%d}")
        world.e_points.append(pts)
        day += 3


class Simulator:
    """Replays each member's history in time order with the services' rules: sale earnings
    with the tier held when the sale began (E1, E2, E6, E7), referral (E3) and event (E4)
    awards, FIFO redemptions (R2) and the start-up expiry job (X3) up to `cutoff`."""

    def __init__(
        self, world: World, earner: Earner, cutoff: int, rng: random.Random, record: bool
    ) -> None:
        self.w, self.earner, self.cutoff = world, earner, cutoff
        self.rng, self.record = rng, record
        self.cfg = world.cfg
        self.expiry_of: dict[int, int] = {}
        self.rewards = [
            (code, world.rewards[code][1], weight) for code, weight in REDEEM_WEIGHTS.items()
        ]
        self.cheapest = min(cost for _, cost, _ in self.rewards)
        # for calibrating the expiry cutoff
        self.lots_by_expiry: dict[int, int] = {}
        self.lots_expired = 0

    def expires(self, day: int) -> int:
        """X1: the last usable day of a lot awarded on local day `day`."""
        exp = self.expiry_of.get(day)
        if exp is None:
            exp = from_date(points.expiry_for(to_date(day), self.cfg))
            self.expiry_of[day] = exp
        return exp

    def member(
        self,
        m: int,
        sales: Sequence[int],
        referrals: Sequence[tuple[int, int]],
        events: Sequence[int],
    ) -> int:
        """Replay member `m`; returns how many ledger entries that made."""
        w, cfg = self.w, self.cfg
        timeline = [(w.e_t[e], EVENT, e) for e in events]
        timeline += [(t, REFERRAL, s) for t, s in referrals]
        timeline += [(w.s_t[s], VISIT, s) for s in sales]
        timeline.sort()
        lots: list[Lot] = []  # in FIFO order: expiry follows the award date
        head = 0  # lots before `head` are closed
        earned: deque[tuple[int, int]] = deque()  # (t, points) of earn entries (E7 spend)
        earned_sum = balance = rows = 0
        birthday = w.m_birthday[m]
        new_referral = w.m_referrer[m] is not None

        for t, what, ref in timeline:
            today = day_of(t)
            head, n, expired = self._expire(m, lots, head, min(today, self.cutoff))
            rows, balance = rows + n, balance - expired
            sale: int | None = None
            actor, note = "", ""
            if what == EVENT:
                awards = [("E4", w.e_points[ref])]
                note = w.e_name[ref]
                if self.record:
                    w.attendance.append((ref, m))
            elif what == REFERRAL:
                awards = [("E3", cfg.referral_referrer_points)]
                sale, actor = ref, CASHIERS[w.s_cashier[ref]]
                note = f"推荐 {w.m_name[w.s_member[ref]]} 首次消费"
            else:
                n, spent = self._maybe_redeem(m, t - 120, today, lots[head:])
                rows, balance = rows + n, balance - spent
                while earned and earned[0][0] < t - 365 * DAY:
                    earned_sum -= earned.popleft()[1]
                tier = cfg.tier_for(earned_sum).name
                is_birthday = birthday is not None and birthday.month == to_date(today).month
                e1, line_units = w.s_units[ref]
                awards = self.earner.breakdown(e1, sum(line_units), tier, is_birthday)
                if new_referral:
                    new_referral = False
                    awards.append(("E3", cfg.referral_new_member_points))
                    if self.record:
                        w.m_referral_awarded[m] = True
                        w.s_referral_bonus[ref] = cfg.referral_new_member_points
                sale, actor = ref, CASHIERS[w.s_cashier[ref]]
                if self.record:
                    w.s_tier[ref] = tier
                    w.s_points[ref] = sum(p for _, p in awards)
            total = sum(p for _, p in awards)
            if total:
                self._award(m, t, today, awards, sale, note, actor, lots)
                rows, balance = rows + len(awards), balance + total
                earned.append((t, total))
                earned_sum += total

        # The job's last run expired what was due by then; the rest is still open.
        head, n, expired = self._expire(m, lots, head, self.cutoff)
        rows, balance = rows + n, balance - expired
        for lot in lots:
            self.lots_by_expiry[lot.expires] = self.lots_by_expiry.get(lot.expires, 0) + 1
            if self.record and lot.expires < w.as_of_day and lot.remaining:
                w.pending_lots += 1
                w.pending_points += lot.remaining
        if self.record:
            w.m_balance[m] = balance
        return rows

    def _expire(self, m: int, lots: list[Lot], head: int, limit: int) -> tuple[int, int, int]:
        """X3 for lots whose last day is before `limit`: (new head, entries, points)."""
        rows = expired = 0
        while head < len(lots) and lots[head].expires < limit:
            lot = lots[head]
            if lot.remaining:
                self.lots_expired += 1
                self._entry(
                    at_local(lot.expires + 1, EXPIRY_JOB_S),
                    m,
                    lot,
                    "expire",
                    "X3",
                    -lot.remaining,
                    None,
                    None,
                    "",
                    "system",
                )
                rows, expired = rows + 1, expired + lot.remaining
                lot.remaining = 0
            head += 1
        return head, rows, expired

    def _award(
        self,
        m: int,
        t: int,
        today: int,
        awards: list[tuple[str, int]],
        sale: int | None,
        note: str,
        actor: str,
        lots: list[Lot],
    ) -> None:
        """`points.award`: one lot holding the awards, one entry per rule."""
        total = sum(p for _, p in awards)
        lot = Lot(len(self.w.lots), m, t, self.expires(today), total, total, sale)
        lots.append(lot)
        if self.record:
            self.w.lots.append(lot)
            for rule, pts in awards:
                self._entry(t, m, lot, "earn", rule, pts, sale, None, note, actor)

    def _entry(
        self,
        t: int,
        m: int,
        lot: Lot,
        kind: str,
        rule: str,
        pts: int,
        sale: int | None,
        voucher: int | None,
        note: str,
        actor: str,
    ) -> None:
        if self.record:
            self.w.entries.append((t, m, lot.key, kind, rule, pts, sale, voucher, note, actor))

    def _maybe_redeem(self, m: int, t: int, today: int, open_lots: list[Lot]) -> tuple[int, int]:
        """R2 at a visit, sometimes: a reward the member can afford, drawn FIFO from lots
        not past their date. Returns (entries, points spent)."""
        usable = [lot for lot in open_lots if lot.remaining and lot.expires >= today]
        available = sum(lot.remaining for lot in usable)
        if available < self.cheapest or self.rng.random() >= REDEEM_CHANCE:
            return 0, 0
        choices = [r for r in self.rewards if r[1] <= available]
        code, cost, _ = self.rng.choices(choices, weights=[r[2] for r in choices])[0]
        voucher = len(self.w.vouchers)
        if self.record:
            self.w.vouchers.append((t, m, code, today + self.cfg.voucher_valid_days))
        actor = CASHIERS[self.rng.randrange(len(CASHIERS))]
        rows, left = 0, cost
        for lot in usable:
            take = min(left, lot.remaining)
            lot.remaining -= take
            self._entry(t, m, lot, "redeem", "R2", -take, None, voucher, "", actor)
            rows, left = rows + 1, left - take
            if not left:
                break
        return rows, cost


def simulate(world: World, earner: Earner, rng: random.Random) -> None:
    """Two passes: a dry one without events measures what sales alone make, then the real
    one gives members event awards until the ledger reaches its target size."""
    w, p = world, world.params
    sales_of: list[list[int]] = [[] for _ in range(p.members + 1)]
    referrals_of: list[list[tuple[int, int]]] = [[] for _ in range(p.members + 1)]
    for s, m in enumerate(w.s_member):
        if m:
            referrer = w.m_referrer[m]
            if not sales_of[m] and referrer is not None:  # E3 at the first purchase
                referrals_of[referrer].append((w.s_t[s], s))
            sales_of[m].append(s)
    first_event = [bisect.bisect_right(w.e_t, w.m_joined[m]) for m in range(p.members + 1)]
    eligible = [len(w.e_t) - first_event[m] for m in range(p.members + 1)]

    dry = Simulator(w, earner, w.as_of_day - 100, random.Random(p.seed + 1), record=False)
    base_rows = [0] + [
        dry.member(m, sales_of[m], referrals_of[m], ()) for m in range(1, p.members + 1)
    ]
    r0 = sum(base_rows)
    log(f"  sales alone make {r0:,} ledger rows; events fill up to {p.ledger_rows:,}")

    # Event awards in proportion to activity and to how many events a member could attend.
    appetite = [0.0] + [
        eligible[m] * (0.5 + min(w.m_weight[m], 5.0)) for m in range(1, p.members + 1)
    ]
    k = max(0.0, (p.ledger_rows - r0) / ROWS_PER_EVENT) / max(sum(appetite), 1e-9)
    cutoff = _expiry_cutoff(w, dry, k * sum(appetite), round(p.ledger_rows * PENDING_SHARE))
    log(f"  the expiry job last ran on {to_date(cutoff)}")

    real = Simulator(w, earner, cutoff, rng, record=True)
    target = actual = 0.0
    for m in range(1, p.members + 1):
        # Aim at the running target, so the estimate's error does not pile up.
        target += base_rows[m] + ROWS_PER_EVENT * k * appetite[m]
        n = round((target - actual - base_rows[m]) / ROWS_PER_EVENT)
        n = max(0, min(n, eligible[m]))
        events = sorted(rng.sample(range(first_event[m], len(w.e_t)), n))
        actual += real.member(m, sales_of[m], referrals_of[m], events)
        if m % 25_000 == 0:
            log(f"  simulated {m:,} members, {len(w.entries):,} ledger rows")


def _expiry_cutoff(w: World, dry: Simulator, event_awards: float, target: int) -> int:
    """The last day the expiry job ran, chosen so that about `target` lots with points left
    are past their date when the benchmark starts."""
    reached = sum(n for d, n in dry.lots_by_expiry.items() if d < dry.cutoff)
    keep = dry.lots_expired / reached if reached else 0.9  # share with points left then
    per_event = event_awards / max(len(w.e_t), 1)
    by_expiry = dict(dry.lots_by_expiry)
    for t in w.e_t:
        exp = dry.expires(day_of(t))
        by_expiry[exp] = by_expiry.get(exp, 0) + round(per_event)
    count, day = 0.0, w.as_of_day
    while count < target and day > w.as_of_day - 365 * SALE_YEARS:
        day -= 1
        count += by_expiry.get(day, 0) * keep
    return day


# --- writing ----------------------------------------------------------------------------


def _cumulative(weights: Sequence[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def _batches(rows: Iterator[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(conn: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> int:
    """Core `insert()` executemany, `BATCH` rows at a time."""
    n = 0
    for batch in _batches(iter(rows)):
        conn.execute(insert(table), batch)
        n += len(batch)
    return n


def _sales_rows(w: World, rng: random.Random) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Sales with their lines, payments and course balances, a few thousand at a time."""
    items = w.items
    out: dict[str, list[dict[str, Any]]] = _empty_chunk()
    ids = dict.fromkeys(("line", "payment", "course", "use"), 0)
    methods = [m for m, _ in PAYMENT_WEIGHTS]
    method_cum = _cumulative([wt for _, wt in PAYMENT_WEIGHTS])
    seq_day, seq = -1, 0
    for s, t in enumerate(w.s_t):
        sale_id, day, m = s + 1, day_of(t), w.s_member[s]
        seq = seq + 1 if day == seq_day else 1
        seq_day = day
        cashier = CASHIERS[w.s_cashier[s]]
        gross = sum(items[i].price * q for i, q in w.s_lines[s])
        total_points = w.s_points.get(s, 0)
        # A line's share of the item points; the flat referral bonus belongs to no line.
        shares = allocate(total_points - w.s_referral_bonus.get(s, 0), w.s_units[s][1])
        for no, ((i, q), share) in enumerate(zip(w.s_lines[s], shares, strict=True), start=1):
            ids["line"] += 1
            item = items[i]
            out["lines"].append(
                {
                    "id": ids["line"],
                    "sale_id": sale_id,
                    "line_no": no,
                    "item_id": item.id,
                    "name": item.name,
                    "qty": q,
                    "unit_fen": item.price,
                    "amount_fen": item.price * q,
                    "free_units": 0,
                    "net_fen": item.price * q,
                    "item_points": share,
                    "refund_id": None,
                }
            )
            if item.kind == "course" and m and item.sessions and item.service_id:
                # A weekly visit or so since the purchase.
                sessions = item.sessions * q
                used = min(sessions, rng.randint(0, max(0, (w.as_of_day - day) // 7)))
                ids["course"] += 1
                out["courses"].append(
                    {
                        "id": ids["course"],
                        "member_id": m,
                        "course_item_id": item.id,
                        "service_item_id": item.service_id,
                        "sale_line_id": ids["line"],
                        "sessions_total": sessions,
                        "sessions_used": used,
                        "created_at": utc(t),
                        "status": "open",
                    }
                )
                for u in range(used):
                    ids["use"] += 1
                    used_day = min(day + 7 * (u + 1), w.as_of_day - 1)
                    out["uses"].append(
                        {
                            "id": ids["use"],
                            "balance_id": ids["course"],
                            "actor": cashier,
                            "used_at": utc(at_local(used_day, rng.randrange(OPEN_S, CLOSE_S))),
                        }
                    )
        paid, change = gross, 0
        if rng.random() < 0.1 and gross > 2000:
            payments = [("wechat", gross // 2), ("cash", gross - gross // 2)]
        else:
            method = rng.choices(methods, cum_weights=method_cum)[0]
            if method == "cash":
                paid = -(-gross // 10000) * 10000  # handed a round sum in 100-yuan notes
                change = paid - gross
            payments = [(method, paid)]
        for method, amount in payments:
            ids["payment"] += 1
            out["payments"].append(
                {"id": ids["payment"], "sale_id": sale_id, "method": method, "amount_fen": amount}
            )
        out["sales"].append(
            {
                "id": sale_id,
                "sale_no": f"S{to_date(day):%Y%m%d}-{seq:04d}",
                "member_id": m or None,
                "created_at": utc(t),
                "cashier": cashier,
                "gross_fen": gross,
                "discount_fen": 0,
                "due_fen": gross,
                "paid_fen": paid,
                "change_fen": change,
                "tier": w.s_tier.get(s) if m else None,
                "points_earned": total_points,
                "status": "completed",
            }
        )
        if len(out["sales"]) >= BATCH // 2:
            yield out
            out = _empty_chunk()
    yield out


def _empty_chunk() -> dict[str, list[dict[str, Any]]]:
    return {"sales": [], "lines": [], "payments": [], "courses": [], "uses": []}


SALE_TABLES = {
    "sales": Sale.__table__,
    "lines": SaleLine.__table__,
    "payments": Payment.__table__,
    "courses": CourseBalance.__table__,
    "uses": CourseUse.__table__,
}


def write(conn: Connection, world: World, rng: random.Random) -> None:
    """Insert everything, a table (or a group of tables) per transaction, parents first."""
    w = world

    def members() -> Iterator[dict[str, Any]]:
        last_visit: dict[int, int] = {}
        for s, m in enumerate(w.s_member):
            if m:
                last_visit[m] = w.s_t[s]
        for m in range(1, w.params.members + 1):
            py, ini = w.pinyin[w.m_name[m]]
            visit = last_visit.get(m)
            yield {
                "id": m,
                "card_no": card_number(m),
                "name": w.m_name[m],
                "phone": w.m_phone[m],
                "phone_last4": w.m_phone[m][-4:],
                "pinyin": py,
                "initials": ini,
                "birthday": w.m_birthday[m],
                "gender": w.m_gender[m],
                "referrer_id": w.m_referrer[m],
                "health_needs": rng.choice(HEALTH_NEEDS),
                "notes": "",
                "marketing_consent": rng.random() < 0.85,
                "joined_at": utc(w.m_joined[m]),
                "last_visit_at": utc(visit) if visit is not None else None,
                "referral_awarded": w.m_referral_awarded[m],
                "points_balance": w.m_balance[m],
            }

    def events() -> Iterator[dict[str, Any]]:
        for e, t in enumerate(w.e_t):
            yield {
                "id": e + 1,
                "name": w.e_name[e],
                "points": w.e_points[e],
                "on_date": to_date(day_of(t)),
            }

    # Ids in time order, as a till would have made them.
    lot_order = sorted(w.lots, key=lambda lot: (lot.t, lot.key))
    lot_id = [0] * len(w.lots)
    for new_id, lot in enumerate(lot_order, start=1):
        lot_id[lot.key] = new_id
    voucher_order = sorted(range(len(w.vouchers)), key=lambda v: w.vouchers[v][0])
    voucher_id = [0] * len(w.vouchers)
    for new_id, v in enumerate(voucher_order, start=1):
        voucher_id[v] = new_id
    w.entries.sort(key=lambda e: e[0])  # stable: a lot's entries keep their rule order
    codes = _voucher_codes(len(w.vouchers), rng)

    def vouchers() -> Iterator[dict[str, Any]]:
        for new_id, v in enumerate(voucher_order, start=1):
            t, m, code, expires = w.vouchers[v]
            reward_id, cost = w.rewards[code]
            yield {
                "id": new_id,
                "code": codes[new_id - 1],
                "reward_id": reward_id,
                "member_id": m,
                "issued_at": utc(t),
                "expires_on": to_date(expires),
                "points_spent": cost,
                "status": "issued",
                "used_at": None,
                "used_sale_id": None,
                "used_line_id": None,
                "cancelled_at": None,
            }

    def lots() -> Iterator[dict[str, Any]]:
        for new_id, lot in enumerate(lot_order, start=1):
            yield {
                "id": new_id,
                "member_id": lot.member,
                "earned_at": utc(lot.t),
                "expires_on": to_date(lot.expires),
                "amount": lot.amount,
                "remaining": lot.remaining,
                "sale_id": lot.sale + 1 if lot.sale is not None else None,
            }

    def entries() -> Iterator[dict[str, Any]]:
        for new_id, (t, m, lot, kind, rule, pts, sale, voucher, note, actor) in enumerate(
            w.entries, start=1
        ):
            yield {
                "id": new_id,
                "member_id": m,
                "lot_id": lot_id[lot],
                "kind": kind,
                "rule": rule,
                "points": pts,
                "created_at": utc(t),
                "sale_id": sale + 1 if sale is not None else None,
                "refund_id": None,
                "voucher_id": voucher_id[voucher] if voucher is not None else None,
                "note": note,
                "actor": actor,
            }

    def attendance() -> Iterator[dict[str, Any]]:
        for n, (e, m) in enumerate(w.attendance, start=1):
            yield {"id": n, "event_id": e + 1, "member_id": m, "at": utc(w.e_t[e])}

    for table, rows in ((Member.__table__, members()), (Event.__table__, events())):
        with conn.begin():
            log(f"  {table.name}: {_insert(conn, table, rows):,} rows")  # type: ignore[attr-defined]
    with conn.begin():
        counts = dict.fromkeys(SALE_TABLES, 0)
        for chunk in _sales_rows(w, rng):
            for key, table in SALE_TABLES.items():
                counts[key] += _insert(conn, table, chunk[key])
        log("  " + ", ".join(f"{key}: {n:,}" for key, n in counts.items()))
    for table, rows in (
        (Voucher.__table__, vouchers()),
        (PointLot.__table__, lots()),
        (LedgerEntry.__table__, entries()),
        (EventAttendance.__table__, attendance()),
    ):
        with conn.begin():
            log(f"  {table.name}: {_insert(conn, table, rows):,} rows")  # type: ignore[attr-defined]


LOADED_TABLES = (
    "members",
    "events",
    "sales",
    "sale_lines",
    "payments",
    "course_balances",
    "course_uses",
    "vouchers",
    "point_lots",
    "ledger_entries",
    "event_attendance",
)


def bulk_load(db: Database, world: World, rng: random.Random) -> None:
    """Write the world fast: `synchronous=OFF` and a big page cache on this connection only
    (restored afterwards), secondary indexes dropped during the load and built afterwards
    exactly as the migrations made them."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA synchronous = OFF")
        raw.execute("PRAGMA cache_size = -262144")
        try:
            names = ", ".join(f"'{t}'" for t in LOADED_TABLES)
            with conn.begin():
                indexes = conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    f"AND sql IS NOT NULL AND tbl_name IN ({names})"
                ).all()
                for name, _sql in indexes:
                    conn.exec_driver_sql(f'DROP INDEX "{name}"')
            write(conn, world, rng)
            with conn.begin():
                for _name, sql in indexes:
                    conn.exec_driver_sql(sql)
            log(f"  rebuilt {len(indexes)} indexes")
        finally:
            raw.execute("PRAGMA synchronous = FULL")
            raw.execute("PRAGMA cache_size = -2000")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# --- the whole run -------------------------------------------------------------------------


def table_counts(session: Session) -> dict[str, int]:
    return {
        t: int(session.scalar(text(f"SELECT count(*) FROM {t}")) or 0)
        for t in (*LOADED_TABLES, "member_tags", "audit_log", "catalog_items", "rewards")
    }


def _meta_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".json")


def generate(
    db_path: Path | str,
    members: int = DEFAULTS["members"],
    sales: int = DEFAULTS["sales"],
    ledger_rows: int = DEFAULTS["ledger_rows"],
    seed: int = DEFAULTS["seed"],
) -> Summary:
    """Build the database at `db_path` from scratch (replacing any file there)."""
    global _started
    started = _started = time.perf_counter()
    params = Params(members, sales, ledger_rows, seed)
    db_path = Path(db_path)
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), _meta_path(db_path)):
        path.unlink(missing_ok=True)
    log(
        f"generating {db_path}: {members:,} members, {sales:,} sales, "
        f"~{ledger_rows:,} ledger rows, seed {seed}"
    )
    start = AS_OF - timedelta(days=365 * JOIN_YEARS + 1)
    ctx = Ctx(Database(f"sqlite:///{db_path}"), SYSTEM_ACTOR, FixedClock(start))
    try:
        clinic.init(ctx)
        clinic.load_demo(ctx, clinic_name="康和理疗馆")
        with ctx.db.read() as s:
            cfg = settings_svc.load(s, start)
            if cfg.timezone != "Asia/Shanghai":  # the time arithmetic above assumes UTC+8
                raise ValueError(f"unexpected clinic time zone {cfg.timezone}")
            items = [
                Item(
                    i.id,
                    i.code,
                    i.name,
                    i.kind,
                    i.price_fen,
                    i.points,
                    i.sessions,
                    i.course_service_id,
                )
                for i in s.scalars(select(CatalogItem).order_by(CatalogItem.id))
            ]
            rewards = {r.code: (r.id, r.points_cost) for r in s.scalars(select(Reward))}
        rng = random.Random(seed)
        earner = Earner(cfg)
        check_against_service(earner, items, random.Random(seed))
        world = World(params, cfg, items, rewards, day_of(int(AS_OF.timestamp())))
        make_members(world, rng)
        log(f"members made ({len(world.pinyin):,} distinct names)")
        make_sales(world, earner, rng)
        make_events(world, rng)
        log(f"sales made; {len(world.e_t)} events; simulating the points ledger")
        simulate(world, earner, rng)
        log(
            f"ledger simulated: {len(world.lots):,} lots, {len(world.entries):,} entries, "
            f"{len(world.vouchers):,} vouchers; writing"
        )
        bulk_load(ctx.db, world, rng)
        with ctx.db.write() as s:  # as the nightly job left them
            nightly = AS_OF - timedelta(hours=9, minutes=40)
            refreshed = tags.refresh_all(s, nightly, cfg)
            # the rows were loaded in bulk, past the services: their summaries from them
            summaries.rebuild(s, cfg.timezone)
            summaries.rebuild_members(s, nightly)
        log(f"written; {refreshed.added:,} member tags; checking balances")
        with ctx.db.read() as s:
            check = points.check_balances(s)
            counts = table_counts(s)
        summary = Summary(
            params,
            counts,
            round(time.perf_counter() - started, 1),
            world.pending_lots,
            world.pending_points,
            check.ok,
        )
        if not check.ok:
            raise AssertionError(f"balances do not match the ledger: {check}")
    finally:
        ctx.db.dispose()
    _meta_path(db_path).write_text(json.dumps(asdict(summary), indent=2), encoding="utf-8")
    return summary


def ensure(db_path: Path | str, params: Params, *, force: bool = False) -> Summary:
    """The database at `db_path` for `params`: reused if it is there with the same
    parameters and counts, otherwise generated."""
    db_path = Path(db_path)
    meta = _meta_path(db_path)
    if not force and db_path.exists() and meta.exists():
        stored = json.loads(meta.read_text(encoding="utf-8"))
        if stored.get("params") == asdict(params) and stored.get("version") == VERSION:
            db = Database(f"sqlite:///{db_path}")
            try:
                if db.schema_version() != db.head_version():  # as a clinic's till would
                    log(f"{db_path}: upgrading the schema to {db.migrate()}")
                with db.read() as s:
                    counts = table_counts(s)
            finally:
                db.dispose()
            if counts == stored["counts"]:
                stored["params"] = params
                stored["reused"] = True
                return Summary(**stored)
            log(f"{db_path}: counts differ from {meta.name}; generating again")
    return generate(db_path, params.members, params.sales, params.ledger_rows, params.seed)


def print_summary(summary: Summary) -> None:
    how = "reused" if summary.reused else f"generated in {summary.seconds:.1f} s"
    print(
        f"\ndatabase {how} (as of {summary.as_of}); balances match the ledger: "
        f"{'ok' if summary.balances_ok else 'NO'}"
    )
    for table, n in summary.counts.items():
        print(f"  {table:<18}{n:>12,}")
    print(
        f"  lots past their date, not yet expired: {summary.pending_lots:,} "
        f"({summary.pending_points:,} points)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--members", type=int, default=DEFAULTS["members"])
    parser.add_argument("--sales", type=int, default=DEFAULTS["sales"])
    parser.add_argument("--ledger-rows", type=int, default=DEFAULTS["ledger_rows"])
    parser.add_argument("--seed", type=int, default=DEFAULTS["seed"])
    parser.add_argument("--force", action="store_true", help="generate even if reusable")
    args = parser.parse_args(argv)
    params = Params(args.members, args.sales, args.ledger_rows, args.seed)
    print_summary(ensure(args.out, params, force=args.force))
    return 0


def _voucher_codes(n: int, rng: random.Random) -> list[str]:
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    codes: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        code = "V" + "".join(rng.choices(alphabet, k=9))
        if code not in codes:
            codes.add(code)
            out.append(code)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
