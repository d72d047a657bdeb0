"""`spa-pos member export-data` and `member erase`, through `spa_pos.cli.run`, with the
`--as` / `--approver` every guarded command takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from spa_pos.services import profile
from spa_pos.services.checkout import SaleRequest, sell
from spa_pos.services.context import Ctx
from tests import test_cli_staff
from tests.conftest import register
from tests.test_cli_staff import Run

# The same `spa-pos … --json` runner and the same two staff accounts as the staff commands.
run = test_cli_staff.run
team = test_cli_staff.team


def test_export_data_writes_the_members_workbook(ctx: Ctx, run: Run, tmp_path: Path) -> None:
    card = register(ctx, "王小明", "13912345678")
    sell(ctx, SaleRequest([("AJ", 1)], [("cash", 16800)], member=card))
    out = f"{tmp_path}/member.xlsx"
    code, data, _ = run("member", "export-data", card, "--out", out)
    assert code == 0 and data["file"] == out
    assert data["sheets"]["积分 ledger"] == 1 and data["sheets"]["消费 sales"] == 1
    assert "积分 ledger" in load_workbook(out).sheetnames


@pytest.mark.usefixtures("team")
def test_erase_refuses_a_cashier_and_takes_a_managers_approval(
    ctx: Ctx, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = register(ctx, "王小明", "13912345678")
    monkeypatch.setenv("SPA_POS_PIN", "246801")
    code, data, err = run("member", "erase", card, "--reason", "本人申请", "--as", "小李")
    assert (code, data) == (2, None) and "店长" in err
    assert profile.show(ctx, card).name == "王小明"

    monkeypatch.setenv("SPA_POS_APPROVER_PIN", "97531357")
    code, data, _ = run(
        "member", "erase", card, "--reason", "本人申请", "--as", "小李", "--approver", "张店长"
    )
    assert code == 0
    assert data["card_no"] == card and data["name"].startswith("已注销会员")
    assert data["compacted"] is True
    assert profile.show(ctx, card).name == data["name"]
    code, _, err = run("audit", "verify")
    assert code == 0, err


def test_erase_needs_a_reason(ctx: Ctx, run: Run) -> None:
    card = register(ctx, "王小明", "13912345678")
    code, _, err = run("member", "erase", card, "--reason", " ")
    assert code == 2 and "注销原因" in err
