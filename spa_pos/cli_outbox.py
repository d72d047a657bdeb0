"""`spa-pos outbox list|mark|export|rescue`: member care messages (会员关怀,
shared/design/cli.md's back-office section). Registered on the main parser by
`spa_pos.cli`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spa_pos.cli_common import ROW_ID, add_command, add_group
from spa_pos.models.jobs import CONTACT_RESULTS, OUTBOX_KINDS, OUTBOX_STATUSES, RESCUES
from spa_pos.services.context import Ctx

if TYPE_CHECKING:
    from spa_pos.services.outreach import MessageView


def _json(v: MessageView) -> dict[str, Any]:
    return {
        "id": v.id,
        "member": v.member_card,
        "name": v.member_name,
        "phone": v.phone,
        "kind": v.kind,
        "text": v.text,
        "status": v.status,
        "queued_on": v.created_on.isoformat(),
        "result": v.result,
        "note": v.note,
        "rescue": v.rescue,
    }


def _line(v: MessageView) -> str:
    note = f"（{v.result}：{v.note}）" if v.note else f"（{v.result}）" if v.result else ""
    return f"#{v.id} {v.kind} {v.member_name} {v.phone} [{v.status}]{note} {v.text}"


def cmd_outbox_list(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import outreach

    views = outreach.messages(ctx, kind=args.kind, status=args.status)
    rate = outreach.rate(ctx)
    data = {
        "messages": [_json(v) for v in views],
        "win_back": {
            "contacted": rate.contacted,
            "decided": rate.decided,
            "won_back": rate.won_back,
            "rate": rate.rate,
        },
    }
    return data, "\n".join(_line(v) for v in views) or "没有消息"


def cmd_outbox_mark(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import outreach

    view = outreach.mark(ctx, args.message_id, args.result, args.note or "")
    return _json(view), f"已记录 {_line(view)}"


def cmd_outbox_export(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import outreach

    r = outreach.export(ctx, Path(args.to), kind=args.kind, status=args.status)
    return {"file": str(r.file), "rows": r.rows}, f"已导出 {r.rows} 条消息到 {r.file}"


def cmd_outbox_rescue(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import outreach

    done = outreach.rescue(ctx, args.message_id, args.how)
    data = {"how": done.how, "points": done.points, "lots": done.lots, "balance": done.balance}
    if done.how == "extend":
        return data, f"已将 {done.points} 积分延期一个月，余额 {done.balance}"
    return data, f"已赠送挽留积分 {done.points}，余额 {done.balance}"


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", choices=OUTBOX_KINDS)
    p.add_argument("--status", choices=OUTBOX_STATUSES)


def register(sub: Any) -> None:
    group = add_group(sub, "outbox", "member care messages (会员关怀)")
    _filters(add_command(group, "list", cmd_outbox_list, "list the messages"))
    p = add_command(group, "mark", cmd_outbox_mark, "record a contact's result")
    p.add_argument("message_id", type=ROW_ID, metavar="ID")
    p.add_argument("result", choices=CONTACT_RESULTS)
    p.add_argument("--note", help="回访记录")
    p = add_command(group, "export", cmd_outbox_export, "export to CSV or XLSX")
    p.add_argument("--to", required=True, metavar="FILE")
    _filters(p)
    p = add_command(group, "rescue", cmd_outbox_rescue, "X5: extend expiring points or a bonus")
    p.add_argument("message_id", type=ROW_ID, metavar="ID")
    p.add_argument("how", choices=RESCUES)
