"""Backups as the till uses them: the end-of-day backup (to the USB drive in the settings,
plus a daily snapshot in the data folder), a backup on demand, and a restore.

The file format, verification and rotation live in `spa_pos.services.backup`; this module
only decides where, when and with which settings.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from spa_pos import messages, paths
from spa_pos.errors import BackupError
from spa_pos.models import AuditEntry
from spa_pos.services import audit, backup, keys, permissions, unit_of_work
from spa_pos.services import settings as settings_svc
from spa_pos.services.backup import BackupResult, Progress, RestoreResult
from spa_pos.services.backup.durable import dir_available
from spa_pos.services.backup.engines import Store, store_for
from spa_pos.services.context import Ctx

SNAPSHOT_KEEP = 7


def snapshot_dir() -> Path:
    return paths.data_dir() / "snapshots"


@dataclass(frozen=True)
class DailyBackup:
    snapshot: Path | None  # today's snapshot in the data folder
    backup: BackupResult | None  # the copy on the backup folder (USB drive)
    skipped: str | None  # why no backup copy was made, for the cashier (the job log)


@dataclass(frozen=True)
class _Secrets:
    """What a backup is encrypted with: the owner's stored passphrase (None: plaintext) and
    the keyring sealed with it, which travels in the backup's manifest."""

    clinic_id: str
    passphrase: str | None
    keyring: str | None


def _secrets(ctx: Ctx, typed: str | None) -> _Secrets:
    """A typed passphrase wins; else the one the owner set (stored in the keyring)."""
    with ctx.db.read() as s:
        clinic = keys.clinic_id(s)
    ring = keys.load(clinic) if clinic else None
    if ring is None:
        with ctx.db.write() as s:  # the keyring is made on first use, under the write lock
            ring = audit.keyring(s)
    passphrase = typed if typed is not None else (ring.backup_passphrase or None)
    if passphrase is None or not passphrase.strip():
        return _Secrets(ring.clinic_id, passphrase, None)
    return _Secrets(ring.clinic_id, passphrase, keys.seal(ring, passphrase))


def _remember_anchor(clinic_id: str, result: BackupResult) -> None:
    if result.audit_anchor is not None:
        keys.remember_anchor(
            clinic_id, keys.Anchor(result.audit_anchor["entries"], result.audit_anchor["head"])
        )


def set_backup_passphrase(ctx: Ctx, passphrase: str) -> None:
    """The owner's backup passphrase (设置, first-run wizard): from now on every backup,
    including the end-of-day one and the daily snapshot, is encrypted with it. Kept in the
    keyring in the config folder, never in the database. "" goes back to plaintext."""
    permissions.require(ctx, "change_settings")
    if not keys.passphrase_ok(passphrase):  # before the write lock
        raise BackupError("backup.passphrase_too_short", min_len=keys.PASSPHRASE_MIN_LEN)
    with unit_of_work.write(ctx) as work:
        keys.set_backup_passphrase(audit.keyring(work.session), passphrase)
        work.audit("backup.passphrase", "keyring", "backup", set=bool(passphrase))


def has_backup_passphrase(ctx: Ctx) -> bool:
    with ctx.db.read() as s:
        clinic = keys.clinic_id(s)
    ring = keys.load(clinic) if clinic else None
    return ring is not None and bool(ring.backup_passphrase)


def end_of_day_backup(ctx: Ctx, as_of: datetime, *, to_backup_dir: bool = True) -> DailyBackup:
    """The daily snapshot (named after the business date of `as_of`, made once per day),
    then a verified copy to `settings.backup_dir` if one is set and plugged in. Both are
    encrypted once the owner has set a backup passphrase."""
    store = store_for(ctx.db)
    cfg = settings_svc.current(ctx)
    secrets = _secrets(ctx, None)
    snapshot = store.snapshot(
        snapshot_dir(),
        now=as_of,
        keep=SNAPSHOT_KEEP,
        tz=cfg.timezone,
        passphrase=secrets.passphrase,
        keyring=secrets.keyring,
    )
    if not to_backup_dir:
        return DailyBackup(snapshot, None, None)
    if not cfg.backup_dir:
        # 设置 and the first-run wizard have the field this sends the owner to.
        return DailyBackup(snapshot, None, messages.render("backup.no_folder", {}))
    target = Path(cfg.backup_dir)
    if not target.is_dir():
        skipped = messages.render("backup.folder_not_plugged", {"folder": str(target)})
        return DailyBackup(snapshot, None, skipped)
    result = store.backup(
        target,
        clinic_name=cfg.clinic_name,
        now=ctx.clock.now(),
        passphrase=secrets.passphrase,
        keyring=secrets.keyring,
        keep=cfg.backup_keep,
        tz=cfg.timezone,
    )
    _remember_anchor(secrets.clinic_id, result)
    return DailyBackup(snapshot, result, None)


def backup_folder(ctx: Ctx) -> str:
    """The folder of the last backup that worked ("" if none yet), offered as the next."""
    return settings_svc.current(ctx).backup_dir


def backup_now(
    ctx: Ctx, target_dir: Path, *, passphrase: str | None = None, progress: Progress | None = None
) -> BackupResult:
    """A verified backup into `target_dir` (the `backup` command, the window's 立即备份).

    The folder that worked is remembered as the `backup_dir` setting (audited when it
    changes), where the end-of-day backup goes too; a failed backup changes nothing.
    Without a typed `passphrase`, the owner's stored one (if set) encrypts it. Anyone
    may back up to the folder in force; a backup to another folder changes that setting,
    so it needs `change_settings` like any setting, checked before anything is written
    (after a drive pulled out is said so: a manager's PIN would not help with that).
    """
    store = store_for(ctx.db)
    cfg = settings_svc.current(ctx)
    if str(target_dir.absolute()) != cfg.backup_dir:
        if not dir_available(target_dir):
            raise BackupError("backup.target_unavailable", folder=str(target_dir))
        permissions.require(ctx, "change_settings")
    secrets = _secrets(ctx, passphrase)
    result = store.backup(
        target_dir,
        clinic_name=cfg.clinic_name,
        now=ctx.clock.now(),
        passphrase=secrets.passphrase,
        keyring=secrets.keyring,
        keep=cfg.backup_keep,
        progress=progress,
        tz=cfg.timezone,
    )
    _remember_anchor(secrets.clinic_id, result)
    settings_svc.remember_backup_dir(ctx, str(target_dir.absolute()))
    return result


@dataclass(frozen=True)
class Restored(RestoreResult):
    keyring: str = "missing"  # restored (from the encrypted backup) | kept (on this machine)
    # | missing: a plaintext backup on a machine without its keyring. Then QR codes of
    # vouchers issued before cannot be checked (their codes still can), and the audit rows
    # before cannot be checked with their key (only their links): the restore says so.


def restore(
    ctx: Ctx, file: Path, *, passphrase: str | None = None, confirm_clinic: str | None = None
) -> Restored:
    """Verify `file`, keep a safety copy of the current database next to it (`safety/`),
    swap the backup in and upgrade it to this version's schema.

    Only a backup with exactly the schema the migrations create for its version is taken;
    one of another clinic only with `confirm_clinic` set to that clinic's name. Works when
    the current database is missing or damaged. Closes `ctx.db`'s connections first and
    holds the database alone until the restored one is upgraded and the restore audited:
    refused at once, naming them, while other processes (or other `Database` objects) have
    it open. The window stops its scheduler and printing first. The result carries the
    schema version after the upgrade. An encrypted backup brings the clinic's keyring back
    (a new machine), and the restored chain's head becomes the last anchor: the owner chose
    to continue from it.
    """
    permissions.require(ctx, "restore")
    store = store_for(ctx.db)
    tz = _timezone_if_readable(ctx, store)
    now = ctx.clock.now()
    with ctx.db.exclusive():
        result = store.restore(
            file,
            passphrase=passphrase,
            safety_dir=store.safety_dir,
            now=now,
            known_schema_versions=ctx.db.known_versions(),
            confirm_clinic=confirm_clinic,
            tz=tz,
        )
        version = ctx.db.migrate()
        keyring = _bring_keyring_back(ctx, file, passphrase)
        with unit_of_work.write(ctx, now) as work:
            audit.keyring(work.session, restored=keyring == "missing")
            work.audit(
                "db.restore",
                "database",
                file.name[: AuditEntry.entity_id.type.length],  # the full path is in `file`
                file=str(file),
                safety_copy=str(result.safety_copy),
                backup_schema=result.schema_version,
                schema=version,
                keyring=keyring,
            )
    fields = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
    return Restored(**{**fields, "schema_version": version}, keyring=keyring)


def _bring_keyring_back(ctx: Ctx, file: Path, passphrase: str | None) -> str:
    """Put the keyring sealed in the backup's manifest into the config folder, and anchor
    the restored chain. Returns how the keyring stands (see `Restored.keyring`)."""
    sealed = backup.read_manifest(file).keyring
    with ctx.db.read() as s:
        clinic = keys.clinic_id(s)
        head = audit.head(s)
    state = "missing"
    if sealed is not None and passphrase:
        ring = keys.unseal(sealed, passphrase)
        if ring.clinic_id == clinic:
            keys.save(ring)
            state = "restored"
    if state == "missing" and clinic and keys.load(clinic) is not None:
        state = "kept"
    if clinic and head is not None:
        keys.remember_anchor(clinic, head, force=True)
    return state


def _timezone_if_readable(ctx: Ctx, store: Store) -> str:
    """The clinic's time zone, from a database that may be missing or damaged (which is
    when a restore is wanted most); else the zone a new clinic starts with."""
    if not store.exists():
        return settings_svc.Settings().timezone
    try:
        with ctx.db.read() as s:
            return str(settings_svc.detail(s, "timezone"))
    except SQLAlchemyError:
        return settings_svc.Settings().timezone
