"""`spa-pos report supervision`: the supervision report on the command line, its JSON keys
(English snake_case), its text and its XLSX, on the history of the audit-browse tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from spa_pos.clock import FixedClock
from spa_pos.services.context import Ctx
from tests import test_cli_reports
from tests.services.test_audit_browse import History, _history

Run = Callable[..., tuple[int, Any, str]]


# The same `spa-pos … --db <test db> [--json]` runner as the other reports.
run = test_cli_reports.run


@pytest.fixture
def history(ctx: Ctx, clock: FixedClock) -> History:
    return _history(ctx, clock)


def test_report_supervision_json(history: History, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "supervision.xlsx"
    code, data, _ = run(
        "report", "supervision", "--from", "2026-03-10", "--to", "2026-03-11", "--to-file", str(out)
    )
    assert code == 0
    assert (data["from"], data["to"], data["file"]) == ("2026-03-10", "2026-03-11", str(out))
    li = next(r for r in data["staff"] if r["name"] == "小李")
    assert li == {
        "name": "小李",
        "adjustments": 5,
        "points_added": 1500,
        "points_taken": 0,
        "adjustments_approved": 2,
        "approvers": ["张店长"],
        "refunds": 1,
        "refunded_fen": 16800,
        "voucher_cancels": 0,
        "days_reopened": 0,
        "redemptions": 1,
        "redeemed_points": li["redeemed_points"],
    }
    assert li["redeemed_points"] > 0
    assert [(f["kind"], f["staff"], f["ref"]) for f in data["flags"]] == [
        ("repeat_adjustments", "小李", history.card),
        ("refund_by_seller", "张店长", history.manager_sale),
    ]
    assert load_workbook(out).worksheets[0]["A1"].value == "员工"


def test_report_supervision_text_and_refusal(history: History, run: Run) -> None:
    code, out, _ = run(
        "report", "supervision", "--from", "2026-03-10", "--to", "2026-03-10", as_json=False
    )
    assert code == 0
    assert "小李  调整积分 3 次（+450/-0，店长批准 1 次）" in out
    assert f"⚠ 小李 在本期给会员 {history.card} 调整积分 3 次" in out
    code, _, err = run("report", "supervision", "--from", "2026-03-11", "--to", "2026-03-10")
    assert code == 2
    assert "开始日期 2026-03-11 晚于结束日期 2026-03-10" in err
