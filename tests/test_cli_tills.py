"""Tills on the command line: `--till`, $SPA_POS_TILL, `close-day` per till and
`report z [--all-tills]`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from spa_pos import cli, till
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services.context import CLI_ACTOR, Ctx

Run = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def run(ctx: Ctx, db_arg: str, clock: FixedClock, capsys: pytest.CaptureFixture[str]) -> Run:
    """`spa-pos ARGS --db <test db> --json`: (exit status, parsed stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, Any, str]:
        ctx.db.dispose()
        code = cli.run(
            [*argv, "--db", db_arg, "--json"],
            lambda url: Ctx(Database(url), CLI_ACTOR, clock),
        )
        out = capsys.readouterr()
        return code, json.loads(out.out) if out.out.strip() else None, out.err

    return invoke


def sold(run: Run, *till_args: str, pay: str = "cash:398") -> str:
    code, data, err = run("sell", "--item", "ZJTN", "--pay", pay, *till_args)
    assert code == 0, err
    return str(data["sale_no"])


def test_each_till_sells_and_closes_and_the_report_adds_them_up(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sold(run) == "S20260310-0001"
    assert sold(run, "--till", "二楼", pay="wechat:398") == "S20260310-B0001"
    monkeypatch.setenv(till.ENV, "二楼")
    assert sold(run) == "S20260310-B0002"  # $SPA_POS_TILL names the till
    assert sold(run, "--till", "前台") == "S20260310-0002"  # --till wins over it

    code, up, _ = run("close-day", "--counted-cash", "398")
    assert code == 0
    assert (up["till"], up["sales"], up["revenue_fen"], up["difference_fen"]) == (
        "二楼",
        2,
        79600,
        0,
    )
    code, clinic, _ = run("report", "z", "--all-tills")
    assert code == 0 and clinic["till"] == ""
    assert (clinic["sales"], clinic["revenue_fen"]) == (4, 4 * 39800)
    lines = {line["till"]: line for line in clinic["tills"]}
    assert lines["二楼"]["closed"] and lines["二楼"]["counted_cash_fen"] == 39800
    assert not lines["前台"]["closed"] and lines["前台"]["sales"] == 2
    assert sum(line["revenue_fen"] for line in clinic["tills"]) == clinic["revenue_fen"]

    monkeypatch.delenv(till.ENV)
    code, down, _ = run("report", "z")  # this terminal's till: 前台, still open
    assert (code, down["till"], down["sales"], down["counted_cash_fen"]) == (0, "前台", 2, None)


def test_a_bad_till_name_is_refused(run: Run) -> None:
    code, data, err = run("report", "z", "--till", " ")
    assert (code, data) == (2, None) and "收银台名称" in err
