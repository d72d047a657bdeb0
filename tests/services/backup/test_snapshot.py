"""The snapshot (`snapshot`): consistent while another process writes, the checks of a
copy, and which side a SQLite error belongs to."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spa_pos.errors import BackupError
from spa_pos.services.backup import snapshot
from tests.services.backup.helpers import SCHEMA, break_an_index, count, integrity, make_db

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


def test_snapshot_while_another_process_writes_is_consistent(tmp_path: Path) -> None:
    db = make_db(tmp_path / "busy.db", members=1000)  # 1000 members, 3000 sales
    gap = count(db, "sale") - count(db, "member")
    ready, stop = tmp_path / "ready", tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(ready), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    seen_during: list[int] = []

    def slow_progress(fraction: float) -> None:
        seen_during.append(count(db, "member"))
        time.sleep(0.002)

    copy = tmp_path / "copy.sqlite3"
    try:
        deadline = time.monotonic() + 20
        while not ready.exists():
            assert writer.poll() is None and time.monotonic() < deadline, "writer did not start"
            time.sleep(0.01)
        # Many small steps, so the writer's commits land between them.
        expected = snapshot.copy_snapshot(db, copy, slow_progress, pages_per_step=4)
    finally:
        stop.touch()
        out, _ = writer.communicate(timeout=60)
    assert int(out) > 0
    assert seen_during[-1] > seen_during[0], "the writer should commit during the snapshot"

    assert integrity(copy) == "ok"
    members, sales = count(copy, "member"), count(copy, "sale")
    assert sales - members == gap, "each writer transaction adds one row to both tables"
    assert expected["member"] == members and expected["sale"] == sales
    assert members <= seen_during[0] < count(db, "member")
    assert copy.read_bytes()[18:20] == b"\x01\x01", "a self-contained file, not WAL"
    assert sorted(p.name for p in tmp_path.glob("copy*")) == ["copy.sqlite3"]


def test_inspect_reports_schema_and_row_counts(tmp_path: Path) -> None:
    found = snapshot.inspect(make_db(tmp_path / "a.db", members=3))

    assert found == snapshot.Snapshot(SCHEMA, {"alembic_version": 1, "member": 3, "sale": 9})
    plain = snapshot.inspect(make_db(tmp_path / "b.db", members=1, alembic=False))
    assert plain.schema_version is None


def test_a_copy_that_fails_its_integrity_check_means_a_damaged_database(
    tmp_path: Path,
) -> None:
    db = make_db(tmp_path / "a.db")
    break_an_index(db)

    with pytest.raises(snapshot.SourceUnreadable, match=r"已损坏.*missing from index"):
        snapshot.check_copy(db)


def test_a_file_that_is_not_a_database_is_corrupt(tmp_path: Path) -> None:
    junk = tmp_path / "junk"
    junk.write_bytes(b"this is not a database" * 100)

    with pytest.raises(snapshot.Corrupt, match="不是可读的 SQLite 数据库"):
        snapshot.inspect(junk)
    with pytest.raises(snapshot.SourceUnreadable):
        snapshot.check_copy(junk)


def test_row_counts_must_equal_the_snapshots() -> None:
    copy = snapshot.Snapshot(SCHEMA, {"member": 200, "sale": 599})

    snapshot.check_counts(copy, {"member": 200, "sale": 599})
    with pytest.raises(BackupError, match="行数"):
        snapshot.check_counts(copy, {"member": 200, "sale": 600})


def failed(name: str, message: str) -> sqlite3.DatabaseError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorname = name
    return error


def test_write_errors_of_sqlite_become_os_errors(usb: Path) -> None:
    full = snapshot.snapshot_failure(failed("SQLITE_FULL", "database or disk is full"), usb / "x")
    assert isinstance(full, OSError) and full.errno == 28
    readonly = snapshot.snapshot_failure(failed("SQLITE_READONLY", "readonly"), usb / "x")
    assert isinstance(readonly, PermissionError)

    corrupt = failed("SQLITE_CORRUPT", "database disk image is malformed")
    assert isinstance(snapshot.snapshot_failure(corrupt, usb / "x"), snapshot.SourceUnreadable)

    cannot_open = failed("SQLITE_CANTOPEN", "unable to open database file")
    # Opening the live database (no copy yet) is not the drive's fault.
    assert not isinstance(snapshot.snapshot_failure(cannot_open, None), OSError)
    assert isinstance(snapshot.snapshot_failure(cannot_open, usb / "x"), OSError)
    # Any error once the target folder is gone is the drive's.
    other = failed("SQLITE_IOERR_READ", "disk I/O error")
    assert isinstance(snapshot.snapshot_failure(other, usb / "gone" / "x"), OSError)
    assert not isinstance(snapshot.snapshot_failure(other, usb / "x"), OSError)
