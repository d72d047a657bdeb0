"""`spa-pos report kpi|review`, the XLSX export and the PDFs, read back."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from spa_pos import cli
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.errors import DomainError
from spa_pos.printing.kpi_pdf import render_dashboard_pdf
from spa_pos.services import kpi, scheme_review
from spa_pos.services.context import CLI_ACTOR, Actor, Ctx
from spa_pos.services.kpi_export import export_xlsx
from tests.services.test_kpi import build_history

Run = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def history(ctx: Ctx) -> Ctx:
    return build_history(ctx)


@pytest.fixture
def run(db_arg: str, clock: FixedClock, capsys: pytest.CaptureFixture[str]) -> Run:
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


def pdf_text(path: Path) -> str:
    """`pdftotext -layout`, as the receipt tests read PDFs."""
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def test_report_kpi_json_keeps_the_contract(history: Ctx, run: Run) -> None:
    code, data, _ = run("report", "kpi", "--from", "2026-02-01", "--to", "2026-02-28")
    assert code == 0
    assert data["new_members"] == 1
    assert data["active_members"] == 3
    assert data["visits"] == 4
    assert data["revenue_fen"] == 39800 + 3900 + 358000 + 12800
    assert data["repurchase_30d"] == {"eligible": 3, "repurchased": 2, "rate": 0.6667}
    assert (data["points_issued"], data["points_redeemed"], data["points_expired"]) == (
        2739,
        100,
        0,
    )
    assert data["points_outstanding"] == 5039
    assert data["tags"] == kpi.dashboard(history, date(2026, 2, 1), date(2026, 2, 28)).tags
    assert data["previous"]["visits"] == 2
    assert (data["from"], data["to"]) == ("2026-02-01", "2026-02-28")


def test_report_kpi_text_and_refusals(history: Ctx, run: Run) -> None:
    code, out, _ = run("report", "kpi", "--from", "2026-02-01", "--to", "2026-02-28", as_json=False)
    assert code == 0
    assert "到店人次：4（上期 2）" in out
    assert "30天复购率：66.7%（2/3）" in out
    code, _, err = run("report", "kpi", "--from", "2026-03-01", "--to", "2026-02-01")
    assert code == 2
    assert "开始 2026-03-01 晚于结束 2026-02-01" in err


def test_dashboard_xlsx_reads_back(history: Ctx, tmp_path: Path) -> None:
    board = kpi.dashboard(history, date(2026, 2, 1), date(2026, 2, 28))
    book = load_workbook(export_xlsx(history, board, tmp_path / "kpi.xlsx"))
    rows = {r[0]: r[1:] for r in book["对比"].iter_rows(values_only=True)}
    assert rows[None][-1] == "变化"
    assert rows["到店人次"] == (4, 2, "+100%")
    assert rows["营业额（净）"] == (4145, 3748, "+11%")  # yuan
    assert rows["30天复购率"] == (0.6667, 1.0, "-33.3 个百分点")
    assert [r for r in book["热门项目"].iter_rows(values_only=True)][1] == (
        "ZJTN10",
        "针灸推拿十次疗程",
        1,
        3580,
    )
    assert ("等级", "银卡", 2) in list(book["会员"].iter_rows(values_only=True))


def test_dashboard_pdf_reads_back(history: Ctx, tmp_path: Path) -> None:
    board = kpi.dashboard(history, date(2026, 2, 1), date(2026, 2, 28))
    out = tmp_path / "kpi.pdf"
    render_dashboard_pdf(board, out)
    assert len(PdfReader(out).pages) >= 1
    text = pdf_text(out)
    assert "经营看板" in text
    assert "2026-02-01 – 2026-02-28" in text
    assert "66.7%（2/3）" in text
    assert "¥4,145.00" in text
    assert "针灸推拿十次疗程" in text
    assert "100 (1)" in text  # R-Q10: its points and its vouchers, as the dashboard shows
    assert "变化" in text and "-33.3 个百分点" in text and "+100%" in text


def test_the_printed_bars_write_thousands_as_the_window_does(history: Ctx, tmp_path: Path) -> None:
    board = kpi.dashboard(history, date(2026, 2, 1), date(2026, 2, 28))
    [q10] = board.current.redemptions
    busy = replace(
        board,
        current=replace(board.current, redemptions=(replace(q10, points=183900, vouchers=1613),)),
        tags={"沉睡": 2280},
    )
    out = tmp_path / "kpi.pdf"
    render_dashboard_pdf(busy, out)
    text = pdf_text(out)
    assert "183,900 (1,613)" in text and "2,280" in text


def test_report_review_keeps_the_conclusions(history: Ctx, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"
    code, data, _ = run(
        "report", "review", "--month", "2026-02", "--conclusions", "兑换率偏低，下月加推¥10券",
        "--to", str(out),
    )  # fmt: skip
    assert code == 0
    assert data["month"] == "2026-02"
    assert data["figures"]["visits"] == 4
    assert data["tier_moves"] == {"普通→银卡": 1}
    assert [p["month"] for p in data["liability_trend"]] == [
        "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02",
    ]  # fmt: skip
    assert data["liability_trend"][-1]["points"] == 5039
    assert data["liability_trend"][-2]["points"] == 2500
    text = pdf_text(out)
    assert "积分制度评估 2026-02" in text
    assert "cli 2026-03-10 10:00" in text  # written at START, in the clinic's zone
    assert "兑换率偏低，下月加推¥10券" in text
    assert "普通→银卡" in text

    kept = scheme_review.reviews(history, "2026-02")
    assert [r.conclusions for r in kept] == ["兑换率偏低，下月加推¥10券"]
    assert kept[0].author == "cli"
    assert kept[0].figures["visits"] == 4


def test_report_review_refuses_a_bad_month(history: Ctx, run: Run, tmp_path: Path) -> None:
    code, _, err = run("report", "review", "--month", "2026-2x", "--to", str(tmp_path / "r.pdf"))
    assert code == 2
    assert "月份格式应为 YYYY-MM" in err
    assert scheme_review.reviews(history, "2026-02") == []


def test_a_review_whose_pdf_cannot_be_written_is_not_kept(
    history: Ctx, run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "no such folder" / "review.pdf"
    code, _, err = run("report", "review", "--month", "2026-02", "--to", str(out))
    assert code == 2
    assert "review.pdf" in err
    assert scheme_review.reviews(history, "2026-02") == []


def test_the_preview_is_the_figures_a_review_then_keeps(history: Ctx) -> None:
    shown = scheme_review.preview(history, "2026-02")
    kept = scheme_review.write(history, "2026-02", "先观察")
    assert shown.figures["visits"] > 0  # the history's February, not an empty month
    assert (shown.month, shown.figures, shown.previous) == (kept.month, kept.figures, kept.previous)
    assert (shown.tier_moves, shown.liability_trend) == (kept.tier_moves, kept.liability_trend)


def test_only_a_manager_or_the_owner_writes_a_review(history: Ctx) -> None:
    cashier = replace(history, actor=Actor("小李", "cashier"))
    with pytest.raises(DomainError, match="积分制度评估需要店长权限"):
        scheme_review.write(cashier, "2026-02", "")
    assert scheme_review.reviews(history, "2026-02") == []
    scheme_review.write(replace(history, actor=Actor("张店长", "manager")), "2026-02", "")
    assert [r.author for r in scheme_review.reviews(history, "2026-02")] == ["张店长"]


def test_a_review_compares_with_the_whole_month_before(history: Ctx) -> None:
    """上月 is the calendar month before, not as many days back (February's 28 days back
    from 1 February would start on 4 January)."""
    for month, start, end in (
        ("2026-02", date(2026, 1, 1), date(2026, 1, 31)),
        ("2026-03", date(2026, 2, 1), date(2026, 2, 28)),
    ):
        before = scheme_review.preview(history, month).previous
        assert (before["start"], before["end"]) == (start.isoformat(), end.isoformat())
        whole = kpi.dashboard(history, start, end).current
        assert (before["visits"], before["revenue_fen"]) == (whole.visits, whole.revenue_fen)
