"""Where a clinic's backups come from, by engine: the SQLite file (`create`, `restore`) or
the database on a PostgreSQL server (`server`). The one place that tells them apart;
`spa_pos.services.maintenance` calls the store `store_for` gives it."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from spa_pos import paths
from spa_pos.db import Database
from spa_pos.errors import BackupError
from spa_pos.services.backup import server
from spa_pos.services.backup.create import BackupResult, backup_database, local_snapshot
from spa_pos.services.backup.restore import RestoreResult, restore_backup
from spa_pos.services.backup.schema import migrated_schema


class FileStore:
    """A till's SQLite file: copied with SQLite's online backup, restored by swapping it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def safety_dir(self) -> Path:
        return self.path.parent / "safety"

    def exists(self) -> bool:
        return self.path.is_file()

    def backup(self, target_dir: Path, **options: Any) -> BackupResult:
        return backup_database(self.path, target_dir, **options)

    def snapshot(self, snapshot_dir: Path, **options: Any) -> Path:
        return local_snapshot(self.path, snapshot_dir, **options)

    def restore(
        self, file: Path, *, known_schema_versions: Collection[str], **options: Any
    ) -> RestoreResult:
        return restore_backup(
            file,
            self.path,
            known_schema_versions=known_schema_versions,
            expected_schema=migrated_schema,
            **options,
        )


class ServerStore:
    """The clinic's database on a PostgreSQL server: `pg_dump` and `pg_restore`."""

    def __init__(self, url: str) -> None:
        self.url = url

    @property
    def safety_dir(self) -> Path:
        return paths.data_dir() / "safety"

    def exists(self) -> bool:
        return True  # whether it can be read is found out by reading it

    def backup(self, target_dir: Path, **options: Any) -> BackupResult:
        return server.backup_server(self.url, target_dir, **options)

    def snapshot(self, snapshot_dir: Path, **options: Any) -> Path:
        return server.server_snapshot(self.url, snapshot_dir, **options)

    def restore(
        self, file: Path, *, known_schema_versions: Collection[str], **options: Any
    ) -> RestoreResult:
        return server.restore_server(
            file, self.url, known_schema_versions=known_schema_versions, **options
        )


Store = FileStore | ServerStore


def store_for(db: Database) -> Store:
    """The store of `db`'s engine; refused for an engine backups do not know."""
    if db.path is not None:
        return FileStore(db.path)
    if db.dialect.name == "postgresql":
        return ServerStore(db.url)
    raise BackupError("maintenance.sqlite_only")
