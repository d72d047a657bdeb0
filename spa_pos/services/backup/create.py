"""Making a backup: to a folder (a USB drive) or as the daily snapshot in the data folder.

A backup is only called good once it has been checked three times: the file is checked
(`PRAGMA integrity_check` and the row count of every table, equal to the snapshot's), its
bytes as written are hashed and compared with a second hash read back from the drive after
fsync, and a manifest records the hash and the row counts so that `verify_backup` can
refuse a truncated or damaged file later.

An unencrypted backup is written once: SQLite's online backup goes straight into
`<target>/<name>.part`, which is fsynced while it is written, checked and hashed (side by
side), read back and only then renamed. An encrypted backup needs a plaintext snapshot to
encrypt, so that one goes to a local temp folder and is encrypted straight into the `.part`.
"""

from __future__ import annotations

import sqlite3
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from spa_pos import system
from spa_pos.errors import BackupError
from spa_pos.services.backup import container, rotation
from spa_pos.services.backup.durable import (
    DRIVE,
    Drive,
    Flusher,
    dir_available,
    fsync_dir,
    part_file,
    read_back,
    sha256_stream,
    unlink_quietly,
    write_failure,
)
from spa_pos.services.backup.manifest import manifest_path, write_manifest
from spa_pos.services.backup.progress import Progress, phase
from spa_pos.services.backup.snapshot import Snapshot, check_copy, check_counts, copy_snapshot


@dataclass(frozen=True)
class BackupResult:
    file: Path
    manifest: Path
    sha256: str
    bytes: int
    encrypted: bool
    schema_version: str | None
    row_counts: dict[str, int]
    audit_anchor: dict[str, Any] | None = None  # {"entries", "head"} of the copy's audit chain


class Writer(Protocol):
    """Writes one checked copy named `name` in `target_dir` with its manifest: SQLite's
    `write_backup` (with the file bound) or the server's `write_dump` (with the URL)."""

    def __call__(
        self,
        target_dir: Path,
        name: str,
        *,
        clinic: str,
        now: datetime,
        passphrase: str | None,
        keyring: str | None,
        progress: Progress | None,
        drive: Drive,
    ) -> BackupResult: ...


def backup_database(
    db_path: Path,
    target_dir: Path,
    *,
    clinic_name: str,
    now: datetime,
    tz: str,
    passphrase: str | None = None,
    keyring: str | None = None,
    keep: int = 10,
    progress: Progress | None = None,
    drive: Drive = DRIVE,
) -> BackupResult:
    """Write a verified backup of `db_path` into `target_dir` (e.g. a USB drive).

    Safe while the app keeps writing (WAL). Keeps the newest `keep` backups of this clinic
    in `target_dir`; never deletes anything until the new backup has been read back. The
    file is named after `now` in the clinic's zone `tz`. `keyring` (the clinic's keyring
    sealed with the same passphrase, `keys.seal`) goes into the manifest of an encrypted
    backup only: a plaintext one never carries a key.
    """
    rotation.check_keep(keep)
    if passphrase is not None and not passphrase.strip():
        raise BackupError("backup.passphrase_empty")
    _require_database(db_path)
    return rotated_backup(
        partial(write_backup, db_path),
        target_dir,
        ".sqlite3.enc" if passphrase is not None else ".sqlite3",
        clinic_name=clinic_name,
        now=now,
        tz=tz,
        passphrase=passphrase,
        keyring=keyring,
        keep=keep,
        progress=progress,
        drive=drive,
    )


def rotated_backup(
    write: Writer,
    target_dir: Path,
    suffix: str,
    *,
    clinic_name: str,
    now: datetime,
    tz: str,
    passphrase: str | None,
    keyring: str | None,
    keep: int,
    progress: Progress | None,
    drive: Drive,
) -> BackupResult:
    """The steps a backup to a folder takes on either engine: a free name after the clinic
    and `now`, the copy `write` makes and checks, then the rotation of older ones."""
    if not dir_available(target_dir):
        raise BackupError("backup.target_unavailable", folder=str(target_dir))
    slug = rotation.safe_clinic_name(clinic_name)
    name = rotation.free_name(target_dir, rotation.backup_stem(slug, now, tz), suffix)
    result = write(
        target_dir,
        name,
        clinic=clinic_name,
        now=now,
        passphrase=passphrase,
        keyring=keyring,
        progress=progress,
        drive=drive,
    )
    rotation.rotate(target_dir, keep, rotation.backup_key(slug), protect=result.file)
    if progress is not None:
        progress(1.0)
    return result


def local_snapshot(
    db_path: Path,
    snapshot_dir: Path,
    *,
    now: datetime,
    tz: str,
    keep: int = 7,
    passphrase: str | None = None,
    keyring: str | None = None,
) -> Path:
    """Today's snapshot of `db_path` in the data folder (encrypted if a `passphrase` is
    given, with the sealed `keyring` in its manifest); keeps the last `keep` days of this
    database (named after `rotation.database_id`, so other databases' are left alone).

    "Today" is the business date of `now` in the clinic's zone `tz`. Idempotent: if
    today's snapshot (with its manifest) exists it is returned untouched.
    """
    rotation.check_keep(keep)
    suffix = ".enc" if passphrase is not None else ""
    db_id = rotation.database_id(db_path)
    file = snapshot_dir / (rotation.daily_name(db_id, now, tz) + suffix)
    if file.is_file() and manifest_path(file).is_file():
        return file
    _require_database(db_path)
    return write_snapshot(
        partial(write_backup, db_path),
        file,
        rotation.daily_key(db_id),
        keep,
        now,
        passphrase,
        keyring,
    )


def write_snapshot(
    write: Writer,
    file: Path,
    key: rotation.Key,
    keep: int,
    now: datetime,
    passphrase: str | None,
    keyring: str | None,
) -> Path:
    """Today's snapshot `file` made by `write` on either engine, then the older days of the
    same database (`key`) rotated out."""
    folder = file.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            "backup.snapshot_dir_failed", folder=str(folder), reason=exc.strerror or str(exc)
        ) from exc
    result = write(
        folder,
        file.name,
        clinic="",
        now=now,
        passphrase=passphrase,
        keyring=keyring,
        progress=None,
        drive=DRIVE,
    )
    rotation.rotate(folder, keep, key, protect=result.file)
    return result.file


def write_backup(
    db_path: Path,
    target_dir: Path,
    name: str,
    *,
    clinic: str,
    now: datetime,
    passphrase: str | None,
    progress: Progress | None,
    keyring: str | None = None,
    drive: Drive = DRIVE,
) -> BackupResult:
    """Write and check `name.part` in `target_dir`, rename it to `name`, then its manifest.

    No naming, no rotation: `backup_database`, `local_snapshot` and the safety copy of a
    restore decide those. `SourceUnreadable` if the live database is damaged.
    """
    file = target_dir / name
    with part_file(target_dir, name) as part:
        if passphrase is None:
            snapshot, digest, size, anchor = _write_plain(db_path, part, progress, drive)
        else:
            snapshot, digest, size, anchor = _write_encrypted(
                db_path, part, passphrase, progress, drive
            )
        system.replace_file(part, file)
        fsync_dir(target_dir, drive)
    return record(
        file,
        sha256=digest,
        size=size,
        now=now,
        clinic=clinic,
        snapshot=snapshot,
        audit_anchor=anchor,
        encrypted=passphrase is not None,
        keyring=keyring,
        drive=drive,
    )


def record(
    file: Path,
    *,
    sha256: str,
    size: int,
    now: datetime,
    clinic: str,
    snapshot: Snapshot,
    audit_anchor: dict[str, Any] | None,
    encrypted: bool,
    keyring: str | None,
    drive: Drive = DRIVE,
) -> BackupResult:
    """Write the manifest of the backup `file` just put in place (of a database file or a
    server's dump); the file goes if its manifest cannot be written."""
    try:
        manifest = write_manifest(
            file,
            sha256=sha256,
            size=size,
            now=now,
            clinic=clinic,
            snapshot=snapshot,
            encrypted=encrypted,
            audit_anchor=audit_anchor,
            keyring=keyring if encrypted else None,
            drive=drive,
        )
    except OSError as exc:
        unlink_quietly(file)  # a backup without its manifest cannot be verified
        raise write_failure(exc, file.parent) from exc
    return BackupResult(
        file=file,
        manifest=manifest,
        sha256=sha256,
        bytes=size,
        encrypted=encrypted,
        schema_version=snapshot.schema_version,
        row_counts=snapshot.row_counts,
        audit_anchor=audit_anchor,
    )


def _write_plain(
    db_path: Path, part: Path, progress: Progress | None, drive: Drive
) -> tuple[Snapshot, str, int, dict[str, Any] | None]:
    """The online backup straight into `part`, then checked, fsynced and read back.

    The drive writes while SQLite copies (`Flusher`); then the integrity check and the
    last fsync run in worker threads while this thread hashes the bytes as written (from
    the page cache); then the page cache is dropped and the file is hashed again from the
    drive. Returns (snapshot, sha256, bytes, audit anchor).
    """
    with part.open("w+b") as handle, Flusher(handle, drive) as flusher:
        expected = copy_snapshot(db_path, part, phase(progress, 0.0, 0.45))
        flusher.written()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="spa-pos-check") as pool:
            checked = pool.submit(check_copy, part)
            written, _ = sha256_stream(handle, phase(progress, 0.45, 0.75))
            flusher.wait()
            snapshot = checked.result()
        check_counts(snapshot, expected)
        if progress is not None:
            progress(0.8)
        size = read_back(handle, written, phase(progress, 0.8, 0.98), drive)
    return snapshot, written, size, chain_head(part)


def _write_encrypted(
    db_path: Path, part: Path, passphrase: str, progress: Progress | None, drive: Drive
) -> tuple[Snapshot, str, int, dict[str, Any] | None]:
    """A snapshot in a local temp folder, encrypted straight into `part` while it is checked.

    Returns (snapshot, sha256 of the encrypted file, its bytes, audit anchor).
    """
    with tempfile.TemporaryDirectory(prefix="spa-pos-backup-") as tmp:
        plain = Path(tmp) / "snapshot.sqlite3"
        try:
            expected = copy_snapshot(db_path, plain, phase(progress, 0.0, 0.4))
        except OSError as exc:
            raise BackupError("backup.local_temp_failed", reason=exc.strerror or str(exc)) from exc
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="spa-pos-check") as pool:
            checked = pool.submit(check_copy, plain)
            with part.open("w+b") as handle:
                with Flusher(handle, drive) as flusher:
                    written = container.encrypt_into(
                        plain, handle, passphrase, phase(progress, 0.4, 0.75)
                    )
                    handle.flush()
                    flusher.wait()
                snapshot = checked.result()
                check_counts(snapshot, expected)
                if progress is not None:
                    progress(0.8)
                size = read_back(handle, written, phase(progress, 0.8, 0.98), drive)
        anchor = chain_head(plain)
    return snapshot, written, size, anchor


def chain_head(copy: Path) -> dict[str, Any] | None:
    """The audit chain's head in a (checked) copy: {"entries", "head"}, for the manifest.
    None if the copy has no audit rows (or no audit table: not a spa_pos database)."""
    try:
        con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            entries, head = con.execute(
                "SELECT count(*), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) "
                "FROM audit_log"
            ).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None  # a drive pulled now fails the rename that follows
    return {"entries": int(entries), "head": str(head)} if head else None


def _require_database(db_path: Path) -> None:
    if not db_path.is_file():
        raise BackupError("backup.database_missing", path=str(db_path))
