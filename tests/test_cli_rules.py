"""`spa-pos rules show` and `rules set` through `spa_pos.cli.run` (cli.md, back office)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from spa_pos import cli
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.models import AuditEntry, RuleChange
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.settings import LOYALTY_KEYS
from tests.conftest import register

Run = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def run(ctx: Ctx, db_arg: str, clock: FixedClock, capsys: pytest.CaptureFixture[str]) -> Run:
    """`spa-pos ARGS --db <test db> --json`: (exit status, parsed stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, Any, str]:
        code = cli.run(
            [*argv, "--db", db_arg, "--json"],
            lambda url: Ctx(Database(url), CLI_ACTOR, clock),
        )
        out = capsys.readouterr()
        return code, json.loads(out.out) if out.out.strip() else None, out.err

    return invoke


def written(ctx: Ctx) -> tuple[int, int]:
    with ctx.db.read() as s:
        return (
            s.scalar(select(func.count(RuleChange.id))) or 0,
            s.scalar(select(func.count(AuditEntry.id))) or 0,
        )


def test_show_lists_every_rule_in_force_by_its_settings_key(run: Run) -> None:
    code, data, _ = run("rules", "show")
    assert code == 0
    assert list(data["rules"]) == list(LOYALTY_KEYS)
    assert data["rules"]["earn_rate_per_yuan"] == "1"
    assert data["rules"]["points_validity_months"] == 12
    assert data["rules"]["tiers"][0] == {
        "name": "普通",
        "threshold": 0,
        "multiplier": "1.0",
        "perks": [],
    }
    assert data["at"] == "2026-03-10T10:00:00+08:00"


def test_set_from_a_time_then_show_before_and_after_it(run: Run, ctx: Ctx) -> None:
    code, data, _ = run("rules", "set", "course_bonus_percent", "30", "--from", "2026-03-11")
    assert code == 0
    assert data == {
        "key": "course_bonus_percent",
        "value": 30,
        "from": "2026-03-11T00:00:00+08:00",
    }
    assert run("rules", "show")[1]["rules"]["course_bonus_percent"] == 20
    at_midnight = run("rules", "show", "--at", "2026-03-11T00:00")[1]
    assert at_midnight["rules"]["course_bonus_percent"] == 30


def test_set_without_from_is_in_force_now_and_tiers_are_json(run: Run) -> None:
    tiers = json.dumps(
        [
            {"name": "普通", "threshold": 0, "multiplier": "1"},
            {"name": "VIP", "threshold": 800, "multiplier": "1.25", "perks": ["优先预约"]},
        ],
        ensure_ascii=False,
    )
    code, data, _ = run("rules", "set", "tiers", tiers)
    assert code == 0
    assert data["from"] == "2026-03-10T10:00:00+08:00"
    assert data["value"][1] == {
        "name": "VIP",
        "threshold": 800,
        "multiplier": "1.25",
        "perks": ["优先预约"],
    }
    assert run("rules", "show")[1]["rules"]["tiers"] == data["value"]
    assert run("rules", "set", "birthday_multiplier", "1.5")[1]["value"] == "1.5"


def test_show_the_rules_of_a_past_sale(run: Run, ctx: Ctx, clock: FixedClock) -> None:
    member = register(ctx, "张三", "13800000002")
    sale = sell(ctx, SaleRequest(items=[("ZYB", 1)], member=member, payments=[("cash", 3900)]))
    clock.advance(minutes=1)
    assert run("rules", "set", "earn_rate_per_yuan", "2")[0] == 0
    code, data, _ = run("rules", "show", "--sale", sale.sale_no)
    assert code == 0
    assert data["rules"]["earn_rate_per_yuan"] == "1"


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (("streak_bonus", "lots"), "streak_bonus 应为 0 到 1000000 之间的整数"),
        (("course_bonus_percent", "101"), "course_bonus_percent 应为 0 到 100 之间的整数"),
        (("earn_rate_per_yuan", "-1"), "earn_rate_per_yuan 应为大于 0 的小数"),
        (("tiers", '[{"name": "普通"'), "tiers 应为会员等级的列表"),
        (
            (
                "tiers",
                '[{"name": "普通", "threshold": 0, "multiplier": "1"}, '
                '{"name": "银卡", "threshold": 0, "multiplier": "1.1"}]',
            ),
            "各等级的门槛应逐级升高",
        ),
        (("clinic_name", "新店"), "clinic_name 不是积分规则"),
        (("dormant_days", "60", "--from", "2026-03-10T09:59"), "已经过去"),
        (("dormant_days", "60", "--from", "yesterday"), "yesterday"),
    ],
)
def test_a_refused_change_exits_2_with_the_reason_and_writes_nothing(
    run: Run, ctx: Ctx, argv: tuple[str, ...], reason: str
) -> None:
    before = written(ctx)
    code, data, err = run("rules", "set", *argv)
    assert (code, data) == (2, None)
    assert reason in err
    assert written(ctx) == before
