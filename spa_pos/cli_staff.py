"""Staff commands of `spa-pos`: `staff add`, `staff list`, `staff disable`
(shared/design/cli.md, back office), and the global `--as` / `--approver` that make any
command act as a staff member. Registered on the main parser by `spa_pos.cli`; the
services are imported when a command runs."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from typing import Any

from spa_pos.cli_common import Refused, add_command, add_group
from spa_pos.services import permissions
from spa_pos.services.context import Actor, Ctx

PIN_ENV = "SPA_POS_PIN"
APPROVER_PIN_ENV = "SPA_POS_APPROVER_PIN"


def _pin_from(var: str) -> str:
    pin = os.environ.get(var)
    if not pin:
        raise Refused("staff.pin_env_missing", var=var)
    return pin


def acting(ctx: Ctx, args: argparse.Namespace) -> Ctx:
    """The context a command runs in: the owner's (`cli`) unless `--as NAME` names a staff
    member, whose PIN is in `SPA_POS_PIN`; `--approver NAME` adds a manager who approves
    on the spot, PIN in `SPA_POS_APPROVER_PIN`. Each PIN is checked (a wrong one counts
    towards the account's lockout)."""
    name, approver = getattr(args, "as_", None), getattr(args, "approver", None)
    if not name:
        if approver:
            raise Refused("staff.approver_without_as")
        return ctx
    from spa_pos.services import staff

    actor = staff.sign_in(ctx, name, _pin_from(PIN_ENV))
    if approver:
        actor = Actor(
            actor.name, actor.role, staff.sign_in(ctx, approver, _pin_from(APPROVER_PIN_ENV))
        )
    return replace(ctx, actor=actor)


def _row(view: Any) -> dict[str, Any]:
    return {"name": view.name, "role": view.role, "active": view.active, "locked": view.locked}


def _line(view: Any) -> str:
    state = "在用" if view.active else "已停用"
    locked = "，已锁定" if view.locked else ""
    return f"{view.name}  {permissions.role_name(view.role)}  {state}{locked}"


def cmd_staff_add(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import staff

    view = staff.add(ctx, args.name, args.role, _pin_from(args.pin_env))
    return _row(view), f"已添加员工 {_line(view)}"


def cmd_staff_list(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import staff

    views = staff.listing(ctx)
    return {"staff": [_row(v) for v in views]}, "\n".join(_line(v) for v in views) or "没有员工账号"


def cmd_staff_disable(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import staff

    view = staff.disable(ctx, args.name)
    return _row(view), f"已停用 {_line(view)}"


def register(sub: Any) -> None:
    group = add_group(sub, "staff", "staff accounts (员工) and their roles")
    p = add_command(group, "add", cmd_staff_add, "a new staff account")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", choices=permissions.ROLES, required=True)
    p.add_argument(
        "--pin-env", required=True, metavar="VAR", help="the environment variable holding the PIN"
    )
    add_command(group, "list", cmd_staff_list, "every staff account")
    p = add_command(group, "disable", cmd_staff_disable, "close an account (kept in the history)")
    p.add_argument("name", metavar="NAME")
