"""Rotation and names (`rotation`): the newest N backups of this clinic are kept, stale
`.part` files go, and any clinic name gives a file name FAT32 accepts."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from spa_pos.services.backup import rotation, safe_clinic_name
from tests.services.backup.helpers import NOW, backup_database


def test_rotation_keeps_the_newest_n_of_this_clinic(db: Path, usb: Path) -> None:
    other = backup_database(db, usb, clinic_name="其他诊所")
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
    old = time.time() - 2 * rotation.STALE_PART_S
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

    result = backup_database(db, usb)

    assert sorted(p.name for p in usb.iterdir()) == sorted(
        [result.file.name, result.manifest.name, *kept]
    )


def test_backup_with_a_clock_set_back_is_kept(db: Path, usb: Path) -> None:
    for h in range(3):
        backup_database(db, usb, now=NOW + timedelta(days=30, hours=h), keep=3)

    newest = backup_database(db, usb, keep=3)

    assert newest.file.exists() and len(list(usb.glob("*.sqlite3"))) == 3


def test_free_name_counts_up_past_a_manifest_alone(usb: Path) -> None:
    (usb / "b.sqlite3.json").write_text("{}", encoding="utf-8")
    (usb / "b-2.sqlite3").write_bytes(b"x")

    assert rotation.free_name(usb, "b", ".sqlite3") == "b-3.sqlite3"


def test_daily_key_knows_only_daily_snapshots_of_its_database(tmp_path: Path) -> None:
    mine, theirs = rotation.database_id(tmp_path / "a.db"), rotation.database_id(tmp_path / "b.db")
    key = rotation.daily_key(mine)
    assert key(f"spa-pos_daily_{mine}_20261123.sqlite3") == ("20261123", 1)
    assert key(f"spa-pos_daily_{mine}_20261123.sqlite3.enc") == ("20261123", 1)
    assert key(f"spa-pos_daily_{theirs}_20261123.sqlite3") is None
    assert key("spa-pos_c_20261123-2130.sqlite3") is None
    assert rotation.database_id(tmp_path / "x" / ".." / "a.db") == mine  # the resolved path


@given(st.text())
def test_any_clinic_name_gives_a_safe_name_that_rotation_recognises(name: str) -> None:
    slug = safe_clinic_name(name)
    assert slug and len(slug) <= 40
    assert not set(slug) & set('\\/:*?"<>|\x00\n\r\t')
    assert not slug.endswith((" ", "."))
    assert rotation.backup_key(slug)(f"spa-pos_{slug}_20261123-2130.sqlite3.enc") == (
        "20261123-2130",
        1,
    )
    assert rotation.backup_key(slug)(f"spa-pos_{slug}_20261123-2130-2.sqlite3") == (
        "20261123-2130",
        2,
    )
