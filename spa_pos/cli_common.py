"""What every `spa-pos` command module shares: the handler type, the refusal of bad input,
argument parsing helpers and the way a subcommand is registered.

Its own module so that `spa_pos.cli` (the main parser) and `spa_pos.cli_ops` (the
operations commands it registers) both build on it without importing each other.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from spa_pos import clock as clk
from spa_pos.errors import DomainError
from spa_pos.services.context import Ctx

Handler = Callable[[Ctx, argparse.Namespace], tuple[dict[str, Any], str]]


class Refused(DomainError):
    """Bad command-line input."""


class Answered(DomainError):
    """A refusal that still prints its answer (the JSON or the text), then exits 2: an
    unusable voucher's check, an import's bad rows."""

    def __init__(self, code: str, data: dict[str, Any], text: str, **params: object) -> None:
        super().__init__(code, **params)
        self.data, self.text = data, text

    def __str__(self) -> str:
        return self.text


def at_arg(ctx: Ctx, args: argparse.Namespace) -> datetime | None:
    """The command's `--at`, if it has one and it was given: a time without an offset is
    read in the clinic's time zone."""
    text = getattr(args, "at", None)
    if not text:
        return None
    from spa_pos.services import settings as settings_svc

    return clk.parse_local_time(text, settings_svc.current(ctx).timezone)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise Refused("cli.bad_date", text=text) from exc


def common_options() -> argparse.ArgumentParser:
    """--db and --json, accepted before or after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="database file or URL (default: $SPA_POS_DB or the data folder)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON object"
    )
    return common


def add_command(parent: Any, name: str, handler: Handler, helptext: str) -> argparse.ArgumentParser:
    """A subcommand that takes --db/--json and runs `handler(ctx, args)`."""
    p: argparse.ArgumentParser = parent.add_parser(name, parents=[common_options()], help=helptext)
    p.set_defaults(handler=handler)
    return p


def add_group(sub: Any, name: str, helptext: str) -> Any:
    return sub.add_parser(name, help=helptext).add_subparsers(dest="sub", required=True)
