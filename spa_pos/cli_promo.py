"""`spa-pos promo add|list|end`: time-boxed promotions (限时活动, shared/design/cli.md's
back-office section). Registered on the main parser by `spa_pos.cli`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from spa_pos.cli_common import ROW_ID, add_command, add_group
from spa_pos.services.context import Ctx

if TYPE_CHECKING:
    from spa_pos.services.promotions import PromotionView

STATUS_NAMES = {"current": "进行中", "upcoming": "未开始", "past": "已结束"}


def cmd_promo_add(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import promotions

    view = promotions.add(
        ctx,
        promotions.PromotionForm(
            name=args.name,
            starts=args.starts,
            ends=args.ends,
            multiplier=args.multiplier or "",
            bonus=args.bonus or "",
            items=tuple(args.item or ()),
            category=args.category or "",
            tag=args.tag or "",
        ),
    )
    return {"promo_id": view.id, **view.to_json()}, f"已添加限时活动 {_line(view)}"


def cmd_promo_list(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import promotions

    views = promotions.listing(ctx)
    text = "\n".join(_line(v) for v in views) or "还没有限时活动"
    return {"promos": [v.to_json() for v in views]}, text


def cmd_promo_end(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import promotions

    view = promotions.end(ctx, args.promo_id)
    return {"promo_id": view.id, **view.to_json()}, f"已结束限时活动 {_line(view)}"


def _line(v: PromotionView) -> str:
    """#1 妇女节 ×2 肩颈 (沉睡) 2026-03-08 00:00 – 2026-03-15 00:00 进行中"""
    effect = f"×{v.multiplier}" if v.multiplier else f"+{v.bonus} 分"
    scope = " ".join(v.items) or v.category or "全部项目"
    tag = f"（仅{v.tag}会员）" if v.tag else ""
    period = f"{v.starts_at:%Y-%m-%d %H:%M} – {v.ends_at:%Y-%m-%d %H:%M}"
    ended = f"，{v.ended_by} 提前结束于 {v.ended_at:%Y-%m-%d %H:%M}" if v.ended_at else ""
    return f"#{v.id} {v.name} {effect} {scope}{tag} {period} {STATUS_NAMES[v.status]}{ended}"


def register(sub: Any) -> None:
    group = add_group(sub, "promo", "time-boxed promotions (限时活动)")
    p = add_command(group, "add", cmd_promo_add, "add a promotion")
    p.add_argument("--name", required=True)
    p.add_argument("--from", dest="starts", required=True, metavar="TIME")
    p.add_argument("--to", dest="ends", required=True, metavar="TIME", help="excluded")
    effect = p.add_mutually_exclusive_group(required=True)
    effect.add_argument("--multiplier", metavar="X", help="points multiplier above 1")
    effect.add_argument("--bonus", metavar="P", help="bonus points once per sale")
    p.add_argument("--item", nargs="+", action="extend", metavar="CODE")
    p.add_argument("--category", metavar="C")
    p.add_argument("--tag", metavar="TAG", help="only members with this tag")
    add_command(group, "list", cmd_promo_list, "list promotions")
    p = add_command(group, "end", cmd_promo_end, "end a promotion now")
    p.add_argument("promo_id", type=ROW_ID, metavar="ID")
