"""Loyalty-rule commands of `spa-pos`: `rules show` and `rules set` (shared/design/cli.md,
back office). Registered on the main parser by `spa_pos.cli`; the services are imported
when a command runs."""

from __future__ import annotations

import argparse
import json
from typing import Any

from spa_pos.cli_common import add_command, add_group, at_arg
from spa_pos.services.context import Ctx


def _value_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def cmd_rules_show(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import rules

    shown = rules.at_sale(ctx, args.sale) if args.sale else rules.in_force(ctx, at_arg(ctx, args))
    lines = [f"积分规则（{shown.at:%Y-%m-%d %H:%M:%S} 时有效）"]
    lines += [f"  {key}: {_value_text(value)}" for key, value in shown.rules.items()]
    return {"at": shown.at, "rules": shown.rules}, "\n".join(lines)


def cmd_rules_set(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import rules

    value = rules.parse(args.key, args.value)
    (change,) = rules.change(ctx, {args.key: value}, at_arg(ctx, args))
    return (
        {"key": change.key, "value": change.value, "from": change.effective_from},
        f"积分规则 {change.key} = {_value_text(change.value)}，"
        f"自 {change.effective_from:%Y-%m-%d %H:%M:%S} 起生效",
    )


def register(sub: Any) -> None:
    group = add_group(sub, "rules", "the loyalty rules (积分规则), each in force from a time")
    p = add_command(group, "show", cmd_rules_show, "every loyalty rule in force")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--at", help="the rules in force at TIME (default now)")
    when.add_argument("--sale", help="the rules a past sale was computed with")
    p = add_command(group, "set", cmd_rules_set, "change a rule from a time on")
    p.add_argument("key", metavar="KEY")
    p.add_argument("value", metavar="VALUE", help="a whole number, decimal text, or tiers as JSON")
    p.add_argument(
        "--from", dest="at", metavar="TIME", help="in force from TIME (default now; not past)"
    )
