"""`summaries`: the summary tables written with the facts equal the same tables computed
from the facts alone, after any mix of sales, back-dated sales, refunds (whole and
partial), course sessions, redemptions, adjustments and the expiry run; and a database
of the first release upgrades to summaries that are right."""

from __future__ import annotations

import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from spa_pos import clock as clk
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import MemberStat, QuarterTotal, Sale, SaleLine, VisitDay
from spa_pos.services import adjustments, checkout, courses, points, refunds, summaries, vouchers
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
        assert kept.visits and kept.quarters  # the history did something
        assert kept == fresh
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
