"""Members (会员) and their tags."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from spa_pos.models.base import Base, IdMixin


class Member(IdMixin, Base):
    __tablename__ = "members"

    card_no: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str] = mapped_column(String(11), unique=True)
    phone_last4: Mapped[str] = mapped_column(String(4), index=True)
    pinyin: Mapped[str] = mapped_column(String(120), index=True)
    initials: Mapped[str] = mapped_column(String(40), index=True)
    birthday: Mapped[date | None]
    gender: Mapped[str | None] = mapped_column(String(1))
    referrer_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    health_needs: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    marketing_consent: Mapped[bool] = mapped_column(default=False)  # opt-in
    joined_at: Mapped[datetime] = mapped_column(index=True)
    last_visit_at: Mapped[datetime | None] = mapped_column(index=True)
    referral_awarded: Mapped[bool] = mapped_column(default=False)
    # Cached sum of this member's ledger entries; `points.check_balances` proves it.
    points_balance: Mapped[int] = mapped_column(default=0)
    # The home branch; NULL is branch 1 (`spa_pos.models.branch`).
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"))
    # When the member's personal data was erased on request (`privacy.erase`); the row
    # stays, anonymous, with its balances, for the ledger and the totals.
    erased_at: Mapped[datetime | None]

    referrer: Mapped[Member | None] = relationship(remote_side="Member.id")
    tags: Mapped[list[MemberTag]] = relationship(
        back_populates="member", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_members_name", "name"),)


class MemberTag(Base):
    __tablename__ = "member_tags"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)

    member: Mapped[Member] = relationship(back_populates="tags")


class MemberNote(IdMixin, Base):
    """A consultation note (问诊记录) with who wrote it and when; appended, never edited.
    Health details: kept out of every masked read model (lists, lookups, exports)."""

    __tablename__ = "member_notes"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    at: Mapped[datetime]
    author: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
