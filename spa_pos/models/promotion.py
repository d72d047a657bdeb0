"""Promotions (限时活动 / 动态积分): time-boxed points multipliers or bonus points."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from spa_pos.models.base import Base, IdMixin


class Promotion(IdMixin, Base):
    """In force for sales in [starts_at, ends_at) that began before `ended_at`, if it was
    ended early. Either `multiplier` (exact decimal text, > 1) or `bonus_points` is set.
    The scope is its items, else its category, else everything; `tag` limits it to
    members holding that tag."""

    __tablename__ = "promotions"

    name: Mapped[str] = mapped_column(String(40))
    starts_at: Mapped[datetime]  # naive UTC, included
    ends_at: Mapped[datetime]  # naive UTC, excluded
    multiplier: Mapped[str | None] = mapped_column(String(12))
    bonus_points: Mapped[int | None]
    category: Mapped[str | None] = mapped_column(String(30))
    tag: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(40))
    ended_at: Mapped[datetime | None]
    ended_by: Mapped[str | None] = mapped_column(String(40))

    items: Mapped[list[PromotionItem]] = relationship(
        cascade="all, delete-orphan", order_by="PromotionItem.item_id"
    )

    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint(
            "(multiplier IS NULL) <> (bonus_points IS NULL)", name="multiplier_or_bonus"
        ),
        Index("ix_promotions_period", "starts_at", "ends_at"),
    )


class PromotionItem(Base):
    """One catalog item a promotion is limited to."""

    __tablename__ = "promotion_items"

    promotion_id: Mapped[int] = mapped_column(ForeignKey("promotions.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"), primary_key=True)
