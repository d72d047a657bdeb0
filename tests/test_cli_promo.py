"""`spa-pos promo add|list|end` through `spa_pos.cli.run` (cli.md's back-office section)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from spa_pos import cli
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import checkout
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.conftest import register

Run = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def run(db_arg: str, clock: FixedClock, capsys: pytest.CaptureFixture[str], ctx: Ctx) -> Run:
    """`spa-pos ARGS --db <test db> [--json]`: (exit status, stdout (parsed if JSON), stderr)."""

    def invoke(*argv: str, as_json: bool = True) -> tuple[int, Any, str]:
        code = cli.run(
            [*argv, "--db", db_arg, *(["--json"] if as_json else [])],
            lambda url: Ctx(Database(url), CLI_ACTOR, clock),
        )
        out = capsys.readouterr()
        if not as_json:
            return code, out.out, out.err
        return code, json.loads(out.out) if out.out.strip() else None, out.err

    return invoke


def test_add_list_and_end(run: Run, ctx: Ctx, clock: FixedClock) -> None:
    code, data, _ = run(
        "promo", "add", "--name", "妇女节艾灸双倍", "--from", "2026-03-08", "--to",
        "2026-03-15", "--multiplier", "2", "--item", "AJ", "ZJTN", "--item", "TBAM",
    )  # fmt: skip
    assert code == 0
    assert data["promo_id"] == 1
    assert data["items"] == ["AJ", "TBAM", "ZJTN"]
    assert (data["from"], data["to"]) == ("2026-03-08T00:00:00+08:00", "2026-03-15T00:00:00+08:00")
    code, data, _ = run("promo", "add", "--name", "沉睡唤醒", "--from", "2026-03-10T10:00",
                        "--to", "2026-04-10", "--bonus", "100", "--tag", "沉睡")  # fmt: skip
    assert (code, data["promo_id"], data["bonus"], data["tag"]) == (0, 2, 100, "沉睡")
    code, data, _ = run("promo", "list")
    assert code == 0
    # current ones, the soonest end first
    assert [(p["id"], p["status"], p["multiplier"], p["bonus"]) for p in data["promos"]] == [
        (1, "current", "2", None),
        (2, "current", None, 100),
    ]
    member = register(ctx, "张三", "13800000002")
    sale = checkout.sell(
        ctx, SaleRequest(items=[("AJ", 1)], member=member, payments=[("cash", 16800)])
    )
    assert dict(sale.points_breakdown) == {"E1": 100, "P1": 100}
    clock.advance(hours=2)
    code, data, _ = run("promo", "end", "1")
    assert (code, data["promo_id"], data["status"], data["ended_by"]) == (0, 1, "past", "cli")
    assert data["ended_at"] == "2026-03-10T12:00:00+08:00"
    code, _, err = run("promo", "end", "1")
    assert code == 2 and "已经结束" in err


def test_text_output_names_the_promotion(run: Run) -> None:
    code, out, _ = run("promo", "add", "--name", "产品三倍", "--from", "2026-03-10",
                       "--to", "2026-03-20", "--multiplier", "3", "--category", "产品",
                       as_json=False)  # fmt: skip
    assert code == 0
    assert out.strip() == (
        "已添加限时活动 #1 产品三倍 ×3 产品 2026-03-10 00:00 – 2026-03-20 00:00 进行中"
    )
    code, out, _ = run("promo", "list", as_json=False)
    assert "#1 产品三倍" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--multiplier", "1"], "积分倍数应大于 1"),
        (["--bonus", "1.5"], "奖励积分应为 1 到"),
        (["--bonus", "10", "--item", "NOPE"], "没有这个项目: NOPE"),
        (["--bonus", "10", "--tag", "VIP"], "未知标签: VIP"),
    ],
)
def test_bad_input_is_refused_with_its_reason(run: Run, extra: list[str], message: str) -> None:
    code, data, err = run(
        "promo", "add", "--name", "x", "--from", "2026-03-10", "--to", "2026-03-20", *extra
    )
    assert code == 2 and data is None
    assert message in err
    assert run("promo", "list")[1] == {"promos": []}


def test_multiplier_and_bonus_exclude_each_other(run: Run) -> None:
    with pytest.raises(SystemExit):
        run("promo", "add", "--name", "x", "--from", "2026-03-10", "--to", "2026-03-20",
            "--multiplier", "2", "--bonus", "5")  # fmt: skip


def test_a_sale_names_the_promotion(run: Run, ctx: Ctx) -> None:
    register(ctx, "张三", "13800000002")
    run("promo", "add", "--name", "艾灸双倍", "--from", "2026-03-10", "--to", "2026-03-20",
        "--multiplier", "2", "--item", "AJ")  # fmt: skip
    code, out, _ = run(
        "sell", "--member", "13800000002", "--item", "AJ", "--pay", "cash:168", as_json=False
    )
    assert code == 0
    assert "本次积分 200（项目积分 100 + 艾灸双倍 100）" in out
