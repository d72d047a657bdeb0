"""End-of-day close (日结) and its Z report.

The report covers one business date in the clinic's time zone: sales made that day,
refunds made that day (whatever day their sale was), points entries written that day and
members who joined. Closing records the report and the cash counted in the drawer; a
closed day cannot be closed again unless a manager reopens it.

A closed day is final: every write of money or points dated in it (sale, refund,
redemption, voucher cancel, adjustment, course use, event award) is refused, so nothing
lands in a day whose Z report was already printed and counted. The refusal
(`dayclose.day_closed`, raised by `unit_of_work.write(..., books=True)`) tells the cashier
that a manager can reopen the day (`reopen_day`), book the entry and close it again;
booking it silently on the next open day would put it in a report for a day it did not
happen on. For the same reason the till does not book a sale made after the close on the
next business day: its checkout shows that today is closed (`closed_today`), refuses F12
before taking money (`check_open`) and lets a manager reopen the day on the spot; the
next close then records a fresh Z report (audited as a re-close).

The money per payment method (`takings`) is computed once, here, for the Z report and for
the till's list of the day (今日流水), so the two agree to the fen.

Each till (`spa_pos.till`) closes its own day: its Z report counts the sales and refunds
made at that till and the cash in its drawer, and once it has closed, that till books
nothing more on the day (other tills still do until they close). The points and members
figures are the clinic's (the ledger is shared by every till, and a points entry is not
made "at" a till). The clinic's report of a day (`clinic_report`) is the same report over
every till, with a line per till: its money is the sum of theirs. With one till, its
report is the clinic's, as before tills existed.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Row, func, select, union
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.models import (
    DayClose,
    LedgerEntry,
    Member,
    Payment,
    Refund,
    RefundPayment,
    Reward,
    Sale,
    Voucher,
)
from spa_pos.models.sale import PAYMENT_METHODS
from spa_pos.money import parse_yuan
from spa_pos.services import audit, permissions, tills, unit_of_work
from spa_pos.services.context import Ctx
from spa_pos.till import DEFAULT


@dataclass(frozen=True)
class TillLine:
    """One till's part of the clinic's report of a day."""

    till: str
    sales: int
    revenue_fen: int
    refunds: int
    refunds_fen: int
    net_revenue_fen: int
    expected_cash_fen: int
    closed: bool  # this till has closed the day (and not reopened it)
    counted_cash_fen: int | None = None  # as counted at its close
    difference_fen: int | None = None


@dataclass(frozen=True)
class ZReport:
    business_date: date
    sales: int
    gross_fen: int  # list price of everything sold
    discount_fen: int  # taken off by vouchers and coupons
    revenue_fen: int  # money taken for the day's sales (cash net of change)
    by_method: dict[str, int]  # revenue by payment method
    refunds: int
    refunds_fen: int
    refunds_by_method: dict[str, int]
    net_revenue_fen: int  # revenue - refunds
    vouchers_used: int  # reward vouchers (free items) used in the day's sales
    coupons_used: int  # cash coupons used in the day's sales
    points_issued: int  # earned, plus manual additions
    points_redeemed: int
    points_expired: int
    points_reversed: int  # taken back by refunds
    new_members: int
    expected_cash_fen: int  # cash in - change - cash refunds
    counted_cash_fen: int | None = None
    difference_fen: int | None = None  # counted - expected; negative is a shortfall
    points_by_kind: dict[str, int] = field(default_factory=dict)  # net ledger sum per kind
    # The audit chain's head when the report was made ("rows:first 16 hex of the hash"),
    # on paper outside the database: `audit verify` and anyone comparing a later chain
    # with it see rows deleted or rewritten since.
    audit_anchor: str = ""
    till: str = ""  # the till it covers; "" for the whole clinic (`clinic_report`)
    tills: list[TillLine] = field(default_factory=list)  # the clinic's report: per till

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["business_date"] = self.business_date.isoformat()
        return data


def z_report(session: Session, business_date: date, tz: str, till: str | None = None) -> ZReport:
    """The Z report of the day at the till `till`, or of the whole clinic (None)."""
    start = clk.local_day_start_utc(business_date, tz)
    end = clk.local_day_start_utc(business_date + timedelta(days=1), tz)
    day_sales = (Sale.created_at >= start, Sale.created_at < end, *_at(Sale.till, till))

    count, gross, discount, due = session.execute(
        select(
            func.count(Sale.id),
            func.sum(Sale.gross_fen),
            func.sum(Sale.discount_fen),
            func.sum(Sale.due_fen),
        ).where(*day_sales)
    ).one()
    money = takings(session, business_date, tz, till)
    by_method, refunds_by_method = money.sales_by_method, money.refunds_by_method

    day_refunds = (Refund.created_at >= start, Refund.created_at < end, *_at(Refund.till, till))
    refund_count, refunded = session.execute(
        select(func.count(Refund.id), func.sum(Refund.refunded_fen)).where(*day_refunds)
    ).one()

    voucher_kinds = dict(
        session.execute(
            select(Reward.kind, func.count(Voucher.id))
            .join(Reward, Reward.id == Voucher.reward_id)
            .join(Sale, Sale.id == Voucher.used_sale_id)
            .where(*day_sales)
            .group_by(Reward.kind)
        )
        .tuples()
        .all()
    )

    day_entries = (LedgerEntry.created_at >= start, LedgerEntry.created_at < end)
    by_kind = {
        kind: int(total)
        for kind, total in session.execute(
            select(LedgerEntry.kind, func.sum(LedgerEntry.points))
            .where(*day_entries)
            .group_by(LedgerEntry.kind)
        )
    }
    added = (
        session.scalar(
            select(func.coalesce(func.sum(LedgerEntry.points), 0)).where(
                *day_entries, LedgerEntry.kind == "adjust", LedgerEntry.points > 0
            )
        )
        or 0
    )

    new_members = (
        session.scalar(
            select(func.count(Member.id)).where(Member.joined_at >= start, Member.joined_at < end)
        )
        or 0
    )
    revenue = int(due or 0)
    return ZReport(
        business_date=business_date,
        sales=int(count),
        gross_fen=int(gross or 0),
        discount_fen=int(discount or 0),
        revenue_fen=revenue,
        by_method=by_method,
        refunds=int(refund_count),
        refunds_fen=int(refunded or 0),
        refunds_by_method=refunds_by_method,
        net_revenue_fen=revenue - int(refunded or 0),
        vouchers_used=sum(n for kind, n in voucher_kinds.items() if kind != "coupon"),
        coupons_used=voucher_kinds.get("coupon", 0),
        points_issued=by_kind.get("earn", 0) + int(added),
        points_redeemed=-by_kind.get("redeem", 0),
        points_expired=-by_kind.get("expire", 0),
        points_reversed=-by_kind.get("reverse", 0),
        new_members=int(new_members),
        expected_cash_fen=by_method["cash"] - refunds_by_method["cash"],
        points_by_kind=by_kind,
        audit_anchor=anchor.text() if (anchor := audit.head(session)) is not None else "",
        till=till or "",
    )


def _at(column: Any, till: str | None) -> tuple[ColumnElement[bool], ...]:
    """The condition "made at this till", none for the whole clinic."""
    return () if till is None else (tills.at(column, till),)


@dataclass(frozen=True)
class Takings:
    """The money of one business day per payment method (every method, zero included):
    what its sales took (cash net of the change given) and what the refunds made that day
    paid back (whatever day their sale was)."""

    sales_by_method: dict[str, int]
    refunds_by_method: dict[str, int]

    @property
    def net_by_method(self) -> dict[str, int]:
        return {m: fen - self.refunds_by_method[m] for m, fen in self.sales_by_method.items()}

    @property
    def sales_fen(self) -> int:
        return sum(self.sales_by_method.values())

    @property
    def refunds_fen(self) -> int:
        return sum(self.refunds_by_method.values())

    @property
    def net_fen(self) -> int:
        return self.sales_fen - self.refunds_fen


def takings(session: Session, business_date: date, tz: str, till: str | None = None) -> Takings:
    """The day's money per payment method at the till `till` (None: every till): THE
    computation the Z report and the till's list of the day both show."""
    start = clk.local_day_start_utc(business_date, tz)
    end = clk.local_day_start_utc(business_date + timedelta(days=1), tz)
    day_sales = (Sale.created_at >= start, Sale.created_at < end, *_at(Sale.till, till))
    by_method = _per_method(
        session.execute(
            select(Payment.method, func.sum(Payment.amount_fen))
            .join(Sale, Sale.id == Payment.sale_id)
            .where(*day_sales)
            .group_by(Payment.method)
        ).all()
    )
    change = session.scalar(select(func.sum(Sale.change_fen)).where(*day_sales))
    by_method["cash"] -= int(change or 0)
    refunds_by_method = _per_method(
        session.execute(
            select(RefundPayment.method, func.sum(RefundPayment.amount_fen))
            .join(Refund, Refund.id == RefundPayment.refund_id)
            .where(Refund.created_at >= start, Refund.created_at < end, *_at(Refund.till, till))
            .group_by(RefundPayment.method)
        ).all()
    )
    return Takings(by_method, refunds_by_method)


def _per_method(rows: Iterable[Row[tuple[str, Any]]]) -> dict[str, int]:
    totals = dict.fromkeys(PAYMENT_METHODS, 0)
    for method, amount in rows:
        totals[method] = totals.get(method, 0) + int(amount or 0)
    return totals


def counted_cash(text: str) -> int:
    """The cash counted in the drawer as typed at the till, in fen. The till never closes
    a day without it (a blank field is refused, not taken as "not counted"): a close by
    accident, with nothing counted, is what this guards against."""
    if not text.strip():
        raise DomainError("dayclose.counted_required")
    fen = parse_yuan(text.strip())
    _check_counted(fen)
    return fen


def _check_counted(fen: int) -> None:
    if fen < 0:
        raise DomainError("dayclose.negative_cash")
    limits.check_counted_cash(fen)


def close_day(
    ctx: Ctx, business_date: date | None = None, counted_cash_fen: int | None = None
) -> ZReport:
    """日结 at this till (`ctx.till`): record its Z report of the day and the cash counted
    in its drawer. Refused if the till has already closed the day.
    The counted cash may be left out here (the command line's `--counted-cash` is
    optional); the till requires it (`counted_cash`)."""
    if counted_cash_fen is not None:
        _check_counted(counted_cash_fen)
    with unit_of_work.write(ctx) as work:
        s, tz = work.session, work.settings.timezone
        day = business_date or work.today
        if day > work.today:
            raise DomainError("dayclose.future", day=day)
        existing = find_close(s, day, work.till)
        if existing is not None and existing.reopened_at is None:
            closed = clk.from_utc_naive(existing.closed_at).astimezone(ZoneInfo(tz))
            raise DomainError(
                "dayclose.already_closed",
                day=day,
                closed_at=f"{closed:%Y-%m-%d %H:%M}",
                actor=existing.actor,
            )
        report = z_report(s, day, tz, work.till)
        difference = (
            counted_cash_fen - report.expected_cash_fen if counted_cash_fen is not None else None
        )
        report = dataclasses.replace(
            report, counted_cash_fen=counted_cash_fen, difference_fen=difference
        )
        row = existing or DayClose(business_date=day, till=tills.stored(work.till))
        row.closed_at, row.actor = work.stamp, work.actor
        row.report = json.dumps(report.to_json(), ensure_ascii=False)
        row.expected_cash_fen = report.expected_cash_fen
        row.counted_cash_fen, row.difference_fen = counted_cash_fen, difference
        row.reopened_at, row.reopened_by = None, None
        s.add(row)
        audit.anchor(s)  # the head the report shows, remembered in the config folder
        work.audit(
            "day.close",
            "day",
            day.isoformat(),
            sales=report.sales,
            revenue_fen=report.revenue_fen,
            refunds_fen=report.refunds_fen,
            expected_cash_fen=report.expected_cash_fen,
            counted_cash_fen=counted_cash_fen,
            difference_fen=difference,
            reclose=existing is not None,
            till=work.till,
        )
        return report


def reopen_day(ctx: Ctx, business_date: date) -> None:
    """撤销日结 (manager) at this till: the till can then book the day and close it again
    with a fresh report."""
    permissions.require(ctx, "reopen_day")
    with unit_of_work.write(ctx) as work:
        row = find_close(work.session, business_date, work.till)
        if row is None or row.reopened_at is not None:
            raise DomainError("dayclose.not_closed", day=business_date)
        row.reopened_at, row.reopened_by = work.stamp, work.actor
        work.audit(
            "day.reopen",
            "day",
            business_date.isoformat(),
            closed_at=row.closed_at,
            closed_by=row.actor,
            report=json.loads(row.report),
            till=work.till,
        )


def closed_today(ctx: Ctx) -> date | None:
    """Today's business date if this till has closed it (and not reopened it), else None:
    the checkout shows it so that nobody rings up a sale the till would refuse."""
    with unit_of_work.read(ctx) as work:
        closed = unit_of_work.is_closed(work.session, work.today, work.till)
        return work.today if closed else None


def check_open(ctx: Ctx) -> None:
    """Refuse (`dayclose.day_closed`) when today's business day is closed: checked before
    the till takes money, with the refusal `checkout.sell` would give."""
    day = closed_today(ctx)
    if day is not None:
        raise DomainError("dayclose.day_closed", day=day)


def find_close(session: Session, business_date: date, till: str = DEFAULT) -> DayClose | None:
    """The till's close of the day (maybe reopened), if it ever closed it."""
    return session.scalars(
        select(DayClose).where(
            DayClose.business_date == business_date, tills.at(DayClose.till, till)
        )
    ).first()


def recent_closes(session: Session, limit: int = 31) -> list[DayClose]:
    """The latest closes of every till, newest first (`json.loads(row.report)` holds the
    Z report)."""
    return list(
        session.scalars(select(DayClose).order_by(DayClose.business_date.desc()).limit(limit))
    )


# --- the close screen ---------------------------------------------------------------------


@dataclass(frozen=True)
class DayStatus:
    """A business date as the close screen shows it: as it was closed, or live."""

    report: ZReport  # as recorded when the day was closed, else the live report
    today: date  # the clinic's business date now (no close of a later day)
    closed_at: datetime | None  # in the clinic's zone; None while the day is open
    closed_by: str
    clinic: ZReport | None = None  # the clinic's report, when other tills worked that day


def stored_report(text: str) -> ZReport:
    """The Z report recorded by `close_day` (JSON), as a ZReport again."""
    names = {f.name for f in dataclasses.fields(ZReport)}
    values = {k: v for k, v in json.loads(text).items() if k in names}
    values["business_date"] = date.fromisoformat(values["business_date"])
    values["tills"] = [TillLine(**line) for line in values.get("tills", [])]
    return ZReport(**values)


def day_status(ctx: Ctx, day: date | None = None) -> DayStatus:
    """This till's close of the day if it has closed it, else its live Z report (default:
    today), with the clinic's report when other tills worked that day."""
    with unit_of_work.read(ctx) as work:
        s, tz, today = work.session, work.settings.timezone, work.today
        day = day or today
        clinic = _clinic_report(s, day, tz)
        others = clinic if {line.till for line in clinic.tills} - {work.till} else None
        row = find_close(s, day, work.till)
        if row is not None and row.reopened_at is None:
            closed = clk.from_utc_naive(row.closed_at).astimezone(ZoneInfo(tz))
            return DayStatus(stored_report(row.report), today, closed, row.actor, others)
        return DayStatus(z_report(s, day, tz, work.till), today, None, "", others)


# --- the whole clinic ---------------------------------------------------------------------


def clinic_report(ctx: Ctx, day: date | None = None) -> ZReport:
    """The clinic's Z report of the day (default: today): every till's sales, refunds and
    money added up, with a line per till (its figures and, once it has closed, the cash
    it counted). Nothing is recorded: each till closes its own day."""
    with unit_of_work.read(ctx) as work:
        return _clinic_report(work.session, day or work.today, work.settings.timezone)


def _clinic_report(session: Session, day: date, tz: str) -> ZReport:
    report = z_report(session, day, tz)
    lines = [_till_line(session, day, tz, name) for name in tills_of_day(session, day, tz)]
    return dataclasses.replace(report, tills=lines)


def _till_line(session: Session, day: date, tz: str, till: str) -> TillLine:
    r = z_report(session, day, tz, till)
    row = find_close(session, day, till)
    closed = row is not None and row.reopened_at is None
    return TillLine(
        till=till,
        sales=r.sales,
        revenue_fen=r.revenue_fen,
        refunds=r.refunds,
        refunds_fen=r.refunds_fen,
        net_revenue_fen=r.net_revenue_fen,
        expected_cash_fen=r.expected_cash_fen,
        closed=closed,
        counted_cash_fen=row.counted_cash_fen if row is not None and closed else None,
        difference_fen=row.difference_fen if row is not None and closed else None,
    )


def tills_of_day(session: Session, day: date, tz: str) -> list[str]:
    """The tills that sold, refunded or closed on the day, the default till first."""
    start = clk.local_day_start_utc(day, tz)
    end = clk.local_day_start_utc(day + timedelta(days=1), tz)
    values = union(
        select(Sale.till).where(Sale.created_at >= start, Sale.created_at < end),
        select(Refund.till).where(Refund.created_at >= start, Refund.created_at < end),
        select(DayClose.till).where(DayClose.business_date == day),
    )
    stored = set(session.scalars(select(values.subquery().c[0])))
    return sorted((tills.shown(v) for v in stored), key=lambda name: (name != DEFAULT, name))
