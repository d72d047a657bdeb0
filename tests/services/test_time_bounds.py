"""Time bounds: no write dated in the future (beyond a small tolerance) or before the
thing it refers to, catch-up that survives a run recorded in the future, and closed
business days that refuse money and points."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from spa_pos import clock as clk
from spa_pos import limits
from spa_pos.clock import FixedClock
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, JobRun
from spa_pos.services import (
    adjustments,
    checkout,
    courses,
    dayclose,
    jobs,
    members,
    refunds,
    vouchers,
)
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Ctx
from spa_pos.services.members import MemberForm
from tests.conftest import START, register

PHONE = "13800000001"


def audit_rows(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count(AuditEntry.id))) or 0


def sell(ctx: Ctx, at: datetime | None = None, item: str = "ZJTN", fen: int = 39800) -> str:
    request = SaleRequest(items=[(item, 1)], payments=[("card", fen)], member=PHONE, at=at)
    return checkout.sell(ctx, request).sale_no


def refused(code: str, action: Callable[[], object], ctx: Ctx) -> None:
    before = audit_rows(ctx)
    with pytest.raises(DomainError) as err:
        action()
    assert err.value.code == code, str(err.value)
    assert audit_rows(ctx) == before  # nothing written


@pytest.fixture
def member(ctx: Ctx) -> str:
    return register(ctx, "张三", PHONE)


FUTURE = START + limits.FUTURE_TOLERANCE + timedelta(minutes=1)


def test_every_late_entry_in_the_future_is_refused(ctx: Ctx, member: str) -> None:
    sale_no = sell(ctx)
    event = adjustments.add_event(ctx, "讲座", 50)
    attempts: list[Callable[[], object]] = [
        lambda: sell(ctx, FUTURE),
        lambda: refunds.refund(ctx, sale_no, at=FUTURE),
        lambda: vouchers.redeem(ctx, PHONE, "R-Q10", at=FUTURE),
        lambda: courses.use_session(ctx, PHONE, "ZJTN", at=FUTURE),
        lambda: adjustments.attend(ctx, event, PHONE, at=FUTURE),
        lambda: members.register(ctx, MemberForm("李四", "13800000002"), at=FUTURE),
        lambda: jobs.run_job(ctx, "expiry", datetime(9999, 12, 31, tzinfo=UTC)),
    ]
    for attempt in attempts:
        refused("limits.future_time", attempt, ctx)


def test_within_the_tolerance_is_accepted_and_before_2000_is_refused(ctx: Ctx, member: str) -> None:
    sell(ctx, START + limits.FUTURE_TOLERANCE)  # another till's clock a little ahead
    refused("limits.too_early", lambda: sell(ctx, datetime(1999, 12, 31, tzinfo=UTC)), ctx)


def test_a_refund_cannot_be_dated_before_its_sale(ctx: Ctx, member: str) -> None:
    sale_no = sell(ctx)
    refused(
        "limits.refund_before_sale",
        lambda: refunds.refund(ctx, sale_no, at=START - timedelta(days=1)),
        ctx,
    )
    refunds.refund(ctx, sale_no.lower())  # sale numbers are read case-insensitively


def test_a_voucher_cannot_be_used_before_it_was_issued(ctx: Ctx, member: str) -> None:
    sell(ctx)
    code = vouchers.redeem(ctx, PHONE, "R-Q10").voucher_code
    early = SaleRequest(
        items=[("ZYB", 1)], payments=[("cash", 3900)], vouchers=[code], at=START - timedelta(1)
    )
    refused("limits.voucher_before_issue", lambda: checkout.sell(ctx, early), ctx)


def test_a_course_session_cannot_be_used_before_it_was_bought(ctx: Ctx) -> None:
    members.register(ctx, MemberForm("张三", PHONE), at=START - timedelta(days=30))
    sell(ctx, item="ZJTN10", fen=358000)
    refused(
        "limits.course_before_purchase",
        lambda: courses.use_session(ctx, PHONE, "ZJTN", at=START - timedelta(days=1)),
        ctx,
    )


def test_catch_up_ignores_a_run_recorded_in_the_future(ctx: Ctx, clock: FixedClock) -> None:
    """A run as of 2099 (a wrong clock, an old `--at`) must not keep the nightly jobs and
    the end-of-day backup from ever catching up."""
    jobs.catch_up(ctx)
    # no backup folder set
    assert [name for name, _ in jobs.missed_runs(ctx)] == ["backup"]
    with ctx.db.write() as s:
        far = datetime(2099, 1, 1, tzinfo=UTC)
        for name in jobs.JOBS:
            s.add(
                JobRun(
                    job=name,
                    as_of=clk.to_utc_naive(far),
                    business_date=far.date(),
                    started_at=clk.to_utc_naive(START),
                    finished_at=clk.to_utc_naive(START),
                    status="ok",
                    changed=0,
                    detail="{}",
                )
            )
    clock.advance(days=1)
    assert [name for name, _ in jobs.missed_runs(ctx)] == list(jobs.JOBS)


# --- a closed business day ---------------------------------------------------------------


def test_writes_of_money_and_points_into_a_closed_day_are_refused(
    ctx: Ctx, member: str, clock: FixedClock
) -> None:
    sale_no = sell(ctx)
    course_sale = sell(ctx, item="ZJTN10", fen=358000)
    code = vouchers.redeem(ctx, PHONE, "R-Q10").voucher_code
    event = adjustments.add_event(ctx, "讲座", 50)
    dayclose.close_day(ctx)

    attempts: dict[str, Callable[[], object]] = {
        "sale": lambda: sell(ctx),
        "back-dated sale": lambda: sell(ctx, START - timedelta(hours=1)),
        "refund": lambda: refunds.refund(ctx, sale_no),
        "redemption": lambda: vouchers.redeem(ctx, PHONE, "R-Q10"),
        "voucher cancel": lambda: vouchers.cancel(ctx, code),
        "adjustment": lambda: adjustments.adjust(ctx, PHONE, 10, "补录"),
        "course use": lambda: courses.use_session(ctx, PHONE, "ZJTN"),
        "event award": lambda: adjustments.attend(ctx, event, PHONE),
    }
    for attempt in attempts.values():
        refused("dayclose.day_closed", attempt, ctx)

    clock.advance(days=1)  # the next day is open, also for a refund of the closed day's sale
    refunds.refund(ctx, course_sale)
    sell(ctx)
    refused("dayclose.day_closed", lambda: sell(ctx, START), ctx)

    dayclose.reopen_day(ctx, START.date())  # a manager reopens it: the entry goes in
    sell(ctx, START)


# --- points spent before they were earned ------------------------------------------------


@pytest.mark.parametrize(
    "gap", [limits.FUTURE_TOLERANCE + timedelta(minutes=1), timedelta(hours=3), timedelta(days=20)]
)
def test_points_cannot_be_spent_before_they_were_earned(ctx: Ctx, gap: timedelta) -> None:
    """A back-dated redemption draws only on lots that existed at its moment: the points
    of a later sale are not there yet, so it is refused (writing nothing); dated after
    that sale, the same redemption goes through."""
    members.register(ctx, MemberForm("张三", PHONE), at=START - timedelta(days=60))
    earned = START - timedelta(days=25)
    sell(ctx, earned)
    refused(
        "points.not_enough_redeem",
        lambda: vouchers.redeem(ctx, PHONE, "R-Q10", at=earned - gap),
        ctx,
    )
    assert vouchers.redeem(ctx, PHONE, "R-Q10", at=earned + gap).points_spent == 100


# --- entries before a member joined ------------------------------------------------------


def test_nothing_is_booked_for_a_member_before_they_joined(ctx: Ctx, member: str) -> None:
    """The member joins at START; every dated entry of theirs from before is refused."""
    sell(ctx, item="ZJTN10", fen=358000)  # points to redeem and a course to use
    event = adjustments.add_event(ctx, "讲座", 50)
    early = START - limits.FUTURE_TOLERANCE - timedelta(minutes=1)
    attempts: dict[str, Callable[[], object]] = {
        "sale": lambda: sell(ctx, early),
        "redemption": lambda: vouchers.redeem(ctx, PHONE, "R-Q10", at=early),
        "course use": lambda: courses.use_session(ctx, PHONE, "ZJTN", at=early),
        "event award": lambda: adjustments.attend(ctx, event, PHONE, at=early),
    }
    for attempt in attempts.values():
        refused("members.before_joined", attempt, ctx)
    sell(ctx, START - limits.FUTURE_TOLERANCE)  # within the clock tolerance
