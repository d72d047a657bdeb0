"""Making backups (`create`): round trips, failures while writing (through a faulty
`Drive`), what is left behind, naming, and the daily snapshot."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest

from spa_pos.errors import BackupError
from spa_pos.services.backup import BackupResult, Drive, local_snapshot, rotation, verify_backup
from tests.services.backup.helpers import (
    NOW,
    PASSPHRASE,
    SCHEMA,
    TZ,
    add_members,
    backup_database,
    break_an_index,
    dump,
    integrity,
    later,
    leave_crashed_wal,
    make_db,
    restore,
    sha256,
)

# --------------------------------------------------------------------------- round trips


def test_backup_then_restore_gives_identical_rows(db: Path, usb: Path, tmp_path: Path) -> None:
    before = dump(db)
    seen: list[float] = []
    result = backup_database(db, usb, clinic_name="康复中心", progress=seen.append)

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


def test_encrypted_round_trip(db: Path, usb: Path, tmp_path: Path) -> None:
    before = dump(db)
    result = backup_database(db, usb, passphrase=PASSPHRASE)

    assert result.encrypted and result.file.name.endswith(".sqlite3.enc")
    raw = result.file.read_bytes()
    assert b"SQLite format 3" not in raw and "会员1".encode() not in raw
    assert result.sha256 == sha256(result.file)
    add_members(db, 3)

    restore(result.file, db, tmp_path, passphrase=PASSPHRASE)

    assert dump(db) == before


def test_an_empty_passphrase_is_refused(db: Path, usb: Path) -> None:
    with pytest.raises(BackupError, match="口令不能为空"):
        backup_database(db, usb, passphrase="  ")
    assert list(usb.iterdir()) == []


# --------------------------------------------------------------------------- failed writes


def assert_only(usb: Path, earlier: BackupResult) -> None:
    """`usb` holds exactly the earlier backup (no .part, no SQLite side files) and it is good."""
    assert sorted(p.name for p in usb.iterdir()) == [earlier.file.name, earlier.manifest.name]
    verify_backup(earlier.file).discard()


class FailingDrive(Drive):
    """Every fsync fails, as on a drive with bad sectors."""

    def fsync(self, fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")


class FailsOneFile(Drive):
    """Only the fsyncs of `path` fail (the backup file; the manifest's would succeed)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fsync(self, fd: int) -> None:
        if self.path.exists() and os.path.samestat(os.fstat(fd), os.stat(self.path)):
            raise OSError(errno.EIO, "Input/output error")
        super().fsync(fd)


class FlippingDrive(Drive):
    """Reads back other bytes than were written."""

    def read_back(self, stream: IO[bytes], size: int) -> bytes:
        data = super().read_back(stream, size)
        return bytes([data[0] ^ 0x55]) + data[1:] if data else data


def test_target_removed_before_writing(db: Path, usb: Path, tmp_path: Path) -> None:
    earlier = backup_database(db, usb)
    moved = tmp_path / "usb-elsewhere"

    def pull_drive(fraction: float) -> None:
        if usb.exists():
            usb.rename(moved)

    with pytest.raises(BackupError, match="目标文件夹不可用"):
        backup_database(db, usb, now=NOW + timedelta(hours=1), progress=pull_drive)
    assert sorted(p.name for p in moved.iterdir()) == [earlier.file.name, earlier.manifest.name]
    verify_backup(moved / earlier.file.name).discard()


def test_target_removed_while_writing(db: Path, usb: Path, tmp_path: Path) -> None:
    earlier = backup_database(db, usb)
    moved = tmp_path / "usb-elsewhere"

    def pull_drive(fraction: float) -> None:
        if fraction > 0.6 and usb.exists():  # in the copy to the target
            usb.rename(moved)

    with pytest.raises(BackupError, match="目标文件夹不可用"):
        backup_database(db, usb, now=NOW + timedelta(hours=1), progress=pull_drive)
    verify_backup(moved / earlier.file.name).discard()
    assert [p.name for p in moved.glob("*.sqlite3")] == [earlier.file.name]  # no new backup
    assert [p.name for p in moved.glob("*.json")] == [earlier.manifest.name]


def test_io_error_mid_write_leaves_earlier_backups(db: Path, usb: Path) -> None:
    earlier = backup_database(db, usb)

    with pytest.raises(BackupError, match="写入目标文件夹出错"):
        later(db, usb, FailingDrive())

    assert_only(usb, earlier)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_failed_fsync_of_the_backup_file_itself_is_an_error(
    db: Path, usb: Path, passphrase: str | None
) -> None:
    """Only the data file's fsync fails (it runs in a worker thread): the backup fails."""
    earlier = backup_database(db, usb)
    suffix = ".sqlite3.enc.part" if passphrase else ".sqlite3.part"

    with pytest.raises(BackupError, match="写入目标文件夹出错"):
        later(db, usb, FailsOneFile(usb / f"spa-pos_c_20261123-2230{suffix}"), passphrase)

    assert_only(usb, earlier)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_read_back_that_differs_from_what_was_written_is_refused(
    db: Path, usb: Path, passphrase: str | None
) -> None:
    earlier = backup_database(db, usb)

    with pytest.raises(BackupError, match="读回的校验和"):
        later(db, usb, FlippingDrive(), passphrase)

    assert_only(usb, earlier)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_failed_integrity_check_leaves_no_part(db: Path, usb: Path, passphrase: str | None) -> None:
    earlier = backup_database(db, usb)
    break_an_index(db)

    with pytest.raises(BackupError, match=r"数据库文件已损坏.*integrity_check"):
        later(db, usb, Drive(), passphrase)

    assert_only(usb, earlier)


def test_cancel_from_progress_leaves_nothing(db: Path, usb: Path) -> None:
    class Cancelled(Exception):
        pass

    def cancel(fraction: float) -> None:
        if fraction > 0.7:
            raise Cancelled

    with pytest.raises(Cancelled):
        backup_database(db, usb, progress=cancel)
    assert list(usb.iterdir()) == []


def test_plain_backup_makes_no_local_temp_copy(
    db: Path, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot goes straight into the target's .part: written once, not copied."""
    name = "spa-pos_c_20261123-2130.sqlite3"
    sizes: list[int] = []

    def watch(fraction: float) -> None:
        if fraction <= 0.45:  # the snapshot step
            sizes.append((usb / f"{name}.part").stat().st_size)

    def no_temp(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unencrypted backup should not use a local temp folder")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", no_temp)
    monkeypatch.setattr(tempfile, "mkdtemp", no_temp)
    result = backup_database(db, usb, progress=watch)
    monkeypatch.undo()

    assert result.file.name == name
    assert sizes and sizes[-1] > 0, "SQLite's copy is written into the .part on the target"
    with verify_backup(result.file) as verified:
        assert dump(verified.db_copy) == dump(db)


def test_encrypted_backup_encrypts_straight_into_the_target(
    db: Path, usb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the plaintext snapshot is local; the encrypted bytes go to the target's .part."""
    local = tmp_path / "local-temp"
    local.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(local))
    part = usb / "spa-pos_c_20261123-2130.sqlite3.enc.part"
    during: list[tuple[int, list[str]]] = []
    seen: list[float] = []

    def watch(fraction: float) -> None:
        seen.append(fraction)
        if 0.4 < fraction <= 0.75:  # the encryption step
            local_files = [p.name for p in local.rglob("*") if p.is_file()]
            during.append((part.stat().st_size, local_files))

    result = backup_database(db, usb, passphrase=PASSPHRASE, progress=watch)

    assert result.file == usb / part.name.removesuffix(".part")
    assert during and during[-1][0] > 0
    assert all(files == ["snapshot.sqlite3"] for _, files in during)
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert not list(usb.glob("*.part*")) and not list(local.iterdir())


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

    result = backup_database(db, usb)

    assert result.file.name == name
    assert sorted(p.name for p in usb.iterdir()) == [name, f"{name}.json"]
    with verify_backup(result.file) as verified:
        assert dump(verified.db_copy) == dump(db)


def test_missing_target_folder_is_refused_up_front(db: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="U盘被拔出"):
        backup_database(db, tmp_path / "no-such-usb")
    assert not (tmp_path / "no-such-usb").exists()


def test_missing_database_is_refused(tmp_path: Path, usb: Path) -> None:
    with pytest.raises(BackupError, match="找不到数据库文件"):
        backup_database(tmp_path / "nothing.db", usb)


# --------------------------------------------------------------------------- naming


def test_same_minute_backups_do_not_collide(db: Path, usb: Path) -> None:
    first = backup_database(db, usb)
    second = backup_database(db, usb)

    assert second.file.name == "spa-pos_c_20261123-2130-2.sqlite3"
    assert first.file.exists() and second.file.exists()


def test_the_name_is_the_clinics_local_time(db: Path, usb: Path) -> None:
    result = backup_database(db, usb, tz="Europe/London")

    assert result.file.name == "spa-pos_c_20261123-1330.sqlite3"


def test_clinic_name_is_safe_for_fat32(db: Path, usb: Path) -> None:
    result = backup_database(db, usb, clinic_name='康复/理疗:中心*?"<>| 朝阳店')

    assert result.file.name == "spa-pos_康复理疗中心-朝阳店_20261123-2130.sqlite3"


def test_naive_time_is_a_programming_error(db: Path, usb: Path) -> None:
    with pytest.raises(ValueError):
        backup_database(db, usb, now=datetime(2026, 1, 1))


# --------------------------------------------------------------------------- daily snapshot


def test_local_snapshot_keeps_seven_days(db: Path, tmp_path: Path) -> None:
    snapshots = tmp_path / "data" / "snapshots"
    made = [local_snapshot(db, snapshots, now=NOW + timedelta(days=d), tz=TZ) for d in range(10)]

    files = sorted(p.name for p in snapshots.glob("*.sqlite3"))
    assert files == sorted(p.name for p in made[-7:])
    assert files[-1] == f"spa-pos_daily_{rotation.database_id(db)}_20261202.sqlite3"
    assert len(list(snapshots.glob("*.json"))) == 7


def test_two_databases_keep_their_own_snapshots(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / db.name  # another clinic's file of the same name (--db)
    other.parent.mkdir()
    other.write_bytes(db.read_bytes())
    add_members(other, 1)
    snapshots = tmp_path / "snapshots"

    mine = local_snapshot(db, snapshots, now=NOW, tz=TZ, keep=1)
    theirs = local_snapshot(other, snapshots, now=NOW, tz=TZ, keep=1)
    local_snapshot(other, snapshots, now=NOW + timedelta(days=1), tz=TZ, keep=1)

    assert mine != theirs and mine.is_file()  # the other's rotation leaves mine alone
    assert not theirs.exists()  # ... and drops its own older day
    with verify_backup(mine) as verified:
        assert verified.row_counts["member"] == 200


def test_local_snapshot_twice_a_day_keeps_the_first(db: Path, tmp_path: Path) -> None:
    snapshots = tmp_path / "snapshots"
    first = local_snapshot(db, snapshots, now=NOW, tz=TZ)
    stamp = first.stat().st_mtime_ns
    add_members(db, 1)

    again = local_snapshot(db, snapshots, now=NOW + timedelta(hours=2), tz=TZ)  # 23:30 local

    assert again == first and first.stat().st_mtime_ns == stamp
    assert len(list(snapshots.glob("*.sqlite3"))) == 1
    with verify_backup(first) as verified:
        assert verified.row_counts["member"] == 200


def test_local_snapshot_day_is_the_clinic_day(db: Path, tmp_path: Path) -> None:
    late = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # 01:00 on the 24th in Shanghai
    snapshot = local_snapshot(db, tmp_path / "s", now=late, tz=TZ)
    assert snapshot.name.endswith("_20261124.sqlite3")
    in_london = local_snapshot(db, tmp_path / "london", now=late, tz="Europe/London")
    assert in_london.name.endswith("_20261123.sqlite3")
