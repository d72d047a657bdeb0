"""Where a clinic's backups come from, by engine: the SQLite file (`create`, `restore`) or
the database on a PostgreSQL server (`server`). The one place that tells them apart;
`spa_pos.services.maintenance` calls the store `store_for` gives it."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from pathlib import Path
from typing import Any

from spa_pos import paths
from spa_pos.db import Database
from spa_pos.errors import BackupError
from spa_pos.services.backup import rotation, server
from spa_pos.services.backup.create import (
    BackupResult,
    backup_database,
    local_snapshot,
    write_backup,
)
from spa_pos.services.backup.manifest import check_checksum, read_manifest, verify_backup
from spa_pos.services.backup.restore import RestoreResult, restore_backup
from spa_pos.services.backup.schema import migrated_schema


class FileStore:
    """A till's SQLite file: copied with SQLite's online backup, restored by swapping it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def home(self) -> Path:
        """The folder its safety copies go under: beside the file."""
        return self.path.parent

    @property
    def safety_dir(self) -> Path:
        return self.home / "safety"

    @property
    def database_id(self) -> str:
        return rotation.database_id(self.path)

    def exists(self) -> bool:
        return self.path.is_file()

    def verified_copy(self, folder: Path, stem: str, *, revision: str, now: datetime) -> Path:
        """A plain copy `stem.sqlite3` in `folder`, read back against its manifest and
        refused (`backup.upgrade_copy_wrong`) unless it is at `revision`."""
        name = f"{stem}.sqlite3"
        result = write_backup(
            self.path, folder, name, clinic="", now=now, passphrase=None, progress=None
        )
        with verify_backup(result.file) as checked:
            _check_revision(result.file, checked.schema_version, revision)
        return result.file

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
    def home(self) -> Path:
        """The folder its safety copies go under: this machine's data folder."""
        return paths.data_dir()

    @property
    def safety_dir(self) -> Path:
        return self.home / "safety"

    @property
    def database_id(self) -> str:
        return rotation.server_database_id(self.url)

    def verified_copy(self, folder: Path, stem: str, *, revision: str, now: datetime) -> Path:
        """A plain dump `stem.pgdump` in `folder`, checked by a restore into a scratch
        database (`server.write_dump`), then its checksum read back against the manifest;
        refused (`backup.upgrade_copy_wrong`) unless it is at `revision`."""
        result = server.write_dump(
            self.url, folder, stem + server.SUFFIX, clinic="", now=now, passphrase=None
        )
        info = read_manifest(result.file)
        check_checksum(result.file, info)
        _check_revision(result.file, info.schema_version, revision)
        return result.file

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


def _check_revision(file: Path, found: str | None, revision: str) -> None:
    if found != revision:
        raise BackupError("backup.upgrade_copy_wrong", file=str(file))


def store_for(db: Database) -> Store:
    """The store of `db`'s engine; refused for an engine backups do not know."""
    if db.path is not None:
        return FileStore(db.path)
    if db.dialect.name == "postgresql":
        return ServerStore(db.url)
    raise BackupError("maintenance.sqlite_only")
