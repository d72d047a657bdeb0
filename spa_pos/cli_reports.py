"""`spa-pos report kpi|review|z`: the owner's numbers (shared/design/cli.md), the monthly
review of the points scheme and a day's Z report (this till's or the clinic's). Registered
on the main parser by `spa_pos.cli`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from spa_pos import cli_ops, cli_reports_staff
from spa_pos.cli_common import Refused, add_command, add_group, parse_day
from spa_pos.services.context import Ctx


def cmd_report_kpi(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import kpi

    board = kpi.dashboard(ctx, parse_day(args.start), parse_day(args.end))
    return board.to_json(), kpi.summary_text(board)


def cmd_report_review(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.printing.kpi_pdf import render_review_pdf
    from spa_pos.services import scheme_review

    out = Path(args.out)

    def render(review: scheme_review.Review) -> None:
        try:
            render_review_pdf(review, out)
        except OSError as exc:
            raise Refused("imports.export_failed", file=str(out), reason=str(exc)) from exc

    review = scheme_review.write(ctx, args.month, args.conclusions, then=render)
    data = {"review_id": review.id, "month": review.month, "pdf": str(out), **review.to_json()}
    return data, f"已生成 {review.month} 积分制度评估：{out}"


def register(sub: Any) -> None:
    group = add_group(sub, "report", "the owner's reports (经营报表)")
    cli_reports_staff.add_commands(group)
    p = add_command(group, "kpi", cmd_report_kpi, "the owner's numbers for a period")
    p.add_argument("--from", dest="start", required=True, metavar="D")
    p.add_argument("--to", dest="end", required=True, metavar="D")
    p = add_command(group, "review", cmd_report_review, "the month's points-scheme review PDF")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--conclusions", metavar="TEXT", help="the owner's conclusions, kept")
    p.add_argument("--to", dest="out", required=True, metavar="FILE")
    p = add_command(group, "z", cli_ops.cmd_report_z, "a day's Z report, without closing it")
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p.add_argument("--all-tills", action="store_true", help="the whole clinic, a line per till")
