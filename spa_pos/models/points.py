"""The points ledger (积分流水): lots and append-only entries.

A lot is one award with one expiry date. Every entry that draws from or adds to a lot names
it, so an expired lot's spends are never counted twice. Entries without a lot are debt: the
part of a refund reversal the member had already spent (their sum is never positive).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin

ENTRY_KINDS = ("earn", "redeem", "expire", "adjust", "reverse", "cancel", "extend", "settle")
EARNING_KINDS = ("earn", "reverse")  # what tier spend counts (never redemptions)


class PointLot(IdMixin, Base):
    __tablename__ = "point_lots"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    earned_at: Mapped[datetime]
    expires_on: Mapped[date | None]  # last local day the points can be used; None never expires
    amount: Mapped[int]
    remaining: Mapped[int]  # cached sum of the lot's entries
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), index=True)

    __table_args__ = (
        Index("ix_point_lots_member_remaining", "member_id", "remaining"),
        Index("ix_point_lots_expiry_open", "expires_on", "remaining"),
    )


class LedgerEntry(IdMixin, Base):
    __tablename__ = "ledger_entries"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("point_lots.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    rule: Mapped[str | None] = mapped_column(String(8))  # E1..E8, X3, R2 ...
    points: Mapped[int]
    created_at: Mapped[datetime]
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), index=True)
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    voucher_id: Mapped[int | None] = mapped_column(ForeignKey("vouchers.id"), index=True)
    note: Mapped[str] = mapped_column(String(200), default="")
    actor: Mapped[str] = mapped_column(String(40), default="")

    __table_args__ = (
        Index("ix_ledger_member_created", "member_id", "created_at"),
        # by time, holding what the dashboard's sums and the tier counts read (0018)
        Index("ix_ledger_created", "created_at", "kind", "member_id", "points"),
    )
