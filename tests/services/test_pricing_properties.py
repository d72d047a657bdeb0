"""Property test: what the till is quoted is what the sale records.

For any cart of demo items, service, gift and coupon vouchers, a member (any tier, in
their birthday month or not, referred or not, holding a tag or not) or a walk-in, and any
promotions (multipliers or bonuses on items, a category or everything, some for a tag,
some not in force yet), and prices changed at the till (改价, from 0 up to the list
price), `checkout.quote` equals the sale `checkout.sell` writes: money,
per-line figures, points and their breakdown, the ledger entries and the referrer's
award. The lines' points add up to what the sale earned (the referral aside), so refunds
can take back each line's share.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import LedgerEntry, Member, MemberTag, Sale
from spa_pos.services import adjustments, catalog, checkout, members, promotions, tags, vouchers
from spa_pos.services.checkout import PriceOverride, SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.members import MemberForm
from spa_pos.services.promotions import PromotionForm
from tests.conftest import START

pytestmark = pytest.mark.sqlite_only("each hypothesis example copies the SQLite template file")

ITEMS = ["ZJTN", "AJ", "TBAM", "ZYB", "ZJTN10", "BJZ", "YY"]
REWARDS = ["R-TBAM", "R-ZYB", "R-BJZ", "R-Q10", "R-Q50"]
REFERRER, BUYER = "13800000001", "13800000002"
CATEGORIES = ["理疗项目", "疗程", "产品"]
PROMO_TAGS = [tags.DORMANT, tags.HIGH_VALUE]
# starting before the sale, exactly at it (START, 10:00 local) or after it
STARTS = ["2026-03-01", "2026-03-10T10:00", "2026-03-11"]


@dataclass(frozen=True)
class Promo:
    multiplier: str
    bonus: str
    items: tuple[str, ...]
    category: str
    tag: str
    starts: str

    def form(self, no: int) -> PromotionForm:
        return PromotionForm(
            f"活动{no}",
            self.starts,
            "2026-03-31",
            self.multiplier,
            self.bonus,
            self.items,
            self.category,
            self.tag,
        )


promos = st.builds(
    Promo,
    multiplier=st.sampled_from(["", "", "1.5", "2", "3"]),
    bonus=st.sampled_from(["10", "99"]),
    items=st.lists(st.sampled_from(ITEMS), max_size=2).map(tuple) | st.just(()),
    category=st.sampled_from(["", *CATEGORIES]),
    tag=st.sampled_from(["", "", "", *PROMO_TAGS]),
    starts=st.sampled_from([*STARTS, STARTS[0]]),
).map(
    # one effect each (a multiplier, else the bonus); items or a category, not both
    lambda p: Promo(
        p.multiplier,
        "" if p.multiplier else p.bonus,
        p.items,
        "" if p.items else p.category,
        p.tag,
        p.starts,
    )
)


@dataclass(frozen=True)
class Case:
    items: list[tuple[str, int]]
    rewards: list[str]  # vouchers the buyer redeems and brings
    walk_in: bool  # the buyer is not chosen at the till (their vouchers still name them)
    birthday_month: bool
    referred: bool
    earlier_zjtn: int  # units bought before: 200 points each, which set the tier
    promos: list[Promo]
    buyer_tag: str  # a tag the buyer holds when the sale begins ("" none)
    overrides: dict[str, int]  # item code -> the till's price, in percent of the list price


cases = st.builds(
    Case,
    items=st.lists(st.tuples(st.sampled_from(ITEMS), st.integers(1, 4)), max_size=4),
    rewards=st.lists(st.sampled_from(REWARDS), max_size=4),
    walk_in=st.booleans(),
    birthday_month=st.booleans(),
    referred=st.booleans(),
    earlier_zjtn=st.sampled_from([0, 0, 5, 15, 40]),
    promos=st.lists(promos, min_size=1, max_size=3) | st.just([]),
    buyer_tag=st.sampled_from(["", *PROMO_TAGS, tags.DORMANT]),
    overrides=st.dictionaries(st.sampled_from(ITEMS), st.integers(0, 100), max_size=2),
)


def _overrides(ctx: Ctx, case: Case) -> dict[str, PriceOverride]:
    """The case's changed prices of the items in its cart, in fen."""
    wanted = {code for code, _ in case.items}
    with ctx.db.read() as s:
        return {
            code: PriceOverride(catalog.item_by_code(s, code).price_fen * percent // 100, "测试")
            for code, percent in case.overrides.items()
            if code in wanted
        }


def _clinic(template: Path, case: Case) -> tuple[Ctx, Path, list[str]]:
    """A fresh copy of the demo database with the buyer set up as the case says."""
    folder = Path(tempfile.mkdtemp())
    shutil.copyfile(template, folder / "db.sqlite3")
    ctx = Ctx(Database(f"sqlite:///{folder / 'db.sqlite3'}"), CLI_ACTOR, FixedClock(START))
    members.register(ctx, MemberForm(name="李四", phone=REFERRER))
    birthday = date(1990, 3 if case.birthday_month else 7, 25)  # START is in March
    referrer = REFERRER if case.referred else None
    members.register(
        ctx, MemberForm(name="张三", phone=BUYER, birthday=birthday, referrer=referrer)
    )
    if case.earlier_zjtn:
        due = 39800 * case.earlier_zjtn
        checkout.sell(
            ctx,
            SaleRequest(
                items=[("ZJTN", case.earlier_zjtn)], member=BUYER, payments=[("card", due)]
            ),
        )
    adjustments.adjust(ctx, BUYER, 5000, "测试")
    codes = [vouchers.redeem(ctx, BUYER, r).voucher_code for r in case.rewards]
    for no, p in enumerate(case.promos, start=1):
        promotions.add(ctx, p.form(no))
    with ctx.db.write() as s:
        buyer_id = members.find_one(s, BUYER).id
        s.execute(delete(MemberTag).where(MemberTag.member_id == buyer_id))
        if case.buyer_tag:
            s.add(MemberTag(member_id=buyer_id, tag=case.buyer_tag))
    return ctx, folder, codes


def _ledger(ctx: Ctx, phone: str, sale_id: int) -> dict[str, int]:
    with ctx.db.read() as s:
        member = members.find_one(s, phone)
        rows = s.execute(
            select(LedgerEntry.rule, LedgerEntry.points).where(
                LedgerEntry.member_id == member.id,
                LedgerEntry.sale_id == sale_id,
                LedgerEntry.kind == "earn",
            )
        ).all()
    return {str(rule): pts for rule, pts in rows}


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases)
def test_the_quote_is_what_the_sale_records(demo_template: Path, case: Case) -> None:
    ctx, folder, codes = _clinic(demo_template, case)
    walk_in = case.walk_in and not codes  # vouchers make a walk-in their owner's sale
    try:
        changed = _overrides(ctx, case)
        request = SaleRequest(
            items=case.items,
            member=None if case.walk_in else BUYER,
            vouchers=codes,
            overrides=changed,
        )
        quote = checkout.quote(ctx, request)
        pay = [("cash", quote.due_fen)] if quote.due_fen else []
        try:
            result = checkout.sell(
                ctx,
                SaleRequest(
                    items=case.items,
                    member=request.member,
                    vouchers=codes,
                    payments=pay,
                    overrides=changed,
                ),
            )
        except DomainError as exc:  # refusals that are not about the price
            if not quote.lines:
                assert exc.code == "checkout.empty"
            else:
                assert walk_in and exc.code == "checkout.course_needs_member"
                assert any(ln.item.kind == "course" for ln in quote.lines)
            return
        assert result.total_fen == quote.due_fen
        assert result.points_earned == quote.points_earned
        assert result.points_breakdown == list(quote.points_breakdown)
        with ctx.db.read() as s:
            sale = s.scalars(select(Sale).where(Sale.sale_no == result.sale_no)).one()
            assert (sale.gross_fen, sale.discount_fen, sale.due_fen, sale.points_earned) == (
                quote.gross_fen,
                quote.discount_fen,
                quote.due_fen,
                quote.points_earned,
            )
            recorded = [
                (ln.name, ln.qty, ln.free_units, ln.amount_fen, ln.net_fen, ln.item_points)
                for ln in sale.lines
            ]
            buyer = s.scalars(select(Member).where(Member.phone == BUYER)).one()
            assert sale.member_id == (None if walk_in else buyer.id)
            sale_id = sale.id
            units = [ln.unit_fen for ln in sale.lines]
        assert recorded == [
            (ln.item.name, ln.qty, ln.free_units, ln.amount_fen, ln.net_fen, ln.points)
            for ln in quote.lines
        ]
        assert units == [ln.item.price_fen for ln in quote.lines]
        for ln in quote.lines:  # the till's price where it was changed, else the list's
            change = changed.get(ln.item.code)
            assert ln.item.price_fen == (change.unit_fen if change else ln.list_fen)
        assert sum(ln.net_fen for ln in quote.lines) == quote.due_fen
        referral = dict(quote.points_breakdown).get("E3", 0)
        assert sum(ln.points for ln in quote.lines) == quote.points_earned - referral
        assert result.promotions == dict(quote.promotions)
        eligible = {
            f"P{no}"
            for no, p in enumerate(case.promos, start=1)
            if p.starts != STARTS[-1] and p.tag in ("", case.buyer_tag)
        }
        assert {r for r, _ in quote.points_breakdown if r.startswith("P")} <= eligible
        assert {r for r, _ in quote.promotions} == {
            r for r, _ in quote.points_breakdown if r.startswith("P")
        }
        assert _ledger(ctx, BUYER, sale_id) == dict(quote.points_breakdown)
        assert not walk_in or (quote.points_earned == 0 and result.balance is None)
        if quote.referral:
            assert _ledger(ctx, REFERRER, sale_id) == {"E3": quote.referrer_points}
            assert result.referrer_award is not None
        else:
            assert result.referrer_award is None
    finally:
        ctx.db.dispose()
        shutil.rmtree(folder, ignore_errors=True)
