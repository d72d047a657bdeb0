"""Clinic settings (设置). Every loyalty number is read from here, never from a literal.

Defaults are the ones in shared/design/loyalty-rules.md; the owner's changes are stored as
JSON and override them key by key. Two kinds of key:

- the clinic's own details (name, printer, time zone, …) live in the `settings` table and
  apply at once;
- the loyalty rules (积分规则, the fields made with `_rule`) are dated: each change is a row
  of `rule_changes` in force from its time on, appended and never edited. `load(session,
  at)` gives the rules in force AT a moment, so a sale, a refund or a job reads the rules
  of its own moment and a change never alters what was computed before it.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from fractions import Fraction
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from spa_pos import clock as clk
from spa_pos import limits
from spa_pos.errors import DomainError
from spa_pos.models import Branch, RuleChange, Setting
from spa_pos.models.branch import MAIN_BRANCH
from spa_pos.services import audit, permissions
from spa_pos.services.context import Ctx

log = logging.getLogger(__name__)

T = TypeVar("T")


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


# --- the rules a stored value must meet ----------------------------------------------------
# Each setting names its check next to its default (`_setting(default, check)`); `save`
# runs the checks of every key it is given before it writes any of them, so a bad value is
# refused when it is entered, not found by the nightly job that first uses it. A check
# raises a DomainError (code `settings.*`) whose `key` parameter names the setting.

Check = Callable[[str, Any], None]
_CHECK = "check"
_DATED = "dated"
LANGUAGES = ("zh_CN", "en")  # "" follows the system
RECEIPT_WIDTHS_MM = (80, 58)
PRINTER_KINDS = ("pdf", "escpos_network", "escpos_usb", "escpos_serial", "system")
_DECIMAL = re.compile(r"\d{1,6}(\.\d{1,6})?")
_HH_MM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_HEX = re.compile(r"[0-9a-f]+")


def _setting(default: T, check: Check) -> T:
    """A field whose value `check` accepts (the default is an immutable value), in force
    as soon as it is saved."""
    return field(default=default, metadata={_CHECK: check})


def _rule(default: T, check: Check) -> T:
    """A loyalty rule: like `_setting`, but each change is in force from a chosen time."""
    return field(default=default, metadata={_CHECK: check, _DATED: True})


def _text(max_len: int) -> Check:
    """One line of text a person typed: no control characters, at most `max_len` long."""

    def check(key: str, value: Any) -> None:
        if not isinstance(value, str):
            raise DomainError("settings.not_text", key=key)
        if len(value) > max_len:
            raise DomainError("settings.too_long", key=key, max_len=max_len)
        if any(unicodedata.category(c) in ("Cc", "Cs") for c in value):
            raise DomainError("settings.control_characters", key=key)

    return check


def _integer(low: int, high: int | None = None) -> Check:
    """A whole number from `low` up to `high` (no upper bound when None)."""

    def check(key: str, value: Any) -> None:
        is_int = isinstance(value, int) and not isinstance(value, bool)
        if high is None:
            if not is_int or value < low:
                raise DomainError("settings.int_at_least", key=key, value=value, low=low)
        elif not is_int or not low <= value <= high:
            raise DomainError("settings.int_between", key=key, value=value, low=low, high=high)

    return check


def _is_positive_decimal(value: Any) -> bool:
    """Decimal text above zero and at most `limits.MAX_RATE` (a rate or a multiplier)."""
    return (
        isinstance(value, str)
        and _DECIMAL.fullmatch(value) is not None
        and 0 < Fraction(value) <= limits.MAX_RATE
    )


def _positive_decimal(key: str, value: Any) -> None:
    """A rate or multiplier as decimal text ("1.5"), above zero."""
    if not _is_positive_decimal(value):
        raise DomainError("settings.not_positive_decimal", key=key, value=value)


def _one_of(*choices: object) -> Check:
    def check(key: str, value: Any) -> None:
        if type(value) not in {type(c) for c in choices} or value not in choices:
            raise DomainError(
                "settings.not_a_choice",
                key=key,
                value=value,
                choices=", ".join(repr(c) for c in choices),
            )

    return check


def _time_zone(key: str, value: Any) -> None:
    """An IANA zone name the system knows ("Asia/Shanghai")."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise DomainError("settings.unknown_time_zone", key=key, value=value) from exc


def _time_of_day(key: str, value: Any) -> None:
    """HH:MM on the 24-hour clock."""
    if not isinstance(value, str) or _HH_MM.fullmatch(value) is None:
        raise DomainError("settings.not_time_of_day", key=key, value=value)


def _pin_hash(key: str, value: Any) -> None:
    """`salt$hash`, both lowercase hex (made by `staff`, never typed)."""
    salt, dollar, digest = value.partition("$") if isinstance(value, str) else ("", "", "")
    if not (dollar and _HEX.fullmatch(salt) and _HEX.fullmatch(digest)):
        raise DomainError("settings.bad_secret", key=key)


def _printer(key: str, value: Any) -> None:
    """Which printer: a mapping with a known `kind` (its details are checked when used)."""
    if not isinstance(value, dict) or value.get("kind") not in PRINTER_KINDS:
        raise DomainError("settings.bad_printer", key=key, kinds=", ".join(PRINTER_KINDS))


_tier_text = _text(20)


def _tiers(key: str, value: Any) -> None:
    """At least one tier, the first from 0 points, thresholds strictly increasing, names
    present and different, multipliers positive decimals."""
    if not isinstance(value, tuple | list) or not all(isinstance(t, Tier) for t in value):
        raise DomainError("settings.tiers_not_tiers", key=key)
    if not value:
        raise DomainError("settings.tiers_empty", key=key)
    names = [t.name for t in value]
    for tier in value:
        _tier_text(key, tier.name)
        if not tier.name.strip():
            raise DomainError("settings.tier_name_empty", key=key)
        if names.count(tier.name) > 1:
            raise DomainError("settings.tier_name_repeated", key=key, name=tier.name)
        if not _is_positive_decimal(tier.multiplier):
            raise DomainError(
                "settings.tier_bad_multiplier", key=key, name=tier.name, value=tier.multiplier
            )
        if not isinstance(tier.perks, tuple | list):
            raise DomainError("settings.tiers_not_tiers", key=key)
        for perk in tier.perks:
            _tier_text(key, perk)
        if not isinstance(tier.threshold, int) or isinstance(tier.threshold, bool):
            raise DomainError("settings.tier_bad_threshold", key=key, name=tier.name)
    thresholds = [t.threshold for t in value]
    if thresholds[0] != 0:
        raise DomainError("settings.tiers_first_not_zero", key=key, name=value[0].name)
    if any(a >= b for a, b in itertools.pairwise(thresholds)):
        raise DomainError("settings.tiers_not_increasing", key=key)


@dataclass(frozen=True)
class Settings:
    clinic_name: str = _setting("理疗馆", _text(40))
    clinic_address: str = _setting("", _text(100))
    clinic_phone: str = _setting("", _text(30))
    receipt_footer: str = _setting("谢谢惠顾，祝您健康！", _text(100))
    timezone: str = _setting("Asia/Shanghai", _time_zone)
    language: str = _setting("", _one_of("", *LANGUAGES))  # "" follows the system
    # The language member care's messages are written in (its templates are kept per
    # language): the members' language, not the staff's.
    message_language: str = _setting("zh_CN", _one_of(*LANGUAGES))
    # Earning
    earn_rate_per_yuan: str = _rule("1", _positive_decimal)  # E1, points per yuan paid
    course_bonus_min_sessions: int = _rule(10, _integer(1))  # E2
    course_bonus_percent: int = _rule(20, _integer(0, 100))  # E2
    referral_referrer_points: int = _rule(200, _integer(0, limits.MAX_POINTS))  # E3
    referral_new_member_points: int = _rule(100, _integer(0, limits.MAX_POINTS))  # E3
    streak_months: int = _rule(3, _integer(1))  # E5
    streak_min_visit_days: int = _rule(2, _integer(1))  # E5
    streak_bonus: int = _rule(500, _integer(0, limits.MAX_POINTS))  # E5
    birthday_multiplier: str = _rule("2", _positive_decimal)  # E6
    tiers: tuple[Tier, ...] = _rule(DEFAULT_TIERS, _tiers)  # E7
    event_points_min: int = _rule(50, _integer(1, limits.MAX_POINTS))  # E4, per event
    event_points_max: int = _rule(150, _integer(1, limits.MAX_POINTS))  # E4
    adjust_manager_limit: int = _rule(200, _integer(0, limits.MAX_POINTS))  # E8
    # Expiry
    points_validity_months: int = _rule(12, _integer(1))  # X1
    reminder_window_days: int = _rule(30, _integer(1))  # X4
    rescue_min_points: int = _rule(500, _integer(0, limits.MAX_POINTS))  # X5
    rescue_bonus_points: int = _rule(100, _integer(1, limits.MAX_POINTS))  # X5
    # Redemption
    voucher_valid_days: int = _rule(90, _integer(1))  # R2
    # R3's voucher-signing secret is not a setting: it lives in the keyring outside the
    # database (spa_pos.services.keys), so that no copy of the file carries it.
    manager_pin_hash: str = _setting("", _pin_hash)  # set in the first-run wizard
    # Member insight
    high_value_top_percent: int = _rule(10, _integer(0, 100))
    dormant_days: int = _rule(30, _integer(1))
    birthday_soon_days: int = _rule(7, _integer(1))
    # Member care (会员关怀): "再积 N 分可兑换 X" when N is at most this; a course whose
    # sessions lie unused this many days gets a reminder.
    points_goal_gap: int = _rule(100, _integer(1, limits.MAX_POINTS))
    course_idle_days: int = _rule(60, _integer(1))
    # Operations
    closing_time: str = _setting("21:30", _time_of_day)
    backup_dir: str = _setting("", _text(1000))
    backup_keep: int = _setting(10, _integer(1))
    printer: dict[str, Any] = field(
        default_factory=lambda: {"kind": "pdf", "folder": ""}, metadata={_CHECK: _printer}
    )
    receipt_width_mm: int = _setting(80, _one_of(*RECEIPT_WIDTHS_MM))
    # The till signs out after this many minutes without a key or a click (0: never);
    # the cart stays for whoever signs in next.
    idle_sign_out_minutes: int = _setting(10, _integer(0, 24 * 60))

    def tier_for(self, earned_12m: int) -> Tier:
        reached = [t for t in self.tiers if earned_12m >= t.threshold]
        return max(reached, key=lambda t: t.threshold) if reached else self.tiers[0]


_FIELDS = {f.name: f for f in fields(Settings)}
# The loyalty rules, in the order of the dataclass (the rules screen and `rules show`).
LOYALTY_KEYS = tuple(f.name for f in fields(Settings) if f.metadata.get(_DATED))


def decode(key: str, raw: Any) -> Any:
    """The value of `key` from its stored JSON form (tiers from a list of mappings)."""
    if key == "tiers":
        return tuple(
            Tier(t["name"], int(t["threshold"]), str(t["multiplier"]), tuple(t.get("perks", ())))
            for t in raw
        )
    return raw


def encode(key: str, value: Any) -> Any:
    """`value` of `key` as stored and shown: JSON (tiers as a list of mappings)."""
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


# Built once: load runs on every sale. Rule changes come oldest first, so the last one of a
# key in force at the moment wins (same time: the one recorded later).
_STORED = select(Setting.key, Setting.value)
_RULES_AT = (
    select(RuleChange.key, RuleChange.value)
    .where(RuleChange.effective_from <= bindparam("at"))
    .order_by(RuleChange.effective_from, RuleChange.id)
)


def load(session: Session, at: datetime) -> Settings:
    """The settings in force at `at` (aware): the clinic's details as stored now, and the
    loyalty rules in force at that moment. A stored value that fails its key's check
    (written into the file by hand, or by a damaged copy) is read as the default and
    logged: an unknown time zone must not make every command crash; saving the setting
    again repairs the row."""
    stored = dict(session.execute(_STORED).tuples().all())
    rules = dict(session.execute(_RULES_AT, {"at": clk.to_utc_naive(at)}).tuples().all())
    raw = {k: v for k, v in stored.items() if k in _FIELDS and k not in LOYALTY_KEYS}
    raw.update({k: v for k, v in rules.items() if k in LOYALTY_KEYS})
    values = {}
    for key, text in raw.items():
        try:
            value = decode(key, json.loads(text))
            _FIELDS[key].metadata[_CHECK](key, value)
        except (DomainError, ValueError, KeyError, TypeError):
            log.warning("stored setting %s is invalid; using its default", key)
            continue
        values[key] = value
    return replace(Settings(), **values)


def business_date(session: Session, now: datetime) -> date:
    """The clinic's date at `now` (its time zone), e.g. for voucher expiry or a birthday."""
    return clk.local_date(now, load(session, now).timezone)


def current(ctx: Ctx, at: datetime | None = None) -> Settings:
    """The settings in force now (or at `at`), read in a session of their own (the
    window's screens)."""
    with ctx.db.read() as s:
        return load(s, at or ctx.clock.now())


# Values too secret for the audit trail: only that they changed is recorded.
SECRET_KEYS = frozenset({"manager_pin_hash"})


def validate(changes: dict[str, Any]) -> None:
    """Refuse the first unknown key or bad value (a DomainError naming the key)."""
    for key, value in changes.items():
        if key not in _FIELDS:
            raise DomainError("settings.unknown_key", key=key)
        _FIELDS[key].metadata[_CHECK](key, value)


def update(ctx: Ctx, **changes: Any) -> Settings:
    """Change settings now, as one unit of work with an audit row (`settings.update`)
    naming each key that really changed, before and after; a loyalty rule among them is
    in force from now on (`spa_pos.services.rules.change` chooses another time). Nothing
    changed: nothing written; any bad value: nothing written either. A manager's
    (`change_settings`)."""
    permissions.require(ctx, "change_settings")
    return _write(ctx, changes)


def remember_backup_dir(ctx: Ctx, folder: str) -> Settings:
    """The folder a backup just went to becomes `backup_dir` (audited like `update`).
    `maintenance.backup_now` checked `change_settings` first when the folder is new."""
    return _write(ctx, {"backup_dir": folder})


def _write(ctx: Ctx, changes: dict[str, Any]) -> Settings:
    validate(changes)
    now = ctx.clock.now()
    with ctx.db.write() as s:
        before = load(s, now)
        changed = {
            k: v for k, v in changes.items() if getattr(before, k) != decode(k, encode(k, v))
        }
        if not changed:
            return before
        stamp = clk.to_utc_naive(now)
        for key in [k for k in changed if k in LOYALTY_KEYS]:
            append_rule(s, key, changed[key], effective_from=stamp, at=stamp, actor=ctx.actor.label)
        save(s, **{k: v for k, v in changed.items() if k not in LOYALTY_KEYS})
        after = load(s, now)
        detail = {
            k: {"changed": True}
            if k in SECRET_KEYS
            else {"before": encode(k, getattr(before, k)), "after": encode(k, getattr(after, k))}
            for k in changed
        }
        audit.record(
            s,
            at=stamp,
            actor=ctx.actor.label,
            action="settings.update",
            entity="settings",
            entity_id=",".join(changed),
            detail=detail,
            approver=ctx.actor.approver.name if ctx.actor.approver else None,
        )
        return after


def save(session: Session, **changes: Any) -> None:
    """Store changed settings (inside the caller's unit of work), all of them or, if any
    key or value is refused, none. Not a loyalty rule: those are dated (`append_rule`)."""
    validate(changes)
    for key in changes:
        if key in LOYALTY_KEYS:
            raise DomainError("settings.dated_rule", key=key)
    for key, value in changes.items():
        encoded = json.dumps(encode(key, value), ensure_ascii=False)
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=encoded))
        else:
            row.value = encoded
    if "clinic_name" in changes:
        _name_the_only_branch(session, changes["clinic_name"])
    session.flush()


def _name_the_only_branch(session: Session, name: str) -> None:
    """While the clinic is its only branch (branch 1, named after the clinic when it was
    made), the branch is the clinic: its name follows the clinic's. Once a chain has
    several, each branch keeps the name it was given."""
    if session.scalar(select(func.count()).select_from(Branch)) == 1:
        branch = session.get(Branch, MAIN_BRANCH)
        if branch is not None:
            branch.name = name


def append_rule(
    session: Session, key: str, value: Any, *, effective_from: datetime, at: datetime, actor: str
) -> RuleChange:
    """Append one loyalty-rule change (inside the caller's unit of work), in force from
    `effective_from`, recorded `at` (both naive UTC). The caller checks the time and
    leaves the audit row."""
    if key not in LOYALTY_KEYS:
        raise DomainError("rules.unknown_key", key=key)
    validate({key: value})
    change = RuleChange(
        key=key,
        value=json.dumps(encode(key, value), ensure_ascii=False),
        effective_from=effective_from,
        recorded_at=at,
        actor=actor,
    )
    session.add(change)
    session.flush()
    return change


def detail(session: Session, key: str) -> Any:
    """One of the clinic's own settings (time zone, secret, …), which apply at once; a
    loyalty rule needs its moment (`load`)."""
    if key in LOYALTY_KEYS:
        raise DomainError("settings.dated_rule", key=key)
    row = session.get(Setting, key)
    return getattr(Settings(), key) if row is None else decode(key, json.loads(row.value))
