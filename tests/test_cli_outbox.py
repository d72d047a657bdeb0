"""`spa-pos outbox list|mark|export|rescue` through `spa_pos.cli.run` (cli.md's
back-office section)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from spa_pos.clock import FixedClock
from spa_pos.services import jobs
from spa_pos.services.context import Ctx
from tests.services.test_jobs_reminders import buy, join, local
from tests.test_cli_promo import Run
from tests.test_cli_promo import run as run  # the fixture


def queue(ctx: Ctx, clock: FixedClock) -> None:
    """张三: 2400 points expiring on 2026-03-20 and away for a year; 李四 no consent."""
    join(ctx, "张三", "13800000001")
    join(ctx, "李四", "13800000002", consent=False)
    buy(ctx, "13800000001", local(2025, 3, 20), "ZJTN10", 358000)
    buy(ctx, "13800000002", local(2025, 3, 20), "ZJTN10", 358000)
    clock.at = local(2026, 3, 10)
    jobs.run_job(ctx, "reminders")


def test_list_mark_and_filter(run: Run, ctx: Ctx, clock: FixedClock) -> None:
    queue(ctx, clock)
    code, data, _ = run("outbox", "list")
    assert code == 0
    got = [(m["phone"], m["kind"], m["status"]) for m in data["messages"]]
    assert got == [
        ("13800000001", "expiry_reminder", "queued"),
        ("13800000001", "dormant", "queued"),
        ("13800000001", "course_idle", "queued"),
    ]
    assert set(data["messages"][0]) >= {"id", "member", "kind", "text", "status"}
    first = data["messages"][0]["id"]

    code, data, _ = run("outbox", "mark", str(first), "sent", "--note", "微信已发")
    assert (code, data["status"], data["result"], data["note"]) == (0, "sent", "sent", "微信已发")
    code, data, _ = run("outbox", "list", "--status", "sent")
    assert [m["id"] for m in data["messages"]] == [first]
    code, data, _ = run("outbox", "list", "--kind", "dormant")
    assert [m["kind"] for m in data["messages"]] == ["dormant"]
    assert data["win_back"] == {"contacted": 0, "decided": 0, "won_back": 0, "rate": 0.0}

    code, _, err = run("outbox", "mark", "999", "skipped")
    assert code == 2 and "找不到消息 999" in err
    with pytest.raises(SystemExit, match="2"):
        run("outbox", "mark", str(first), "burnt")


def test_export_reads_back(run: Run, ctx: Ctx, clock: FixedClock, tmp_path: Path) -> None:
    queue(ctx, clock)
    code, data, _ = run("outbox", "export", "--to", str(tmp_path / "care.csv"))
    assert (code, data["rows"]) == (0, 3)
    with (tmp_path / "care.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:6] == ["编号", "类型", "卡号", "姓名", "手机", "内容"]
    assert [r[4] for r in rows[1:]] == ["13800000001"] * 3
    code, data, _ = run(
        "outbox", "export", "--to", str(tmp_path / "care.xlsx"), "--kind", "expiry_reminder"
    )
    assert (code, data["rows"]) == (0, 1)
    sheet = load_workbook(tmp_path / "care.xlsx").active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[1][1] == "积分到期提醒" and "2400 积分将于 2026-03-20 到期" in str(values[1][5])
    code, _, err = run("outbox", "export", "--to", str(tmp_path / "care.txt"))
    assert code == 2 and "care.txt" in err


def test_rescue_once(run: Run, ctx: Ctx, clock: FixedClock) -> None:
    queue(ctx, clock)
    _, data, _ = run("outbox", "list", "--kind", "expiry_reminder")
    reminder = str(data["messages"][0]["id"])
    code, data, _ = run("outbox", "rescue", reminder, "extend")
    assert (code, data) == (0, {"how": "extend", "points": 2400, "lots": 1, "balance": 2400})
    code, _, err = run("outbox", "rescue", reminder, "bonus")
    assert code == 2 and "已经挽留过一次" in err
