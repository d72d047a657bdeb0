"""Staff reports of `spa-pos`: `report therapists --from D --to D [--to-file F]`, what each
therapist (技师) served in a period with the commission (提成). Registered on the main
parser by `spa_pos.cli`; the services are imported when the command runs."""

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


def add_commands(group: Any) -> None:
    """`report therapists`, in the `report` group that `cli_reports` makes."""
    p = add_command(group, "therapists", cmd_report_therapists, "what each therapist served")
    p.add_argument("--from", dest="from_", required=True, metavar="D")
    p.add_argument("--to", required=True, metavar="D")
    p.add_argument("--to-file", metavar="F", help="also write it to an .xlsx (or .csv) file")
