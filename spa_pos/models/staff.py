"""Staff accounts (员工): who may sign in, with which role, and the state of their PIN."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin


class StaffMember(IdMixin, Base):
    """One person. `role` is one of `spa_pos.services.permissions.ROLES`; `pin_hash` is
    `spa_pos.services.staff`'s self-describing scrypt string. `failed_count` wrong PINs in
    a row lock the account until `locked_until` (naive UTC): kept here, so a restart does
    not lift a lockout. A disabled account (`active` false) is kept for the history that
    names it."""

    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_count: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    # Commission (提成) in basis points of the revenue served, used for items that set no
    # rate of their own (`spa_pos.services.therapists.commission_fen`); None: 0.
    commission_rate_bp: Mapped[int | None]
