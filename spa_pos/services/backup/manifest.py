"""The manifest beside each backup (`<backup>.json`) and the verification of a backup
against it: size and sha256 of the file, then (decrypted) integrity, row counts and schema
version of the database inside. A truncated or damaged file is refused.

The manifest is an unkeyed checksum anyone can recompute, so what restore decides on (the
schema, whose clinic it is) is read from the database inside, not from the manifest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from spa_pos import __version__
from spa_pos.errors import BackupError
from spa_pos.services.backup import container
from spa_pos.services.backup.durable import (
    DRIVE,
    Drive,
    dir_available,
    sha256_file,
    write_json_durably,
)
from spa_pos.services.backup.snapshot import Corrupt, Snapshot, inspect

log = logging.getLogger(__name__)

APP_NAME = "spa_pos"
MANIFEST_FORMAT = 1
PG_DUMP_MAGIC = b"PGDMP"  # how a `pg_dump --format=custom` file starts


@dataclass(frozen=True)
class BackupInfo:
    """A backup as its manifest describes it (for the restore picker)."""

    file: Path
    manifest: Path
    created_at: datetime
    clinic: str
    bytes: int
    sha256: str
    encrypted: bool
    schema_version: str | None
    row_counts: dict[str, int]
    audit_anchor: dict[str, Any] | None = None  # the audit chain's head in the backup
    keyring: str | None = None  # the clinic's keyring, sealed (encrypted backups only)


@dataclass(frozen=True)
class ClinicIdentity:
    """Whose database it is: the clinic's name and a fingerprint of its voucher-signing
    secret, each None when the database does not store it (the secret never leaves)."""

    name: str | None
    key_fingerprint: str | None

    def differs_from(self, other: ClinicIdentity) -> bool:
        """Another clinic: a name or a secret that both store, and that differ."""
        return any(
            mine is not None and theirs is not None and mine != theirs
            for mine, theirs in (
                (self.name, other.name),
                (self.key_fingerprint, other.key_fingerprint),
            )
        )


UNKNOWN_CLINIC = ClinicIdentity(None, None)
# The clinic id (0009 on) names a clinic; older databases only had their voucher secret.
IDENTITY_KEYS = ("clinic_name", "clinic_id", "voucher_secret")


def read_identity(path: Path) -> ClinicIdentity:
    """The clinic identity stored in the database file `path` (its settings); unknown for
    a database without settings, or one that cannot be read (or is missing)."""
    if not path.is_file():
        return UNKNOWN_CLINIC
    try:
        con = sqlite3.connect(path, isolation_level=None)
        try:
            rows = dict(
                con.execute(
                    "SELECT key, value FROM settings"
                    " WHERE key IN ('clinic_name', 'clinic_id', 'voucher_secret')"
                ).fetchall()
            )
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return UNKNOWN_CLINIC
    return identity_of(rows)


def identity_of(rows: dict[str, str]) -> ClinicIdentity:
    """The clinic identity in a database's settings rows (key -> JSON value); unknown if
    they cannot be read."""
    try:
        name, clinic_id, old_secret = (
            json.loads(rows[key]) if key in rows else None for key in IDENTITY_KEYS
        )
    except (ValueError, TypeError):
        return UNKNOWN_CLINIC
    secret = clinic_id or old_secret
    fingerprint = hashlib.sha256(str(secret).encode()).hexdigest()[:16] if secret else None
    return ClinicIdentity(str(name).strip() if name else None, fingerprint)


@dataclass
class VerifiedBackup:
    """A checked, decrypted copy of a backup in a private temp folder.

    Call `discard()` (or use it as a context manager) when done; `restore_backup` does.
    """

    source: Path
    db_copy: Path
    schema_version: str | None
    row_counts: dict[str, int]
    encrypted: bool
    created_at: datetime
    clinic: str
    identity: ClinicIdentity

    def discard(self) -> None:
        shutil.rmtree(self.db_copy.parent, ignore_errors=True)

    def __enter__(self) -> VerifiedBackup:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()


def manifest_path(file: Path) -> Path:
    return file.with_name(file.name + ".json")


def write_manifest(
    file: Path,
    *,
    sha256: str,
    size: int,
    now: datetime,
    clinic: str,
    snapshot: Snapshot,
    encrypted: bool,
    audit_anchor: dict[str, Any] | None = None,
    keyring: str | None = None,
    drive: Drive = DRIVE,
) -> Path:
    """Write `file`'s manifest durably; returns its path. OSError if it cannot be written."""
    if now.tzinfo is None:
        raise ValueError("aware datetime expected")
    info = {
        "app": APP_NAME,
        "app_version": __version__,
        "format": MANIFEST_FORMAT,
        "file": file.name,
        "bytes": size,
        "sha256": sha256,
        "created_at": now.astimezone(UTC).isoformat(),
        "clinic": clinic,
        "schema_version": snapshot.schema_version,
        "row_counts": snapshot.row_counts,
        "encrypted": encrypted,
        "audit_anchor": audit_anchor,
    }
    if keyring is not None:
        info["keyring"] = keyring
    manifest = manifest_path(file)
    write_json_durably(manifest, info, drive)
    return manifest


def read_manifest(file: Path) -> BackupInfo:
    """The manifest of the backup `file`; BackupError if either is missing or unreadable."""
    manifest = manifest_path(file)
    if not file.is_file():
        raise BackupError("backup.file_missing", file=str(file))
    if not manifest.is_file():
        raise BackupError("backup.manifest_missing", manifest=manifest.name)
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("app") != APP_NAME:
            raise ValueError("not a spa_pos manifest")
        return BackupInfo(
            file=file,
            manifest=manifest,
            created_at=datetime.fromisoformat(data["created_at"]),
            clinic=str(data["clinic"]),
            bytes=int(data["bytes"]),
            sha256=str(data["sha256"]),
            encrypted=bool(data["encrypted"]),
            schema_version=data["schema_version"],
            row_counts={str(k): int(v) for k, v in data["row_counts"].items()},
            audit_anchor=data.get("audit_anchor"),
            keyring=data.get("keyring"),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackupError("backup.manifest_unreadable", manifest=manifest.name) from exc


def verify_backup(file: Path, passphrase: str | None = None) -> VerifiedBackup:
    """Check a backup against its manifest and return a decrypted, checked temp copy.

    Refuses (BackupError) a missing manifest, a size or checksum mismatch, a wrong or missing
    passphrase, a failed GCM tag, a failed integrity check and row counts that differ.
    """
    info = read_manifest(file)
    check_checksum(file, info)
    workdir = Path(tempfile.mkdtemp(prefix="spa-pos-restore-"))
    try:
        db_copy = workdir / "restore.sqlite3"
        extract(file, db_copy, info, passphrase)
        try:
            snapshot = inspect(db_copy)
        except Corrupt as exc:
            with db_copy.open("rb") as head:
                if head.read(len(PG_DUMP_MAGIC)) == PG_DUMP_MAGIC:
                    raise BackupError("backup.pgdump_on_till") from exc
            raise BackupError("backup.damaged", detail=str(exc)) from exc
        check_against_manifest(snapshot, info)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return VerifiedBackup(
        source=file,
        db_copy=db_copy,
        schema_version=snapshot.schema_version,
        row_counts=snapshot.row_counts,
        encrypted=info.encrypted,
        created_at=info.created_at,
        clinic=info.clinic,
        identity=read_identity(db_copy),
    )


def list_backups(target_dir: Path) -> list[BackupInfo]:
    """Backups in `target_dir` that have a readable manifest and file, newest first."""
    if not dir_available(target_dir):
        raise BackupError("backup.folder_unavailable", folder=str(target_dir))
    found = []
    for manifest in target_dir.glob("*.json"):
        file = manifest.with_name(manifest.name.removesuffix(".json"))
        if not file.is_file():
            continue
        try:
            found.append(read_manifest(file))
        except BackupError as exc:
            log.warning("skipping %s: %s", manifest, exc)
    return sorted(found, key=lambda info: (info.created_at, info.file.name), reverse=True)


def check_checksum(file: Path, info: BackupInfo) -> None:
    try:
        size = file.stat().st_size
        if size != info.bytes:
            raise BackupError("backup.size_mismatch", size=size, expected=info.bytes)
        if sha256_file(file) != info.sha256:
            raise BackupError("backup.checksum_mismatch")
    except OSError as exc:
        raise BackupError("backup.read_failed_drive", reason=exc.strerror or str(exc)) from exc


def extract(file: Path, dest: Path, info: BackupInfo, passphrase: str | None) -> None:
    """Decrypt (or copy) the backup into `dest`."""
    try:
        encrypted = container.is_encrypted(file)
        if encrypted != info.encrypted:
            raise BackupError("backup.encrypted_flag_mismatch")
        if not encrypted:
            shutil.copyfile(file, dest)  # a private temp copy: no need to fsync
            return
        if not passphrase:
            raise BackupError("backup.passphrase_needed")
        container.decrypt_file(file, dest, passphrase)
    except OSError as exc:
        raise BackupError("backup.read_failed", reason=exc.strerror or str(exc)) from exc


def check_against_manifest(snapshot: Snapshot, info: BackupInfo) -> None:
    if snapshot.schema_version != info.schema_version:
        raise BackupError("backup.schema_differs")
    if snapshot.row_counts != info.row_counts:
        different = sorted(set(snapshot.row_counts.items()) ^ set(info.row_counts.items()))
        table = different[0][0] if different else "?"
        raise BackupError("backup.rows_differ", table=table)
