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

from spa_pos import paths
from spa_pos.errors import BackupError
from spa_pos.services import backup, unit_of_work
from spa_pos.services import settings as settings_svc
from spa_pos.services.backup import BackupResult, Progress, RestoreResult
from spa_pos.services.backup.schema import migrated_schema
from spa_pos.services.context import Ctx

SNAPSHOT_KEEP = 7


def snapshot_dir() -> Path:
    return paths.data_dir() / "snapshots"


@dataclass(frozen=True)
class DailyBackup:
    snapshot: Path | None  # today's snapshot in the data folder
    backup: BackupResult | None  # the copy on the backup folder (USB drive)
    skipped: str | None  # why no backup copy was made, for the cashier


def end_of_day_backup(ctx: Ctx, as_of: datetime, *, to_backup_dir: bool = True) -> DailyBackup:
    """The daily snapshot (named after the business date of `as_of`, made once per day),
    then a verified copy to `settings.backup_dir` if one is set and plugged in."""
    db_path = _require_file(ctx)
    cfg = settings_svc.current(ctx)
    snapshot = backup.local_snapshot(
        db_path, snapshot_dir(), now=as_of, keep=SNAPSHOT_KEEP, tz=cfg.timezone
    )
    if not to_backup_dir:
        return DailyBackup(snapshot, None, None)
    if not cfg.backup_dir:
        return DailyBackup(snapshot, None, "未设置备份文件夹（请在设置中选择U盘上的文件夹）")
    target = Path(cfg.backup_dir)
    if not target.is_dir():
        return DailyBackup(snapshot, None, f"备份文件夹不可用（U盘未插入？）：{target}")
    result = backup.backup_database(
        db_path,
        target,
        clinic_name=cfg.clinic_name,
        now=ctx.clock.now(),
        keep=cfg.backup_keep,
        tz=cfg.timezone,
    )
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
    """
    db_path = _require_file(ctx)
    cfg = settings_svc.current(ctx)
    result = backup.backup_database(
        db_path,
        target_dir,
        clinic_name=cfg.clinic_name,
        now=ctx.clock.now(),
        passphrase=passphrase,
        keep=cfg.backup_keep,
        progress=progress,
        tz=cfg.timezone,
    )
    settings_svc.update(ctx, backup_dir=str(target_dir.absolute()))
    return result


def restore(
    ctx: Ctx, file: Path, *, passphrase: str | None = None, confirm_clinic: str | None = None
) -> RestoreResult:
    """Verify `file`, keep a safety copy of the current database next to it (`safety/`),
    swap the backup in and upgrade it to this version's schema.

    Only a backup with exactly the schema the migrations create for its version is taken;
    one of another clinic only with `confirm_clinic` set to that clinic's name. Works when
    the current database is missing or damaged. Closes `ctx.db`'s connections first and
    holds the database alone until the restored one is upgraded and the restore audited:
    refused at once, naming them, while other processes (or other `Database` objects) have
    it open. The window stops its scheduler and printing first. The result carries the
    schema version after the upgrade.
    """
    db_path = _require_file(ctx)
    tz = _timezone_if_readable(ctx)
    now = ctx.clock.now()
    with ctx.db.exclusive():
        result = backup.restore_backup(
            file,
            db_path,
            passphrase=passphrase,
            safety_dir=db_path.parent / "safety",
            now=now,
            known_schema_versions=ctx.db.known_versions(),
            expected_schema=migrated_schema,
            confirm_clinic=confirm_clinic,
            tz=tz,
        )
        version = ctx.db.migrate()
        with unit_of_work.write(ctx, now) as work:
            work.audit(
                "db.restore",
                "database",
                file.name,
                file=str(file),
                safety_copy=str(result.safety_copy),
                backup_schema=result.schema_version,
                schema=version,
            )
    return dataclasses.replace(result, schema_version=version)


def _timezone_if_readable(ctx: Ctx) -> str:
    """The clinic's time zone, from a database that may be missing or damaged (which is
    when a restore is wanted most); else the zone a new clinic starts with."""
    if ctx.db.path is None or not ctx.db.path.is_file():
        return settings_svc.Settings().timezone
    try:
        with ctx.db.read() as s:
            return str(settings_svc.detail(s, "timezone"))
    except SQLAlchemyError:
        return settings_svc.Settings().timezone


def _require_file(ctx: Ctx) -> Path:
    if ctx.db.path is None:
        raise BackupError("maintenance.sqlite_only")
    return ctx.db.path
