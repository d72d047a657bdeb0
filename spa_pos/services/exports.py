"""Export (数据导出): members, the catalog and sales to XLSX or CSV, by the file's extension.

CSV is written as UTF-8 with a BOM, so that Excel opens the Chinese correctly. The member
and catalog headers are the import's own, so an exported file can be imported again.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import CatalogItem, Member, Sale
from spa_pos.services import permissions, points, unit_of_work
from spa_pos.services.checkout import METHOD_NAMES
from spa_pos.services.context import Ctx

Value = str | int | Decimal | date | None
GENDER_NAMES = {"F": "女", "M": "男"}
KIND_NAMES = {"service": "服务", "course": "疗程", "product": "产品"}

MEMBER_HEADERS = (
    "卡号",
    "姓名",
    "手机",
    "生日",
    "性别",
    "入会日期",
    "积分",
    "等级",
    "标签",
    "备注",
)
CATALOG_HEADERS = ("编码", "名称", "类别", "类型", "价格", "积分", "次数", "对应项目", "在售")
SALE_HEADERS = (
    "单号",
    "时间",
    "会员卡号",
    "会员",
    "明细",
    "原价",
    "优惠",
    "应付",
    "实付",
    "找零",
    "付款",
    "积分",
    "状态",
)


@dataclass(frozen=True)
class ExportResult:
    file: Path
    rows: int


def yuan(fen: int) -> Decimal:
    """Fen as yuan with two decimals: a number in Excel, "398.00" in a CSV."""
    return Decimal(fen).scaleb(-2).quantize(Decimal("0.01"))


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Value]]) -> None:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DomainError("imports.export_format", file=path.name)
    try:
        if suffix == ".csv":
            with path.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(headers)
                writer.writerows(
                    ["" if v is None else v.isoformat() if isinstance(v, date) else v for v in r]
                    for r in rows
                )
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet()
            sheet.append(list(headers))
            for r in rows:
                sheet.append(list(r))
            book.save(path)
    except OSError as exc:
        raise DomainError("imports.export_failed", file=str(path), reason=str(exc)) from exc


def export_members(ctx: Ctx, path: Path) -> ExportResult:
    """Every member (`export_data`); their notes only for someone who may see them
    (`see_health_notes`)."""
    permissions.require(ctx, "export_data")
    health = permissions.allows(ctx.actor, "see_health_notes")
    with unit_of_work.read(ctx) as work:
        s, tz = work.session, work.settings.timezone
        everyone = list(
            s.scalars(select(Member).options(selectinload(Member.tags)).order_by(Member.id))
        )
        tiers = points.tiers_of(s, [m.id for m in everyone], work.stamp, work.settings)
        rows = [
            (
                m.card_no,
                m.name,
                m.phone,
                m.birthday,
                GENDER_NAMES.get(m.gender or "", ""),
                clk.local_date(clk.from_utc_naive(m.joined_at), tz),
                m.points_balance,
                tiers[m.id].name,
                " ".join(sorted(t.tag for t in m.tags)),
                m.notes if health else "",
            )
            for m in everyone
        ]
    write_table(path, MEMBER_HEADERS, rows)
    return ExportResult(path, len(rows))


def export_catalog(ctx: Ctx, path: Path) -> ExportResult:
    """The catalog (`export_data`, like every export of this module)."""
    permissions.require(ctx, "export_data")
    with unit_of_work.read(ctx) as work:
        items = list(
            work.session.scalars(
                select(CatalogItem)
                .options(selectinload(CatalogItem.course_service))
                .order_by(CatalogItem.kind, CatalogItem.code)
            )
        )
        rows = [
            (
                i.code,
                i.name,
                i.category,
                KIND_NAMES[i.kind],
                yuan(i.price_fen),
                i.points,
                i.sessions,
                i.course_service.code if i.course_service else None,
                "是" if i.active else "否",
            )
            for i in items
        ]
    write_table(path, CATALOG_HEADERS, rows)
    return ExportResult(path, len(rows))


def export_sales(ctx: Ctx, first: date, last: date, path: Path) -> ExportResult:
    """The sales of business dates `first` to `last`, both included (`export_data`)."""
    permissions.require(ctx, "export_data")
    with unit_of_work.read(ctx) as work:
        tz = work.settings.timezone
        start = clk.local_day_start_utc(first, tz)
        end = clk.local_day_start_utc(date.fromordinal(last.toordinal() + 1), tz)
        sales = list(
            work.session.scalars(
                select(Sale)
                .where(Sale.created_at >= start, Sale.created_at < end)
                .options(
                    selectinload(Sale.lines), selectinload(Sale.payments), selectinload(Sale.member)
                )
                .order_by(Sale.created_at, Sale.id)
            )
        )
        rows = [
            (
                sale.sale_no,
                clk.from_utc_naive(sale.created_at)
                .astimezone(ZoneInfo(tz))
                .strftime("%Y-%m-%d %H:%M:%S"),
                sale.member.card_no if sale.member else None,
                sale.member.name if sale.member else None,
                "; ".join(f"{line.name}×{line.qty}" for line in sale.lines),
                yuan(sale.gross_fen),
                yuan(sale.discount_fen),
                yuan(sale.due_fen),
                yuan(sale.paid_fen),
                yuan(sale.change_fen),
                "; ".join(
                    f"{METHOD_NAMES.get(p.method, p.method)} {yuan(p.amount_fen)}"
                    for p in sale.payments
                ),
                sale.points_earned,
                sale.status,
            )
            for sale in sales
        ]
    write_table(path, SALE_HEADERS, rows)
    return ExportResult(path, len(rows))
