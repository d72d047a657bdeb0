"""Property test: what the till is quoted is what the sale records.

For any cart of demo items, service, gift and coupon vouchers, a member (any tier, in
their birthday month or not, referred or not) or a walk-in, `checkout.quote` equals the
sale `checkout.sell` writes: money, per-line figures, points and their breakdown, the
ledger entries and the referrer's award.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import LedgerEntry, Member, Sale
from spa_pos.services import adjustments, checkout, members, vouchers
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.members import MemberForm
from tests.conftest import START

ITEMS = ["ZJTN", "AJ", "TBAM", "ZYB", "ZJTN10", "BJZ", "YY"]
REWARDS = ["R-TBAM", "R-ZYB", "R-BJZ", "R-Q10", "R-Q50"]
REFERRER, BUYER = "13800000001", "13800000002"


@dataclass(frozen=True)
class Case:
    items: list[tuple[str, int]]
    rewards: list[str]  # vouchers the buyer redeems and brings
    walk_in: bool  # the buyer is not chosen at the till (their vouchers still name them)
    birthday_month: bool
    referred: bool
    earlier_zjtn: int  # units bought before: 200 points each, which set the tier


cases = st.builds(
    Case,
    items=st.lists(st.tuples(st.sampled_from(ITEMS), st.integers(1, 4)), max_size=4),
    rewards=st.lists(st.sampled_from(REWARDS), max_size=4),
    walk_in=st.booleans(),
    birthday_month=st.booleans(),
    referred=st.booleans(),
    earlier_zjtn=st.sampled_from([0, 0, 5, 15, 40]),
)


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
        request = SaleRequest(
            items=case.items, member=None if case.walk_in else BUYER, vouchers=codes
        )
        quote = checkout.quote(ctx, request)
        pay = [("cash", quote.due_fen)] if quote.due_fen else []
        try:
            result = checkout.sell(
                ctx,
                SaleRequest(items=case.items, member=request.member, vouchers=codes, payments=pay),
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
        assert recorded == [
            (ln.item.name, ln.qty, ln.free_units, ln.amount_fen, ln.net_fen, ln.points)
            for ln in quote.lines
        ]
        assert sum(ln.net_fen for ln in quote.lines) == quote.due_fen
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
