"""Import (数据导入): members and the catalog from CSV or XLSX, all or nothing.

`preview` is the dry run: it reads the file, recognises the columns (a `mapping` of file
header -> field names the others) and checks every row against the database, writing
nothing. `run` checks again inside one write transaction and writes every row, or, with
one bad row, nothing: `ImportRefused` carries every bad row with its line and reason.
A file is imported once: its SHA-256 is kept in `import_batches` with its kind.

Importing is a manager's (`IMPORT_ACTION`): a catalog file sets prices like the catalog
screen does, and a member file sets points balances and course sessions with no limit,
the same power as adjusting points past the limit. The dry run is anyone's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from spa_pos.errors import DomainError
from spa_pos.models import ImportBatch
from spa_pos.services import permissions, unit_of_work
from spa_pos.services.context import Ctx
from spa_pos.services.imports import catalog, members
from spa_pos.services.imports.framework import (
    Checked,
    Columns,
    Field,
    ImportRefused,
    ImportResult,
    Preview,
    Progress,
    RowError,
    Sheet,
    read_sheet,
    recognise,
)
from spa_pos.services.unit_of_work import Work

__all__ = [
    "KINDS",
    "ImportRefused",
    "ImportResult",
    "Preview",
    "RowError",
    "preview",
    "run",
]


@dataclass(frozen=True)
class Kind:
    fields: Sequence[Field]
    check: Callable[[Work, Sheet, Columns], Checked]


IMPORT_ACTION = {"members": "adjust_over_limit", "catalog": "change_catalog_rules"}
"""kind -> the permission its import needs (`spa_pos.services.permissions`)."""

KINDS: dict[str, Kind] = {
    "members": Kind(members.FIELDS, members.check),
    "catalog": Kind(catalog.FIELDS, catalog.check),
}


def _checked(
    work: Work, kind: str, sheet: Sheet, mapping: Mapping[str, str] | None
) -> tuple[Columns, Checked | None]:
    """The columns, and the rows checked (None when a required column is missing)."""
    spec = KINDS[kind]
    done = work.session.scalars(
        select(ImportBatch).where(ImportBatch.kind == kind, ImportBatch.sha256 == sheet.sha256)
    ).first()
    if done is not None:
        raise DomainError(
            "imports.already_imported",
            at=done.at.isoformat(sep=" ", timespec="minutes"),
            rows=done.rows,
        )
    columns = recognise(sheet.headers, spec.fields, mapping)
    if columns.missing:
        return columns, None
    return columns, spec.check(work, sheet, columns)


def _missing(kind: str, columns: Columns) -> list[RowError]:
    """A required column the file lacks, named by the header a clinic's sheet would
    have (姓名, 手机 ...), not by the field's internal name."""
    header = {f.name: f.aliases[0] for f in KINDS[kind].fields}
    return [
        RowError(1, DomainError("imports.missing_column", field=header[f]).render())
        for f in columns.missing
    ]


def preview(ctx: Ctx, kind: str, path: Path, mapping: Mapping[str, str] | None = None) -> Preview:
    """The dry run: columns as recognised and every bad row; nothing is written."""
    sheet = read_sheet(path)
    with unit_of_work.read(ctx) as work:
        columns, checked = _checked(work, kind, sheet, mapping)
    return Preview(
        kind=kind,
        file=sheet.name,
        sha256=sheet.sha256,
        rows=len(sheet.rows),
        recognised=columns.recognised,
        unknown=columns.unknown,
        errors=_missing(kind, columns) if checked is None else checked.errors,
        fields=[f.name for f in KINDS[kind].fields],
    )


def run(
    ctx: Ctx,
    kind: str,
    path: Path,
    mapping: Mapping[str, str] | None = None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import every row of the file in one transaction, or refuse with every bad row."""
    if dry_run:
        p = preview(ctx, kind, path, mapping)
        return ImportResult(kind, p.file, p.rows, 0, p.errors)
    permissions.require(ctx, IMPORT_ACTION[kind])
    report = progress or (lambda _: None)
    sheet = read_sheet(path)
    with unit_of_work.write(ctx) as work:
        columns, checked = _checked(work, kind, sheet, mapping)
        errors = _missing(kind, columns) if checked is None else checked.errors
        if checked is None or errors:
            raise ImportRefused(ImportResult(kind, sheet.name, len(sheet.rows), 0, errors))
        report(0.0)
        imported = checked.write(report)
        batch = ImportBatch(
            kind=kind, sha256=sheet.sha256, rows=imported, actor=work.actor, at=work.stamp
        )
        work.session.add(batch)
        work.session.flush()
        work.audit(
            f"import.{kind}",
            "import_batch",
            batch.id,
            file=sheet.name,
            sha256=sheet.sha256,
            rows=len(sheet.rows),
            imported=imported,
        )
    report(1.0)
    return ImportResult(kind, sheet.name, len(sheet.rows), imported, [])
