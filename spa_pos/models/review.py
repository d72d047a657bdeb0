"""The owner's monthly review of the points scheme (积分制度评估)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin


class SchemeReview(IdMixin, Base):
    """One review as written: the month's figures as they were when the owner read them
    (a JSON snapshot, so a later refund or import does not rewrite what was concluded
    from) and the owner's conclusions. A month may be reviewed again; each stays."""

    __tablename__ = "scheme_reviews"

    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM
    conclusions: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]
    figures: Mapped[str] = mapped_column(Text)  # JSON snapshot of the month's figures
