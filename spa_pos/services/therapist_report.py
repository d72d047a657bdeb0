"""The therapist report (技师业绩): per therapist, what they served in a period, with the
commission (提成) by the rule of `spa_pos.services.therapists.commission_fen`.

The report of a period counts the service and course lines of the sales made in it
(business days in the clinic's zone) that name a therapist, less the lines refunded
(whenever refunded: a refunded line was not a service paid for), and the course sessions
used in it that name one. "Services" counts the units of service lines (a course line
brings revenue, its sessions are counted as they are used); "revenue" is the money paid
for the lines (`net_fen`: after vouchers and coupons).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.models import CatalogItem, CourseUse, Sale, SaleLine, StaffMember
from spa_pos.services import exports, permissions, therapists, unit_of_work
from spa_pos.services.context import Ctx


@dataclass(frozen=True)
class TherapistRow:
    name: str
    services: int  # units of service lines served, refunded lines left out
    sessions: int  # course sessions done
    revenue_fen: int  # money paid for the lines served (service and course), net of refunds
    commission_fen: int


@dataclass(frozen=True)
class TherapistReport:
    first: date
    last: date
    rows: list[TherapistRow]

    @property
    def revenue_fen(self) -> int:
        return sum(r.revenue_fen for r in self.rows)

    @property
    def commission_fen(self) -> int:
        return sum(r.commission_fen for r in self.rows)


def report(ctx: Ctx, first: date, last: date) -> TherapistReport:
    """Per therapist, the period's services, sessions, revenue and commission (by name)."""
    if first > last:
        raise DomainError("therapists.bad_period", first=first.isoformat(), last=last.isoformat())
    with unit_of_work.read(ctx) as work:
        s, tz = work.session, work.settings.timezone
        start = clk.local_day_start_utc(first, tz)
        end = clk.local_day_start_utc(last + timedelta(days=1), tz)
        totals: dict[int, list[int]] = {}  # staff id -> [services, sessions, revenue, commission]
        lines = s.execute(
            select(
                SaleLine.therapist_id,
                SaleLine.qty,
                SaleLine.net_fen,
                CatalogItem.kind,
                CatalogItem.commission_rate_bp,
                StaffMember.commission_rate_bp,
            )
            .join(Sale, Sale.id == SaleLine.sale_id)
            .join(CatalogItem, CatalogItem.id == SaleLine.item_id)
            .join(StaffMember, StaffMember.id == SaleLine.therapist_id)
            .where(Sale.created_at >= start, Sale.created_at < end, SaleLine.refund_id.is_(None))
        )
        for staff_id, qty, net, kind, item_rate, staff_rate in lines:
            t = totals.setdefault(staff_id, [0, 0, 0, 0])
            t[0] += qty if kind == "service" else 0
            t[2] += net
            t[3] += therapists.commission_fen(net, item_rate, staff_rate)
        sessions = s.execute(
            select(CourseUse.therapist_id).where(
                CourseUse.therapist_id.is_not(None),
                CourseUse.used_at >= start,
                CourseUse.used_at < end,
            )
        )
        for (staff_id,) in sessions:
            totals.setdefault(staff_id, [0, 0, 0, 0])[1] += 1
        names = dict(
            s.execute(select(StaffMember.id, StaffMember.name).where(StaffMember.id.in_(totals)))
            .tuples()
            .all()
        )
        rows = [TherapistRow(names[i], *t) for i, t in totals.items()]
        return TherapistReport(first, last, sorted(rows, key=lambda r: r.name))


HEADERS = ("技师", "项目次数", "疗程次数", "营业额（元）", "提成（元）")


def export_report(ctx: Ctx, first: date, last: date, path: Path) -> exports.ExportResult:
    """The report as a spreadsheet (XLSX; CSV by the file's suffix), yuan as numbers.
    Each therapist's takings and commission in a file: `export_data`."""
    permissions.require(ctx, "export_data")
    found = report(ctx, first, last)
    rows = [
        (
            r.name,
            r.services,
            r.sessions,
            exports.yuan(r.revenue_fen),
            exports.yuan(r.commission_fen),
        )
        for r in found.rows
    ]
    rows.append(
        (
            "合计",
            sum(r.services for r in found.rows),
            sum(r.sessions for r in found.rows),
            exports.yuan(found.revenue_fen),
            exports.yuan(found.commission_fen),
        )
    )
    exports.write_table(path, HEADERS, rows)
    return exports.ExportResult(path, len(found.rows))
