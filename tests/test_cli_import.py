"""`spa-pos import` and `spa-pos export` through `spa_pos.cli.run` (cli.md, back office)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from spa_pos import cli
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import checkout, members
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import CLI_ACTOR, Ctx
from tests.services.test_imports import write_csv, write_xlsx

Run = Callable[..., tuple[int, str, str]]
BAD = [
    ["姓名", "手机", "积分"],
    ["甲", "13800000001", "100"],
    ["乙", "1380000", "5"],
    ["丙", "13800000001", "-1"],
]
GOOD = [["name", "phone", "points"], ["甲", "13800000001", "100"]]


@pytest.fixture
def run(ctx: Ctx, db_arg: str, clock: FixedClock, capsys: pytest.CaptureFixture[str]) -> Run:
    """`spa-pos ARGS --db <test db>`: (exit status, stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = cli.run([*argv, "--db", db_arg], lambda url: Ctx(Database(url), CLI_ACTOR, clock))
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


def count(ctx: Ctx) -> int:
    with ctx.db.read() as s:
        return members.count(s)


def test_an_import_with_bad_rows_exits_2_listing_every_one(
    run: Run, ctx: Ctx, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "m.csv", BAD)
    for dry in ((), ("--dry-run",)):
        code, out, _ = run("import", "members", str(path), *dry, "--json")
        assert code == 2
        assert json.loads(out) == {
            "rows": 3,
            "imported": 0,
            "errors": [
                {"line": 3, "reason": "手机号应为 11 位大陆手机号（1 开头）"},
                {"line": 4, "reason": "手机 13800000001 与第 2 行重复；积分 不能为负数: -1"},
            ],
        }
    code, out, _ = run("import", "members", str(path))
    assert code == 2
    assert out.splitlines() == [
        "第 3 行: 手机号应为 11 位大陆手机号（1 开头）",
        "第 4 行: 手机 13800000001 与第 2 行重复；积分 不能为负数: -1",
        "2 行有问题，没有导入任何会员（共 3 行）",
    ]
    assert count(ctx) == 0


def test_dry_run_of_a_good_file_exits_0_and_writes_nothing_then_the_import(
    run: Run, ctx: Ctx, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "m.xlsx", GOOD)
    code, out, _ = run("import", "members", str(path), "--dry-run", "--json")
    assert (code, json.loads(out)) == (0, {"rows": 1, "imported": 0, "errors": []})
    assert count(ctx) == 0
    code, out, _ = run("import", "members", str(path), "--json")
    assert (code, json.loads(out)) == (0, {"rows": 1, "imported": 1, "errors": []})
    code, _, err = run("import", "members", str(path))
    assert code == 2 and "不能重复导入" in err
    assert count(ctx) == 1


def test_import_catalog(run: Run, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        [
            ["code", "name", "category", "price", "sessions", "of"],
            ["JJ", "肩颈", "肩颈", "198", "", ""],
        ],
    )
    code, out, _ = run("import", "catalog", str(path), "--json")
    assert (code, json.loads(out)) == (0, {"rows": 1, "imported": 1, "errors": []})


def test_exports(run: Run, ctx: Ctx, tmp_path: Path) -> None:
    run("import", "members", str(write_csv(tmp_path / "m.csv", GOOD)))
    checkout.sell(ctx, SaleRequest(items=[("AJ", 1)], payments=[("cash", 16800)]))
    code, out, _ = run("export", "members", "--to", str(tmp_path / "out.xlsx"), "--json")
    assert (code, json.loads(out)) == (0, {"file": str(tmp_path / "out.xlsx"), "rows": 1})
    code, out, _ = run("export", "catalog", "--to", str(tmp_path / "cat.csv"), "--json")
    assert code == 0 and json.loads(out)["rows"] == 8
    target = str(tmp_path / "sales.csv")
    for argv in (("--to", "2026-03-10", "--to", target), ("--to", target, "--to", "2026-03-10")):
        code, out, _ = run("export", "sales", "--from", "2026-03-01", *argv, "--json")
        assert (code, json.loads(out)) == (0, {"file": target, "rows": 1})
    code, _, err = run("export", "sales", "--from", "2026-03-01", "--to", target)
    assert code == 2 and "--to 日期" in err
    code, _, err = run("export", "members", "--to", str(tmp_path / "m.txt"))
    assert code == 2 and "只能导出为" in err
