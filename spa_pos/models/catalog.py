"""The catalog: services (理疗项目), course packages (疗程) and products (产品)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from spa_pos.models.base import Base, IdMixin

ITEM_KINDS = ("service", "course", "product")


class CatalogItem(IdMixin, Base):
    __tablename__ = "catalog_items"

    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    # The name's search keys (`spa_pos.pinyin`), kept with the row so start-up and the
    # checkout search never load pypinyin.
    pinyin: Mapped[str] = mapped_column(String(240), default="")
    initials: Mapped[str] = mapped_column(String(60), default="")
    kind: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(30), default="")
    price_fen: Mapped[int]
    # E1: a fixed points value per unit; None earns at the rate per yuan paid.
    points: Mapped[int | None]
    # Course packages: how many sessions of which service one package holds.
    sessions: Mapped[int | None]
    course_service_id: Mapped[int | None] = mapped_column(ForeignKey("catalog_items.id"))
    # Course packages: a balance bought expires this many days after the purchase (None:
    # never). The balance keeps its own date, so a later change only affects later sales.
    valid_days: Mapped[int | None]
    # Retired items leave the till but stay in sales, receipts and reports.
    active: Mapped[bool] = mapped_column(default=True)
    # Where the item stands on the till: lower first, then by code.
    sort_order: Mapped[int] = mapped_column(default=0, server_default="0")
    # Commission (提成) in basis points of the revenue, for whoever served it; None: the
    # therapist's own rate applies (`spa_pos.services.therapists.commission_fen`).
    commission_rate_bp: Mapped[int | None]

    course_service: Mapped[CatalogItem | None] = relationship(remote_side="CatalogItem.id")

    __table_args__ = (
        CheckConstraint("price_fen >= 0", name="price_not_negative"),
        CheckConstraint("kind in ('service', 'course', 'product')", name="kind_known"),
    )
