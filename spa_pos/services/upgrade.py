"""Opening a database made by an earlier release: a verified backup first, then the upgrade.

A migration rewrites tables in place; if it stopped half-way (a power cut, a bug meeting
data no test had) the clinic's books would be in a state no release knows. So before the
first migration touches the database, a copy of it at its old revision is written in an
`upgrades/` folder, checked the way every backup is and verified against its manifest:
- a SQLite file: a plain SQLite copy beside the file (integrity, row counts, the hash read
  back from the disk). It lands on the same disk, so it exposes nothing the database does
  not;
- a database on a PostgreSQL server: a `pg_dump` in this machine's data folder, checked by
  a restore into a scratch database (`backup.server`). Without pg_dump the upgrade is
  refused (`backup.pg_tools_missing`): no migration runs without its copy.
Which of the two is the backup's engine seam (`backup.engines.store_for`); `restore` takes
the copy back as it takes any backup.

The upgrade itself is recorded in the audit trail (`db.upgrade`: from, to, the copy).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spa_pos import __version__
from spa_pos.db import Database, latest_revision
from spa_pos.errors import BackupError, DomainError
from spa_pos.services import unit_of_work
from spa_pos.services.backup.engines import store_for
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
    backup: Path  # the verified copy made before the first migration


def backup_folder(db: Database) -> Path:
    """Where the copies made before an upgrade of `db` go: beside a restore's `safety/`
    copies (beside the file; in the data folder for a server's database)."""
    return store_for(db).home / FOLDER


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
            backup=str(copy),
        )
    return Upgraded(stored, version, copy)


def _copy_before(ctx: Ctx, stored: str, head: str) -> Path:
    store = store_for(ctx.db)
    folder = backup_folder(ctx.db)
    now = ctx.clock.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            "backup.upgrade_folder_failed", folder=str(folder), reason=exc.strerror or str(exc)
        ) from exc
    stem = f"{store.database_id}-{stored}-to-{head}-{now:%Y%m%d-%H%M%S}"
    return store.verified_copy(folder, stem, revision=stored, now=now)
