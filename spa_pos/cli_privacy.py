"""A member's personal data on request, on the command line: `member export-data CARD
--out FILE` (XLSX) and `member erase CARD --reason TEXT` (manager or owner: `--as` /
`--approver` as for every guarded command). Added to the `member` group by
`spa_pos.cli`; the services are imported when a command runs."""

from __future__ import annotations

import argparse
from typing import Any

from spa_pos.cli_common import add_command, output_file
from spa_pos.services.context import Ctx


def cmd_member_export_data(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import privacy

    done = privacy.export_data(ctx, args.member, output_file(args.out))
    rows = sum(done.sheets.values())
    return (
        {"file": str(done.path), "sheets": done.sheets},
        f"已导出会员数据到 {done.path}（{len(done.sheets)} 个工作表，{rows} 行）",
    )


def cmd_member_erase(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import privacy

    done = privacy.erase(ctx, args.member, args.reason)
    lines = [f"已注销会员 {done.card_no} 的个人信息，现显示为 {done.name}，积分余额 {done.balance}"]
    if done.audit_rows_by_value:
        lines.append(f"注意：{done.audit_rows_by_value} 条旧审计记录仍含姓名或手机号（旧版本写入）")
    if not done.compacted:
        lines.append("注意：数据库正被其他程序使用，文件未整理（VACUUM），下次注销时再整理")
    return (
        {
            "card_no": done.card_no,
            "name": done.name,
            "balance": done.balance,
            "cleared": done.cleared,
            "audit_rows_by_value": done.audit_rows_by_value,
            "compacted": done.compacted,
        },
        "\n".join(lines),
    )


def register_member(member: Any) -> None:
    """The privacy commands of the `member` group."""
    p = add_command(member, "export-data", cmd_member_export_data, "a member's data as XLSX")
    p.add_argument("member", metavar="CARD")
    p.add_argument("--out", required=True, metavar="FILE")
    p = add_command(member, "erase", cmd_member_erase, "erase a member's personal data")
    p.add_argument("member", metavar="CARD")
    p.add_argument("--reason", required=True)
