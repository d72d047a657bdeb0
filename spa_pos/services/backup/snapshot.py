"""A consistent snapshot of the live database (SQLite's online backup) and the checks of a
database file: integrity, row counts and schema version.

Everything uses the stdlib `sqlite3` on the database *file*, so it can run in a worker
thread (or the CLI) while the window keeps its own SQLAlchemy engine open.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spa_pos.errors import BackupError
from spa_pos.services.backup.durable import dir_available
from spa_pos.services.backup.progress import Progress

PAGES_PER_STEP = 4096  # 16 MiB per step at SQLite's default 4 KiB page size
CHECK_CACHE_KIB = 64 * 1024  # page cache of the checking connection: fewer re-reads

_WRITE_ERRORS = (
    "SQLITE_FULL",
    "SQLITE_READONLY",
    "SQLITE_PERM",
    "SQLITE_IOERR_WRITE",
    "SQLITE_IOERR_FSYNC",
    "SQLITE_IOERR_TRUNCATE",
    "SQLITE_IOERR_DELETE",
    "SQLITE_CANTOPEN",
)


@dataclass(frozen=True)
class Snapshot:
    schema_version: str | None
    row_counts: dict[str, int]


class Corrupt(BackupError):
    """A database file that SQLite cannot read or whose integrity check fails."""


class SourceUnreadable(BackupError):
    """The live database itself is damaged, so no consistent snapshot can be taken."""


def copy_snapshot(
    db_path: Path,
    dest: Path,
    progress: Progress | None,
    *,
    pages_per_step: int = PAGES_PER_STEP,
) -> dict[str, int]:
    """Copy a consistent snapshot of `db_path` into the new file `dest`; its row counts.

    The read transaction is held across all backup steps. In WAL mode it pins one
    snapshot: other processes keep writing, and the copy does not restart every time they
    commit (which `sqlite3_backup_step` does otherwise, possibly forever on a busy till).
    The row counts are read inside the same transaction, i.e. from the same snapshot.
    `dest` is left as one self-contained rollback-journal file (no -wal), not fsynced.
    Failing to write `dest` raises an OSError, failing to read the database a BackupError.
    """
    source = sqlite3.connect(db_path, isolation_level=None, timeout=10)
    try:
        try:
            source.execute("BEGIN")
            expected = row_counts(source)
        except sqlite3.DatabaseError as exc:
            raise snapshot_failure(exc, None) from exc
        try:
            copy = sqlite3.connect(dest, isolation_level=None)
            try:
                # A new file that is deleted on any failure: no rollback journal is needed,
                # and the caller fsyncs it once. EXCLUSIVE keeps the WAL index below in heap
                # memory (no -shm file, which some USB and network file systems cannot map).
                copy.execute("PRAGMA locking_mode=EXCLUSIVE")
                copy.execute("PRAGMA journal_mode=OFF")
                copy.execute("PRAGMA synchronous=OFF")
                source.backup(copy, pages=pages_per_step, progress=_step_reporter(progress))
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
            finally:
                copy.close()
        except sqlite3.DatabaseError as exc:
            raise snapshot_failure(exc, dest) from exc
    finally:
        source.close()
    if progress is not None:
        progress(1.0)
    return expected


def inspect(path: Path) -> Snapshot:
    """Integrity check, row counts and schema version of a database file we own."""
    try:
        con = sqlite3.connect(path, isolation_level=None)
        try:
            # The index checks revisit pages; a bigger cache saves re-reading them. No mmap:
            # an I/O error in a mapped file (a pulled USB drive) would crash the process.
            con.execute(f"PRAGMA cache_size=-{CHECK_CACHE_KIB}")
            problems = [row[0] for row in con.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise Corrupt("backup.integrity_failed", problems="; ".join(problems[:3]))
            return Snapshot(_schema_version(con), row_counts(con))
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise Corrupt("backup.not_sqlite", detail=str(exc)) from exc


def check_copy(path: Path) -> Snapshot:
    """Integrity check, row counts and schema version of the copy just written."""
    try:
        return inspect(path)
    except Corrupt as exc:
        cause = exc.__cause__
        if isinstance(cause, sqlite3.DatabaseError) and not is_corruption(cause):
            raise as_os_error(cause) from cause  # reading the file failed, e.g. drive pulled
        # A page-for-page copy of a snapshot is only damaged if the snapshot is.
        raise SourceUnreadable("backup.source_corrupt", detail=str(exc)) from exc


def check_counts(snapshot: Snapshot, expected: dict[str, int]) -> None:
    """The copy holds as many rows per table as the snapshot it was made from."""
    if snapshot.row_counts != expected:
        raise BackupError("backup.counts_differ")


def row_counts(con: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    return {name: _count(con, name) for name in names}


def is_corruption(exc: sqlite3.DatabaseError) -> bool:
    return getattr(exc, "sqlite_errorname", "") in {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def snapshot_failure(exc: sqlite3.DatabaseError, dest: Path | None) -> Exception:
    """Which side failed: the live database (unreadable) or the file `dest` being written.

    `dest` is None while only the live database is used. `backup()` reports both sides'
    errors on the copy's connection; the error name or a vanished folder tells them apart
    (the live database is only read). A failed write is an OSError, for `write_failure`.
    """
    if is_corruption(exc):
        return SourceUnreadable("backup.source_unreadable", detail=str(exc))
    name = getattr(exc, "sqlite_errorname", "")
    if dest is not None and (name.startswith(_WRITE_ERRORS) or not dir_available(dest.parent)):
        return as_os_error(exc)
    return BackupError("backup.snapshot_failed", detail=str(exc))


def as_os_error(exc: sqlite3.DatabaseError) -> OSError:
    """SQLite's error on a file, as the OSError `write_failure` explains to the cashier."""
    name = getattr(exc, "sqlite_errorname", "")
    if name == "SQLITE_FULL":
        return OSError(errno.ENOSPC, str(exc))
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")):
        return PermissionError(errno.EACCES, str(exc))
    return OSError(errno.EIO, str(exc))


def _count(con: sqlite3.Connection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0])


def _schema_version(con: sqlite3.Connection) -> str | None:
    exists = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not exists:
        return None
    versions = sorted(row[0] for row in con.execute("SELECT version_num FROM alembic_version"))
    return ",".join(versions) or None


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _step_reporter(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None

    def report(status: int, remaining: int, total: int) -> None:
        progress((total - remaining) / total if total else 1.0)

    return report
