"""Branches (门店) and tills (收银台).

One clinic is branch 1 and, until a chain shares members and points between branches,
the only one: the `branch_id` columns (sales, refunds, day closes, members' home branch)
are there so that a chain's data can be told apart later; no rule reads them, and the
points rules are the same in every branch. NULL in a `branch_id` means branch 1, as NULL
in a `till` column means the default till (`spa_pos.services.tills.stored`): a clinic
with one till and one branch writes its rows exactly as before tills existed.

A till is registered the first time it numbers a sale or refund (`spa_pos.services.tills`):
its id gives it the code its document numbers carry, so that two tills never make the
same number.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin

MAIN_BRANCH = 1


class Branch(IdMixin, Base):
    __tablename__ = "branches"

    name: Mapped[str] = mapped_column(String(40))


class Till(IdMixin, Base):
    __tablename__ = "tills"

    name: Mapped[str] = mapped_column(String(40), unique=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branches.id"), default=MAIN_BRANCH)
