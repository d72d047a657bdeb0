"""The `spa-pos` command line, driven as a person would, on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from spa_pos.cli import run
from spa_pos.db import Database
from spa_pos.models import Sale
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx


class Cli:
    def __init__(self, db: str, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.url, self.capsys = db, url, capsys

    def __call__(self, *args: str, ok: bool = True) -> dict[str, Any]:
        code = run([*args, "--db", self.db, "--json"])
        out, err = self.capsys.readouterr()
        assert (code == 0) == ok, (code, out, err)
        if not ok:
            self.last_error = err
            return {"code": code, "stdout": out}
        result: dict[str, Any] = json.loads(out)
        return result


@pytest.fixture
def cli(db_arg: str, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    c = Cli(db_arg, db_url, capsys)
    assert c("init")["schema_version"]
    assert c("demo") == {"items": 8, "rewards": 6}
    return c


AT = "2026-03-10T10:00"


def test_the_demo_scenario_from_the_readme(cli: Cli, tmp_path: Path) -> None:
    cli("member", "add", "--name", "李四", "--phone", "13800000001", "--at", AT)
    new = cli(
        "member",
        "add",
        "--name",
        "张三",
        "--phone",
        "13800000002",
        "--referrer",
        "13800000001",
        "--at",
        AT,
    )
    assert new == {"card_no": "80000002", "phone": "13800000002", "name": "张三"}

    sale = cli(
        "sell",
        "--member",
        "13800000002",
        "--item",
        "ZJTN",
        "--item",
        "ZJTN10",
        "--pay",
        "wechat:3000",
        "--pay",
        "cash:1000",
        "--at",
        AT,
    )
    assert (sale["total_fen"], sale["paid_fen"], sale["change_fen"]) == (397800, 400000, 2200)
    assert {b["rule"]: b["points"] for b in sale["points_breakdown"]} == {
        "E1": 2200,
        "E2": 400,
        "E3": 100,
    }
    assert sale["points_earned"] == 2700 == sale["balance"]
    assert cli("member", "show", "13800000001")["balance"] == 200

    voucher = cli("redeem", "13800000002", "R-TBAM", "--at", AT)
    assert (voucher["points_spent"], voucher["balance"]) == (300, 2400)
    assert voucher["expires_on"] == "2026-06-08"
    check = cli("voucher", "check", voucher["qr_payload"], "--at", AT)
    assert check["valid"] and check["reward"] == "头部按摩"

    second = cli(
        "sell",
        "--member",
        "13800000002",
        "--item",
        "TBAM",
        "--voucher",
        voucher["qr_payload"],
        "--at",
        AT,
    )
    assert (second["total_fen"], second["points_earned"]) == (0, 0)
    used = cli("voucher", "check", voucher["voucher_code"], "--at", AT, ok=False)
    assert json.loads(used["stdout"])["reason"] == "used"

    refund = cli("refund", sale["sale_no"], "--at", AT)
    assert refund["refunded_fen"] == 397800 and refund["points_reversed"] == 2700
    assert refund["balance"] == -300  # the voucher's points had been spent: a debt
    assert cli("member", "show", "13800000001")["balance"] == 0

    shown = cli("member", "show", "80000002")
    assert shown["vouchers"][0]["status"] == "used" and shown["courses"] == []
    verified = cli("audit", "verify")
    assert (verified["ok"], verified["entries"], verified["first_bad"]) == (True, 7, None)
    assert verified["problems"] == [] and verified["changed_rows"] == []

    pdf = tmp_path / "receipt.pdf"
    assert cli("receipt", sale["sale_no"], "--pdf", str(pdf), "--width", "58")["pdf"]
    assert pdf.read_bytes().startswith(b"%PDF")


def test_forged_and_expired_vouchers_exit_2_with_their_reason(cli: Cli) -> None:
    cli("member", "add", "--name", "张三", "--phone", "13800000002", "--at", AT)
    # points earned at AT: a redemption dated AT can only spend what existed by then
    cli("sell", "--member", "13800000002", "--item", "ZJTN:2", "--pay", "card:796", "--at", AT)
    v = cli("redeem", "13800000002", "R-TBAM", "--at", AT)
    forged = v["qr_payload"][:-4] + "AAAA"
    assert json.loads(cli("voucher", "check", forged, ok=False)["stdout"])["reason"] == "forged"
    late = cli("voucher", "check", v["voucher_code"], "--at", "2026-07-01", ok=False)
    assert json.loads(late["stdout"])["reason"] == "expired"


def test_bad_input_exits_2_with_a_message_and_writes_nothing(cli: Cli) -> None:
    cli("member", "add", "--name", "张三", "--phone", "12345", ok=False)
    assert "手机号" in cli.last_error
    cli("sell", "--item", "AJ", "--pay", "cash:abc", ok=False)
    assert "金额格式不对" in cli.last_error
    cli("sell", "--item", "AJ", "--pay", "cash:1", ok=False)
    assert "付款不足" in cli.last_error
    cli("points", "adjust", "13800000002", "-30", "--reason", "x", ok=False)
    assert "找不到会员" in cli.last_error
    assert cli("member", "find", "张")["results"] == []
    assert cli("audit", "verify")["entries"] == 1  # only the demo load


def test_points_adjust_takes_negative_numbers(cli: Cli) -> None:
    cli("member", "add", "--name", "张三", "--phone", "13800000002")
    assert cli("points", "adjust", "13800000002", "+50", "--reason", "补录")["balance"] == 50
    assert cli("points", "adjust", "13800000002", "-30", "--reason", "更正")["balance"] == 20


def test_an_uninitialised_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["member", "find", "张", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "spa-pos init" in capsys.readouterr().err


def test_the_installed_console_script_and_env_variable(tmp_path: Path) -> None:
    env = {
        "SPA_POS_DB": str(tmp_path / "env.sqlite3"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    exe = Path(sys.executable).parent / "spa-pos"
    done = subprocess.run(
        [str(exe), "--json", "init"], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout)["db"].endswith("env.sqlite3")
    bad = subprocess.run(
        [str(exe), "redeem", "13800000002", "R-TBAM"], env=env, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "找不到会员" in bad.stderr and bad.stdout == ""


def _refusal(cli: Cli) -> str:
    """The one line a refused bad quantity prints, after checking it exits 2."""
    code = run(["sell", "--item", "ZJTN:x", "--pay", "cash:1", "--db", cli.db])
    _, err = cli.capsys.readouterr()
    assert code == 2
    return err.strip()


def test_refusals_speak_the_users_language(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SPA_POS_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert _refusal(cli) == "spa-pos: Wrong quantity: ZJTN:x (for example ZJTN:2)"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert _refusal(cli) == "spa-pos: 数量不对: ZJTN:x（例如 ZJTN:2）"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")  # LC_ALL outranks LANG
    assert _refusal(cli).startswith("spa-pos: Wrong quantity")


def test_the_clinics_language_outranks_the_locale_and_spa_pos_lang_outranks_both(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SPA_POS_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    context = Ctx(Database(cli.url))
    settings_svc.update(context, language="en")
    context.db.dispose()
    assert _refusal(cli).startswith("spa-pos: Wrong quantity")
    monkeypatch.setenv("SPA_POS_LANG", "zh_CN")
    assert _refusal(cli).startswith("spa-pos: 数量不对")


@pytest.fixture
def london(cli: Cli) -> Cli:
    """The demo clinic, moved to London."""
    context = Ctx(Database(cli.url))
    settings_svc.update(context, timezone="Europe/London")
    context.db.dispose()
    return cli


def test_at_is_read_in_the_clinics_time_zone(london: Cli) -> None:
    early = london("sell", "--item", "ZJTN", "--pay", "cash:398", "--at", "2026-07-01T00:30")
    late = london("sell", "--item", "ZJTN", "--pay", "cash:398", "--at", "2026-07-01T23:30")
    # 00:30 in London is still 30 June in UTC and (at 07:30) 1 July in Shanghai: only a
    # London reading gives the first sale of 1 July; 23:30 in London is 22:30 UTC.
    assert early["sale_no"] == "S20260701-0001"
    assert late["sale_no"] == "S20260701-0002"
    db = Database(london.url)
    with db.read() as s:
        stamps = dict(s.execute(select(Sale.sale_no, Sale.created_at)).tuples().all())
    db.dispose()
    assert stamps == {
        "S20260701-0001": datetime(2026, 6, 30, 23, 30),
        "S20260701-0002": datetime(2026, 7, 1, 22, 30),
    }


def test_jobs_run_at_is_read_in_the_clinics_time_zone(london: Cli) -> None:
    result = london("jobs", "run", "tags", "--at", "2026-07-01T00:30")
    assert result["as_of"] == "2026-06-30T23:30:00+00:00"
