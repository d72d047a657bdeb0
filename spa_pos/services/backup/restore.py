"""Restoring a backup: verify it, keep a safety copy of the current database, swap it in.

Only a backup whose schema is exactly the one the migrations create for its version is
restored (`schema`), and a backup of another clinic only when the owner confirms it by the
clinic's name. On any refusal the current database is left as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from spa_pos import system
from spa_pos.errors import BackupError
from spa_pos.services.backup import rotation
from spa_pos.services.backup.create import write_backup
from spa_pos.services.backup.durable import copy_durably, fsync_dir, unlink_quietly
from spa_pos.services.backup.manifest import (
    ClinicIdentity,
    read_identity,
    verify_backup,
)
from spa_pos.services.backup.schema import Schema, check_schema_matches, schema_of_file
from spa_pos.services.backup.snapshot import SourceUnreadable, is_corruption
from spa_pos.services.settings import Settings

BUSY_TIMEOUT_S = 2.0  # how long a restore waits for another user of the database


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None
    schema_version: str | None


def restore_backup(
    file: Path,
    db_path: Path,
    *,
    passphrase: str | None,
    safety_dir: Path,
    now: datetime,
    tz: str,
    known_schema_versions: Collection[str],
    expected_schema: Callable[[str], Schema],
    confirm_clinic: str | None = None,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
) -> RestoreResult:
    """Replace `db_path` with a verified backup, after saving a safety copy of it.

    The caller must hold the database alone (`Database.exclusive()`: its own connections
    closed, no other process in) and runs the migrations afterwards if the backup is older.
    Refuses a schema other than `expected_schema(version)`, and a backup of another clinic
    unless `confirm_clinic` is its name. The safety copy is named after `now` in the
    clinic's zone `tz`.
    """
    with verify_backup(file, passphrase) as verified:
        check_schema(verified.schema_version, known_schema_versions)
        assert verified.schema_version is not None  # check_schema refuses None
        check_schema_matches(
            schema_of_file(verified.db_copy),
            expected_schema(verified.schema_version),
            verified.schema_version,
        )
        check_clinic(verified.identity, read_identity(db_path), confirm_clinic)
        safety = _safety_copy(db_path, safety_dir, now, tz) if db_path.exists() else None
        _swap_in(verified.db_copy, db_path, busy_timeout_s)
    return RestoreResult(
        restored_from=file, safety_copy=safety, schema_version=verified.schema_version
    )


def check_schema(version: str | None, known: Collection[str]) -> str:
    """Only a spa_pos database of a schema version this program knows is restored;
    returns that version."""
    if version is None:
        raise BackupError("backup.not_spa_pos")
    if version not in known:
        raise BackupError("backup.schema_unknown", version=version)
    return version


def check_clinic(
    found: ClinicIdentity, current: ClinicIdentity, confirm_clinic: str | None
) -> None:
    """A backup of another clinic (`found`: by name or voucher secret) replaces this
    clinic's data only if the owner typed the backup's clinic name (as the refusal shows it)."""
    if not found.differs_from(current):
        return
    unnamed = Settings().clinic_name  # what a clinic that never set its name is called
    name = found.name or unnamed
    if confirm_clinic is not None and confirm_clinic.strip() == name:
        return
    raise BackupError("backup.other_clinic", clinic=name, current=current.name or unnamed)


def _safety_copy(db_path: Path, safety_dir: Path, now: datetime, tz: str) -> Path:
    """Back up the current database before it is replaced; a damaged one is copied raw."""
    try:
        safety_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError("backup.safety_dir_failed", reason=exc.strerror or str(exc)) from exc
    stem = f"spa-pos_before-restore_{rotation.local(now, tz):%Y%m%d-%H%M%S}"
    name = rotation.free_name(safety_dir, stem, ".sqlite3")
    try:
        return write_backup(
            db_path, safety_dir, name, clinic="", now=now, passphrase=None, progress=None
        ).file
    except SourceUnreadable:
        return _raw_copy(db_path, safety_dir / name.replace(".sqlite3", "-raw.sqlite3"))


def _raw_copy(db_path: Path, dest: Path) -> Path:
    """Byte copy of a database SQLite cannot read (and of its -wal), for later rescue."""
    try:
        copy_durably(db_path, dest, None)
        wal = _sidecar(db_path, "-wal")
        if wal.exists():
            copy_durably(wal, _sidecar(dest, "-wal"), None)
    except OSError as exc:
        raise BackupError("backup.safety_copy_failed", reason=exc.strerror or str(exc)) from exc
    return dest


def _swap_in(verified_copy: Path, db_path: Path, busy_timeout_s: float) -> None:
    """Atomically put `verified_copy` in place of `db_path`.

    Stale -journal/-wal/-shm files must go before the rename: SQLite would replay an old
    WAL or roll back an old journal into the restored file and corrupt it.
    """
    staging = db_path.with_suffix(".restoring")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        copy_durably(verified_copy, staging, None)
        _settle(db_path, busy_timeout_s)
        for suffix in ("-journal", "-wal", "-shm"):
            _sidecar(db_path, suffix).unlink(missing_ok=True)
        system.replace_file(staging, db_path)
    except BaseException as exc:
        unlink_quietly(staging)
        if isinstance(exc, OSError):
            raise BackupError("backup.swap_failed", reason=exc.strerror or str(exc)) from exc
        raise
    fsync_dir(db_path.parent)


def _settle(db_path: Path, busy_timeout_s: float) -> None:
    """Checkpoint the current WAL into the main file; refuse if someone is using the db."""
    if not db_path.exists():
        return
    try:
        con = sqlite3.connect(db_path, isolation_level=None, timeout=busy_timeout_s)
        try:
            busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return  # nothing to save; the raw safety copy holds the -wal
        if getattr(exc, "sqlite_errorname", "") not in {"SQLITE_BUSY", "SQLITE_LOCKED"}:
            raise BackupError("backup.current_unopenable", detail=str(exc)) from exc
        busy = 1
    if busy:
        raise BackupError("backup.database_busy")


def _sidecar(db_path: Path, suffix: str) -> Path:
    return db_path.with_name(db_path.name + suffix)
