"""The open cart of a till (购物车草稿): kept while the cashier works, so a crash, a power
cut or a closed window never loses a sale being rung up. Not money: nothing is sold or paid
until checkout writes the sale, which deletes the draft in the same transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin


class CartDraft(IdMixin, Base):
    __tablename__ = "cart_drafts"

    till: Mapped[str] = mapped_column(String(20), unique=True, default="main")
    member_card: Mapped[str | None] = mapped_column(String(20))
    lines: Mapped[str] = mapped_column(Text)  # JSON: [{"code", "qty", "price_fen"}, …]
    vouchers: Mapped[str] = mapped_column(Text)  # JSON: the voucher codes in the cart
    saved_at: Mapped[datetime]
