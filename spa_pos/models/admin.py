"""Settings (设置), dated loyalty-rule changes (积分规则), the hash-chained audit trail (审计)
and activities (活动, E4)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from spa_pos.models.base import Base, IdMixin


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class RuleChange(IdMixin, Base):
    """A loyalty rule's new value, in force from `effective_from` on. Appended, never edited:
    the rules in force at any past moment stay readable, so a sale can be explained later."""

    __tablename__ = "rule_changes"

    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)  # JSON, as in `settings`
    effective_from: Mapped[datetime]  # naive UTC
    recorded_at: Mapped[datetime]  # naive UTC
    actor: Mapped[str] = mapped_column(String(40))

    __table_args__ = (Index("ix_rule_changes_effective_from", "effective_from"),)


class AuditEntry(IdMixin, Base):
    __tablename__ = "audit_log"

    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)  # JSON: before/after or what was done
    # JSON [[table, key, row hash or "-"], ...]: the business rows this operation wrote
    # ("" before 0009). Part of the keyed hash; see spa_pos.services.audit.
    rows: Mapped[str] = mapped_column(Text, default="", server_default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))  # HMAC-SHA256 (SHA-256 before 0009)


EVENT_KINDS = ("lecture", "salon", "quiz", "live", "video")


class Event(IdMixin, Base):
    __tablename__ = "events"

    name: Mapped[str] = mapped_column(String(60))
    # One of EVENT_KINDS (讲座, 沙龙, 问答, 直播, 视频); "lecture" for events made before 0014.
    kind: Mapped[str] = mapped_column(String(10), default="lecture", server_default="lecture")
    points: Mapped[int]
    on_date: Mapped[date]


class EventAttendance(IdMixin, Base):
    __tablename__ = "event_attendance"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("event_id", "member_id"),)
