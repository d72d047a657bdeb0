"""Summary tables (issue #14): running totals of the facts the owner's dashboard sums,
written in the same transaction as the facts themselves (`services/summaries.py`), so
they never drift, and rebuilt from the facts by `summaries.rebuild`.

`QuarterTotal` is keyed by UTC quarter hour, not by business day: a business day in any
time zone in use starts on a quarter hour, so the totals of any run of business days
are a range of quarters, whatever the clinic's zone is or was when the rows were written.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base

QUARTER_SECONDS = 900


class QuarterTotal(Base):
    """Money and points moved within one UTC quarter hour (`quarter`: seconds since
    1970 // 900). Points are as the Z report counts them: `points_issued` earned plus
    manual additions, `points_redeemed` and `points_expired` positive; `points_net` is
    the sum of every ledger entry."""

    __tablename__ = "quarter_totals"

    quarter: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    sales_fen: Mapped[int] = mapped_column(default=0)  # Sale.due_fen
    member_sales_fen: Mapped[int] = mapped_column(default=0)
    discount_fen: Mapped[int] = mapped_column(default=0)  # Sale.discount_fen
    refunds_fen: Mapped[int] = mapped_column(default=0)  # Refund.refunded_fen
    member_refunds_fen: Mapped[int] = mapped_column(default=0)
    points_net: Mapped[int] = mapped_column(default=0)
    points_issued: Mapped[int] = mapped_column(default=0)
    points_redeemed: Mapped[int] = mapped_column(default=0)
    points_expired: Mapped[int] = mapped_column(default=0)


class ItemTotal(Base):
    """Sale lines not refunded per catalog item and UTC quarter hour of their sale (the
    dashboard's top services): a refund takes its lines off their sale's quarter, since a
    refunded line no longer counts for the period it was sold in."""

    __tablename__ = "item_totals"

    quarter: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"), primary_key=True)
    qty: Mapped[int] = mapped_column(default=0)  # SaleLine.qty
    net_fen: Mapped[int] = mapped_column(default=0)  # SaleLine.net_fen


class VisitDay(Base):
    """One visit: a business day (days since 1970 in the clinic's zone) on which a member
    bought something not wholly refunded or used a course session, linked to the member's
    visit days just before and after it, so that the first visit of a period and the next
    one after it are read off one row."""

    __tablename__ = "visit_days"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    day: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    prev_day: Mapped[int | None]
    next_day: Mapped[int | None]

    __table_args__ = (Index("ix_visit_days_day", "day", "prev_day", "next_day"),)


class MemberStat(Base):
    """A member's figures over the 12 months from `since` on (no end: every later fact
    adds to them): points earned (the tier's measure), net spend, and the favourite
    category. Every row has the same `since`, the start of the 12 months before the
    last full rebuild (the nightly tags job); a reader at a later moment takes off what
    has left its window since (`summaries.member_figures`)."""

    __tablename__ = "member_stats"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    since: Mapped[datetime]
    earned: Mapped[int] = mapped_column(default=0)
    spend_fen: Mapped[int] = mapped_column(default=0)
    favourite: Mapped[str | None] = mapped_column(String(30))

    __table_args__ = (
        Index("ix_member_stats_spend", "spend_fen"),
        Index("ix_member_stats_favourite", "favourite"),
        Index("ix_member_stats_earned", "earned"),
    )
