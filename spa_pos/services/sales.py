"""Sales as the till lists them (今日流水): the sales and refunds made at this till
(`ctx.till`) on one business day with its money per payment method, and one sale by its
number (any till's), as plain views (no ORM object leaves the unit of work).

The business day and the times shown are the clinic's (settings `timezone`), as the
end-of-day close counts them. The day's totals are the till's Z report's own
(`dayclose.takings`): net of the refunds made that day, per payment method.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from spa_pos import clock as clk
from spa_pos.models import Refund, Sale, StaffMember
from spa_pos.services import dayclose, tills
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx

SERIAL_DIGITS = 4  # S20260310-0012: the day's serial after the date


@dataclass(frozen=True)
class SaleLineView:
    line_no: int
    name: str
    qty: int
    unit_fen: int
    free_units: int
    net_fen: int
    refunded: bool
    therapist: str | None = None  # who did the service (技师); a product: nobody


@dataclass(frozen=True)
class SaleView:
    sale_no: str
    at: datetime  # aware, in the clinic's time zone
    member_name: str | None
    member_card: str | None
    cashier: str
    due_fen: int
    paid_fen: int
    change_fen: int
    points_earned: int
    status: str
    lines: list[SaleLineView]
    payments: list[tuple[str, int]]

    @property
    def open_fen(self) -> int:
        """What a whole-sale refund gives back: the net of the lines not refunded yet
        (`refunds.refund` without lines refunds exactly those)."""
        return sum(line.net_fen for line in self.lines if not line.refunded)


@dataclass(frozen=True)
class RefundView:
    """A refund as its own entry of the day it was made (money back is negative there)."""

    refund_no: str
    sale_no: str  # the sale it refunds (maybe of an earlier day)
    at: datetime  # aware, in the clinic's time zone
    member_name: str | None
    actor: str  # the manager who allowed it
    refunded_fen: int
    points_reversed: int
    lines: list[str]  # names of the refunded lines
    payments: list[tuple[str, int]]  # paid back, per method


@dataclass(frozen=True)
class DayBook:
    """今日流水: the day's sales and refunds (each newest first) and its money."""

    day: date
    sales: list[SaleView]
    refunds: list[RefundView]
    takings: dayclose.Takings  # as the Z report counts it


def day_book(ctx: Ctx, day: date | None = None) -> DayBook:
    """The sales and refunds of this till on `day` (default: today) with its takings per
    method."""
    with ctx.db.read() as s:
        tz = settings_svc.detail(s, "timezone")
        day = day or settings_svc.business_date(s, ctx.clock.now())
        start = clk.local_day_start_utc(day, tz)
        end = clk.local_day_start_utc(day + timedelta(days=1), tz)
        sales = s.scalars(
            _sales()
            .where(Sale.created_at >= start, Sale.created_at < end, tills.at(Sale.till, ctx.till))
            .order_by(Sale.created_at.desc(), Sale.id.desc())
        ).all()
        names = _therapists(s, sales)
        refunds = s.scalars(
            select(Refund)
            .options(
                selectinload(Refund.payments),
                selectinload(Refund.sale).selectinload(Sale.lines),
                selectinload(Refund.sale).selectinload(Sale.member),
            )
            .where(
                Refund.created_at >= start, Refund.created_at < end, tills.at(Refund.till, ctx.till)
            )
            .order_by(Refund.created_at.desc(), Refund.id.desc())
        ).all()
        return DayBook(
            day,
            [_view(sale, tz, names) for sale in sales],
            [_refund_view(refund, tz) for refund in refunds],
            dayclose.takings(s, day, tz, ctx.till),
        )


def by_number(ctx: Ctx, sale_no: str) -> SaleView | None:
    """One sale by its number (any day, any till; case and spaces as typed do not matter),
    or by the last digits of a number of this till today: "12" or "0012" finds today's
    S…-0012 (at till B: S…-B0012), so the cashier does not type the part that every sale
    of the day at the till shares."""
    text = sale_no.strip().upper()
    with ctx.db.read() as s:
        tz = settings_svc.detail(s, "timezone")
        code = tills.known_code(s, ctx.till)
        if text.isdigit() and len(text) <= SERIAL_DIGITS and code is not None:
            today = settings_svc.business_date(s, ctx.clock.now())
            text = f"S{today:%Y%m%d}-{code}{int(text):0{SERIAL_DIGITS}d}"
        sale = s.scalars(_sales().where(Sale.sale_no == text)).first()
        return _view(sale, tz, _therapists(s, [sale])) if sale else None


def _sales() -> Select[tuple[Sale]]:
    return select(Sale).options(
        selectinload(Sale.lines), selectinload(Sale.payments), selectinload(Sale.member)
    )


def _refund_view(refund: Refund, tz: str) -> RefundView:
    sale = refund.sale
    return RefundView(
        refund.refund_no,
        sale.sale_no,
        clk.from_utc_naive(refund.created_at).astimezone(ZoneInfo(tz)),
        sale.member.name if sale.member else None,
        refund.actor,
        refund.refunded_fen,
        refund.points_reversed,
        [ln.name for ln in sale.lines if ln.refund_id == refund.id],
        [(p.method, p.amount_fen) for p in refund.payments],
    )


def _therapists(session: Session, sales: Sequence[Sale]) -> dict[int, str]:
    """The names of the therapists on these sales' lines, by staff id."""
    ids = {ln.therapist_id for sale in sales for ln in sale.lines if ln.therapist_id is not None}
    if not ids:
        return {}
    found = session.execute(select(StaffMember.id, StaffMember.name).where(StaffMember.id.in_(ids)))
    return dict(found.tuples().all())


def _view(sale: Sale, tz: str, therapists: dict[int, str]) -> SaleView:
    return SaleView(
        sale.sale_no,
        clk.from_utc_naive(sale.created_at).astimezone(ZoneInfo(tz)),
        sale.member.name if sale.member else None,
        sale.member.card_no if sale.member else None,
        sale.cashier,
        sale.due_fen,
        sale.paid_fen,
        sale.change_fen,
        sale.points_earned,
        sale.status,
        [
            SaleLineView(
                ln.line_no,
                ln.name,
                ln.qty,
                ln.unit_fen,
                ln.free_units,
                ln.net_fen,
                ln.refund_id is not None,
                therapists.get(ln.therapist_id) if ln.therapist_id is not None else None,
            )
            for ln in sale.lines
        ],
        [(p.method, p.amount_fen) for p in sale.payments],
    )
