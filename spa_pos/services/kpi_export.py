"""The dashboard's figures as a file: an XLSX workbook of numbers (money in yuan) the owner
can chart or sum again, one sheet per table, the period and the one before side by side, or
the A4 PDF. The clinic's takings leave the till either way: `export_data`, checked here for
the window and the commands alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spa_pos.errors import DomainError
from spa_pos.services import permissions
from spa_pos.services.context import Ctx
from spa_pos.services.exports import yuan
from spa_pos.services.kpi import ROWS, Dashboard, changes


def _number(value: Any, how: str) -> Any:
    if value is None:
        return None
    if how == "fen":
        return yuan(int(value))
    if how == "repurchase":
        return value["rate"]
    if how == "win_back":
        return value["rate"]
    return value


def export_xlsx(ctx: Ctx, board: Dashboard, path: Path) -> Path:
    from openpyxl import Workbook

    permissions.require(ctx, "export_data")
    cur, prev = board.current.to_json(), board.previous.to_json()
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its first sheet
    sheet.title = "对比"
    sheet.append(["", f"{cur['start']} – {cur['end']}", f"{prev['start']} – {prev['end']}", "变化"])
    moved = changes(cur, prev)
    for key, label, how in ROWS:
        sheet.append([label, _number(cur[key], how), _number(prev[key], how), moved[key]])

    trend = book.create_sheet("走势")
    trend.append(["开始", "结束", "到店人次", "营业额（元）", "新会员", "未兑积分"])
    for p in board.current.trend:
        trend.append(
            [p.start, p.end, p.visits, yuan(p.revenue_fen), p.new_members, p.points_outstanding]
        )
    redeemed = book.create_sheet("兑换")
    redeemed.append(["奖品编码", "奖品", "兑换券", "积分"])
    for r in board.current.redemptions:
        redeemed.append([r.code, r.name, r.vouchers, r.points])
    top = book.create_sheet("热门项目")
    top.append(["编码", "项目", "数量", "营业额（元）"])
    for t in board.current.top_services:
        top.append([t.code, t.name, t.qty, yuan(t.revenue_fen)])
    members = book.create_sheet("会员")
    members.append(["分组", "名称", "人数"])
    for tier, n in board.current.tiers.items():
        members.append(["等级", tier, n])
    for tag, n in board.tags.items():
        members.append(["标签", tag, n])
    try:
        book.save(path)
    except OSError as exc:
        raise DomainError("imports.export_failed", file=str(path), reason=str(exc)) from exc
    return path


def export_pdf(ctx: Ctx, board: Dashboard, path: Path) -> Path:
    """The dashboard as its A4 PDF file (`kpi_pdf.render_dashboard_pdf`)."""
    permissions.require(ctx, "export_data")
    from spa_pos.printing.kpi_pdf import render_dashboard_pdf  # reportlab: on use

    try:
        render_dashboard_pdf(board, path)
    except OSError as exc:
        raise DomainError("imports.export_failed", file=str(path), reason=str(exc)) from exc
    return path
