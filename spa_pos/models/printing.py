"""The print queue (打印队列): a failed print waits here for a retry; the sale is safe."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin


class PrintJob(IdMixin, Base):
    __tablename__ = "print_jobs"

    kind: Mapped[str] = mapped_column(String(10))  # receipt | voucher
    ref: Mapped[str] = mapped_column(String(20))  # sale / refund number or voucher code
    reprint: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="queued")  # queued|printed|failed
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    printed_at: Mapped[datetime | None]
    output: Mapped[str | None] = mapped_column(Text)  # e.g. the PDF's path

    __table_args__ = (
        Index("ix_print_jobs_status", "status"),
        CheckConstraint("kind in ('receipt', 'voucher')", name="kind_known"),
        CheckConstraint("status in ('queued', 'printed', 'failed')", name="status_known"),
    )
