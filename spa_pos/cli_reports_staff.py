"""Staff reports of `spa-pos`: `report therapists --from D --to D [--to-file F]`, what each
therapist (技师) served in a period with the commission (提成), and `report supervision
--from D --to D [--to-file F]`, what each person did that a manager keeps an eye on
(监督报表: adjustments, refunds, voucher cancellations, reopened days, redemptions) with
the unusual flagged. Registered on the main parser by `spa_pos.cli`; the services are
imported when the command runs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from spa_pos.cli_common import add_command, output_file, parse_day
from spa_pos.money import format_fen
from spa_pos.services.context import Ctx


def cmd_report_therapists(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import therapist_report

    first, last = parse_day(args.from_), parse_day(args.to)
    found = therapist_report.report(ctx, first, last)
    data: dict[str, Any] = {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "therapists": [
            {
                "name": r.name,
                "services": r.services,
                "sessions": r.sessions,
                "revenue_fen": r.revenue_fen,
                "commission_fen": r.commission_fen,
            }
            for r in found.rows
        ],
    }
    text = [
        f"{r.name}  项目 {r.services} 次  疗程 {r.sessions} 次  "
        f"营业额 {format_fen(r.revenue_fen)}  提成 {format_fen(r.commission_fen)}"
        for r in found.rows
    ] or [f"{first} 至 {last} 没有记技师的服务"]
    if args.to_file:
        path: Path = output_file(args.to_file)
        therapist_report.export_report(ctx, first, last, path)
        data["file"] = str(path)
        text.append(f"已导出到 {path}")
    return data, "\n".join(text)


def cmd_report_supervision(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import audit_browse

    first, last = parse_day(args.from_), parse_day(args.to)
    found = audit_browse.supervision(ctx, first, last)
    data: dict[str, Any] = {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "staff": [
            {
                "name": r.name,
                "adjustments": r.adjustments,
                "points_added": r.points_added,
                "points_taken": r.points_taken,
                "adjustments_approved": r.adjustments_approved,
                "approvers": r.approvers,
                "refunds": r.refunds,
                "refunded_fen": r.refunded_fen,
                "voucher_cancels": r.voucher_cancels,
                "days_reopened": r.days_reopened,
                "redemptions": r.redemptions,
                "redeemed_points": r.redeemed_points,
            }
            for r in found.rows
        ],
        "flags": [
            {"kind": f.kind, "staff": f.staff, "ref": f.ref, "count": f.count, "text": f.text}
            for f in found.flags
        ],
    }
    text = [
        f"{r.name}  调整积分 {r.adjustments} 次（+{r.points_added}/-{r.points_taken}，"
        f"店长批准 {r.adjustments_approved} 次）  "
        f"退款 {r.refunds} 次 {format_fen(r.refunded_fen)}  "
        f"作废兑换券 {r.voucher_cancels}  撤销日结 {r.days_reopened}  "
        f"兑换 {r.redemptions} 次 {r.redeemed_points} 分"
        for r in found.rows
    ] or [f"{first} 至 {last} 没有需要监督的操作"]
    text += [f"⚠ {f.text}" for f in found.flags]
    if args.to_file:
        path: Path = output_file(args.to_file)
        audit_browse.export_supervision(ctx, first, last, path)
        data["file"] = str(path)
        text.append(f"已导出到 {path}")
    return data, "\n".join(text)


def add_commands(group: Any) -> None:
    """`report therapists` and `report supervision`, in the `report` group that
    `cli_reports` makes."""
    p = add_command(group, "therapists", cmd_report_therapists, "what each therapist served")
    p.add_argument("--from", dest="from_", required=True, metavar="D")
    p.add_argument("--to", required=True, metavar="D")
    p.add_argument("--to-file", metavar="F", help="also write it to an .xlsx (or .csv) file")
    p = add_command(
        group, "supervision", cmd_report_supervision, "what each person did that a manager checks"
    )
    p.add_argument("--from", dest="from_", required=True, metavar="D")
    p.add_argument("--to", required=True, metavar="D")
    p.add_argument("--to-file", metavar="F", help="also write it to an .xlsx file")
