"""Real SQLite files to back up, and ways to look into and damage them."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from spa_pos.services.backup import BackupResult, Drive, RestoreResult, restore_backup
from spa_pos.services.backup import backup_database as _backup_database
from spa_pos.services.backup.schema import Schema, schema_of_file

NOW = datetime(2026, 11, 23, 13, 30, tzinfo=UTC)  # 21:30 in Asia/Shanghai
TZ = "Asia/Shanghai"
SCHEMA = "a1b2c3d4e5f6"
KNOWN = {SCHEMA}
PASSPHRASE = "芝麻开门 open sesame"


def make_db(path: Path, *, members: int = 200, alembic: bool = True) -> Path:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.executescript(
        """
        CREATE TABLE member (id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT);
        CREATE TABLE sale (
            id INTEGER PRIMARY KEY,
            member_id INTEGER REFERENCES member(id),
            total_fen INTEGER NOT NULL,
            note TEXT
        );
        """
    )
    if alembic:
        con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        con.execute("INSERT INTO alembic_version VALUES (?)", (SCHEMA,))
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO member (name, phone) VALUES (?, ?)",
        [(f"会员{i}", f"138{i:08d}") for i in range(members)],
    )
    con.executemany(
        "INSERT INTO sale (member_id, total_fen, note) VALUES (?, ?, ?)",
        [(i % members + 1, 100 * i, "推拿 60 分钟 " * 5) for i in range(members * 3)],
    )
    con.execute("COMMIT")
    con.close()
    return path


def break_an_index(path: Path) -> None:
    """Leave `path` readable (every row counts) but failing `PRAGMA integrity_check`: the
    schema claims an index is on another column than the one its entries were built from."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("CREATE INDEX member_phone ON member (phone)")
    con.execute("PRAGMA writable_schema=ON")
    con.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX member_phone ON member (name)' "
        "WHERE name = 'member_phone'"
    )
    con.execute("PRAGMA writable_schema=OFF")
    con.close()


def backup_database(db: Path, target: Path, **options: Any) -> BackupResult:
    """`backup_database` of the clinic "c" at NOW in Shanghai, unless told otherwise."""
    settings: dict[str, Any] = {"clinic_name": "c", "now": NOW, "tz": TZ}
    settings.update(options)
    return _backup_database(db, target, **settings)


def later(db: Path, target: Path, drive: Drive, passphrase: str | None = None) -> BackupResult:
    """A backup an hour after NOW through `drive`."""
    return backup_database(
        db, target, now=NOW + timedelta(hours=1), passphrase=passphrase, drive=drive
    )


def reference_schema(version: str) -> Schema:
    """What `make_db` creates, standing in for the migrations of these test databases."""
    assert version == SCHEMA
    with tempfile.TemporaryDirectory() as folder:
        return schema_of_file(make_db(Path(folder) / "reference.db", members=0))


def restore(file: Path, db_path: Path, tmp_path: Path, **options: Any) -> RestoreResult:
    settings: dict[str, Any] = {
        "passphrase": None,
        "safety_dir": tmp_path / "safety",
        "now": NOW + timedelta(days=1),
        "tz": TZ,
        "known_schema_versions": KNOWN,
        "expected_schema": reference_schema,
    }
    settings.update(options)
    return restore_backup(file, db_path, **settings)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        con.close()


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def count(path: Path, table: str) -> int:
    con = sqlite3.connect(path, timeout=30)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_members(path: Path, count: int) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.executemany("INSERT INTO member (name) VALUES (?)", [(f"新会员{i}",) for i in range(count)])
    con.close()


def rewrite_manifest_for(file: Path) -> None:
    """Make the manifest match a tampered file, as an attacker (or a bad tool) would."""
    manifest = file.with_name(file.name + ".json")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["sha256"] = sha256(file)
    data["bytes"] = file.stat().st_size
    manifest.write_text(json.dumps(data), encoding="utf-8")


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x55
    path.write_bytes(bytes(data))


def leave_crashed_wal(db: Path) -> bytes:
    """Change `db` only in its WAL and return that -wal as a crash would leave it."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE member SET name = 'only in wal' WHERE id = 200")  # page 1 untouched
    wal = Path(f"{db}-wal").read_bytes()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return wal
