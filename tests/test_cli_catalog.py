"""`spa-pos catalog list/add/edit` and `reward list/add/edit/restock/history` through
`spa_pos.cli.run`: the JSON keys of the contract, amounts typed in yuan, and exit 2 with
nothing written on bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from spa_pos import cli
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.models import AuditEntry
from spa_pos.services.context import CLI_ACTOR, Ctx

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


def audits(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def test_catalog_add_list_and_edit(run: Run) -> None:
    code, added, _ = run(
        "catalog", "add", "JJ1", "--name", "肩颈放松", "--price", "128.5", "--category", "肩颈"
    )
    assert code == 0
    assert {k: added[k] for k in ("code", "name", "price_fen", "points")} == {
        "code": "JJ1",
        "name": "肩颈放松",
        "price_fen": 12850,
        "points": None,
    }
    assert (added["kind"], added["category"]) == ("service", "肩颈")
    code, course, _ = run(
        "catalog", "add", "JJ10", "--name", "肩颈十次", "--price", "1080", "--category", "肩颈",
        "--points", "500", "--sessions", "10", "--of", "JJ1", "--valid-days", "180",
    )  # fmt: skip
    assert code == 0
    assert (course["kind"], course["sessions"], course["of"], course["valid_days"]) == (
        "course",
        10,
        "JJ1",
        180,
    )
    assert course["points"] == 500

    code, edited, _ = run("catalog", "edit", "JJ10", "--price", "998", "--at-rate", "--retire")
    assert code == 0
    assert {k: edited[k] for k in ("code", "price_fen", "points", "active")} == {
        "code": "JJ10",
        "price_fen": 99800,
        "points": None,
        "active": False,
    }
    listed = run("catalog", "list")[1]["items"]
    assert "JJ10" not in [i["code"] for i in listed]
    assert set(listed[0]) >= {"code", "name", "category", "price_fen", "points", "active"}
    everything = run("catalog", "list", "--all")[1]["items"]
    assert everything[-1]["code"] == "JJ10" and everything[-1]["active"] is False
    assert run("catalog", "edit", "JJ10", "--restore", "--points", "600")[1]["active"] is True


def test_the_contracts_category_form_names_the_kind(run: Run) -> None:
    """`--category service|product|course` as cli.md writes it still gives that kind."""
    code, item, _ = run(
        "catalog", "add", "P1", "--name", "精油", "--price", "88", "--category", "product"
    )
    assert code == 0 and item["kind"] == "product"
    code, item, _ = run(
        "catalog", "add", "P2", "--name", "精油", "--price", "88", "--category", "产品",
        "--kind", "product",
    )  # fmt: skip
    assert (code, item["kind"], item["category"]) == (0, "product", "产品")


@pytest.mark.parametrize(
    ("argv", "text"),
    [
        (("catalog", "add", "J J", "--name", "x", "--price", "1", "--category", "c"), "字母和数字"),
        (("catalog", "add", "AJ", "--name", "x", "--price", "1", "--category", "肩颈"), "已被使用"),
        (("catalog", "add", "X1", "--name", "x", "--price", "abc", "--category", "肩颈"), "金额"),
        (("catalog", "add", "X1", "--name", "x", "--price", "200000", "--category", "c"), "价格"),
        (("catalog", "add", "X1", "--name", "", "--price", "1", "--category", ""), "请填写名称"),
        (
            (
                "catalog",
                "add",
                "X1",
                "--name",
                "x",
                "--price",
                "1",
                "--category",
                "c",
                "--sessions",
                "5",
                "--of",
                "ZYB",
            ),
            "在售的服务项目",
        ),
        (("catalog", "edit", "NOPE", "--price", "1"), "没有这个项目"),
        (("catalog", "edit", "TBAM", "--retire"), "兑换项「头部按摩」"),
        (("catalog", "edit", "AJ", "--points", "-5"), "积分"),
        (("reward", "add", "RX", "--name", "x", "--cost", "0", "--coupon", "10"), "所需积分"),
        (("reward", "add", "RX", "--name", "x", "--cost", "10", "--item", "ZJTN10"), "不是在售"),
        (("reward", "edit", "R-ZYB", "--stock", "-1"), "库存"),
        (("reward", "restock", "R-ZYB", "-51", "--reason", "盘点"), "现有 50"),
        (("reward", "restock", "R-TBAM", "5", "--reason", "到货"), "不限库存"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    run: Run, ctx: Ctx, argv: tuple[str, ...], text: str
) -> None:
    before = audits(ctx)
    items, rewards = run("catalog", "list", "--all")[1], run("reward", "list")[1]
    code, out, err = run(*argv)
    assert (code, out) == (2, None)
    assert text in err and "\n" not in err.strip()
    assert audits(ctx) == before
    assert run("catalog", "list", "--all")[1] == items
    assert run("reward", "list")[1] == rewards


def test_argument_errors_exit_2(run: Run) -> None:
    for argv in (
        ("catalog", "add", "X1", "--name", "x", "--price", "1", "--category", "c", "--points", "x"),
        ("catalog", "edit", "AJ", "--points", "5", "--at-rate"),
        ("reward", "add", "RX", "--name", "x", "--cost", "5", "--item", "AJ", "--coupon", "5"),
        ("reward", "add", "RX", "--name", "x", "--cost", "5"),
    ):
        with pytest.raises(SystemExit) as stopped:
            run(*argv)
        assert stopped.value.code == 2


def test_reward_add_edit_restock_and_history(run: Run) -> None:
    code, added, _ = run(
        "reward", "add", "RQ20", "--name", "20元券", "--cost", "200", "--coupon", "20"
    )
    assert code == 0
    assert {k: added[k] for k in ("code", "cost", "stock")} == {
        "code": "RQ20",
        "cost": 200,
        "stock": None,
    }
    assert added["coupon_fen"] == 2000
    gift = run(
        "reward", "add", "RJY", "--name", "精油", "--cost", "300", "--item", "ZYB", "--stock", "4"
    )
    assert (gift[1]["item"], gift[1]["stock"]) == ("ZYB", 4)
    code, edited, _ = run("reward", "edit", "RJY", "--cost", "350", "--stock", "10", "--retire")
    assert (code, edited["cost"], edited["stock"], edited["active"]) == (0, 350, 10, False)
    assert run("reward", "restock", "RJY", "-3", "--reason", "损坏")[1]["stock"] == 7
    listed = {r["code"]: r for r in run("reward", "list")[1]["rewards"]}
    assert listed["RJY"]["active"] is False and listed["RQ20"]["cost"] == 200
    history = run("reward", "history", "RJY")[1]["changes"]
    assert [(h["kind"], h["delta"], h["stock_after"], h["reason"]) for h in history] == [
        ("restock", -3, 7, "损坏"),
        ("edit", 6, 10, ""),
        ("add", 4, 4, ""),
    ]
    assert history[0]["actor"] == "cli"
