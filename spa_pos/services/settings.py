"""Clinic settings (设置). Every loyalty number is read from here, never from a literal.

Defaults are the ones in shared/design/loyalty-rules.md; the owner's changes are stored as
JSON in the `settings` table and override them key by key.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import Setting
from spa_pos.services import audit
from spa_pos.services.context import Ctx


@dataclass(frozen=True)
class Tier:
    name: str
    threshold: int  # points earned in the last 12 months
    multiplier: str  # decimal text, e.g. "1.1"
    perks: tuple[str, ...] = ()

    @property
    def factor(self) -> Fraction:
        return Fraction(self.multiplier)


DEFAULT_TIERS = (
    Tier("普通", 0, "1.0"),
    Tier("银卡", 1000, "1.1", ("生日礼遇",)),
    Tier("金卡", 3000, "1.2", ("生日礼遇", "优先预约")),
    Tier("钻石", 8000, "1.5", ("生日礼遇", "优先预约", "私人定制方案")),
)


@dataclass(frozen=True)
class Settings:
    clinic_name: str = "理疗馆"
    clinic_address: str = ""
    clinic_phone: str = ""
    receipt_footer: str = "谢谢惠顾，祝您健康！"
    timezone: str = "Asia/Shanghai"
    language: str = ""  # "" follows the system
    # Earning
    earn_rate_per_yuan: str = "1"  # E1, points per yuan paid for items without a value
    course_bonus_min_sessions: int = 10  # E2
    course_bonus_percent: int = 20  # E2
    referral_referrer_points: int = 200  # E3
    referral_new_member_points: int = 100  # E3
    streak_months: int = 3  # E5
    streak_min_visit_days: int = 2  # E5
    streak_bonus: int = 500  # E5
    birthday_multiplier: str = "2"  # E6
    tiers: tuple[Tier, ...] = DEFAULT_TIERS  # E7
    adjust_manager_limit: int = 200  # E8
    # Expiry
    points_validity_months: int = 12  # X1
    reminder_window_days: int = 30  # X4
    rescue_min_points: int = 500  # X5
    # Redemption
    voucher_valid_days: int = 90  # R2
    voucher_secret: str = ""  # R3, made by `init`
    manager_pin_hash: str = ""  # "salt$hash"; set in the first-run wizard
    # Member insight
    high_value_top_percent: int = 10
    dormant_days: int = 30
    birthday_soon_days: int = 7
    # Operations
    closing_time: str = "21:30"
    backup_dir: str = ""
    backup_keep: int = 10
    printer: dict[str, Any] = field(default_factory=lambda: {"kind": "pdf", "folder": ""})
    receipt_width_mm: int = 80

    def tier_for(self, earned_12m: int) -> Tier:
        reached = [t for t in self.tiers if earned_12m >= t.threshold]
        return max(reached, key=lambda t: t.threshold) if reached else self.tiers[0]


_FIELDS = {f.name: f for f in fields(Settings)}


def _decode(key: str, raw: Any) -> Any:
    if key == "tiers":
        return tuple(
            Tier(t["name"], int(t["threshold"]), str(t["multiplier"]), tuple(t.get("perks", ())))
            for t in raw
        )
    return raw


def _encode(key: str, value: Any) -> Any:
    if key == "tiers":
        return [
            {
                "name": t.name,
                "threshold": t.threshold,
                "multiplier": t.multiplier,
                "perks": list(t.perks),
            }
            for t in value
        ]
    return value


_STORED = select(Setting.key, Setting.value)  # built once: load runs on every sale


def load(session: Session) -> Settings:
    stored = dict(session.execute(_STORED).tuples().all())
    values = {k: _decode(k, json.loads(v)) for k, v in stored.items() if k in _FIELDS}
    return replace(Settings(), **values)


def business_date(session: Session, now: datetime) -> date:
    """The clinic's date at `now` (its time zone), e.g. for voucher expiry or a birthday."""
    return clk.local_date(now, load(session).timezone)


# Values too secret for the audit trail: only that they changed is recorded.
SECRET_KEYS = frozenset({"voucher_secret", "manager_pin_hash"})


def update(ctx: Ctx, **changes: Any) -> Settings:
    """Change settings as one unit of work with an audit row (`settings.update`) naming
    each key that really changed, before and after. Nothing changed: nothing written."""
    with ctx.db.write() as s:
        before = load(s)
        changed = {
            k: v
            for k, v in changes.items()
            if k not in _FIELDS or getattr(before, k) != _decode(k, _encode(k, v))
        }
        if not changed:
            return before
        after = save(s, **changed)
        detail = {
            k: {"changed": True}
            if k in SECRET_KEYS
            else {"before": _encode(k, getattr(before, k)), "after": _encode(k, getattr(after, k))}
            for k in changed
        }
        audit.record(
            s,
            at=clk.to_utc_naive(ctx.clock.now()),
            actor=ctx.actor.name,
            action="settings.update",
            entity="settings",
            entity_id=",".join(changed),
            detail=detail,
        )
        return after


def save(session: Session, **changes: Any) -> Settings:
    """Store changed settings (inside the caller's unit of work)."""
    for key, value in changes.items():
        if key not in _FIELDS:
            raise DomainError(f"未知设置项: {key}")
        encoded = json.dumps(_encode(key, value), ensure_ascii=False)
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=encoded))
        else:
            row.value = encoded
    session.flush()
    return load(session)


def ensure_secret(session: Session) -> None:
    """Create the clinic's voucher-signing secret once (R3)."""
    if not load(session).voucher_secret:
        save(session, voucher_secret=secrets.token_hex(32))
