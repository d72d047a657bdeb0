"""Import and export commands of `spa-pos` (shared/design/cli.md, back office):
`import members|catalog FILE [--dry-run]`, `export members|catalog --to FILE` and
`export sales --from D --to D --to FILE`. Registered on the main parser by `spa_pos.cli`.

An import is all or nothing: with a bad row nothing is written and the command exits 2,
printing every bad row with its line and reason; a dry run exits 0 only when every row is
good.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spa_pos.cli_common import Answered, Refused, add_command, add_group, parse_day
from spa_pos.services.context import Ctx

if TYPE_CHECKING:
    from spa_pos.services.imports import ImportResult

KIND_NAMES = {"members": "会员", "catalog": "项目与商品"}
EXPORT_FORMATS = (".csv", ".xlsx")


def _answer(result: ImportResult, dry_run: bool) -> tuple[dict[str, Any], str]:
    lines = [f"第 {e.line} 行: {e.reason}" for e in result.errors]
    what = KIND_NAMES[result.kind]
    if result.errors:
        lines.append(f"{len(result.errors)} 行有问题，没有导入任何{what}（共 {result.rows} 行）")
        raise Answered(
            "imports.has_errors", result.to_json(), "\n".join(lines), count=len(result.errors)
        )
    if dry_run:
        return result.to_json(), f"检查了 {result.rows} 行{what}，全部无误（试运行，未写入）"
    return result.to_json(), f"已导入 {result.imported} 行{what}（{result.file}）"


def cmd_import(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import imports

    try:
        result = imports.run(ctx, args.sub, Path(args.file), dry_run=args.dry_run)
    except imports.ImportRefused as refused:
        result = refused.result
    return _answer(result, args.dry_run)


def cmd_export(ctx: Ctx, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from spa_pos.services import exports

    if args.sub == "members":
        r = exports.export_members(ctx, Path(args.to))
    elif args.sub == "catalog":
        r = exports.export_catalog(ctx, Path(args.to))
    else:
        day, file = _sales_to(args.to)
        r = exports.export_sales(ctx, parse_day(args.from_), day, file)
    return {"file": str(r.file), "rows": r.rows}, f"已导出 {r.rows} 行到 {r.file}"


def _sales_to(values: list[str]) -> tuple[Any, Path]:
    """`export sales --to D --to FILE`: the contract gives `--to` twice, a date and a file;
    the file is the one with a .csv or .xlsx extension, in either order."""
    files = [v for v in values if Path(v).suffix.lower() in EXPORT_FORMATS]
    days = [v for v in values if v not in files]
    if len(files) != 1 or len(days) != 1:
        raise Refused("imports.export_sales_to")
    return parse_day(days[0]), Path(files[0])


def register(sub: Any) -> None:
    """Add `import` and `export` to the main parser's subcommands."""
    group = add_group(sub, "import", "bring in members or the catalog from CSV or XLSX")
    for kind, helptext in (
        ("members", "members with their opening points"),
        ("catalog", "services, products and courses"),
    ):
        p = add_command(group, kind, cmd_import, helptext)
        p.add_argument("file", help=".csv or .xlsx")
        p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")

    group = add_group(sub, "export", "members, catalog or sales to CSV or XLSX")
    for kind in ("members", "catalog"):
        p = add_command(group, kind, cmd_export, f"export the {kind}")
        p.add_argument("--to", required=True, help="file: .csv or .xlsx")
    p = add_command(group, "sales", cmd_export, "export the sales of a period")
    p.add_argument("--from", dest="from_", required=True, help="first business date")
    p.add_argument("--to", action="append", required=True, help="last business date, then the file")
