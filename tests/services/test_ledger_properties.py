"""Property tests: whatever the sequence of sales, refunds, redemptions, cancellations and
expiry runs, the ledger holds: balances equal the ledger's sum, no lot goes below zero,
spending is FIFO by expiry, and a voucher is used at most once."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import LedgerEntry, PointLot, Sale, Voucher
from spa_pos.services import adjustments, catalog, members, points, refunds, vouchers
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.members import MemberForm
from tests.conftest import START

pytestmark = pytest.mark.sqlite_only("each hypothesis example copies the SQLite template file")

ITEMS = ["ZJTN", "AJ", "TBAM", "ZYB", "ZJTN10", "BJZ"]
REWARDS = ["R-TBAM", "R-Q10", "R-ZYB", "R-Q50", "R-BJZ"]
PHONES = ["13800000001", "13800000002", "13800000003"]
TZ = "Asia/Shanghai"  # the demo clinic's time zone


class LedgerMachine(RuleBasedStateMachine):
    template: Path

    @initialize()
    def open_clinic(self) -> None:
        self.dir = Path(tempfile.mkdtemp())
        shutil.copyfile(self.template, self.dir / "db.sqlite3")
        self.clock = FixedClock(START)
        self.ctx = Ctx(Database(f"sqlite:///{self.dir / 'db.sqlite3'}"), CLI_ACTOR, self.clock)
        members.register(self.ctx, MemberForm(name="李四", phone=PHONES[0]))
        for i, phone in enumerate(PHONES[1:]):
            members.register(self.ctx, MemberForm(name=f"张{i}", phone=phone, referrer=PHONES[0]))
        self.sales: list[str] = []
        self.codes: list[str] = []

    def teardown(self) -> None:
        if hasattr(self, "ctx"):
            self.ctx.db.dispose()
            shutil.rmtree(self.dir, ignore_errors=True)

    @rule(
        who=st.sampled_from(PHONES),
        item=st.sampled_from(ITEMS),
        qty=st.integers(1, 3),
        use=st.booleans(),
        extra=st.integers(0, 5000),
    )
    def sell_something(self, who: str, item: str, qty: int, use: bool, extra: int) -> None:
        chosen = [self.codes[-1]] if use and self.codes else []
        try:
            with self.ctx.db.read() as s:
                due = self._due(s, item, qty)
            result = sell(
                self.ctx,
                SaleRequest(
                    items=[(item, qty)],
                    member=who,
                    vouchers=chosen,
                    payments=[("cash", due + extra)],
                ),
            )
            self.sales.append(result.sale_no)
        except DomainError:
            pass  # a voucher of another member, used or the wrong amount: refused whole

    @staticmethod
    def _due(s: Session, item: str, qty: int) -> int:
        return catalog.item_by_code(s, item).price_fen * qty

    @rule(data=st.data())
    def refund_something(self, data: st.DataObject) -> None:
        if not self.sales:
            return
        sale_no = data.draw(st.sampled_from(self.sales))
        line = data.draw(st.sampled_from([None, 1, 2]))
        with contextlib.suppress(DomainError):
            refunds.refund(self.ctx, sale_no, [line] if line else None)

    @rule(who=st.sampled_from(PHONES), reward=st.sampled_from(REWARDS))
    def redeem(self, who: str, reward: str) -> None:
        today = clk.local_date(self.clock.now(), TZ)
        with self.ctx.db.read() as s:
            member = members.find_one(s, who)
            expected = self._fifo_plan(s, member.id, today)
        try:
            r = vouchers.redeem(self.ctx, who, reward)
        except DomainError:
            return
        self.codes.append(r.voucher_code)
        with self.ctx.db.read() as s:
            voucher_id = s.scalars(select(Voucher.id).where(Voucher.code == r.voucher_code)).one()
            drawn = [
                e.lot_id
                for e in s.scalars(
                    select(LedgerEntry)
                    .where(LedgerEntry.voucher_id == voucher_id, LedgerEntry.kind == "redeem")
                    .order_by(LedgerEntry.id)
                )
            ]
        assert drawn == expected[: len(drawn)], "spending must follow FIFO by expiry"

    @staticmethod
    def _fifo_plan(s: Session, member_id: int, today: date) -> list[int]:
        lots = s.scalars(
            select(PointLot).where(PointLot.member_id == member_id, PointLot.remaining > 0)
        ).all()
        usable = [lot for lot in lots if lot.expires_on is None or lot.expires_on >= today]
        usable.sort(key=lambda lot: (lot.expires_on is None, lot.expires_on, lot.earned_at, lot.id))
        return [lot.id for lot in usable]

    @rule(data=st.data())
    def cancel(self, data: st.DataObject) -> None:
        if self.codes:
            with contextlib.suppress(DomainError):
                vouchers.cancel(self.ctx, data.draw(st.sampled_from(self.codes)))

    @rule(who=st.sampled_from(PHONES), delta=st.integers(-300, 300))
    def adjust(self, who: str, delta: int) -> None:
        with contextlib.suppress(DomainError):
            adjustments.adjust(self.ctx, who, delta, "测试")

    @rule(days=st.integers(1, 200))
    def time_passes_and_expiry_runs(self, days: int) -> None:
        self.clock.advance(days=days)
        now = self.clock.now()
        with self.ctx.db.write() as s:
            points.expire_due(s, clk.local_date(now, TZ), clk.to_utc_naive(now))
        with self.ctx.db.write() as s:  # a second run changes nothing
            assert points.expire_due(s, clk.local_date(now, TZ), clk.to_utc_naive(now)).points == 0

    @invariant()
    def ledger_holds(self) -> None:
        if not hasattr(self, "ctx"):
            return
        with self.ctx.db.read() as s:
            check = points.check_balances(s)
            assert check.ok, check
            assert (s.scalar(select(func.min(PointLot.remaining))) or 0) >= 0
            # a voucher is used by at most one live sale
            used = s.execute(
                select(Voucher.code, Voucher.used_sale_id).where(Voucher.status == "used")
            ).all()
            for code, sale_id in used:
                assert sale_id is not None, code
            assert s.scalar(select(func.count()).select_from(Sale)) == len(self.sales)


@pytest.fixture
def machine(demo_template: Path) -> type[LedgerMachine]:
    LedgerMachine.template = demo_template
    return LedgerMachine


def test_ledger_invariants_hold_for_any_sequence(machine: type[LedgerMachine]) -> None:
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=25,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def test_expiry_writes_each_lots_remainder_once(ctx: Ctx, clock: FixedClock) -> None:
    card = members.register(ctx, MemberForm(name="张三", phone="13800000002")).card_no
    adjustments.adjust(ctx, card, 150, "测试")
    vouchers.redeem(ctx, card, "R-Q10")
    clock.advance(days=366)
    now = clock.now()
    with ctx.db.write() as s:
        assert points.expire_due(s, clk.local_date(now, TZ), clk.to_utc_naive(now)).points == 50
    clock.advance(days=1)
    with ctx.db.write() as s:
        assert (
            points.expire_due(
                s, clk.local_date(clock.now(), TZ), clk.to_utc_naive(clock.now())
            ).points
            == 0
        )
    with ctx.db.read() as s:
        assert members.find_one(s, card).points_balance == 0
        assert points.check_balances(s).ok


def test_points_are_usable_through_the_last_day(ctx: Ctx, clock: FixedClock) -> None:
    card = members.register(ctx, MemberForm(name="张三", phone="13800000002")).card_no
    adjustments.adjust(ctx, card, 100, "测试")
    clock.at = clock.at + timedelta(days=365)  # 2027-03-10, the expiry date itself
    with ctx.db.write() as s:
        now = clock.now()
        assert points.expire_due(s, clk.local_date(now, TZ), clk.to_utc_naive(now)).points == 0
    assert vouchers.redeem(ctx, card, "R-Q10").balance == 0
