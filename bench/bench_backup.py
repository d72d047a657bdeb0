"""Time `backup_database` against a plain file copy of the same database.

    .venv/bin/python -m bench.bench_backup --mb 1000

Builds a WAL database of about the requested size (80 % incompressible blobs, 20 % small
sale rows), then times: `shutil.copyfile`, the same plus fsync, `backup_database` without
and with a passphrase, and `verify_backup` of the plain backup. The page cache is warm for
all of them (the database was just written) and dirty pages are flushed before each run, so
the numbers compare the work each does; a slow USB stick makes the copy dominate both.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from spa_pos.services.backup import backup_database, verify_backup

MIB = 1 << 20
BLOB_BYTES = 64 * 1024
BLOBS_PER_TXN = 160  # 10 MiB per transaction
SALE_ROW_BYTES = 150  # roughly, with the index and page overhead
SALES_PER_BATCH = 50_000


def build_db(path: Path, mb: int) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.executescript(
        """
        CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);
        INSERT INTO alembic_version VALUES ('bench0001');
        CREATE TABLE attachment (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
        CREATE TABLE sale (
            id INTEGER PRIMARY KEY, member_id INTEGER, total_fen INTEGER, note TEXT
        );
        CREATE INDEX ix_sale_member ON sale (member_id);
        """
    )
    _fill_blobs(con, int(mb * 0.8 * MIB) // BLOB_BYTES)
    _fill_sales(con, int(mb * 0.2 * MIB) // SALE_ROW_BYTES)
    con.close()


def _fill_blobs(con: sqlite3.Connection, count: int) -> None:
    insert = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "INSERT INTO attachment (data) SELECT randomblob(?) FROM n"
    )
    for start in range(0, count, BLOBS_PER_TXN):
        con.execute(insert, (min(BLOBS_PER_TXN, count - start), BLOB_BYTES))


def _fill_sales(con: sqlite3.Connection, count: int) -> None:
    note = "推拿 60 分钟 + 艾灸，会员价 " * 3
    for start in range(0, count, SALES_PER_BATCH):
        rows = [
            (i % 5000, 100 * i, note) for i in range(start, min(start + SALES_PER_BATCH, count))
        ]
        con.execute("BEGIN")
        con.executemany("INSERT INTO sale (member_id, total_fen, note) VALUES (?, ?, ?)", rows)
        con.execute("COMMIT")


def timed(label: str, action: Callable[[], object]) -> float:
    if hasattr(os, "sync"):
        os.sync()  # start each run without the previous one's dirty pages still being written
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"  {label:<32} {seconds:8.2f} s")
    return seconds


def copy_and_fsync(src: Path, dest: Path) -> None:
    shutil.copyfile(src, dest)
    with dest.open("rb+") as f:
        os.fsync(f.fileno())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1000, help="database size to build (MB)")
    parser.add_argument("--dir", type=Path, help="work folder (default: a new temp folder)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="spa-pos-bench-", dir=args.dir))
    try:
        db, target = work / "spa_pos.db", work / "usb"
        target.mkdir()
        print(f"building a {args.mb} MB database in {work} …")
        timed("build", lambda: build_db(db, args.mb))
        print(f"  database is {db.stat().st_size / MIB:.0f} MiB")
        now = datetime.now(UTC)

        copy = timed("shutil.copyfile", lambda: shutil.copyfile(db, work / "copy.db"))
        copy_sync = timed("copyfile + fsync", lambda: copy_and_fsync(db, work / "copy2.db"))
        plain = timed(
            "backup_database", lambda: backup_database(db, target, clinic_name="bench", now=now)
        )
        encrypted = timed(
            "backup_database (encrypted)",
            lambda: backup_database(db, target, clinic_name="bench", now=now, passphrase="pw"),
        )
        first = sorted(target.glob("*.sqlite3"))[0]
        timed("verify_backup (plain)", lambda: verify_backup(first).discard())

        print(f"  ratio backup / copyfile            {plain / copy:8.1f} x")
        print(f"  ratio backup / copyfile+fsync      {plain / copy_sync:8.1f} x")
        print(f"  ratio encrypted / copyfile+fsync   {encrypted / copy_sync:8.1f} x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
