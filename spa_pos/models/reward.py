"""Rewards (积分兑换) and the vouchers (兑换券) they issue."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from spa_pos.models.base import Base, IdMixin
from spa_pos.models.catalog import CatalogItem
from spa_pos.models.member import Member

REWARD_KINDS = ("service", "coupon", "gift")


class Reward(IdMixin, Base):
    __tablename__ = "rewards"

    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))
    points_cost: Mapped[int]
    item_id: Mapped[int | None] = mapped_column(ForeignKey("catalog_items.id"))
    coupon_fen: Mapped[int | None]
    stock: Mapped[int | None]  # gifts only; None is unlimited
    active: Mapped[bool] = mapped_column(default=True)

    item: Mapped[CatalogItem | None] = relationship()

    __table_args__ = (
        CheckConstraint("stock IS NULL OR stock >= 0", name="stock_not_negative"),
        CheckConstraint("points_cost > 0", name="cost_positive"),
    )


class Voucher(IdMixin, Base):
    __tablename__ = "vouchers"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    reward_id: Mapped[int] = mapped_column(ForeignKey("rewards.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    issued_at: Mapped[datetime]
    expires_on: Mapped[date]
    points_spent: Mapped[int]
    status: Mapped[str] = mapped_column(String(10), default="issued")  # issued|used|cancelled
    used_at: Mapped[datetime | None]
    used_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    used_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    cancelled_at: Mapped[datetime | None]

    reward: Mapped[Reward] = relationship()
    member: Mapped[Member] = relationship()
