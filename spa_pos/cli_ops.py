"""Operations commands of `spa-pos`: `jobs run`, `close-day` (and `report z`), `backup`,
`restore` (shared/design/cli.md). Registered on the main parser by `spa_pos.cli`; each command
imports its services when it runs, so that the others do not pay for them."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spa_pos.cli_common import Refused, add_command, add_group, at_arg, parse_day
from spa_pos.errors import DomainError
from spa_pos.money import format_fen, parse_yuan
from spa_pos.services.context import Ctx
from spa_pos.services.job_names import JOB_TITLES, JOBS

if TYPE_CHECKING:
    from spa_pos.services.dayclose import ZReport


def cmd_jobs_run(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import jobs

    r = jobs.run_job(ctx, args.name, at_arg(ctx, args))
    text = f"{JOB_TITLES[r.job]}: 变更 {r.changed} 项"
    if r.status == "skipped":
        text += f"（未完成: {r.detail.get('reason')}）"
    return {
        "job": r.job,
        "changed": r.changed,
        "status": r.status,
        "as_of": r.as_of,
        "detail": r.detail,
    }, text


def cmd_close_day(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import dayclose

    counted = parse_yuan(args.counted_cash) if args.counted_cash is not None else None
    report = dayclose.close_day(ctx, parse_day(args.date) if args.date else None, counted)
    return _z_json(report), _z_text(report)


def cmd_report_z(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """The Z report of a day without closing it: this till's as it was closed (or live
    while open), or with `--all-tills` the clinic's, a line per till."""
    from spa_pos.services import dayclose

    day = parse_day(args.date) if args.date else None
    if args.all_tills:
        report = dayclose.clinic_report(ctx, day)
    else:
        report = dayclose.day_status(ctx, day).report
    return _z_json(report), _z_text(report)


def _z_json(report: ZReport) -> dict[str, Any]:
    data = report.to_json()
    data["date"] = data.pop("business_date")
    return data


def _z_text(r: ZReport) -> str:
    from spa_pos.services.checkout import METHOD_NAMES

    lines = [
        f"日结 {r.business_date}  {f'收银台 {r.till}' if r.till else '全店'}",
        f"销售 {r.sales} 笔  营业额 {format_fen(r.revenue_fen)}"
        f"（原价 {format_fen(r.gross_fen)}，优惠 {format_fen(r.discount_fen)}）",
    ]
    lines += [
        f"  {METHOD_NAMES.get(m, m)} {format_fen(fen)}" for m, fen in r.by_method.items() if fen
    ]
    lines.append(
        f"退款 {r.refunds} 笔 {format_fen(r.refunds_fen)}  净收入 {format_fen(r.net_revenue_fen)}"
    )
    lines.append(f"使用兑换券 {r.vouchers_used} 张，优惠券 {r.coupons_used} 张")
    lines.append(
        f"积分 发放 {r.points_issued}  兑换 {r.points_redeemed}  "
        f"过期 {r.points_expired}  退款扣回 {r.points_reversed}"
    )
    lines.append(f"新会员 {r.new_members} 位")
    lines.append(f"应有现金 {format_fen(r.expected_cash_fen)}")
    if r.counted_cash_fen is not None and r.difference_fen is not None:
        lines.append(
            f"实点现金 {format_fen(r.counted_cash_fen)}  差额 {format_fen(r.difference_fen)}"
        )
    for t in r.tills:
        line = f"  {t.till}: 销售 {t.sales} 笔  净收入 {format_fen(t.net_revenue_fen)}"
        line += f"  应有现金 {format_fen(t.expected_cash_fen)}"
        if t.counted_cash_fen is not None:
            line += f"  实点 {format_fen(t.counted_cash_fen)}"
        lines.append(line + ("  已日结" if t.closed else "  未日结"))
    if r.audit_anchor:
        lines.append(f"审计锚点 {r.audit_anchor}")
    return "\n".join(lines)


def cmd_backup(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import maintenance

    r = maintenance.backup_now(ctx, Path(args.to), passphrase=_passphrase(args))
    return (
        {
            "file": str(r.file),
            "sha256": r.sha256,
            "bytes": r.bytes,
            "manifest": str(r.manifest),
            "encrypted": r.encrypted,
        },
        f"已备份到 {r.file}（{r.bytes} 字节，已校验）",
    )


def cmd_restore(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import maintenance

    backup_file = Path(args.file)
    if not backup_file.is_file():
        raise Refused("backup.file_missing", file=args.file)
    r = maintenance.restore(
        ctx, backup_file, passphrase=_passphrase(args), confirm_clinic=args.confirm_clinic
    )
    safety = str(r.safety_copy) if r.safety_copy else None
    return (
        {
            "restored_from": str(r.restored_from),
            "safety_copy": safety,
            "schema_version": r.schema_version,
            "keyring": r.keyring,
        },
        f"已从 {r.restored_from} 恢复；原数据库的安全副本: {safety or '无'}"
        + (f"\n{DomainError('backup.keyring_missing')}" if r.keyring == "missing" else ""),
    )


def _passphrase(args: argparse.Namespace) -> str | None:
    if not args.passphrase_env:
        return None
    value = os.environ.get(args.passphrase_env)
    if not value:
        raise Refused("cli.passphrase_missing", name=args.passphrase_env)
    return value


def register(sub: Any) -> None:
    """Add the operations commands to the main parser's subcommands."""
    group = add_group(sub, "jobs", "background jobs")
    p = add_command(group, "run", cmd_jobs_run, "run a background job now")
    p.add_argument("name", choices=JOBS)
    p.add_argument("--at", help="run as of this time (clinic time zone)")

    p = add_command(sub, "close-day", cmd_close_day, "end-of-day Z report (日结)")
    p.add_argument("--date", help="YYYY-MM-DD (default: today)")
    p.add_argument("--counted-cash", help="cash counted in the drawer, yuan")

    p = add_command(sub, "backup", cmd_backup, "verified backup to a folder")
    p.add_argument("--to", required=True, help="target folder, e.g. the USB drive")
    p.add_argument("--passphrase-env", help="environment variable holding a passphrase")

    p = add_command(sub, "restore", cmd_restore, "verify, keep a safety copy, restore")
    p.add_argument("file")
    p.add_argument("--passphrase-env", help="environment variable holding the passphrase")
    p.add_argument(
        "--confirm-clinic",
        metavar="NAME",
        help="restore a backup of another clinic: its name, as the refusal shows it",
    )
