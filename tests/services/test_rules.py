"""Loyalty rules in force from a time (积分规则): a sale, a refund and a job read the rules of
their own moment; a change never reaches back to points already earned; the rules in force
at any past moment or sale can be shown; every change is audited."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text

from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.models import AuditEntry, LedgerEntry, RuleChange, Setting
from spa_pos.services import jobs, members, refunds, rules
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.settings import DEFAULT_TIERS, LOYALTY_KEYS, Tier
from tests.conftest import register
from tests.services.test_jobs_reminders import join, local, outbox
from tests.test_migrations import migrate_to

SH = ZoneInfo("Asia/Shanghai")
MIDNIGHT = datetime(2026, 3, 11, 0, 0, tzinfo=SH)  # the clock starts on 2026-03-10 10:00


def buy_foot_bath(ctx: Ctx, member: str, at: datetime | None = None) -> int:
    """¥39 足浴包 earns at the rate (no points of its own): the points of one."""
    return sell(
        ctx, SaleRequest(items=[("ZYB", 1)], member=member, payments=[("cash", 3900)], at=at)
    ).points_earned


def counts(ctx: Ctx) -> tuple[int, int, int]:
    with ctx.db.read() as s:
        return (
            s.scalar(select(func.count(RuleChange.id))) or 0,
            s.scalar(select(func.count(Setting.key))) or 0,
            s.scalar(select(func.count(AuditEntry.id))) or 0,
        )


def test_a_change_at_midnight_splits_the_sales_of_the_second_before_and_after(
    ctx: Ctx, clock: FixedClock
) -> None:
    member = register(ctx, "张三", "13800000002")
    rules.change(ctx, {"earn_rate_per_yuan": "2"}, MIDNIGHT)

    assert buy_foot_bath(ctx, member) == 39  # now: still the old rate

    clock.at = MIDNIGHT + timedelta(seconds=30)
    # entered late (the till was down): each sale earns under the rules of its own time
    assert buy_foot_bath(ctx, member, at=MIDNIGHT - timedelta(seconds=1)) == 39
    assert buy_foot_bath(ctx, member, at=MIDNIGHT) == 78


def test_a_change_never_alters_points_already_earned(ctx: Ctx, clock: FixedClock) -> None:
    member = register(ctx, "张三", "13800000002")
    sale = sell(ctx, SaleRequest(items=[("ZYB", 1)], member=member, payments=[("cash", 3900)]))
    clock.advance(minutes=5)

    rules.change(ctx, {"earn_rate_per_yuan": "3", "points_validity_months": 24})

    with ctx.db.read() as s:
        found = members.find_one(s, member)
        assert found.points_balance == 39
        earned = s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "earn")).one()
        assert (earned.points, earned.rule) == (39, "E1")
    refund = refunds.refund(ctx, sale.sale_no)  # reverses what was earned, not 3x it
    assert refund.points_reversed == 39
    assert buy_foot_bath(ctx, member) == 117


def test_a_start_in_the_past_is_refused_and_nothing_is_written(ctx: Ctx, clock: FixedClock) -> None:
    before = counts(ctx)
    with pytest.raises(DomainError) as refused:
        rules.change(ctx, {"earn_rate_per_yuan": "2"}, clock.now() - timedelta(seconds=1))
    assert refused.value.code == "rules.from_in_past"
    assert "2026-03-10 09:59:59" in str(refused.value)
    assert counts(ctx) == before


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"earn_rate_per_yuan": "0"}, "settings.not_positive_decimal"),
        ({"course_bonus_percent": 101}, "settings.int_between"),
        ({"streak_bonus": 100, "dormant_days": 0}, "settings.int_at_least"),
        (
            {"tiers": (Tier("普通", 0, "1"), Tier("银卡", 0, "1.1"))},
            "settings.tiers_not_increasing",
        ),
        ({"clinic_name": "新店名"}, "rules.unknown_key"),
    ],
)
def test_a_bad_value_refuses_the_whole_change(
    ctx: Ctx, changes: dict[str, object], code: str
) -> None:
    before = counts(ctx)
    with pytest.raises(DomainError) as refused:
        rules.change(ctx, changes)
    assert refused.value.code == code
    assert counts(ctx) == before


def test_the_rules_in_force_at_a_past_moment_and_sale_are_shown(
    ctx: Ctx, clock: FixedClock
) -> None:
    member = register(ctx, "张三", "13800000002")
    first = sell(ctx, SaleRequest(items=[("ZYB", 1)], member=member, payments=[("cash", 3900)]))
    silver_up = (DEFAULT_TIERS[0], Tier("银卡", 500, "1.3", ("生日礼遇",)), *DEFAULT_TIERS[2:])
    rules.change(ctx, {"tiers": silver_up, "birthday_multiplier": "3"}, MIDNIGHT)
    clock.at = MIDNIGHT + timedelta(hours=10)
    later = sell(ctx, SaleRequest(items=[("ZYB", 1)], member=member, payments=[("cash", 3900)]))

    then = rules.at_sale(ctx, first.sale_no)
    assert then.rules["birthday_multiplier"] == "2"
    assert then.rules["tiers"][1] == {
        "name": "银卡",
        "threshold": 1000,
        "multiplier": "1.1",
        "perks": ["生日礼遇"],
    }
    assert then.at == datetime(2026, 3, 10, 10, 0, tzinfo=SH)
    assert rules.at_sale(ctx, later.sale_no).rules["birthday_multiplier"] == "3"
    assert (
        rules.in_force(ctx, MIDNIGHT - timedelta(microseconds=1)).rules["birthday_multiplier"]
        == "2"
    )
    shown = rules.in_force(ctx).rules
    assert list(shown) == list(LOYALTY_KEYS)
    assert shown["tiers"][1]["threshold"] == 500
    with pytest.raises(DomainError, match="没有这笔销售"):
        rules.at_sale(ctx, "S000")


def test_every_change_is_in_the_history_and_the_audit_trail(ctx: Ctx, clock: FixedClock) -> None:
    rules.change(ctx, {"dormant_days": 45}, MIDNIGHT)
    clock.advance(minutes=1)
    settings_svc.update(ctx, dormant_days=60, clinic_phone="0571-8888")  # from now

    history = rules.history(ctx)
    assert [(c.key, c.value, c.effective_from, c.actor) for c in history] == [
        ("dormant_days", 45, MIDNIGHT, CLI_ACTOR.name),
        ("dormant_days", 60, datetime(2026, 3, 10, 10, 1, tzinfo=SH), CLI_ACTOR.name),
    ]
    assert history[0].recorded_at == datetime(2026, 3, 10, 10, 0, tzinfo=SH)
    # from now 60, from midnight 45 (the later start wins, whatever the order recorded)
    assert rules.in_force(ctx).rules["dormant_days"] == 60
    assert rules.in_force(ctx, MIDNIGHT).rules["dormant_days"] == 45
    with ctx.db.read() as s:
        audited = s.scalars(select(AuditEntry).where(AuditEntry.action == "rules.change")).one()
        update = s.scalars(select(AuditEntry).where(AuditEntry.action == "settings.update")).one()
    assert audited.entity_id == "dormant_days"
    assert json.loads(audited.detail) == {
        "effective_from": MIDNIGHT.isoformat(),
        "before": 30,
        "after": 45,
    }
    assert json.loads(update.detail)["dormant_days"] == {"before": 30, "after": 60}


def test_a_loyalty_rule_is_never_stored_as_an_immediate_setting(ctx: Ctx) -> None:
    with ctx.db.write() as s, pytest.raises(DomainError) as refused:
        settings_svc.save(s, clinic_name="新店名", earn_rate_per_yuan="2")
    assert refused.value.code == "settings.dated_rule"
    with ctx.db.read() as s, pytest.raises(DomainError):
        settings_svc.detail(s, "tiers")


def test_a_job_uses_the_rules_of_the_moment_it_runs_for(ctx: Ctx, clock: FixedClock) -> None:
    """200 points expire on 2026-04-20: outside a 30-day window on 03-11, inside the 45-day
    window in force from 03-12 00:00."""
    join(ctx, "张三", "13800000001")
    sell(
        ctx,
        SaleRequest(
            items=[("ZJTN", 1)],
            payments=[("cash", 39800)],
            member="13800000001",
            at=local(2025, 4, 20),
        ),
    )
    rules.change(ctx, {"reminder_window_days": 45}, MIDNIGHT + timedelta(days=1))
    clock.at = MIDNIGHT + timedelta(days=2)

    jobs.run_job(ctx, "reminders", MIDNIGHT + timedelta(days=1, seconds=-1))
    assert outbox(ctx, "expiry_reminder") == []
    jobs.run_job(ctx, "reminders", MIDNIGHT + timedelta(days=1))
    assert [phone for phone, _ in outbox(ctx, "expiry_reminder")] == ["13800000001"]


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("streak_bonus", " 600 ", 600),
        ("streak_bonus", "6.5", "6.5"),  # handed on, for the check to refuse with its reason
        ("earn_rate_per_yuan", "1.5", "1.5"),
        (
            "tiers",
            '[{"name": "普通", "threshold": 0, "multiplier": "1"}]',
            (Tier("普通", 0, "1"),),
        ),
        ("tiers", "[{}]", "[{}]"),
    ],
)
def test_typed_values_are_read_by_the_keys_type(key: str, typed: str, value: object) -> None:
    assert rules.parse(key, typed) == value


def test_check_gives_the_keys_own_reason() -> None:
    with pytest.raises(DomainError) as refused:
        rules.check("streak_bonus", "6.5")
    assert refused.value.code == "settings.int_between"
    with pytest.raises(DomainError) as refused:
        rules.check("tiers", "not json")
    assert refused.value.code == "settings.tiers_not_tiers"
    assert rules.check("tiers", '[{"name": "普通", "threshold": 0, "multiplier": 1.0}]') == (
        Tier("普通", 0, "1.0"),
    )


def test_rules_a_clinic_stored_before_0006_stay_in_force(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate_to(
        db,
        "0004",
        "INSERT INTO settings (key, value) VALUES ('earn_rate_per_yuan', '\"1.5\"')",
        "INSERT INTO settings (key, value) VALUES ('clinic_name', '\"老店\"')",
    )
    migrate_to(db, "0006")
    context = Ctx(db, CLI_ACTOR, FixedClock(MIDNIGHT))
    with db.read() as s:
        cfg = settings_svc.load(s, datetime(2000, 1, 1, tzinfo=SH))
        assert (cfg.earn_rate_per_yuan, cfg.clinic_name) == ("1.5", "老店")
        assert s.scalars(select(Setting.key)).all() == ["clinic_name"]
    assert rules.history(context)[0].actor == "migration"
    migrate_to(db, "0004", down=True)
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT value FROM settings WHERE key = 'earn_rate_per_yuan'"))
        assert stored.scalar_one() == '"1.5"'
    db.dispose()
