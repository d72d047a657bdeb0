"""Imports (数据导入): one row per file brought in, so the same file is never imported twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin


class ImportBatch(IdMixin, Base):
    __tablename__ = "import_batches"

    kind: Mapped[str] = mapped_column(String(10))  # members | catalog
    sha256: Mapped[str] = mapped_column(String(64))  # of the file's bytes
    rows: Mapped[int]
    actor: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("kind", "sha256"),)
