"""The audit trail (审计): who did what, when, chained by hash so tampering shows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos.models import AuditEntry

GENESIS = "0" * 64


def _digest(
    prev_hash: str, at: datetime, actor: str, action: str, entity: str, entity_id: str, detail: str
) -> str:
    payload = "\x1f".join([prev_hash, at.isoformat(), actor, action, entity, entity_id, detail])
    return hashlib.sha256(payload.encode()).hexdigest()


# Built once: every unit of work that writes ends with an audit row.
_LAST_HASH = select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: object,
    detail: dict[str, Any],
) -> None:
    """Append one audit row in the caller's transaction (which holds the write lock)."""
    last = session.scalars(_LAST_HASH).first()
    prev = last or GENESIS
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    ident = str(entity_id)
    session.add(
        AuditEntry(
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=ident,
            detail=text,
            prev_hash=prev,
            hash=_digest(prev, at, actor, action, entity, ident, text),
        )
    )


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_bad: int | None


def verify(session: Session) -> ChainCheck:
    prev = GENESIS
    count = 0
    for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        count += 1
        expected = _digest(
            prev, row.at, row.actor, row.action, row.entity, row.entity_id, row.detail
        )
        if row.prev_hash != prev or row.hash != expected:
            return ChainCheck(False, count, row.id)
        prev = row.hash
    return ChainCheck(True, count, None)
