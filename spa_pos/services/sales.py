"""Sales as the till lists them (今日流水): the sales of one business day, and one sale by
its number, as plain views (no ORM object leaves the unit of work).

The business day and the times shown are the clinic's (settings `timezone`), as the
end-of-day close counts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from spa_pos import clock as clk
from spa_pos.models import Sale
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx


@dataclass(frozen=True)
class SaleLineView:
    line_no: int
    name: str
    qty: int
    unit_fen: int
    free_units: int
    net_fen: int
    refunded: bool


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


def of_day(ctx: Ctx, day: date | None = None) -> list[SaleView]:
    """The sales of `day` (default: today), newest first."""
    with ctx.db.read() as s:
        tz = settings_svc.detail(s, "timezone")
        day = day or settings_svc.business_date(s, ctx.clock.now())
        start = clk.local_day_start_utc(day, tz)
        end = clk.local_day_start_utc(day + timedelta(days=1), tz)
        rows = s.scalars(
            _sales()
            .where(Sale.created_at >= start, Sale.created_at < end)
            .order_by(Sale.created_at.desc())
        ).all()
        return [_view(sale, tz) for sale in rows]


def by_number(ctx: Ctx, sale_no: str) -> SaleView | None:
    """One sale by its number (any day; case and spaces as typed do not matter)."""
    with ctx.db.read() as s:
        tz = settings_svc.detail(s, "timezone")
        sale = s.scalars(_sales().where(Sale.sale_no == sale_no.strip().upper())).first()
        return _view(sale, tz) if sale else None


def _sales() -> Select[tuple[Sale]]:
    return select(Sale).options(
        selectinload(Sale.lines), selectinload(Sale.payments), selectinload(Sale.member)
    )


def _view(sale: Sale, tz: str) -> SaleView:
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
            )
            for ln in sale.lines
        ],
        [(p.method, p.amount_fen) for p in sale.payments],
    )
