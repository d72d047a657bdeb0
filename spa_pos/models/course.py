"""Prepaid course sessions (疗程余次): a balance separate from points."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from spa_pos.models.base import Base, IdMixin
from spa_pos.models.catalog import CatalogItem


class CourseBalance(IdMixin, Base):
    __tablename__ = "course_balances"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    course_item_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"))
    service_item_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"))
    # The sale line that bought it; None for sessions brought in by an import (its note
    # says so: 期初导入).
    sale_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))
    sessions_total: Mapped[int]
    sessions_used: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | refunded
    # The last business day a session may be used (the course's valid days counted from
    # the purchase); None: no limit.
    expires_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(String(20))

    course_item: Mapped[CatalogItem] = relationship(foreign_keys=[course_item_id])
    service_item: Mapped[CatalogItem] = relationship(foreign_keys=[service_item_id])

    @property
    def sessions_left(self) -> int:
        return self.sessions_total - self.sessions_used


class CourseUse(IdMixin, Base):
    __tablename__ = "course_uses"

    balance_id: Mapped[int] = mapped_column(ForeignKey("course_balances.id"), index=True)
    used_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(40))
    # Who did the session (技师), if the till named one.
    therapist_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
