"""Backups, verification and restore on real SQLite files."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spa_pos.errors import BackupError
from spa_pos.services import backup
from spa_pos.services.backup import (
    backup_database,
    list_backups,
    local_snapshot,
    restore_backup,
    safe_clinic_name,
    verify_backup,
)

NOW = datetime(2026, 11, 23, 13, 30, tzinfo=UTC)  # 21:30 in Asia/Shanghai
SCHEMA = "a1b2c3d4e5f6"
KNOWN = {SCHEMA}
PASSPHRASE = "芝麻开门 open sesame"


# --------------------------------------------------------------------------- helpers


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


@pytest.fixture
def db(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    return make_db(tmp_path / "data" / "spa_pos.db")


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


def restore(file: Path, db_path: Path, tmp_path: Path, **kwargs: Any) -> backup.RestoreResult:
    options: dict[str, Any] = {
        "passphrase": None,
        "safety_dir": tmp_path / "safety",
        "now": NOW + timedelta(days=1),
        "known_schema_versions": KNOWN,
    }
    options.update(kwargs)
    return restore_backup(file, db_path, **options)


# --------------------------------------------------------------------------- round trips


def test_backup_then_restore_gives_identical_rows(db: Path, usb: Path, tmp_path: Path) -> None:
    before = dump(db)
    seen: list[float] = []
    result = backup_database(db, usb, clinic_name="康复中心", now=NOW, progress=seen.append)

    assert result.file.name == "spa-pos_康复中心_20261123-2130.sqlite3"
    assert result.sha256 == sha256(result.file)
    assert result.bytes == result.file.stat().st_size
    assert result.schema_version == SCHEMA
    assert result.row_counts == {"alembic_version": 1, "member": 200, "sale": 600}
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["sha256"] == sha256(result.file)
    assert manifest["bytes"] == result.file.stat().st_size
    assert manifest["file"] == result.file.name
    assert manifest["app"] == "spa_pos"
    assert manifest["encrypted"] is False
    assert manifest["schema_version"] == SCHEMA
    assert manifest["row_counts"]["sale"] == 600
    assert datetime.fromisoformat(manifest["created_at"]) == NOW
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert not list(usb.glob("*.part"))
    assert result.file.read_bytes()[18:20] == b"\x01\x01", "a self-contained file, not WAL"

    add_members(db, 5)
    changed = dump(db)
    restored = restore(result.file, db, tmp_path)

    assert dump(db) == before
    assert integrity(db) == "ok"
    assert restored.schema_version == SCHEMA
    assert restored.safety_copy is not None
    assert dump(restored.safety_copy) == changed
    assert not db.with_suffix(".restoring").exists()


def test_restore_onto_missing_database_needs_no_safety_copy(
    db: Path, usb: Path, tmp_path: Path
) -> None:
    result = backup_database(db, usb, clinic_name="c", now=NOW)
    fresh = tmp_path / "new-machine" / "spa_pos.db"

    restored = restore(result.file, fresh, tmp_path)

    assert restored.safety_copy is None
    assert dump(fresh) == dump(db)


def test_encrypted_round_trip(db: Path, usb: Path, tmp_path: Path) -> None:
    before = dump(db)
    result = backup_database(db, usb, clinic_name="c", now=NOW, passphrase=PASSPHRASE)

    assert result.encrypted and result.file.name.endswith(".sqlite3.enc")
    raw = result.file.read_bytes()
    assert b"SQLite format 3" not in raw and "会员1".encode() not in raw
    assert result.sha256 == sha256(result.file)
    add_members(db, 3)

    restore(result.file, db, tmp_path, passphrase=PASSPHRASE)

    assert dump(db) == before


def test_encryption_spans_many_chunks(
    db: Path, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "_ENC_CHUNK", 4096)
    result = backup_database(db, usb, clinic_name="c", now=NOW, passphrase=PASSPHRASE)
    with verify_backup(result.file, PASSPHRASE) as verified:
        assert dump(verified.db_copy) == dump(db)


# --------------------------------------------------------------------------- refusals


def assert_refused(
    file: Path, db: Path, tmp_path: Path, match: str, passphrase: str | None = None
) -> None:
    """The restore is refused with `match` and the current database is untouched."""
    digest, rows = sha256(db), dump(db)
    with pytest.raises(BackupError, match=match):
        restore(file, db, tmp_path, passphrase=passphrase)
    assert sha256(db) == digest
    assert dump(db) == rows
    assert not db.with_suffix(".restoring").exists()


def test_wrong_passphrase_is_refused(db: Path, usb: Path, tmp_path: Path) -> None:
    result = backup_database(db, usb, clinic_name="c", now=NOW, passphrase=PASSPHRASE)
    add_members(db, 2)

    assert_refused(result.file, db, tmp_path, "口令错误", passphrase="芝麻关门")
    assert_refused(result.file, db, tmp_path, "已加密.*口令", passphrase=None)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_truncated_backup_is_refused(
    db: Path, usb: Path, tmp_path: Path, passphrase: str | None
) -> None:
    result = backup_database(db, usb, clinic_name="c", now=NOW, passphrase=passphrase)
    with result.file.open("r+b") as f:
        f.truncate(result.bytes - 1000)

    assert_refused(result.file, db, tmp_path, "截断", passphrase=passphrase)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_flipped_byte_is_refused(
    db: Path, usb: Path, tmp_path: Path, passphrase: str | None
) -> None:
    result = backup_database(db, usb, clinic_name="c", now=NOW, passphrase=passphrase)
    flip_byte(result.file, result.bytes // 2)

    assert_refused(result.file, db, tmp_path, "校验和.*不符", passphrase=passphrase)


def test_gcm_tag_catches_a_flipped_byte_even_with_a_matching_manifest(
    db: Path, usb: Path, tmp_path: Path
) -> None:
    result = backup_database(db, usb, clinic_name="c", now=NOW, passphrase=PASSPHRASE)
    flip_byte(result.file, result.bytes - 20)
    rewrite_manifest_for(result.file)

    assert_refused(result.file, db, tmp_path, "GCM", passphrase=PASSPHRASE)


def test_cut_on_a_chunk_boundary_is_detected(
    db: Path, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "_ENC_CHUNK", 4096)
    result = backup_database(db, usb, clinic_name="c", now=NOW, passphrase=PASSPHRASE)
    with result.file.open("r+b") as f:
        f.truncate(backup._HEADER.size + 3 * (4096 + 16))  # three whole chunks survive
    rewrite_manifest_for(result.file)

    assert_refused(result.file, db, tmp_path, "截断", passphrase=PASSPHRASE)


def test_missing_manifest_is_refused(db: Path, usb: Path, tmp_path: Path) -> None:
    result = backup_database(db, usb, clinic_name="c", now=NOW)
    result.manifest.unlink()

    assert_refused(result.file, db, tmp_path, "找不到备份清单")


def test_unknown_schema_version_is_refused(db: Path, usb: Path, tmp_path: Path) -> None:
    result = backup_database(db, usb, clinic_name="c", now=NOW)
    digest = sha256(db)

    with pytest.raises(BackupError, match="升级"):
        restore(result.file, db, tmp_path, known_schema_versions={"0000older"})
    assert sha256(db) == digest


def test_database_without_alembic_table_is_not_restored(
    tmp_path: Path, usb: Path, db: Path
) -> None:
    foreign = make_db(tmp_path / "foreign.db", alembic=False)
    result = backup_database(foreign, usb, clinic_name="c", now=NOW)
    assert result.schema_version is None

    assert_refused(result.file, db, tmp_path, "不是 spa_pos 备份")


def test_restore_refuses_while_database_is_in_use(
    db: Path, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "_BUSY_TIMEOUT_S", 0.1)
    result = backup_database(db, usb, clinic_name="c", now=NOW)
    writer = sqlite3.connect(db, isolation_level=None)
    reader = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("INSERT INTO member (name) VALUES ('a')")
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM member").fetchone()
        writer.execute("INSERT INTO member (name) VALUES ('b')")

        with pytest.raises(BackupError, match="正在被使用"):
            restore(result.file, db, tmp_path)
    finally:
        reader.close()
        writer.close()
    assert not db.with_suffix(".restoring").exists()
    assert len(dump(db)["member"]) == 202


# --------------------------------------------------------------------------- restore safety


def leave_crashed_wal(db: Path) -> bytes:
    """Change `db` only in its WAL and return that -wal as a crash would leave it."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE member SET name = 'only in wal' WHERE id = 200")  # page 1 untouched
    wal = Path(f"{db}-wal").read_bytes()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return wal


def test_old_database_with_crashed_wal_is_replaced_cleanly(
    db: Path, usb: Path, tmp_path: Path
) -> None:
    result = backup_database(db, usb, clinic_name="c", now=NOW)
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
    result = backup_database(db, usb, clinic_name="c", now=NOW)
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


# --------------------------------------------------------------------------- concurrency

WRITER = r"""
import os, sqlite3, sys, time
db, ready, stop = sys.argv[1:4]
con = sqlite3.connect(db, isolation_level=None, timeout=30)
con.execute("PRAGMA synchronous=NORMAL")
deadline = time.monotonic() + 30
n = 0
while n < 500_000 and time.monotonic() < deadline and not os.path.exists(stop):
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO member (name, phone) VALUES ('w', ?)", (str(n),))
    con.execute("INSERT INTO sale (member_id, total_fen, note) VALUES (1, ?, 'pair')", (n,))
    con.execute("COMMIT")
    n += 1
    if n == 1:
        open(ready, "w").close()
con.close()
print(n)
"""


def count(path: Path, table: str) -> int:
    con = sqlite3.connect(path, timeout=30)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def test_backup_while_another_process_writes_is_consistent(
    tmp_path: Path, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_db(tmp_path / "busy.db", members=1000)  # 1000 members, 3000 sales
    gap = count(db, "sale") - count(db, "member")
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(ready), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    monkeypatch.setattr(backup, "_PAGES_PER_STEP", 4)  # many steps, so writes land between
    seen_during: list[int] = []

    def slow_progress(fraction: float) -> None:
        if fraction < 0.5:  # the snapshot phase
            seen_during.append(count(db, "member"))
            time.sleep(0.002)

    try:
        deadline = time.monotonic() + 20
        while not ready.exists():
            assert writer.poll() is None and time.monotonic() < deadline, "writer did not start"
            time.sleep(0.01)
        result = backup_database(db, usb, clinic_name="c", now=NOW, progress=slow_progress)
    finally:
        stop.touch()
        out, _ = writer.communicate(timeout=60)
    assert int(out) > 0
    assert seen_during[-1] > seen_during[0], "the writer should commit during the backup"

    target = tmp_path / "restored.db"
    restore(result.file, target, tmp_path)

    assert integrity(target) == "ok"
    members, sales = count(target, "member"), count(target, "sale")
    assert sales - members == gap, "each writer transaction adds one row to both tables"
    assert result.row_counts["member"] == members
    assert members <= seen_during[0] < count(db, "member")


# --------------------------------------------------------------------------- failed writes


def test_target_removed_before_writing(db: Path, usb: Path, tmp_path: Path) -> None:
    earlier = backup_database(db, usb, clinic_name="c", now=NOW)
    moved = tmp_path / "usb-elsewhere"

    def pull_drive(fraction: float) -> None:
        if usb.exists():
            usb.rename(moved)

    with pytest.raises(BackupError, match="目标文件夹不可用"):
        backup_database(db, usb, clinic_name="c", now=NOW + timedelta(hours=1), progress=pull_drive)
    assert sorted(p.name for p in moved.iterdir()) == [earlier.file.name, earlier.manifest.name]
    verify_backup(moved / earlier.file.name).discard()


def test_target_removed_while_writing(db: Path, usb: Path, tmp_path: Path) -> None:
    earlier = backup_database(db, usb, clinic_name="c", now=NOW)
    moved = tmp_path / "usb-elsewhere"

    def pull_drive(fraction: float) -> None:
        if fraction > 0.6 and usb.exists():  # in the copy to the target
            usb.rename(moved)

    with pytest.raises(BackupError, match="目标文件夹不可用"):
        backup_database(db, usb, clinic_name="c", now=NOW + timedelta(hours=1), progress=pull_drive)
    verify_backup(moved / earlier.file.name).discard()
    assert [p.name for p in moved.glob("*.sqlite3")] == [earlier.file.name]  # no new backup
    assert [p.name for p in moved.glob("*.json")] == [earlier.manifest.name]


def test_io_error_mid_write_leaves_earlier_backups(
    db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = backup_database(db, usb, clinic_name="c", now=NOW)

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("spa_pos.services.backup.os.fsync", failing_fsync)
    with pytest.raises(BackupError, match="写入目标文件夹出错"):
        backup_database(db, usb, clinic_name="c", now=NOW + timedelta(hours=1))
    monkeypatch.undo()

    assert sorted(p.name for p in usb.iterdir()) == [earlier.file.name, earlier.manifest.name]
    verify_backup(earlier.file).discard()


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_failed_fsync_of_the_backup_file_itself_is_an_error(
    db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str | None
) -> None:
    """Only the data file's fsync fails (the fsync runs in a worker thread; the manifest's
    would succeed): the backup must still fail."""
    earlier = backup_database(db, usb, clinic_name="c", now=NOW)
    suffix = ".sqlite3.enc.part" if passphrase else ".sqlite3.part"
    part = usb / f"spa-pos_c_20261123-2230{suffix}"
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if part.exists() and os.path.samestat(os.fstat(fd), os.stat(part)):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr("spa_pos.services.backup.os.fsync", fsync)
    with pytest.raises(BackupError, match="写入目标文件夹出错"):
        backup_database(
            db, usb, clinic_name="c", now=NOW + timedelta(hours=1), passphrase=passphrase
        )
    monkeypatch.undo()

    assert sorted(p.name for p in usb.iterdir()) == [earlier.file.name, earlier.manifest.name]


def test_cancel_from_progress_leaves_nothing(db: Path, usb: Path) -> None:
    class Cancelled(Exception):
        pass

    def cancel(fraction: float) -> None:
        if fraction > 0.7:
            raise Cancelled

    with pytest.raises(Cancelled):
        backup_database(db, usb, clinic_name="c", now=NOW, progress=cancel)
    assert list(usb.iterdir()) == []


def assert_only(usb: Path, earlier: backup.BackupResult) -> None:
    """`usb` holds exactly the earlier backup (no .part, no SQLite side files) and it is good."""
    assert sorted(p.name for p in usb.iterdir()) == [earlier.file.name, earlier.manifest.name]
    verify_backup(earlier.file).discard()


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_failed_integrity_check_leaves_no_part(
    db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str | None
) -> None:
    earlier = backup_database(db, usb, clinic_name="c", now=NOW)

    def corrupt(path: Path) -> backup._Snapshot:
        raise backup._Corrupt("integrity_check: *** in database main *** Page 7: btreeInitPage")

    monkeypatch.setattr(backup, "_inspect", corrupt)
    with pytest.raises(BackupError, match="已损坏"):
        backup_database(
            db, usb, clinic_name="c", now=NOW + timedelta(hours=1), passphrase=passphrase
        )
    monkeypatch.undo()

    assert_only(usb, earlier)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_row_counts_must_equal_the_snapshots(
    db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str | None
) -> None:
    earlier = backup_database(db, usb, clinic_name="c", now=NOW)
    check = backup._check_copy

    def one_row_lost(path: Path) -> backup._Snapshot:
        found = check(path)
        return backup._Snapshot(found.schema_version, {**found.row_counts, "sale": 599})

    monkeypatch.setattr(backup, "_check_copy", one_row_lost)
    with pytest.raises(BackupError, match="行数"):
        backup_database(
            db, usb, clinic_name="c", now=NOW + timedelta(hours=1), passphrase=passphrase
        )
    monkeypatch.undo()

    assert_only(usb, earlier)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_read_back_that_differs_from_what_was_written_is_refused(
    db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str | None
) -> None:
    """The drive returns other bytes than were written: the hash read back must differ."""
    earlier = backup_database(db, usb, clinic_name="c", now=NOW)
    read_back = backup._read_back

    def drive_flips_a_byte(handle: IO[bytes], written: str, progress: object) -> int:
        handle.seek(100)
        byte = handle.read(1)[0]
        handle.seek(100)
        handle.write(bytes([byte ^ 0x55]))
        return read_back(handle, written, None)

    monkeypatch.setattr(backup, "_read_back", drive_flips_a_byte)
    with pytest.raises(BackupError, match="读回的校验和"):
        backup_database(
            db, usb, clinic_name="c", now=NOW + timedelta(hours=1), passphrase=passphrase
        )
    monkeypatch.undo()

    assert_only(usb, earlier)


def test_plain_backup_makes_no_local_temp_copy(
    db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot goes straight into the target's .part: written once, not copied."""
    parts: list[Path] = []
    copy_snapshot = backup._copy_snapshot

    def spy(db_path: Path, dest: Path, progress: backup.Progress | None) -> dict[str, int]:
        parts.append(dest)
        return copy_snapshot(db_path, dest, progress)

    def no_temp(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unencrypted backup should not use a local temp folder")

    monkeypatch.setattr(backup, "_copy_snapshot", spy)
    monkeypatch.setattr("spa_pos.services.backup.tempfile.TemporaryDirectory", no_temp)
    monkeypatch.setattr("spa_pos.services.backup.tempfile.mkdtemp", no_temp)
    result = backup_database(db, usb, clinic_name="c", now=NOW)
    monkeypatch.undo()

    assert parts == [usb / f"{result.file.name}.part"]
    with verify_backup(result.file) as verified:
        assert dump(verified.db_copy) == dump(db)


def test_encrypted_backup_encrypts_straight_into_the_target(
    db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs: list[str] = []
    encrypt_into = backup._encrypt_into

    def spy(src: Path, out: IO[bytes], passphrase: str, progress: object) -> str:
        outputs.append(getattr(out, "name", ""))
        return encrypt_into(src, out, passphrase, None)

    monkeypatch.setattr(backup, "_encrypt_into", spy)
    seen: list[float] = []
    result = backup_database(
        db, usb, clinic_name="c", now=NOW, passphrase=PASSPHRASE, progress=seen.append
    )
    monkeypatch.undo()

    assert outputs == [str(usb / f"{result.file.name}.part")]
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert not list(usb.glob("*.part*"))


def test_leftovers_of_a_crashed_backup_of_the_same_name_are_not_used(
    db: Path, usb: Path, tmp_path: Path
) -> None:
    """A crash left `<name>.part` with its -journal and -wal: none of it may get into the new
    backup (a -wal would be replayed when its WAL header is dropped), or be left behind."""
    name = "spa-pos_c_20261123-2130.sqlite3"
    wal = leave_crashed_wal(make_db(tmp_path / "crashed.db"))
    (usb / f"{name}.part").write_bytes(b"half a backup" * 1000)
    (usb / f"{name}.part-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"x" * 4000)
    (usb / f"{name}.part-wal").write_bytes(wal)

    result = backup_database(db, usb, clinic_name="c", now=NOW)

    assert result.file.name == name
    assert sorted(p.name for p in usb.iterdir()) == [name, f"{name}.json"]
    with verify_backup(result.file) as verified:
        assert dump(verified.db_copy) == dump(db)


def test_write_errors_of_sqlite_are_explained_like_os_errors(usb: Path) -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"
    failed = backup._snapshot_failure(full, usb / "x.part")
    assert isinstance(failed, OSError)
    assert "空间不足" in backup._write_failure(failed, usb)

    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorname = "SQLITE_CORRUPT"
    assert isinstance(backup._snapshot_failure(corrupt, usb / "x.part"), backup._SourceUnreadable)

    cannot_open = sqlite3.OperationalError("unable to open database file")
    cannot_open.sqlite_errorname = "SQLITE_CANTOPEN"
    # Opening the live database (no copy yet) is not the drive's fault.
    assert not isinstance(backup._snapshot_failure(cannot_open, None), OSError)
    assert isinstance(backup._snapshot_failure(cannot_open, usb / "x.part"), OSError)


# --------------------------------------------------------------------------- rotation, naming


def test_rotation_keeps_the_newest_n_of_this_clinic(db: Path, usb: Path) -> None:
    other = backup_database(db, usb, clinic_name="其他诊所", now=NOW)
    (usb / "notes.txt").write_text("keep me", encoding="utf-8")
    made = [
        backup_database(db, usb, clinic_name="康复中心", now=NOW + timedelta(hours=h), keep=3)
        for h in range(5)
    ]

    names = {p.name for p in usb.iterdir()}
    kept = made[-3:]
    assert names == {
        *(r.file.name for r in kept),
        *(r.manifest.name for r in kept),
        other.file.name,
        other.manifest.name,
        "notes.txt",
    }


def test_rotation_removes_stale_parts_of_this_clinic(db: Path, usb: Path) -> None:
    old = time.time() - 2 * backup._STALE_PART_S
    stale = ["spa-pos_c_20261101-2130.sqlite3.part", "spa-pos_c_20261101-2130.sqlite3.part-journal"]
    kept = [
        "spa-pos_c_20261123-2000.sqlite3.part",  # fresh: maybe another till writing right now
        "spa-pos_other_20261101-2130.sqlite3.part",  # another clinic's
        "notes.part",
    ]
    for name in stale + kept:
        (usb / name).write_bytes(b"x")
    for name in [*stale, *kept[1:]]:
        os.utime(usb / name, (old, old))

    result = backup_database(db, usb, clinic_name="c", now=NOW)

    assert sorted(p.name for p in usb.iterdir()) == sorted(
        [result.file.name, result.manifest.name, *kept]
    )


def test_same_minute_backups_do_not_collide(db: Path, usb: Path) -> None:
    first = backup_database(db, usb, clinic_name="c", now=NOW)
    second = backup_database(db, usb, clinic_name="c", now=NOW)

    assert second.file.name == "spa-pos_c_20261123-2130-2.sqlite3"
    assert first.file.exists() and second.file.exists()


def test_backup_with_a_clock_set_back_is_kept(db: Path, usb: Path) -> None:
    for h in range(3):
        backup_database(db, usb, clinic_name="c", now=NOW + timedelta(days=30, hours=h), keep=3)

    newest = backup_database(db, usb, clinic_name="c", now=NOW, keep=3)

    assert newest.file.exists() and len(list(usb.glob("*.sqlite3"))) == 3


def test_clinic_name_is_safe_for_fat32(db: Path, usb: Path) -> None:
    result = backup_database(db, usb, clinic_name='康复/理疗:中心*?"<>| 朝阳店', now=NOW)

    assert result.file.name == "spa-pos_康复理疗中心-朝阳店_20261123-2130.sqlite3"


@given(st.text())
def test_any_clinic_name_gives_a_safe_name_that_rotation_recognises(name: str) -> None:
    slug = safe_clinic_name(name)
    assert slug and len(slug) <= 40
    assert not set(slug) & set('\\/:*?"<>|\x00\n\r\t')
    assert not slug.endswith((" ", "."))
    assert backup._backup_key(slug)(f"spa-pos_{slug}_20261123-2130.sqlite3.enc") == (
        "20261123-2130",
        1,
    )


def test_list_backups_newest_first(db: Path, usb: Path) -> None:
    a = backup_database(db, usb, clinic_name="c", now=NOW)
    b = backup_database(db, usb, clinic_name="c", now=NOW + timedelta(days=1), passphrase="pw")
    orphan = backup_database(db, usb, clinic_name="c", now=NOW + timedelta(days=2))
    orphan.file.unlink()

    infos = list_backups(usb)

    assert [i.file for i in infos] == [b.file, a.file]
    assert [i.encrypted for i in infos] == [True, False]
    assert infos[0].created_at == NOW + timedelta(days=1)
    assert infos[1].row_counts == a.row_counts


def test_missing_target_folder_is_refused_up_front(db: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="U盘被拔出"):
        backup_database(db, tmp_path / "no-such-usb", clinic_name="c", now=NOW)
    assert not (tmp_path / "no-such-usb").exists()


# --------------------------------------------------------------------------- daily snapshot


def test_local_snapshot_keeps_seven_days(db: Path, tmp_path: Path) -> None:
    snapshots = tmp_path / "data" / "snapshots"
    made = [local_snapshot(db, snapshots, now=NOW + timedelta(days=d)) for d in range(10)]

    files = sorted(p.name for p in snapshots.glob("*.sqlite3"))
    assert files == sorted(p.name for p in made[-7:])
    assert files[-1] == "spa-pos_daily_20261202.sqlite3"
    assert len(list(snapshots.glob("*.json"))) == 7


def test_local_snapshot_twice_a_day_keeps_the_first(db: Path, tmp_path: Path) -> None:
    snapshots = tmp_path / "snapshots"
    first = local_snapshot(db, snapshots, now=NOW)
    stamp = first.stat().st_mtime_ns
    add_members(db, 1)

    again = local_snapshot(db, snapshots, now=NOW + timedelta(hours=2))  # 23:30 local

    assert again == first and first.stat().st_mtime_ns == stamp
    assert len(list(snapshots.glob("*.sqlite3"))) == 1
    with verify_backup(first) as verified:
        assert verified.row_counts["member"] == 200


def test_local_snapshot_day_is_the_clinic_day(db: Path, tmp_path: Path) -> None:
    late = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # 01:00 on the 24th in Shanghai
    assert local_snapshot(db, tmp_path / "s", now=late).name == "spa-pos_daily_20261124.sqlite3"


def test_naive_time_is_a_programming_error(db: Path, usb: Path) -> None:
    with pytest.raises(ValueError):
        backup_database(db, usb, clinic_name="c", now=datetime(2026, 1, 1))


def test_scrypt_and_gcm_format_is_stable() -> None:
    """Guards the on-disk format: changing these needs a new format version."""
    assert backup._HEADER.size == 8 + 1 + 16 + 12 + 16
    assert (backup._SCRYPT_N, backup._SCRYPT_R, backup._SCRYPT_P) == (2**15, 8, 1)
