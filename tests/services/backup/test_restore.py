"""Restore (`restore`): refusals leave the current database untouched; a safety copy is
kept first, raw if the current database is damaged; stale WAL files are never replayed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from spa_pos.errors import BackupError
from tests.services.backup.helpers import (
    PASSPHRASE,
    add_members,
    backup_database,
    dump,
    integrity,
    leave_crashed_wal,
    make_db,
    restore,
    sha256,
)


def assert_refused(file: Path, db: Path, tmp_path: Path, match: str, **options: object) -> None:
    """The restore is refused with `match` and the current database is untouched."""
    digest, rows = sha256(db), dump(db)
    with pytest.raises(BackupError, match=match):
        restore(file, db, tmp_path, **options)
    assert sha256(db) == digest
    assert dump(db) == rows
    assert not db.with_suffix(".restoring").exists()
    assert not (tmp_path / "safety").exists() or not list((tmp_path / "safety").iterdir())


def test_restore_onto_missing_database_needs_no_safety_copy(
    db: Path, usb: Path, tmp_path: Path
) -> None:
    result = backup_database(db, usb)
    fresh = tmp_path / "new-machine" / "spa_pos.db"

    restored = restore(result.file, fresh, tmp_path)

    assert restored.safety_copy is None
    assert dump(fresh) == dump(db)


def test_the_safety_copy_is_named_in_the_clinics_zone(db: Path, usb: Path, tmp_path: Path) -> None:
    result = backup_database(db, usb)

    restored = restore(result.file, db, tmp_path, tz="Europe/London")

    assert restored.safety_copy is not None
    assert restored.safety_copy.name == "spa-pos_before-restore_20261124-133000.sqlite3"


def test_wrong_passphrase_is_refused(db: Path, usb: Path, tmp_path: Path) -> None:
    result = backup_database(db, usb, passphrase=PASSPHRASE)
    add_members(db, 2)

    assert_refused(result.file, db, tmp_path, "口令错误", passphrase="芝麻关门")
    assert_refused(result.file, db, tmp_path, "已加密.*口令", passphrase=None)


def test_truncated_backup_is_refused(db: Path, usb: Path, tmp_path: Path) -> None:
    result = backup_database(db, usb)
    with result.file.open("r+b") as f:
        f.truncate(result.bytes - 1000)

    assert_refused(result.file, db, tmp_path, "截断")


def test_unknown_schema_version_is_refused(db: Path, usb: Path, tmp_path: Path) -> None:
    result = backup_database(db, usb)

    assert_refused(result.file, db, tmp_path, "升级", known_schema_versions={"0000older"})


def test_database_without_alembic_table_is_not_restored(
    tmp_path: Path, usb: Path, db: Path
) -> None:
    foreign = make_db(tmp_path / "foreign.db", alembic=False)
    result = backup_database(foreign, usb)
    assert result.schema_version is None

    assert_refused(result.file, db, tmp_path, "不是 spa_pos 备份")


def test_restore_refuses_while_database_is_in_use(db: Path, usb: Path, tmp_path: Path) -> None:
    result = backup_database(db, usb)
    writer = sqlite3.connect(db, isolation_level=None)
    reader = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("INSERT INTO member (name) VALUES ('a')")
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM member").fetchone()
        writer.execute("INSERT INTO member (name) VALUES ('b')")

        with pytest.raises(BackupError, match="正在被使用"):
            restore(result.file, db, tmp_path, busy_timeout_s=0.1)
    finally:
        reader.close()
        writer.close()
    assert not db.with_suffix(".restoring").exists()
    assert len(dump(db)["member"]) == 202


def test_old_database_with_crashed_wal_is_replaced_cleanly(
    db: Path, usb: Path, tmp_path: Path
) -> None:
    result = backup_database(db, usb)
    expected = dump(db)
    victim = make_db(tmp_path / "victim.db")
    wal = leave_crashed_wal(victim)
    Path(f"{victim}-wal").write_bytes(wal)

    restored = restore(result.file, victim, tmp_path)

    assert integrity(victim) == "ok"
    assert dump(victim) == expected
    assert not Path(f"{victim}-wal").exists() and not Path(f"{victim}-shm").exists()
    assert restored.safety_copy is not None
    assert dump(restored.safety_copy)["member"][199][1] == "only in wal"


def test_damaged_current_database_gets_a_raw_safety_copy(
    db: Path, usb: Path, tmp_path: Path
) -> None:
    """SQLite cannot settle a damaged db, so its stale -wal must be deleted, not replayed."""
    result = backup_database(db, usb)
    expected = dump(db)
    wal = leave_crashed_wal(make_db(tmp_path / "other.db"))
    garbage = b"this is not a database" * 100
    db.write_bytes(garbage)
    Path(f"{db}-wal").write_bytes(wal)
    Path(f"{db}-shm").unlink(missing_ok=True)

    restored = restore(result.file, db, tmp_path)

    assert dump(db) == expected
    assert integrity(db) == "ok"
    assert not Path(f"{db}-wal").exists()
    assert restored.safety_copy is not None
    assert restored.safety_copy.name.endswith("-raw.sqlite3")
    assert restored.safety_copy.read_bytes() == garbage
    assert Path(f"{restored.safety_copy}-wal").read_bytes() == wal


def test_a_backup_with_objects_the_schema_lacks_is_refused_naming_the_first(
    db: Path, usb: Path, tmp_path: Path
) -> None:
    crafted = make_db(tmp_path / "crafted.db", members=3)
    con = sqlite3.connect(crafted, isolation_level=None)
    for name in ("a", "b", "c", "d"):
        con.execute(f"CREATE INDEX extra_{name} ON member (phone)")
    con.close()
    result = backup_database(crafted, usb)

    assert_refused(
        result.file,
        db,
        tmp_path,
        r"\+ index extra_a; \+ index extra_b; \+ index extra_c; … \(\+1\)",
    )
