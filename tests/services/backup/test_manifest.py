"""Verification against the manifest (`manifest`): a truncated, damaged or foreign backup
is refused before anything is restored; the restore picker's list."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from spa_pos.errors import BackupError
from spa_pos.services.backup import list_backups, verify_backup
from tests.services.backup.helpers import (
    NOW,
    PASSPHRASE,
    backup_database,
    dump,
    flip_byte,
    rewrite_manifest_for,
)


def test_verify_gives_a_checked_copy_that_is_discarded(db: Path, usb: Path) -> None:
    result = backup_database(db, usb, passphrase=PASSPHRASE)

    with verify_backup(result.file, PASSPHRASE) as verified:
        assert dump(verified.db_copy) == dump(db)
        assert (verified.encrypted, verified.created_at, verified.clinic) == (True, NOW, "c")
        assert verified.row_counts == result.row_counts
        copy = verified.db_copy
    assert not copy.parent.exists()


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_truncated_backup_is_refused(db: Path, usb: Path, passphrase: str | None) -> None:
    result = backup_database(db, usb, passphrase=passphrase)
    with result.file.open("r+b") as f:
        f.truncate(result.bytes - 1000)

    with pytest.raises(BackupError, match="截断"):
        verify_backup(result.file, passphrase)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_flipped_byte_is_refused(db: Path, usb: Path, passphrase: str | None) -> None:
    result = backup_database(db, usb, passphrase=passphrase)
    flip_byte(result.file, result.bytes // 2)

    with pytest.raises(BackupError, match=r"校验和.*不符"):
        verify_backup(result.file, passphrase)


def test_gcm_tag_catches_a_flipped_byte_even_with_a_matching_manifest(db: Path, usb: Path) -> None:
    result = backup_database(db, usb, passphrase=PASSPHRASE)
    flip_byte(result.file, result.bytes - 20)
    rewrite_manifest_for(result.file)

    with pytest.raises(BackupError, match="GCM"):
        verify_backup(result.file, PASSPHRASE)


def test_a_damaged_database_with_a_matching_manifest_is_refused(db: Path, usb: Path) -> None:
    result = backup_database(db, usb)
    flip_byte(result.file, 4096 + 10)  # inside the b-tree of page 2
    rewrite_manifest_for(result.file)

    with pytest.raises(BackupError, match="备份文件已损坏"):
        verify_backup(result.file)


def test_row_counts_that_differ_from_the_manifest_are_refused(db: Path, usb: Path) -> None:
    result = backup_database(db, usb)
    data = json.loads(result.manifest.read_text(encoding="utf-8"))
    data["row_counts"]["sale"] = 601
    result.manifest.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(BackupError, match="表 sale 的行数不同"):
        verify_backup(result.file)


def test_missing_manifest_or_passphrase_is_refused(db: Path, usb: Path) -> None:
    encrypted = backup_database(db, usb, passphrase=PASSPHRASE)
    with pytest.raises(BackupError, match=r"已加密.*口令"):
        verify_backup(encrypted.file)

    encrypted.manifest.unlink()
    with pytest.raises(BackupError, match="找不到备份清单"):
        verify_backup(encrypted.file, PASSPHRASE)


def test_a_foreign_manifest_is_refused(db: Path, usb: Path) -> None:
    result = backup_database(db, usb)
    result.manifest.write_text(json.dumps({"app": "other"}), encoding="utf-8")

    with pytest.raises(BackupError, match="不是 spa_pos 的清单"):
        verify_backup(result.file)


def test_list_backups_newest_first(db: Path, usb: Path) -> None:
    a = backup_database(db, usb)
    b = backup_database(db, usb, now=NOW + timedelta(days=1), passphrase="pw")
    orphan = backup_database(db, usb, now=NOW + timedelta(days=2))
    orphan.file.unlink()
    (usb / "broken.sqlite3").write_bytes(b"x")
    (usb / "broken.sqlite3.json").write_text("{", encoding="utf-8")

    infos = list_backups(usb)

    assert [i.file for i in infos] == [b.file, a.file]
    assert [i.encrypted for i in infos] == [True, False]
    assert infos[0].created_at == NOW + timedelta(days=1)
    assert infos[1].row_counts == a.row_counts


def test_list_backups_of_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="U盘被拔出"):
        list_backups(tmp_path / "no-usb")
