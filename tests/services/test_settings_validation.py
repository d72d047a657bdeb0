"""Every setting is checked when it is saved: a bad value is refused with a reason naming
the key, and nothing of the change is written (not even its good keys)."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from spa_pos import messages
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, RuleChange, Setting
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.settings import DEFAULT_TIERS, Settings, Tier

SILVER, GOLD = DEFAULT_TIERS[1], DEFAULT_TIERS[2]


def stored(ctx: Ctx) -> tuple[dict[str, str], int]:
    """Every stored setting and rule change, and the number of audit rows."""
    with ctx.db.read() as s:
        rows = {row.key: row.value for row in s.scalars(select(Setting))}
        rows |= {f"rule {r.id} {r.key}": r.value for r in s.scalars(select(RuleChange))}
        return rows, s.scalar(select(func.count(AuditEntry.id))) or 0


# (key, bad value, code): one row per rule at least.
REFUSED: list[tuple[str, Any, str]] = [
    ("colour", "red", "settings.unknown_key"),
    ("clinic_name", 42, "settings.not_text"),
    ("clinic_name", "理" * 41, "settings.too_long"),
    ("receipt_footer", "谢谢\n再见", "settings.control_characters"),
    ("clinic_phone", "0571\x00", "settings.control_characters"),
    ("backup_dir", "/media/usb\x1b", "settings.control_characters"),
    ("timezone", "Mars/Olympus", "settings.unknown_time_zone"),
    ("timezone", "", "settings.unknown_time_zone"),
    ("timezone", "../../etc/passwd", "settings.unknown_time_zone"),
    ("closing_time", "9:30", "settings.not_time_of_day"),
    ("closing_time", "24:00", "settings.not_time_of_day"),
    ("closing_time", "21:60", "settings.not_time_of_day"),
    ("language", "fr", "settings.not_a_choice"),
    ("message_language", "", "settings.not_a_choice"),  # the members' language: no default
    ("earn_rate_per_yuan", "0", "settings.not_positive_decimal"),
    ("earn_rate_per_yuan", "-1", "settings.not_positive_decimal"),
    ("earn_rate_per_yuan", "1/2", "settings.not_positive_decimal"),
    ("birthday_multiplier", 2, "settings.not_positive_decimal"),
    ("birthday_multiplier", "两倍", "settings.not_positive_decimal"),
    ("course_bonus_percent", 101, "settings.int_between"),
    ("high_value_top_percent", -1, "settings.int_between"),
    ("points_validity_months", 0, "settings.int_at_least"),
    ("dormant_days", 0, "settings.int_at_least"),
    ("event_points_min", 0, "settings.int_between"),
    ("event_points_max", 10**19, "settings.int_between"),  # limits.MAX_POINTS
    ("adjust_manager_limit", -5, "settings.int_between"),
    ("adjust_manager_limit", 10**19, "settings.int_between"),  # limits.MAX_POINTS
    ("backup_keep", 0, "settings.int_at_least"),
    ("idle_sign_out_minutes", -1, "settings.int_between"),
    ("idle_sign_out_minutes", 24 * 60 + 1, "settings.int_between"),
    ("streak_bonus", "500", "settings.int_between"),
    ("referral_referrer_points", 1_000_001, "settings.int_between"),
    ("earn_rate_per_yuan", "101", "settings.not_positive_decimal"),  # limits.MAX_RATE
    ("voucher_valid_days", True, "settings.int_at_least"),
    ("reminder_window_days", 2.5, "settings.int_at_least"),
    ("receipt_width_mm", 70, "settings.not_a_choice"),
    ("printer", {"kind": "fax"}, "settings.bad_printer"),
    ("printer", "pdf", "settings.bad_printer"),
    ("manager_pin_hash", "1234", "settings.bad_secret"),
    ("tiers", (), "settings.tiers_empty"),
    ("tiers", ({"name": "普通", "threshold": 0},), "settings.tiers_not_tiers"),
    ("tiers", (Tier("普通", 100, "1.0"), GOLD), "settings.tiers_first_not_zero"),
    ("tiers", (Tier("普通", 0, "1.0"), GOLD, SILVER), "settings.tiers_not_increasing"),
    ("tiers", (Tier("普通", 0, "1.0"), Tier("银卡", 0, "1.1")), "settings.tiers_not_increasing"),
    ("tiers", (Tier("普通", 0, "1.0"), Tier(" ", 100, "1.1")), "settings.tier_name_empty"),
    ("tiers", (Tier("普通", 0, "1.0"), Tier("普通", 100, "1.1")), "settings.tier_name_repeated"),
    ("tiers", (Tier("普通", 0, "1.0"), Tier("银卡", 100, "0")), "settings.tier_bad_multiplier"),
    ("tiers", (Tier("普通", 0, "1.0"), Tier("银卡", "100", "1.1")), "settings.tier_bad_threshold"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("key", "value", "code"), REFUSED, ids=[code for _, _, code in REFUSED])
def test_a_bad_value_is_refused_with_its_reason_and_nothing_is_written(
    ctx: Ctx, key: str, value: Any, code: str
) -> None:
    before = stored(ctx)

    with pytest.raises(DomainError) as refused:
        settings_svc.update(ctx, **{"clinic_address": "新地址", key: value})

    assert refused.value.code == code
    assert refused.value.params["key"] == key
    for language in messages.CATALOGUES:
        assert code in messages.CATALOGUES[language]  # a sentence, not the bare code
        assert key in refused.value.render(language)
    assert stored(ctx) == before


def test_the_unknown_key_message_is_unchanged(ctx: Ctx) -> None:
    with pytest.raises(DomainError, match="未知设置项: colour"):
        settings_svc.update(ctx, colour="red")


def test_save_refuses_before_writing_any_key(ctx: Ctx) -> None:
    """Even a caller that catches the refusal inside its unit of work has written nothing."""
    with ctx.db.write() as s:
        with pytest.raises(DomainError, match="closing_time"):
            settings_svc.save(s, clinic_name="新名字", closing_time="半夜")
        assert s.scalar(select(func.count(Setting.key)).where(Setting.key == "clinic_name")) == 0
        assert settings_svc.detail(s, "clinic_name") == Settings().clinic_name


ACCEPTED: list[tuple[str, Any]] = [
    ("clinic_name", "理" * 40),
    ("clinic_address", ""),
    ("receipt_footer", "谢谢惠顾 Thank you!"),
    ("timezone", "Europe/London"),
    ("timezone", "UTC"),
    ("closing_time", "00:00"),
    ("closing_time", "23:59"),
    ("language", ""),
    ("language", "en"),
    ("message_language", "en"),
    ("earn_rate_per_yuan", "0.5"),
    ("birthday_multiplier", "1.25"),
    ("course_bonus_percent", 0),
    ("high_value_top_percent", 100),
    ("referral_referrer_points", 0),
    ("adjust_manager_limit", 0),
    ("points_validity_months", 1),
    ("receipt_width_mm", 58),
    ("idle_sign_out_minutes", 0),  # never
    ("printer", {"kind": "escpos_network", "host": "192.168.1.50", "port": 9100}),
    ("manager_pin_hash", "ab12$cd34"),
    ("tiers", (Tier("普通", 0, "1"), Tier("VIP", 1, "1.05", ("生日礼遇",)))),
    ("tiers", [Tier("普通", 0, "1")]),
]


@pytest.mark.parametrize(("key", "value"), ACCEPTED)
def test_good_values_at_the_edges_are_stored(ctx: Ctx, key: str, value: Any) -> None:
    after = settings_svc.update(ctx, **{key: value})
    expected = tuple(value) if key == "tiers" else value
    assert getattr(after, key) == expected


def test_every_setting_has_a_check_and_the_defaults_pass_it() -> None:
    """The PIN hash defaults to "" (not made yet), which is never a value to store."""
    defaults = Settings()
    not_made = {"manager_pin_hash"}
    for f in fields(Settings):
        assert "check" in f.metadata, f.name
        if f.name not in not_made:
            settings_svc.validate({f.name: getattr(defaults, f.name)})
    for name in not_made:
        with pytest.raises(DomainError):
            settings_svc.validate({name: ""})


# --- random bad values -------------------------------------------------------------------

control_text = st.builds(
    lambda a, c, b: a + c + b,
    st.text(max_size=5),
    st.characters(categories=["Cc"]),
    st.text(max_size=5),
)
not_text = st.one_of(st.integers(), st.none(), st.lists(st.text(), max_size=2))
bad_text = st.one_of(not_text, control_text, st.text(min_size=1001, max_size=1100))


def bad_int(low: int, high: int | None = None) -> st.SearchStrategy[Any]:
    out_of_range = st.integers(max_value=low - 1)
    if high is not None:
        out_of_range = out_of_range | st.integers(min_value=high + 1)
    return st.one_of(out_of_range, st.booleans(), st.floats(), st.text(max_size=3))


def not_positive_decimal(value: object) -> bool:
    return not (
        isinstance(value, str)
        and re.fullmatch(r"[0-9]{1,6}(\.[0-9]{1,6})?", value) is not None
        and float(value) > 0
    )


bad_decimal = st.one_of(
    st.integers(),
    st.floats(),
    st.sampled_from(["0", "0.000", "-1.5", "1e3", ".5", "1.", "1,5"]),
    st.text(max_size=8).filter(not_positive_decimal),
)


def not_hh_mm(value: str) -> bool:
    found = re.fullmatch(r"([0-9]{2}):([0-9]{2})", value)
    return found is None or int(found[1]) > 23 or int(found[2]) > 59


def tiers_with(**change: Any) -> tuple[Tier, ...]:
    """The default tiers with the silver tier changed."""
    silver = Tier(**{**SILVER.__dict__, **change})
    return (DEFAULT_TIERS[0], silver, *DEFAULT_TIERS[2:])


bad_tiers = st.one_of(
    st.just(()),
    st.integers(max_value=-1).map(lambda t: tiers_with(threshold=t)),
    st.integers(min_value=3000).map(lambda t: tiers_with(threshold=t)),
    bad_decimal.map(lambda m: tiers_with(multiplier=m)),
    st.sampled_from(["", "  ", "普通", "金卡"]).map(lambda n: tiers_with(name=n)),
    control_text.map(lambda p: tiers_with(perks=(p,))),
)

BAD_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "clinic_name": bad_text,
    "clinic_address": bad_text,
    "clinic_phone": bad_text,
    "receipt_footer": bad_text,
    "backup_dir": bad_text,
    "timezone": st.one_of(
        not_text,
        st.sampled_from(["", "Asia/Beijing", "asia/shanghai", "UTC+8", "GMT 8", "/etc/zone"]),
    ),
    "language": st.one_of(
        not_text, st.text(max_size=6).filter(lambda v: v not in ("zh_CN", "en", ""))
    ),
    "message_language": st.one_of(
        not_text, st.text(max_size=6).filter(lambda v: v not in ("zh_CN", "en"))
    ),
    "earn_rate_per_yuan": bad_decimal,
    "birthday_multiplier": bad_decimal,
    "course_bonus_min_sessions": bad_int(1),
    "course_bonus_percent": bad_int(0, 100),
    "referral_referrer_points": bad_int(0),
    "referral_new_member_points": bad_int(0),
    "streak_months": bad_int(1),
    "streak_min_visit_days": bad_int(1),
    "streak_bonus": bad_int(0),
    "tiers": bad_tiers,
    "event_points_min": bad_int(1),
    "event_points_max": bad_int(1),
    "adjust_manager_limit": bad_int(0),
    "points_validity_months": bad_int(1),
    "reminder_window_days": bad_int(1),
    "rescue_min_points": bad_int(0),
    "rescue_bonus_points": bad_int(1),
    "voucher_valid_days": bad_int(1),
    "manager_pin_hash": st.one_of(not_text, st.text().filter(lambda v: "$" not in v)),
    "high_value_top_percent": bad_int(0, 100),
    "dormant_days": bad_int(1),
    "birthday_soon_days": bad_int(1),
    "points_goal_gap": bad_int(1),
    "course_idle_days": bad_int(1),
    "closing_time": st.one_of(not_text, st.text(max_size=6).filter(not_hh_mm)),
    "backup_keep": bad_int(1),
    "idle_sign_out_minutes": bad_int(0, 24 * 60),
    "printer": st.one_of(
        not_text, st.dictionaries(st.just("kind"), st.text(max_size=6).filter(lambda k: k != "pdf"))
    ),
    "receipt_width_mm": st.integers().filter(lambda w: w not in (58, 80)),
}
UNKNOWN_KEYS = st.from_regex(r"[a-z_]{1,20}", fullmatch=True).filter(lambda k: k not in BAD_VALUES)
bad_change = st.one_of(
    st.sampled_from(sorted(BAD_VALUES)).flatmap(lambda k: st.tuples(st.just(k), BAD_VALUES[k])),
    st.tuples(UNKNOWN_KEYS, st.integers()),
)


def test_the_random_bad_values_cover_every_setting() -> None:
    assert set(BAD_VALUES) == {f.name for f in fields(Settings)}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(change=bad_change, good_first=st.booleans())
def test_any_bad_value_is_refused_naming_its_key_and_nothing_is_written(
    ctx: Ctx, change: tuple[str, Any], good_first: bool
) -> None:
    key, value = change
    good = {k: v for k, v in {"clinic_phone": "0571-8888", "streak_bonus": 600}.items() if k != key}
    changes = {**good, key: value} if good_first else {key: value, **good}
    before = stored(ctx)

    with pytest.raises(DomainError) as refused:
        settings_svc.update(ctx, **changes)

    assert refused.value.params["key"] == key
    assert key in str(refused.value)
    assert stored(ctx) == before
    json.dumps(refused.value.params, default=repr)  # plain values a message can show
