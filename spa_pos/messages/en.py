"""Messages in en (see `spa_pos.messages`): one dict per area, merged below."""

# general: input formats, database
_GENERAL: dict[str, str] = {}

# members
_MEMBERS: dict[str, str] = {}

# catalog
_CATALOG: dict[str, str] = {}

# checkout and pricing
_CHECKOUT: dict[str, str] = {}

# refunds
_REFUNDS: dict[str, str] = {}

# points and adjustments
_POINTS: dict[str, str] = {
    "points.adjust_reason_required": "A points adjustment needs a reason",
    "points.adjust_zero": "The adjustment cannot be 0 points",
    "points.adjust_over_limit": "Adjustments over {limit} points need a manager",
}

# vouchers and rewards
_VOUCHERS: dict[str, str] = {}

# courses and events
_COURSES: dict[str, str] = {}

# settings
_SETTINGS: dict[str, str] = {}

# staff and PIN
_STAFF: dict[str, str] = {}

# day close
_DAYCLOSE: dict[str, str] = {}

# jobs, reminders, maintenance
_JOBS: dict[str, str] = {}

# printing and receipts
_PRINTING: dict[str, str] = {}

# backup and restore
_BACKUP: dict[str, str] = {
    "backup.database_missing": "Database file not found: {path}",
    "backup.passphrase_empty": "The backup passphrase cannot be empty.",
    "backup.target_unavailable": (
        "Backup failed: the target folder is not available (USB drive pulled out?): {folder}"
    ),
    "backup.folder_unavailable": "Folder not available (USB drive pulled out?): {folder}",
    "backup.snapshot_dir_failed": "Cannot create the snapshot folder {folder}: {reason}",
    "backup.local_temp_failed": (
        "Backup failed: error writing to this computer's temporary folder: {reason}"
    ),
    "backup.target_gone": (
        "Backup failed: the target folder is not available (USB drive pulled out?): {folder}. "
        "Earlier backups are not affected."
    ),
    "backup.disk_full": (
        "Backup failed: no space left on the target disk. Earlier backups are not affected."
    ),
    "backup.file_too_big": (
        "Backup failed: the file is larger than the USB drive's file system allows "
        "(FAT32 files are at most 4 GB; use exFAT instead)."
    ),
    "backup.no_permission": "Backup failed: no permission to write to the target folder: {folder}",
    "backup.write_failed": (
        "Backup failed: error writing to the target folder (USB drive pulled out?): {reason}. "
        "Earlier backups are not affected."
    ),
    "backup.read_back_mismatch": (
        "Backup failed: the checksum (sha256) read back after writing differs; "
        "the USB drive or disk may be damaged."
    ),
    "backup.counts_differ": (
        "Backup failed: the snapshot's row counts differ from the database's; please try again."
    ),
    "backup.integrity_failed": "integrity_check: {problems}",
    "backup.not_sqlite": "not a readable SQLite database ({detail})",
    "backup.source_corrupt": "Backup failed: the database file is damaged ({detail})",
    "backup.source_unreadable": (
        "Backup failed: the database file is damaged and cannot be read ({detail})"
    ),
    "backup.snapshot_failed": "Backup failed: cannot take a snapshot of the database ({detail})",
    "backup.file_missing": "Backup file not found: {file}",
    "backup.manifest_missing": (
        "Backup manifest {manifest} not found, so the backup cannot be verified. "
        "Keep the backup file and its .json manifest of the same name in the same folder."
    ),
    "backup.manifest_unreadable": (
        "The backup manifest {manifest} cannot be read or is not a spa_pos manifest."
    ),
    "backup.size_mismatch": (
        "Verification failed: the backup file is {size} bytes but the manifest records "
        "{expected} bytes; the file may be truncated or damaged (checksum mismatch)."
    ),
    "backup.checksum_mismatch": (
        "Verification failed: the backup file's sha256 checksum does not match the manifest; "
        "the file is damaged."
    ),
    "backup.read_failed_drive": "Reading the backup file failed (USB drive pulled out?): {reason}",
    "backup.read_failed": "Reading the backup file failed: {reason}",
    "backup.encrypted_flag_mismatch": (
        "The backup file does not match its manifest (encryption flag differs); "
        "the file may be damaged."
    ),
    "backup.passphrase_needed": "This backup is encrypted; please enter the backup passphrase.",
    "backup.damaged": "The backup file is damaged: {detail}",
    "backup.schema_differs": (
        "The backup's contents do not match its manifest (different schema_version)."
    ),
    "backup.rows_differ": (
        "The backup's contents do not match its manifest (row count of table {table} differs)."
    ),
    "backup.header_truncated": (
        "The encrypted backup file is incomplete (header cut short); the file is damaged."
    ),
    "backup.not_encrypted_backup": "Not a spa_pos encrypted backup file.",
    "backup.format_unsupported": (
        "This program does not support format version {version} of this encrypted backup; "
        "please upgrade first."
    ),
    "backup.wrong_passphrase": "Wrong passphrase; the backup cannot be decrypted.",
    "backup.tag_mismatch": (
        "The backup file is damaged or truncated (decryption check failed, GCM tag mismatch)."
    ),
    "backup.not_spa_pos": "Not a spa_pos backup (no alembic_version table); cannot restore.",
    "backup.schema_unknown": (
        "This program does not know the backup's database version (schema {version}); it may "
        "have been made by a newer spa_pos. Please upgrade before restoring."
    ),
    "backup.safety_dir_failed": "Restore failed: cannot create the safety copy folder: {reason}",
    "backup.safety_copy_failed": (
        "Restore failed: cannot save a safety copy of the current database: {reason}"
    ),
    "backup.swap_failed": (
        "Restore failed: cannot replace the database file ({reason}). "
        "The current database was not replaced."
    ),
    "backup.current_unopenable": (
        "Restore failed: cannot open the current database ({detail}). "
        "The current database was not replaced."
    ),
    "backup.database_busy": (
        "Restore failed: the database is in use (database is busy); close the other spa_pos "
        "windows and try again. The current database was not replaced."
    ),
}

# command line
_CLI: dict[str, str] = {}

MESSAGES: dict[str, str] = (
    _GENERAL
    | _MEMBERS
    | _CATALOG
    | _CHECKOUT
    | _REFUNDS
    | _POINTS
    | _VOUCHERS
    | _COURSES
    | _SETTINGS
    | _STAFF
    | _DAYCLOSE
    | _JOBS
    | _PRINTING
    | _BACKUP
    | _CLI
)
