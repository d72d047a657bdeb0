"""Sales (销售) with lines and payments, and refunds (退款)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from spa_pos.models.base import Base, IdMixin
from spa_pos.models.catalog import CatalogItem
from spa_pos.models.member import Member

PAYMENT_METHODS = ("cash", "card", "wechat", "alipay")


class Sale(IdMixin, Base):
    __tablename__ = "sales"

    sale_no: Mapped[str] = mapped_column(String(20), unique=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(index=True)
    cashier: Mapped[str] = mapped_column(String(40))
    gross_fen: Mapped[int]  # sum of the lines before vouchers
    discount_fen: Mapped[int]  # taken off by vouchers (free units and cash coupons)
    due_fen: Mapped[int]  # what money had to pay
    paid_fen: Mapped[int]
    change_fen: Mapped[int]
    tier: Mapped[str | None] = mapped_column(String(20))
    points_earned: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(20), default="completed")
    # The till it was sold at (`spa_pos.till`) and its branch, NULL for the default till
    # and branch 1 (`spa_pos.services.tills.stored`).
    till: Mapped[str | None] = mapped_column(String(40))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"))

    member: Mapped[Member | None] = relationship()
    lines: Mapped[list[SaleLine]] = relationship(
        back_populates="sale", order_by="SaleLine.line_no", cascade="all, delete-orphan"
    )
    payments: Mapped[list[Payment]] = relationship(
        back_populates="sale", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_sales_member_created", "member_id", "created_at"),)


class SaleLine(IdMixin, Base):
    __tablename__ = "sale_lines"

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    line_no: Mapped[int]
    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"))
    name: Mapped[str] = mapped_column(String(60))
    qty: Mapped[int]
    unit_fen: Mapped[int]
    amount_fen: Mapped[int]  # unit * qty
    free_units: Mapped[int] = mapped_column(default=0)  # made free by reward vouchers
    net_fen: Mapped[int]  # paid with money, after vouchers and coupons
    item_points: Mapped[int] = mapped_column(default=0)  # this line's share of the sale's points
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("refunds.id"))
    # Who did the service (技师): services and courses only (`spa_pos.services.therapists`).
    therapist_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)

    sale: Mapped[Sale] = relationship(back_populates="lines")
    item: Mapped[CatalogItem] = relationship()


class Payment(IdMixin, Base):
    __tablename__ = "payments"

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    amount_fen: Mapped[int]

    sale: Mapped[Sale] = relationship(back_populates="payments")


class Refund(IdMixin, Base):
    __tablename__ = "refunds"

    refund_no: Mapped[str] = mapped_column(String(20), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(40))
    refunded_fen: Mapped[int]
    points_reversed: Mapped[int]
    till: Mapped[str | None] = mapped_column(String(40))  # as on Sale
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"))

    sale: Mapped[Sale] = relationship()
    payments: Mapped[list[RefundPayment]] = relationship(cascade="all, delete-orphan")


class RefundPayment(IdMixin, Base):
    __tablename__ = "refund_payments"

    refund_id: Mapped[int] = mapped_column(ForeignKey("refunds.id"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    amount_fen: Mapped[int]


class Feedback(IdMixin, Base):
    """Satisfaction after a visit (满意度回访): once per sale, 1–5 and a comment; `points`
    is the E4 interaction award it earned (0: not rewarded)."""

    __tablename__ = "feedback"

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    score: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
    points: Mapped[int] = mapped_column(default=0)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(40))
