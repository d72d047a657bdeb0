"""Names of backup files and rotation: the newest N backups of a clinic on the drive, the
last N daily snapshots in the data folder, and the `.part` files a crash left behind.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import make_url

from spa_pos.services.backup.durable import unlink_quietly
from spa_pos.services.backup.manifest import manifest_path

log = logging.getLogger(__name__)

Key = Callable[[str], tuple[str, int] | None]
"""A file name -> its sort key (stamp, sequence) if it is a backup of the kind rotated."""

STALE_PART_S = 6 * 3600  # a `.part` this old is left over from a pulled drive or a crash
PART_SUFFIXES = (".part", ".part-journal", ".part-wal", ".part-shm", ".json.part")
CLINIC_MAX_LEN = 40  # keeps whole names far below FAT32/exFAT's 255 UTF-16 units
_UNSAFE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_BACKUP_NAME = re.compile(
    r"^spa-pos_(?P<clinic>.+)_(?P<stamp>\d{8}-\d{4})(?:-(?P<seq>\d+))?\.(?:sqlite3|pgdump)(?:\.enc)?$"
)
_DAILY_NAME = re.compile(
    r"^spa-pos_daily_(?P<db>[0-9a-f]{12})_(?P<stamp>\d{8})\.(?:sqlite3|pgdump)(?:\.enc)?$"
)


def safe_clinic_name(name: str) -> str:
    """The clinic name as a file-name part that FAT32/exFAT/NTFS accept (Chinese is kept)."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE_CHARS.sub("", text)
    text = re.sub(r"\s+", "-", text).strip(" .-")
    return text[:CLINIC_MAX_LEN].rstrip(" .-") or "clinic"


def local(now: datetime, tz: str) -> datetime:
    """`now` in the clinic's zone `tz`, for the stamps in file names."""
    if now.tzinfo is None:
        raise ValueError("aware datetime expected")
    return now.astimezone(ZoneInfo(tz))


def backup_stem(slug: str, now: datetime, tz: str) -> str:
    return f"spa-pos_{slug}_{local(now, tz):%Y%m%d-%H%M}"


def database_id(db_path: Path) -> str:
    """A short stable id of the database file (a hash of its resolved path): the daily
    snapshots of two databases (two clinics, a training copy via `--db`) share the data
    folder, and each database's snapshots are named and rotated apart."""
    where = os.path.normcase(str(db_path.resolve()))
    return hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def server_database_id(url: str) -> str:
    """`database_id` of a database on a server: a hash of its URL without the password."""
    where = make_url(url).set(password=None).render_as_string(hide_password=False)
    return hashlib.sha256(where.encode()).hexdigest()[:12]


def daily_name(db_id: str, now: datetime, tz: str, suffix: str = ".sqlite3") -> str:
    return f"spa-pos_daily_{db_id}_{local(now, tz):%Y%m%d}{suffix}"


def backup_key(slug: str) -> Key:
    """Recognises the backups of the clinic `slug` (see `safe_clinic_name`)."""

    def key(name: str) -> tuple[str, int] | None:
        match = _BACKUP_NAME.match(unicodedata.normalize("NFC", name))
        if match is None or match["clinic"] != slug:
            return None
        return match["stamp"], int(match["seq"] or 1)

    return key


def daily_key(db_id: str) -> Key:
    """Recognises the daily snapshots of the database `db_id` (see `database_id`)."""

    def key(name: str) -> tuple[str, int] | None:
        match = _DAILY_NAME.match(name)
        return None if match is None or match["db"] != db_id else (match["stamp"], 1)

    return key


def free_name(folder: Path, stem: str, suffix: str) -> str:
    """`stem+suffix`, or `stem-2+suffix`, … if a backup of the same minute exists."""
    seq = 1
    while True:
        name = f"{stem}{suffix}" if seq == 1 else f"{stem}-{seq}{suffix}"
        if not (folder / name).exists() and not manifest_path(folder / name).exists():
            return name
        seq += 1


def rotate(folder: Path, keep: int, key_of: Key, *, protect: Path) -> None:
    """Delete all but the newest `keep` backups that `key_of` recognises (and manifests).

    `protect` (the backup just written) is always kept, even if a wrong clock makes it
    look oldest. Stale `.part` files of such backups (a drive pulled mid-write, a crash)
    go too. Failing to clean up never fails the backup that was just made.
    """
    found = []
    stale = []
    try:
        for entry in folder.iterdir():
            key = key_of(entry.name)
            if key is not None and entry != protect and entry.is_file():
                found.append((key, entry))
            elif _is_stale_part(entry, key_of):
                stale.append(entry)
    except OSError as exc:
        log.warning("could not list %s for rotation: %s", folder, exc)
        return
    for part in stale:
        unlink_quietly(part)
    found.sort(reverse=True)
    for _, old in found[keep - 1 :]:
        for path in (old, manifest_path(old)):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove old backup %s: %s", path, exc)


def check_keep(keep: int) -> None:
    if keep < 1:
        raise ValueError("keep must be at least 1")


def _is_stale_part(entry: Path, key_of: Key) -> bool:
    """A temporary file of a backup `key_of` recognises, not written to for hours."""
    for suffix in PART_SUFFIXES:
        if entry.name.endswith(suffix) and key_of(entry.name.removesuffix(suffix)):
            try:
                return time.time() - entry.stat().st_mtime > STALE_PART_S
            except OSError:
                return False
    return False
