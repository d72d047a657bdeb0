"""`spa-pos staff add/list/disable` and the global `--as` / `--approver` through
`spa_pos.cli.run` (cli.md, back office)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from spa_pos import cli
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.models import AuditEntry, CourseUse, StaffMember
from spa_pos.services import staff
from spa_pos.services.context import CLI_ACTOR, Ctx
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


@pytest.fixture
def team(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LI_PIN", "246801")
    monkeypatch.setenv("ZHANG_PIN", "97531357")
    assert run("staff", "add", "小李", "--role", "cashier", "--pin-env", "LI_PIN")[0] == 0
    assert run("staff", "add", "张店长", "--role", "manager", "--pin-env", "ZHANG_PIN")[0] == 0


def test_staff_add_list_and_disable(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEW_PIN", "246801")
    code, out, _ = run("staff", "add", "小李", "--role", "cashier", "--pin-env", "NEW_PIN")
    assert (code, out) == (0, {"name": "小李", "role": "cashier", "active": True, "locked": False})
    code, _, err = run("staff", "add", "小王", "--role", "cashier", "--pin-env", "NO_SUCH_VAR")
    assert (code, err.strip()) == (2, "spa-pos: 环境变量 NO_SUCH_VAR 中没有密码")
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal
        run("staff", "add", "小王", "--role", "boss", "--pin-env", "NEW_PIN")
    assert refused.value.code == 2
    code, out, _ = run("staff", "disable", "小李")
    assert (code, out["active"]) == (0, False)
    code, out, _ = run("staff", "list")
    assert code == 0 and out["staff"] == [
        {"name": "小李", "role": "cashier", "active": False, "locked": False}
    ]


@pytest.mark.usefixtures("team")
def test_as_a_cashier_a_guarded_command_is_refused_then_approved(
    run: Run, ctx: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = register(ctx, "张三", "13800000002")
    monkeypatch.setenv("SPA_POS_PIN", "246801")
    code, out, err = run("--as", "小李", "points", "adjust", card, "+500", "--reason", "补录")
    assert (code, out, err.strip()) == (2, None, "spa-pos: 超过 200 分的调整需要店长权限")
    code, _, err = run("--as", "小李", "jobs", "run", "expiry")
    assert (code, err.strip()) == (2, "spa-pos: 手动运行后台任务需要店长权限")

    monkeypatch.setenv("SPA_POS_APPROVER_PIN", "97531357")
    argv = ["points", "adjust", card, "+500", "--reason", "补录", "--as", "小李"]
    code, out, _ = run(*argv, "--approver", "张店长")
    assert (code, out["balance"]) == (0, 500)
    with ctx.db.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "points.adjust")).one()
    assert (row.actor, json.loads(row.detail)["approver"]) == ("小李(张店长)", "张店长")


@pytest.mark.usefixtures("team")
def test_a_wrong_pin_or_a_missing_one_is_refused(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run("--as", "小李", "staff", "list")
    assert (code, err.strip()) == (2, "spa-pos: 环境变量 SPA_POS_PIN 中没有密码")
    monkeypatch.setenv("SPA_POS_PIN", "000000")
    code, _, err = run("--as", "小李", "staff", "list")
    assert (code, err.strip()) == (2, "spa-pos: 小李 的密码不对，还可以再试 4 次")
    monkeypatch.setenv("SPA_POS_PIN", "246801")
    monkeypatch.setenv("SPA_POS_APPROVER_PIN", "000000")
    code, _, err = run("--as", "小李", "--approver", "张店长", "staff", "list")
    assert (code, err.strip()) == (2, "spa-pos: 张店长 的密码不对，还可以再试 4 次")
    code, _, err = run("--approver", "张店长", "staff", "list")
    assert (code, err.strip()) == (2, "spa-pos: --approver 需要和 --as 一起使用")
    code, _, err = run("--as", "小王", "staff", "list")
    assert (code, err.strip()) == (2, "spa-pos: 没有名为 小王 的员工账号")


@pytest.mark.usefixtures("team")
def test_only_the_owner_manages_staff(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPA_POS_PIN", "97531357")
    code, _, err = run("--as", "张店长", "staff", "disable", "小李")
    assert (code, err.strip()) == (2, "spa-pos: 管理员工账号需要老板权限")
    code, out, _ = run("--as", "张店长", "staff", "list")  # reading is anyone's
    assert code == 0 and [s["active"] for s in out["staff"]] == [True, True]


@pytest.mark.usefixtures("team")
def test_sell_with_a_price_changed_needs_the_approver(
    run: Run, ctx: Ctx, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPA_POS_PIN", "246801")
    argv = ["sell", "--item", "aj", "--override", "aj:120:老顾客:熟人", "--pay", "cash:120"]
    code, _, err = run("--as", "小李", *argv)
    assert (code, err.strip()) == (2, "spa-pos: 改价需要店长权限")
    code, _, err = run("sell", "--item", "AJ", "--override", "AJ:120", "--pay", "cash:120")
    assert (code, err.strip()) == (2, "spa-pos: 改价格式不对: AJ:120（例如 AJ:120:老顾客优惠）")

    monkeypatch.setenv("SPA_POS_APPROVER_PIN", "97531357")
    code, out, _ = run("--as", "小李", "--approver", "张店长", *argv)
    assert (code, out["total_fen"]) == (0, 12000)
    with ctx.db.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "sale.create")).one()
        assert row.actor == "小李(张店长)"
        assert json.loads(row.detail)["overrides"] == [
            {"item": "AJ", "list_fen": 16800, "unit_fen": 12000, "reason": "老顾客:熟人"}
        ]


def test_use_course_names_the_therapist(run: Run, ctx: Ctx) -> None:
    staff.add(ctx, "小周", "therapist", "135792")
    card = register(ctx, "张三", "13800000002")
    assert run("sell", "--member", card, "--item", "ZJTN10", "--pay", "card:3580")[0] == 0
    code, out, _ = run("use-course", "--member", card, "--item", "ZJTN10", "--therapist", "小周")
    assert (code, out["sessions_left"]) == (0, 9)
    with ctx.db.read() as s:
        use = s.scalars(select(CourseUse)).one()
        zhou = s.scalars(select(StaffMember).where(StaffMember.name == "小周")).one()
        assert use.therapist_id == zhou.id
