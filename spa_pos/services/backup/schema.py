"""The structure of a database, compared with the one the migrations create.

A restore accepts a backup only if its schema is exactly what the migrations make for its
recorded revision: one added trigger (say, one that zeroes every later cash payment), an
extra view or index, or a table rebuilt without its constraints would otherwise come back
with the data, and nothing else would notice. Counting would not catch a swapped
definition, so every `sqlite_master` entry (tables with their columns, FOREIGN KEY and CHECK
constraints, indexes, triggers, views) is compared by its normalized SQL, and each table's
columns as `PRAGMA table_xinfo` reports them.

The reference is built by running the migrations up to the revision on a fresh in-memory
database, once per revision per process.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from spa_pos.errors import BackupError

SHOWN_DIFFERENCES = 3  # the refusal names this many differences

# SQL tokens: string literals (kept as written), quoted identifiers, words, numbers, and
# single characters; whitespace and comments between them are dropped.
_TOKEN = re.compile(
    r"""
    (?P<space>\s+|--[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:[^']|'')*')
    | (?P<quoted>"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\])
    | (?P<word>[A-Za-z_][A-Za-z0-9_$]*)
    | (?P<number>[0-9][0-9.eE+-]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Entry:
    """One `sqlite_master` row, normalized, with a table's columns."""

    type: str
    name: str
    table: str
    sql: str | None
    columns: tuple[tuple[object, ...], ...] = ()


Schema = dict[tuple[str, str], Entry]  # by (type, lower-case name)


def read_schema(con: sqlite3.Connection) -> Schema:
    """Every schema object of the open database `con`, normalized for comparison.

    SQLite's own statistics tables (`sqlite_stat1`…, made by ANALYZE) are left out: they
    hold figures, not structure. Its automatic indexes (`sqlite_autoindex_…`) are kept.
    """
    schema: Schema = {}
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if kind == "table" and str(name).lower().startswith("sqlite_stat"):
            continue
        columns: tuple[tuple[object, ...], ...] = ()
        if kind in ("table", "view"):
            quoted = '"' + str(name).replace('"', '""') + '"'
            columns = tuple(
                (cid, str(col).lower(), str(decl).upper(), notnull, default, pk, hidden)
                for cid, col, decl, notnull, default, pk, hidden in con.execute(
                    f"PRAGMA table_xinfo({quoted})"
                )
            )
        entry = Entry(
            str(kind),
            str(name).lower(),
            str(table).lower(),
            normalize_sql(sql) if sql is not None else None,
            columns,
        )
        schema[(entry.type, entry.name)] = entry
    return schema


def schema_of_file(path: Path) -> Schema:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        return read_schema(con)
    finally:
        con.close()


def normalize_sql(sql: str) -> str:
    """`sql` as one line of tokens: keywords and identifiers lower-case and unquoted (SQLite
    does not tell them apart by case or quotes), string literals exactly as written."""
    tokens = []
    for match in _TOKEN.finditer(sql):
        kind, text = match.lastgroup, match.group()
        if kind == "space":
            continue
        if kind == "quoted":
            quote = text[0]
            text = text[1:-1] if quote == "[" else text[1:-1].replace(quote * 2, quote)
            text = text.lower()
        elif kind == "word":
            text = text.lower()
        tokens.append(text)
    return " ".join(tokens)


def differences(found: Schema, expected: Schema) -> list[str]:
    """What differs, one phrase per schema object: `+ trigger x` (extra), `- index y`
    (missing), `≠ table z` (defined otherwise); sorted, extra objects first."""
    extra = [f"+ {kind} {name}" for kind, name in sorted(found.keys() - expected.keys())]
    missing = [f"- {kind} {name}" for kind, name in sorted(expected.keys() - found.keys())]
    changed = [
        f"≠ {kind} {name}"
        for kind, name in sorted(found.keys() & expected.keys())
        if found[(kind, name)] != expected[(kind, name)]
    ]
    return extra + missing + changed


def check_schema_matches(found: Schema, expected: Schema, version: str) -> None:
    """Refuse (BackupError) a schema that is not exactly `expected`, naming what differs."""
    found_differences = differences(found, expected)
    if not found_differences:
        return
    shown = "; ".join(found_differences[:SHOWN_DIFFERENCES])
    if len(found_differences) > SHOWN_DIFFERENCES:
        shown += f"; … (+{len(found_differences) - SHOWN_DIFFERENCES})"
    raise BackupError("backup.schema_tampered", version=version, differences=shown)


@cache
def migrated_schema(revision: str) -> Schema:
    """The schema the migrations create at `revision`, built once per process."""
    from spa_pos.db import Database

    db = Database("sqlite://")  # one connection per thread: the migrated one is read below
    try:
        db.migrate(revision)
        with db.engine.connect() as conn:
            return read_schema(cast(sqlite3.Connection, conn.connection.dbapi_connection))
    finally:
        db.dispose()
