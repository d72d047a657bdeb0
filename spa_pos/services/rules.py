"""Loyalty rules (积分规则): a change is in force from a chosen time, and the rules in force
at any moment can be shown.

The storage (the append-only `rule_changes` and reading the rules of a moment) lives in
`settings`; here are the owner's operations on it. A change may start now or later, never
earlier: a past start would rewrite the rules that points already earned were computed
with. What was earned is never recomputed either way, since every award is stored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from spa_pos import clock as clk
from spa_pos.errors import DomainError, NotFound
from spa_pos.models import RuleChange, Sale
from spa_pos.services import permissions, unit_of_work
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.settings import LOYALTY_KEYS as LOYALTY_KEYS  # re-exported
from spa_pos.services.settings import Settings

_WHOLE = re.compile(r"\s*[+-]?\d+\s*")


@dataclass(frozen=True)
class RulesInForce:
    at: datetime  # aware, in the clinic's zone
    rules: dict[str, Any]  # key -> value as JSON shows it (tiers as a list of mappings)


@dataclass(frozen=True)
class Change:
    """One recorded change, with its times in the clinic's zone."""

    key: str
    value: Any  # as JSON shows it
    effective_from: datetime
    recorded_at: datetime
    actor: str


def _require_rule(key: str) -> None:
    if key not in LOYALTY_KEYS:
        raise DomainError("rules.unknown_key", key=key, keys=", ".join(LOYALTY_KEYS))


def parse(key: str, text: str) -> Any:
    """The value a person typed for `key`, read by the key's type: a whole number, decimal
    text ("1.5"), or tiers as JSON (`[{"name", "threshold", "multiplier", "perks"}]`).
    Text that is not of the type is handed on as typed, so `check` refuses it with the
    key's own reason."""
    _require_rule(key)
    default = getattr(Settings(), key)
    if isinstance(default, int):
        return int(text) if _WHOLE.fullmatch(text) else text
    if isinstance(default, tuple):  # tiers
        try:
            return settings_svc.decode(key, json.loads(text))
        except (ValueError, TypeError, KeyError, AttributeError):
            return text
    return text.strip()


def check(key: str, text: str) -> Any:
    """`parse`, then the key's check: the value, or a DomainError with the reason."""
    value = parse(key, text)
    settings_svc.validate({key: value})
    return value


def change(
    ctx: Ctx, changes: dict[str, Any], effective_from: datetime | None = None
) -> list[Change]:
    """Record rule changes in force from `effective_from` (aware; default now), all of them
    or, if any key, value or the time is refused, none. Each leaves an audit row
    (`rules.change`) with the value in force before it at that time."""
    permissions.require(ctx, "change_catalog_rules")
    for key in changes:
        _require_rule(key)
    settings_svc.validate(changes)
    with unit_of_work.write(ctx) as work:
        start = effective_from or work.moment
        if start < work.moment:
            zone = ZoneInfo(work.settings.timezone)
            raise DomainError(
                "rules.from_in_past",
                start=f"{start.astimezone(zone):%Y-%m-%d %H:%M:%S}",
                now=f"{work.moment.astimezone(zone):%Y-%m-%d %H:%M:%S}",
            )
        before = settings_svc.load(work.session, start)
        rows = []
        for key, value in changes.items():
            rows.append(
                settings_svc.append_rule(
                    work.session,
                    key,
                    value,
                    effective_from=clk.to_utc_naive(start),
                    at=work.stamp,
                    actor=work.actor,
                )
            )
            work.audit(
                "rules.change",
                "rule",
                key,
                effective_from=start.isoformat(),
                before=settings_svc.encode(key, getattr(before, key)),
                after=settings_svc.encode(key, value),
            )
        return [_view(row, work.settings.timezone) for row in rows]


def in_force(ctx: Ctx, at: datetime | None = None) -> RulesInForce:
    """Every loyalty rule in force at `at` (aware; default now)."""
    with unit_of_work.read(ctx, at) as work:
        return _in_force(work.settings, work.moment)


def at_sale(ctx: Ctx, sale_no: str) -> RulesInForce:
    """The rules a past sale was computed with (those in force when it began)."""
    with ctx.db.read() as s:
        created = s.scalar(select(Sale.created_at).where(Sale.sale_no == sale_no.strip().upper()))
        if created is None:
            raise NotFound("general.sale_not_found", sale_no=sale_no)
        moment = clk.from_utc_naive(created)
        return _in_force(settings_svc.load(s, moment), moment)


def history(ctx: Ctx) -> list[Change]:
    """Every recorded change, newest start first (same start: the later recorded first)."""
    with ctx.db.read() as s:
        zone = settings_svc.detail(s, "timezone")
        rows = s.scalars(
            select(RuleChange).order_by(RuleChange.effective_from.desc(), RuleChange.id.desc())
        )
        return [_view(row, zone) for row in rows]


def _in_force(cfg: Settings, moment: datetime) -> RulesInForce:
    return RulesInForce(
        moment.astimezone(ZoneInfo(cfg.timezone)),
        {key: settings_svc.encode(key, getattr(cfg, key)) for key in LOYALTY_KEYS},
    )


def _view(row: RuleChange, zone: str) -> Change:
    tz = ZoneInfo(zone)
    return Change(
        row.key,
        json.loads(row.value),
        clk.from_utc_naive(row.effective_from).astimezone(tz),
        clk.from_utc_naive(row.recorded_at).astimezone(tz),
        row.actor,
    )
