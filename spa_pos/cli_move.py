"""`spa-pos migrate-to URL`: move the clinic of `--db` (its SQLite file) into an empty
PostgreSQL database, checked on arrival (`spa_pos.services.move`). Registered on the main
parser by `spa_pos.cli`; the service is imported when the command runs."""

from __future__ import annotations

import argparse
from typing import Any

from spa_pos.cli_common import add_command
from spa_pos.services.context import Ctx


def cmd_migrate_to(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import move

    done = move.migrate_to(ctx, args.url)
    data = {
        "target": done.target,
        "schema_version": done.revision,
        "tables": done.tables,
        "rows": done.rows,
        "members": done.members,
        "balances_ok": done.balances_ok,
        "audit_ok": done.audit_ok,
        "audit_entries": done.audit_entries,
    }
    text = (
        f"已迁移到 {done.target}：{done.tables} 张表、{done.rows} 行，核对一致；"
        f"{done.members} 位会员积分与流水相符，审计链 {done.audit_entries} 条验证通过"
    )
    return data, text


def register(sub: Any) -> None:
    p = add_command(sub, "migrate-to", cmd_migrate_to, "move this clinic to a PostgreSQL server")
    p.add_argument("url", metavar="URL", help="an empty database: postgresql+psycopg://…")
