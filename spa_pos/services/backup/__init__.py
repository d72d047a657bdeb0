"""Backups of the till's SQLite database: to a USB drive, daily in the data folder, and back.

Everything works on the database *file* with the stdlib `sqlite3`, so it can run in a worker
thread (or the CLI) while the window keeps its own SQLAlchemy engine open. The modules:

- `create`: making a verified backup (`backup_database`, `local_snapshot`);
- `container`: the encrypted file format (AES-256-GCM, scrypt, chunks);
- `durable`: fsync while writing, `.part` files, reading back from the drive (`Drive`);
- `snapshot`: SQLite's online backup and the checks of a database file;
- `manifest`: the `.json` beside each backup and `verify_backup` against it;
- `rotation`: file names and keeping the newest N backups / daily snapshots;
- `restore`: the safety copy and the swap.

This module is the surface the rest of spa_pos uses; the till-level decisions (which
folder, which settings, remembering the folder) are in `spa_pos.services.maintenance`.
"""

from spa_pos.services.backup.create import BackupResult, backup_database, local_snapshot
from spa_pos.services.backup.durable import DRIVE, Drive
from spa_pos.services.backup.manifest import (
    BackupInfo,
    VerifiedBackup,
    list_backups,
    read_manifest,
    verify_backup,
)
from spa_pos.services.backup.progress import Progress
from spa_pos.services.backup.restore import RestoreResult, restore_backup
from spa_pos.services.backup.rotation import safe_clinic_name

__all__ = [
    "DRIVE",
    "BackupInfo",
    "BackupResult",
    "Drive",
    "Progress",
    "RestoreResult",
    "VerifiedBackup",
    "backup_database",
    "list_backups",
    "local_snapshot",
    "read_manifest",
    "restore_backup",
    "safe_clinic_name",
    "verify_backup",
]
