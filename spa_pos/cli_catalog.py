"""The back office's catalog commands: `catalog list/add/edit` and `reward
list/add/edit/restock/history` (shared/design/cli.md). Registered on the main parser by
`spa_pos.cli`; each command imports its services when it runs."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from spa_pos.cli_common import INTEGER, add_command, add_group
from spa_pos.money import format_fen, parse_yuan
from spa_pos.services.context import Ctx

if TYPE_CHECKING:
    from spa_pos.services.catalog import ItemRow
    from spa_pos.services.rewards import RewardRow

KINDS = ("service", "product", "course")


def _item_json(row: ItemRow) -> dict[str, Any]:
    return {
        "code": row.code,
        "name": row.name,
        "category": row.category,
        "kind": row.kind,
        "price_fen": row.price_fen,
        "points": row.points,
        "sessions": row.sessions,
        "of": row.course_service_code,
        "valid_days": row.valid_days,
        "sort_order": row.sort_order,
        "active": row.active,
    }


def _item_text(row: ItemRow) -> str:
    points = "按比例" if row.points is None else f"{row.points} 分"
    state = "" if row.active else "（已停售）"
    return f"{row.code}  {row.name}  [{row.category}]  {format_fen(row.price_fen)}  {points}{state}"


def cmd_catalog_list(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import catalog

    rows = catalog.list_items(ctx, include_retired=args.all)
    return {"items": [_item_json(r) for r in rows]}, "\n".join(map(_item_text, rows))


def _kind(args: argparse.Namespace) -> str:
    """--kind, else a course when it has sessions, else the contract's form `--category
    service|product|course` names the kind, else a service."""
    if args.kind:
        return str(args.kind)
    if args.sessions is not None or args.of:
        return "course"
    return str(args.category) if args.category in KINDS else "service"


def cmd_catalog_add(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import catalog

    row = catalog.add_item(
        ctx,
        catalog.ItemSpec(
            code=args.code,
            name=args.name,
            kind=_kind(args),
            price_fen=parse_yuan(args.price),
            points=args.points,
            category=args.category,
            sessions=args.sessions,
            course_service_code=args.of,
            valid_days=args.valid_days,
            sort_order=args.order or 0,
        ),
    )
    return _item_json(row), f"已添加 {_item_text(row)}"


def cmd_catalog_edit(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import catalog

    spec = catalog.find_item(ctx, args.code).spec()
    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["name"] = args.name
    if args.category is not None:
        changes["category"] = args.category
    if args.price is not None:
        changes["price_fen"] = parse_yuan(args.price)
    if args.points is not None:
        changes["points"] = args.points
    if args.at_rate:
        changes["points"] = None
    if args.sessions is not None:
        changes["sessions"] = args.sessions
    if args.valid_days is not None:
        changes["valid_days"] = args.valid_days or None  # 0: no limit
    if args.order is not None:
        changes["sort_order"] = args.order
    if args.retire or args.restore:
        changes["active"] = bool(args.restore)
    row = catalog.edit_item(ctx, spec.code, replace(spec, **changes))
    return _item_json(row), f"已修改 {_item_text(row)}"


def _reward_json(row: RewardRow) -> dict[str, Any]:
    return {
        "code": row.code,
        "name": row.name,
        "cost": row.points_cost,
        "item": row.item_code,
        "coupon_fen": row.coupon_fen,
        "stock": row.stock,
        "active": row.active,
    }


def _reward_text(row: RewardRow) -> str:
    gives = row.gives or format_fen(row.coupon_fen or 0)
    stock = "不限" if row.stock is None else str(row.stock)
    state = "" if row.active else "（已下架）"
    return f"{row.code}  {row.name}  {row.points_cost} 分  → {gives}  库存 {stock}{state}"


def cmd_reward_list(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import rewards

    rows = rewards.list_rewards(ctx)
    return {"rewards": [_reward_json(r) for r in rows]}, "\n".join(map(_reward_text, rows))


def cmd_reward_add(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import rewards

    row = rewards.add_reward(
        ctx,
        rewards.RewardForm(
            code=args.code,
            name=args.name,
            points_cost=args.cost,
            item_code=args.item,
            coupon_fen=parse_yuan(args.coupon) if args.coupon is not None else None,
            stock=args.stock,
        ),
    )
    return _reward_json(row), f"已添加 {_reward_text(row)}"


def cmd_reward_edit(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import rewards

    form = rewards.find_reward(ctx, args.code).form()
    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["name"] = args.name
    if args.cost is not None:
        changes["points_cost"] = args.cost
    if args.stock is not None:
        changes["stock"] = args.stock
    if args.unlimited:
        changes["stock"] = None
    if args.retire or args.restore:
        changes["active"] = bool(args.restore)
    row = rewards.edit_reward(ctx, form.code, replace(form, **changes))
    return _reward_json(row), f"已修改 {_reward_text(row)}"


def cmd_reward_restock(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import rewards

    row = rewards.restock(ctx, args.code, args.delta, args.reason)
    return _reward_json(row), f"已调整库存 {_reward_text(row)}"


def cmd_reward_history(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import rewards

    moves = rewards.stock_history(ctx, args.code)
    data = [
        {
            "at": m.at.isoformat(),
            "actor": m.actor,
            "kind": m.kind,
            "delta": m.delta,
            "stock_after": m.stock_after,
            "reason": m.reason,
        }
        for m in moves
    ]
    text = "\n".join(
        f"{m.at:%Y-%m-%d %H:%M}  {m.actor}  {m.kind}  {m.delta:+d}  → {m.stock_after}  {m.reason}"
        for m in moves
    )
    return {"code": args.code, "changes": data}, text


def register(sub: Any) -> None:
    """Add `catalog` and `reward` to the main parser's subcommands."""
    group = add_group(sub, "catalog", "the clinic's services, products and courses")
    p = add_command(group, "list", cmd_catalog_list, "items on sale")
    p.add_argument("--all", action="store_true", help="retired items too")

    p = add_command(group, "add", cmd_catalog_add, "a new service, product or course")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--price", required=True, help="yuan")
    p.add_argument("--category", required=True, help="the clinic's category (肩颈, 产品, …)")
    p.add_argument("--kind", choices=KINDS, help="default: course with --sessions, else service")
    p.add_argument("--points", type=INTEGER, help="fixed points (default: earned at the rate)")
    p.add_argument("--sessions", type=INTEGER, help="a course: how many sessions")
    p.add_argument("--of", help="a course: the service code its sessions are of")
    p.add_argument(
        "--valid-days", type=INTEGER, help="a course: valid this many days after purchase"
    )
    p.add_argument("--order", type=INTEGER, help="place on the till (lower first)")

    p = add_command(group, "edit", cmd_catalog_edit, "change an item")
    p.add_argument("code")
    p.add_argument("--name")
    p.add_argument("--price", help="yuan")
    p.add_argument("--category")
    points = p.add_mutually_exclusive_group()
    points.add_argument("--points", type=INTEGER)
    points.add_argument("--at-rate", action="store_true", help="earn at the rate")
    p.add_argument("--sessions", type=INTEGER)
    p.add_argument("--valid-days", type=INTEGER, help="0: no limit")
    p.add_argument("--order", type=INTEGER)
    state = p.add_mutually_exclusive_group()
    state.add_argument("--retire", action="store_true", help="take it off the till")
    state.add_argument("--restore", action="store_true", help="put it back on the till")

    group = add_group(sub, "reward", "the reward catalog (积分商城)")
    add_command(group, "list", cmd_reward_list, "the rewards, retired ones last")
    p = add_command(group, "add", cmd_reward_add, "a new reward")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--cost", type=INTEGER, required=True, help="points")
    gives = p.add_mutually_exclusive_group(required=True)
    gives.add_argument("--item", help="the service or product it gives")
    gives.add_argument("--coupon", help="a coupon of this many yuan")
    p.add_argument("--stock", type=INTEGER, help="default: unlimited")

    p = add_command(group, "edit", cmd_reward_edit, "change a reward")
    p.add_argument("code")
    p.add_argument("--name")
    p.add_argument("--cost", type=INTEGER, help="points")
    stock = p.add_mutually_exclusive_group()
    stock.add_argument("--stock", type=INTEGER, help="the stock counted now")
    stock.add_argument("--unlimited", action="store_true", help="no stock limit")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--retire", action="store_true")
    state.add_argument("--restore", action="store_true")

    p = add_command(group, "restock", cmd_reward_restock, "add to (or take from) the stock")
    p.add_argument("code")
    p.add_argument("delta", type=INTEGER, metavar="±N")
    p.add_argument("--reason", required=True)

    p = add_command(group, "history", cmd_reward_history, "the reward's stock moves")
    p.add_argument("code")
