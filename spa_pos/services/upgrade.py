"""Opening a database made by an earlier release: a verified backup first, then the upgrade.

A migration rewrites tables in place; if it stopped half-way (a power cut, a bug meeting
data no test had) the clinic's books would be in a state no release knows. So before the
first migration touches the file, a copy of it at its old revision is written beside it
(`<data folder>/upgrades/`), checked the way every backup is (integrity, row counts, the
hash read back from the disk) and verified again against its manifest. The copy is plain
SQLite like the database beside it: it lands on the same disk, so it exposes nothing the
database does not, and `restore` takes it back as it takes any backup.

The upgrade itself is recorded in the audit trail (`db.upgrade`: from, to, the copy).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spa_pos import __version__
from spa_pos.db import latest_revision
from spa_pos.errors import BackupError, DomainError
from spa_pos.services import backup, unit_of_work
from spa_pos.services.backup.create import write_backup
from spa_pos.services.backup.rotation import database_id
from spa_pos.services.context import Ctx

FOLDER = "upgrades"


@dataclass(frozen=True)
class About:
    """What the About dialog and `spa-pos --version` show."""

    app_version: str
    schema_version: str  # the schema this release writes (the newest migration)
    database_schema: str | None = None  # the open database's (None: not made yet)
    database: str = ""  # its file (or URL)


def versions() -> About:
    """The release's versions, without opening a database (`spa-pos --version`)."""
    return About(__version__, latest_revision())


def about(ctx: Ctx) -> About:
    """The release's versions and the open database's schema and file."""
    path = ctx.db.path
    return About(
        __version__,
        latest_revision(),
        ctx.db.stored_revision(),
        str(path) if path is not None else ctx.db.shown_url,
    )


@dataclass(frozen=True)
class Upgraded:
    from_version: str
    to_version: str
    backup: Path | None  # None for a database that is not a file (no copy to make)


def backup_folder(db_path: Path) -> Path:
    """Where the copies made before an upgrade go: beside the database (a restore's safety
    copies go to `safety/` there too)."""
    return db_path.parent / FOLDER


def upgrade(ctx: Ctx) -> Upgraded | None:
    """Bring a database from an earlier release to this release's schema, a verified copy
    of it made first. None when nothing is due (a new database or a current one).

    A database from a newer release is refused (`general.schema_newer`): this release
    does not know its tables and must not write to it.
    """
    stored = ctx.db.stored_revision()
    head = latest_revision()
    if stored is None or stored == head:
        return None
    if stored not in ctx.db.known_versions():
        raise DomainError("general.schema_newer", version=stored, head=head)
    copy = _copy_before(ctx, stored, head)
    version = ctx.db.migrate()
    with unit_of_work.write(ctx) as work:
        work.audit(
            "db.upgrade",
            "database",
            version,
            from_version=stored,
            to_version=version,
            backup=str(copy) if copy is not None else "",
        )
    return Upgraded(stored, version, copy)


def _copy_before(ctx: Ctx, stored: str, head: str) -> Path | None:
    db_path = ctx.db.path
    if db_path is None or not db_path.is_file():
        return None
    folder = backup_folder(db_path)
    now = ctx.clock.now()
    name = f"{database_id(db_path)}-{stored}-to-{head}-{now:%Y%m%d-%H%M%S}.sqlite3"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            "backup.upgrade_folder_failed", folder=str(folder), reason=exc.strerror or str(exc)
        ) from exc
    result = write_backup(db_path, folder, name, clinic="", now=now, passphrase=None, progress=None)
    with backup.verify_backup(result.file) as checked:
        if checked.schema_version != stored:
            raise BackupError("backup.upgrade_copy_wrong", file=str(result.file))
    return result.file
