"""What every `spa-pos` command module shares: the handler type, the refusal of bad input,
argument parsing helpers and the way a subcommand is registered.

Its own module so that `spa_pos.cli` (the main parser) and `spa_pos.cli_ops` (the
operations commands it registers) both build on it without importing each other.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from spa_pos import clock as clk
from spa_pos import limits
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


class Parser(argparse.ArgumentParser):
    """argparse with a one-line refusal: `spa-pos: error: …` and exit 2, no usage block
    (`--help` still prints it), like every other refusal of the command line."""

    def error(self, message: str) -> NoReturn:
        # The message quotes what was typed, which may hold undecodable bytes (surrogates).
        line = f"{self.prog}: error: {message}".encode("utf-8", "backslashreplace").decode()
        print(line, file=sys.stderr)
        raise SystemExit(2)


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: ASCII digits (an optional sign) from `low` to `high`. `int()`
    alone takes "²"-like digits and numbers no database column can hold."""

    def parse(text: str) -> int:
        digits = text.strip().removeprefix("+").removeprefix("-")
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 18):
            raise argparse.ArgumentTypeError(f"{text!r}: {low}..{high}")
        value = int(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r}: {low}..{high}")
        return value

    parse.__name__ = "whole number"  # argparse names the type by it in its message
    return parse


ROW_ID = whole_number(1, 2**31 - 1)  # a line number, an event number
INTEGER = whole_number(-(10**18), 10**18)  # any figure a service then bounds itself


def at_arg(ctx: Ctx, args: argparse.Namespace) -> datetime | None:
    """The command's `--at`, if it has one and it was given: a time without an offset is
    read in the clinic's time zone."""
    text = getattr(args, "at", None)
    if not text:
        return None
    from spa_pos.services import settings as settings_svc

    return clk.parse_local_time(text, settings_svc.current(ctx).timezone)


def parse_day(text: str) -> date:
    """A calendar date, from `limits.MIN_DAY` to `limits.MAX_DAY` (a birthday, a day to
    close): year 1 or 9999 would overflow once converted to the clinic's zone."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise Refused("cli.bad_date", text=text) from exc
    if not limits.MIN_DAY <= day <= limits.MAX_DAY:
        raise Refused("cli.bad_date", text=text)
    return day


def output_file(text: str) -> Path:
    """A file to write (a PDF): its folder must exist; nothing makes folders on the way."""
    path = Path(text)
    if not path.name or path.is_dir():
        raise Refused("cli.not_a_file", path=text)
    if not path.parent.is_dir():
        raise Refused("cli.output_folder_missing", folder=str(path.parent))
    return path


def common_options() -> argparse.ArgumentParser:
    """--db, --json, --as, --approver and --till, accepted before or after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="database file or URL (default: $SPA_POS_DB or the data folder)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON object"
    )
    common.add_argument(
        "--as",
        dest="as_",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="act as this staff member, PIN in $SPA_POS_PIN (default: the owner's rights)",
    )
    common.add_argument(
        "--approver",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="a manager who approves on the spot, PIN in $SPA_POS_APPROVER_PIN",
    )
    common.add_argument(
        "--till",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the till acting (default: $SPA_POS_TILL, else this terminal's, else 前台)",
    )
    return common


def add_command(parent: Any, name: str, handler: Handler, helptext: str) -> argparse.ArgumentParser:
    """A subcommand that takes --db/--json and runs `handler(ctx, args)`."""
    p: argparse.ArgumentParser = parent.add_parser(name, parents=[common_options()], help=helptext)
    p.set_defaults(handler=handler)
    return p


def add_group(sub: Any, name: str, helptext: str) -> Any:
    return sub.add_parser(name, help=helptext).add_subparsers(dest="sub", required=True)


def refuse_undecodable(args: argparse.Namespace) -> None:
    """Refuse arguments the terminal passed in another encoding than the locale's: Python
    keeps such bytes as lone surrogates, which no database or file can store."""
    for value in vars(args).values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not _encodable(text):
                raise Refused("cli.bad_text", text=text.encode("utf-8", "replace").decode())


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
