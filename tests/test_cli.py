"""The `spa-pos` command line, driven as a person would, on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from spa_pos.cli import run


class Cli:
    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.capsys = db, capsys

    def __call__(self, *args: str, ok: bool = True) -> dict[str, Any]:
        code = run([*args, "--db", str(self.db), "--json"])
        out, err = self.capsys.readouterr()
        assert (code == 0) == ok, (code, out, err)
        if not ok:
            self.last_error = err
            return {"code": code, "stdout": out}
        result: dict[str, Any] = json.loads(out)
        return result


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    c = Cli(tmp_path / "clinic.sqlite3", capsys)
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
    assert cli("audit", "verify") == {"ok": True, "entries": 7, "first_bad": None}

    pdf = tmp_path / "receipt.pdf"
    assert cli("receipt", sale["sale_no"], "--pdf", str(pdf), "--width", "58")["pdf"]
    assert pdf.read_bytes().startswith(b"%PDF")


def test_forged_and_expired_vouchers_exit_2_with_their_reason(cli: Cli) -> None:
    cli("member", "add", "--name", "张三", "--phone", "13800000002", "--at", AT)
    cli("points", "adjust", "13800000002", "+300", "--reason", "开业赠送")
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
