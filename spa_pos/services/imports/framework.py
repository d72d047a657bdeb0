"""What every import shares: reading a CSV or XLSX file, recognising its columns, parsing
cells, and the result a dry run or an import reports.

A clinic's spreadsheet comes from Excel, WPS or another till: CSV in UTF-8 (with or
without a BOM) or in GBK/GB18030 (what Chinese Excel writes), or XLSX; headers in Chinese
or English, with variants (手机号, 电话, 会员卡号, 出生日期 ...). Line numbers are the
spreadsheet's row numbers, so "line 7" is the row the owner sees as 7.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from spa_pos import messages
from spa_pos.errors import DomainError

Cell = str | int | float | date | datetime | None
Progress = Callable[[float], None]

FORMATS = (".csv", ".xlsx")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日")
_HEADER_NOISE = re.compile(r"[\s_\-*＊:：]|[(（][^)）]*[)）]")


def say(code: str, /, **params: object) -> str:
    """A row's problem, in the language in force."""
    return messages.render(code, params)


@dataclass(frozen=True)
class Field:
    """A field an import fills, with the headers that name it (any case, spaces ignored)."""

    name: str
    aliases: tuple[str, ...]
    required: bool = False


def normalise_header(text: str) -> str:
    """ "手机号(必填)*" -> "手机号", "Card No" -> "cardno": what aliases are compared on."""
    return _HEADER_NOISE.sub("", text).lower()


@dataclass(frozen=True)
class Sheet:
    """A file's header row and data rows, each with its spreadsheet line number."""

    name: str
    sha256: str
    headers: list[str]
    rows: list[tuple[int, list[Cell]]]


def read_sheet(path: Path) -> Sheet:
    """The first sheet of an XLSX file or a CSV file in any of the encodings Excel writes.
    The header is the first row with anything in it; blank rows are skipped."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DomainError("imports.unknown_format", file=path.name)
    try:
        data = path.read_bytes()
        lines = _xlsx_rows(data) if suffix == ".xlsx" else _csv_rows(data)
    except DomainError:
        raise
    except Exception as exc:  # a damaged or foreign file: say which and why
        raise DomainError("imports.unreadable", file=path.name, reason=str(exc)) from exc
    filled = [(line, cells) for line, cells in lines if any(_blank(c) is False for c in cells)]
    if not filled:
        raise DomainError("imports.no_rows", file=path.name)
    (_, header), rows = filled[0], filled[1:]
    if not rows:
        raise DomainError("imports.no_rows", file=path.name)
    headers = ["" if c is None else str(c).strip() for c in header]
    return Sheet(path.name, hashlib.sha256(data).hexdigest(), headers, rows)


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def decode_csv(data: bytes) -> str:
    """UTF-8 (a BOM or not) when the bytes are UTF-8, else GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _csv_rows(data: bytes) -> list[tuple[int, list[Cell]]]:
    reader = csv.reader(io.StringIO(decode_csv(data), newline=""))
    return [(line, list[Cell](row)) for line, row in enumerate(reader, 1)]


def _xlsx_rows(data: bytes) -> list[tuple[int, list[Cell]]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [
            (line, [c if isinstance(c, Cell) else str(c) for c in row])
            for line, row in enumerate(sheet.iter_rows(values_only=True), 1)
        ]
    finally:
        book.close()


@dataclass(frozen=True)
class Columns:
    """Which column of the file fills which field."""

    index: dict[str, int]  # field -> column
    header: dict[str, str]  # field -> the file's own header (for messages)
    recognised: dict[str, str]  # file header -> field, "" when the column is ignored
    unknown: list[str]  # headers no alias and no mapping named
    missing: list[str]  # required fields without a column


def recognise(
    headers: Sequence[str], fields: Sequence[Field], mapping: Mapping[str, str] | None = None
) -> Columns:
    """Match headers to fields: the `mapping` (file header -> field name, "" to ignore)
    first, then the aliases. Two columns for one field are refused."""
    by_alias = {normalise_header(a): f.name for f in fields for a in (f.name, *f.aliases)}
    names = {f.name for f in fields}
    mapping = dict(mapping or {})
    for target in mapping.values():
        if target and target not in names:
            raise DomainError("imports.unknown_field", field=target)
    index: dict[str, int] = {}
    header: dict[str, str] = {}
    recognised: dict[str, str] = {}
    unknown: list[str] = []
    for i, text in enumerate(headers):
        if not text:
            continue
        if text in mapping:
            target = mapping[text]
        else:
            target = by_alias.get(normalise_header(text), "")
            if not target:
                unknown.append(text)
        recognised[text] = target
        if not target:
            continue
        if target in index:
            raise DomainError(
                "imports.duplicate_column", first=header[target], second=text, field=target
            )
        index[target], header[target] = i, text
    missing = [f.name for f in fields if f.required and f.name not in index]
    return Columns(index, header, recognised, unknown, missing)


@dataclass(frozen=True)
class Row:
    """One data row, read through the columns: `text`, `day`, `integer` parse a field and
    note the problem (with the file's own column name) instead of raising."""

    line: int
    cells: list[Cell]
    columns: Columns
    problems: list[str] = field(default_factory=list)

    def raw(self, name: str) -> Cell:
        i = self.columns.index.get(name)
        if i is None or i >= len(self.cells):
            return None
        cell = self.cells[i]
        return None if _blank(cell) else cell

    def column(self, name: str) -> str:
        return self.columns.header.get(name, name)

    def text(self, name: str) -> str:
        cell = self.raw(name)
        if cell is None:
            return ""
        if isinstance(cell, float) and cell.is_integer():
            return str(int(cell))  # a number typed into Excel: 13800000000.0
        if isinstance(cell, datetime):
            return cell.date().isoformat()
        return str(cell).strip()

    def day(self, name: str) -> date | None:
        cell = self.raw(name)
        if cell is None:
            return None
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        text = self.text(name)
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(text.split(" ")[0], fmt).date()
            except ValueError:
                continue
        self.problems.append(say("imports.bad_date", column=self.column(name), text=text))
        return None

    def integer(self, name: str) -> int | None:
        """A whole number not below zero, or None when empty (or wrong, with the problem)."""
        cell = self.raw(name)
        if cell is None:
            return None
        text = self.text(name).replace(",", "")
        try:
            value = int(text)
        except ValueError:
            self.problems.append(say("imports.bad_integer", column=self.column(name), text=text))
            return None
        if value < 0:
            self.problems.append(say("imports.negative", column=self.column(name), text=text))
            return None
        return value

    def required(self, name: str) -> str:
        value = self.text(name)
        if not value:
            self.problems.append(say("imports.required", column=self.column(name)))
        return value


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str


@dataclass(frozen=True)
class Checked:
    """A file checked against the database: the bad rows, and how to write the good ones
    (only called when there is no bad row, inside the same transaction)."""

    errors: list[RowError]
    write: Callable[[Progress], int]


@dataclass(frozen=True)
class Preview:
    """What a dry run shows: the columns as recognised, and every bad row."""

    kind: str
    file: str
    sha256: str
    rows: int
    recognised: dict[str, str]
    unknown: list[str]
    errors: list[RowError]
    fields: list[str]  # the fields a column can be mapped to

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file: str
    rows: int
    imported: int
    errors: list[RowError]

    def to_json(self) -> dict[str, object]:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
        }


class ImportRefused(DomainError):
    """Bad rows: nothing was written. Carries the result, every bad row in it."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("imports.has_errors", count=len(result.errors))
        self.result = result
