"""`summaries`: the summary tables written with the facts equal the same tables computed
from the facts alone, after any mix of sales, back-dated sales, refunds (whole and
partial), course sessions, redemptions, adjustments and the expiry run; the dashboard's
lists read from them (members per tier, top services) are what the facts give; and a
database of the first release upgrades to summaries that are right."""

from __future__ import annotations

import itertools
import random
import shutil
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import (
    CatalogItem,
    ItemTotal,
    LedgerEntry,
    Member,
    MemberStat,
    QuarterTotal,
    Sale,
    SaleLine,
    VisitDay,
)
from spa_pos.models.points import EARNING_KINDS
from spa_pos.services import (
    adjustments,
    checkout,
    courses,
    kpi,
    points,
    refunds,
    summaries,
    vouchers,
)
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import enter_at, register

SH = ZoneInfo("Asia/Shanghai")
TZ = "Asia/Shanghai"
ITEMS = ("AJ", "ZJTN", "TBAM", "ZYB", "ZJTN10", "BJZ")
PRICES = {"AJ": 16800, "ZJTN": 39800, "TBAM": 12800, "ZYB": 3900, "ZJTN10": 358000, "BJZ": 19900}
DATA = Path(__file__).parent.parent / "data"


def _history(ctx: Ctx, rng: random.Random) -> None:
    """Three months of random business at the till, moving the clock on as it goes;
    now and then something is entered late (back-dated a few days)."""
    now = datetime(2026, 3, 1, 9, tzinfo=SH)
    enter_at(ctx, now)
    phones = [f"1380000{i:04d}" for i in range(6)]
    for i, phone in enumerate(phones):
        register(ctx, f"会员{i}", phone, at=now)
    for step in range(70):
        if step == 40:  # the nightly job: the members' 12 months start afresh
            with ctx.db.write() as s:
                summaries.rebuild_members(s, ctx.clock.now())
        now += timedelta(hours=rng.choice((1, 3, 7, 16, 23, 26, 49)), minutes=rng.choice((0, 45)))
        at = now - timedelta(days=rng.choice((1, 3))) if rng.random() < 0.15 else now
        enter_at(ctx, now)
        ctx.clock.at = now  # type: ignore[attr-defined]
        _one_move(ctx, rng, phones, at)
    ctx.clock.at = now + timedelta(days=800)  # type: ignore[attr-defined]  # past every expiry
    with ctx.db.write() as s:  # the expiry job, in a transaction of its own
        today = clk.local_date(ctx.clock.now(), TZ)
        assert points.expire_due(s, today, clk.to_utc_naive(ctx.clock.now())).lots


def _one_move(ctx: Ctx, rng: random.Random, phones: list[str], at: datetime) -> None:
    roll = rng.random()
    member = rng.choice(phones)
    try:
        if roll < 0.5:
            items = [(rng.choice(ITEMS), rng.choice((1, 1, 2))) for _ in range(rng.choice((1, 2)))]
            who = None if rng.random() < 0.15 else member
            items = [(c, q) for c, q in items if who is not None or c != "ZJTN10"] or [("AJ", 1)]
            due = checkout.quote(ctx, SaleRequest(items=items, member=who)).due_fen
            checkout.sell(
                ctx, SaleRequest(items=items, payments=[("cash", due)], member=who, at=at)
            )
        elif roll < 0.68:
            with ctx.db.read() as s:
                sales = s.execute(select(Sale.sale_no, Sale.id)).all()
                if not sales:
                    return
                sale_no, sale_id = rng.choice(sales)
                lines = list(
                    s.scalars(
                        select(SaleLine.line_no).where(
                            SaleLine.sale_id == sale_id, SaleLine.refund_id.is_(None)
                        )
                    )
                )
            part = [rng.choice(lines)] if lines and rng.random() < 0.4 else None
            refunds.refund(ctx, sale_no, part)
        elif roll < 0.85:
            courses.use_session(ctx, member, "ZJTN", at=at)
        elif roll < 0.93:
            vouchers.redeem(ctx, member, rng.choice(("R-Q10", "R-TBAM", "R-ZYB")), at=at)
        else:
            adjustments.adjust(ctx, member, rng.choice((50, -30, 200)), "补录")
    except DomainError:
        pass  # refused (nothing left to refund, no course, too few points): wrote nothing


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_summaries_equal_the_facts_after_random_business(ctx: Ctx, seed: int) -> None:
    _history(ctx, random.Random(seed))
    with ctx.db.read() as s:
        kept, fresh = summaries.stored(s), summaries.expected(s, TZ)
        assert kept.visits and kept.quarters and kept.items  # the history did something
        assert kept == fresh
        refunded = select(func.count()).where(SaleLine.refund_id.is_not(None))
        assert s.scalar(refunded)  # and refunded lines, which left their items' totals
        members = summaries.stored_members(s)
        assert members and members == summaries.expected_members(s)


@pytest.mark.parametrize("seed", [4, 5])
def test_member_figures_at_any_moment_equal_the_facts(ctx: Ctx, seed: int) -> None:
    """Read later than the rebuild (the window has moved on) or earlier, the members'
    figures are what the facts give for that window."""
    _history(ctx, random.Random(seed))
    with ctx.db.read() as s:
        since = s.scalar(select(MemberStat.since))
        assert since is not None
        for shift in (-20, -1, 0, 3, 370, 395, 420):  # 370+: through the history
            at = since + timedelta(days=shift, hours=5)
            fig = summaries.member_figures(s, at)
            got = sorted(
                (int(m), int(e), int(f), c)
                for m, e, f, c in s.execute(select(fig)).tuples()
                if e or f or c
            )
            assert got == summaries.figures_from_facts(s, at), shift


def _earned_from_facts(s: Session, at: datetime) -> dict[int, int]:
    """Every member registered before `at` (naive UTC) with the tier's points earned in
    the 12 months before it, summed in Python from the ledger rows."""
    earned = dict.fromkeys(s.scalars(select(Member.id).where(Member.joined_at < at)), 0)
    for member_id, kind, pts, stamp in s.execute(
        select(LedgerEntry.member_id, LedgerEntry.kind, LedgerEntry.points, LedgerEntry.created_at)
    ):
        if member_id in earned and kind in EARNING_KINDS and at - summaries.YEAR <= stamp < at:
            earned[member_id] += pts
    return earned


@pytest.mark.parametrize("seed", [4, 5])
def test_tier_points_at_any_moment_equal_the_facts(ctx: Ctx, seed: int) -> None:
    """Near the stored window (from the members' rows, plus what entered the window or
    less what left it) or far from it (from the ledger), the tier points at a moment are
    the ledger's, and so are members per tier and the members who changed tier between
    two moments. The members' rows as the history left them, then rebuilt a year after
    it began (their window starting in the history)."""
    _history(ctx, random.Random(seed))
    cfg = settings_svc.current(ctx)
    with ctx.db.read() as s:
        first = s.scalar(select(func.min(LedgerEntry.created_at)))
    assert first is not None
    changed = False
    for rebuild in (None, first + summaries.YEAR + timedelta(days=5), first + timedelta(days=390)):
        if rebuild is not None:
            with ctx.db.write() as s:
                summaries.rebuild_members(s, rebuild.replace(tzinfo=UTC))
        with ctx.db.read() as s:
            since = s.scalar(select(MemberStat.since))
            assert since is not None
            rebuilt = since + summaries.YEAR
            days = (-40, -20, -1, 0, 3, 40, 200, 400)
            moments = [rebuilt + timedelta(days=d, hours=5) for d in days]
            for at in moments:
                got = dict(s.execute(select(summaries.tier_points(s, at))).tuples().all())
                expect = _earned_from_facts(s, at)
                assert got == expect, at
                tiers = Counter(cfg.tier_for(e).name for e in expect.values())
                want = {t.name: tiers[t.name] for t in cfg.tiers}
                assert kpi.members_per_tier(s, at, cfg) == want
            for lo, hi in itertools.pairwise(moments):
                was, now = _earned_from_facts(s, lo), _earned_from_facts(s, hi)
                moves = Counter(
                    f"{cfg.tier_for(was[m]).name}→{cfg.tier_for(now[m]).name}"
                    for m in was
                    if cfg.tier_for(was[m]) != cfg.tier_for(now[m])
                )
                assert kpi.tier_moves(s, lo, hi, cfg) == dict(moves)
                changed = changed or bool(moves)
    assert changed  # some member did change tier


def _top_from_facts(s: Session, lo: datetime, hi: datetime) -> tuple[kpi.TopItem, ...]:
    """The period's top services summed in Python from the sale lines not refunded."""
    per: dict[tuple[str, str], list[int]] = {}
    for code, name, qty, fen in s.execute(
        select(CatalogItem.code, CatalogItem.name, SaleLine.qty, SaleLine.net_fen)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .join(CatalogItem, CatalogItem.id == SaleLine.item_id)
        .where(Sale.created_at >= lo, Sale.created_at < hi, SaleLine.refund_id.is_(None))
    ):
        sums = per.setdefault((code, name), [0, 0])
        sums[0] += qty
        sums[1] += fen
    ranked = sorted(per.items(), key=lambda kv: (-kv[1][1], kv[0][0]))
    return tuple(kpi.TopItem(c, n, q, f) for (c, n), (q, f) in ranked[: kpi.TOP_SERVICES])


@pytest.mark.parametrize("seed", [1, 6])
def test_the_dashboards_lists_equal_the_facts(ctx: Ctx, seed: int) -> None:
    """Top services (from the item totals) and members per tier at the period's end
    (from the members' rows), period by period, as the facts give them."""
    _history(ctx, random.Random(seed))
    periods = [(date(2026, 3, 1), date(2026, 3, 1)), (date(2026, 2, 20), date(2026, 6, 30))]
    periods += [(date(2026, m, 1), date(2026, m + 1, 1) - timedelta(days=1)) for m in (3, 4, 5)]
    cfg = settings_svc.current(ctx)
    for start, end in periods:
        board = kpi.dashboard(ctx, start, end).current
        lo = clk.to_utc_naive(datetime(start.year, start.month, start.day, tzinfo=SH))
        hi = clk.to_utc_naive(datetime(end.year, end.month, end.day, tzinfo=SH) + timedelta(1))
        with ctx.db.read() as s:
            assert board.top_services == _top_from_facts(s, lo, hi), (start, end)
            tiers = Counter(cfg.tier_for(e).name for e in _earned_from_facts(s, hi).values())
            assert board.tiers == {t.name: tiers[t.name] for t in cfg.tiers}
    with ctx.db.read() as s:  # some item sold in a period has its every line refunded
        assert s.scalar(select(func.count()).where(ItemTotal.qty == 0))


def test_a_wholly_refunded_sale_leaves_no_visit_and_relinks_the_days(ctx: Ctx) -> None:
    card = register(ctx, "张三", "13800000009", at=datetime(2026, 3, 1, 9, tzinfo=SH))

    def sell(day: int) -> str:
        at = enter_at(ctx, datetime(2026, 3, day, 10, tzinfo=SH))
        request = SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)], member=card, at=at)
        return checkout.sell(ctx, request).sale_no

    sell(2)
    middle = sell(5)
    sell(9)
    refunds.refund(ctx, middle, at=enter_at(ctx, datetime(2026, 3, 10, 10, tzinfo=SH)))
    first = summaries.day_no(datetime(2026, 3, 2).date())
    last = summaries.day_no(datetime(2026, 3, 9).date())
    with ctx.db.read() as s:
        rows = s.execute(select(VisitDay.day, VisitDay.prev_day, VisitDay.next_day)).all()
        assert sorted(rows, key=lambda row: row[0]) == [(first, None, last), (last, first, None)]
        assert summaries.check(s, TZ)


def test_a_back_dated_sale_is_linked_between_the_days_around_it(ctx: Ctx) -> None:
    card = register(ctx, "李四", "13800000008", at=datetime(2026, 3, 1, 9, tzinfo=SH))
    for day in (2, 9, 5):  # the 5th entered last, back-dated
        at = datetime(2026, 3, day, 10, tzinfo=SH)
        enter_at(ctx, at)
        checkout.sell(
            ctx, SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)], member=card, at=at)
        )
    days = [summaries.day_no(datetime(2026, 3, d).date()) for d in (2, 5, 9)]
    with ctx.db.read() as s:
        found = s.execute(select(VisitDay.day, VisitDay.prev_day, VisitDay.next_day)).all()
    rows = sorted(found, key=lambda row: row[0])
    assert rows == [(days[0], None, days[1]), (days[1], days[0], days[2]), (days[2], days[1], None)]


def test_rebuild_writes_what_the_facts_say(ctx: Ctx) -> None:
    _history(ctx, random.Random(7))
    with ctx.db.write() as s:
        s.execute(QuarterTotal.__table__.delete())  # type: ignore[attr-defined]
        assert not summaries.check(s, TZ)
        summaries.rebuild(s, TZ)
        assert summaries.check(s, TZ)


def test_the_first_release_upgrades_with_its_summaries(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(DATA / "first-release-0003.db", path)
    db = Database(f"sqlite:///{path}")
    try:
        db.migrate()
        ctx = Ctx(db, CLI_ACTOR, FixedClock(datetime(2026, 6, 1, tzinfo=SH)))
        tz = settings_svc.current(ctx).timezone
        with db.read() as s:
            assert (s.scalar(select(func.count()).select_from(QuarterTotal)) or 0) > 0
            assert summaries.check(s, tz)
    finally:
        db.dispose()
