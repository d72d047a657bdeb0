"""Time `backup_database` against a plain file copy of the same database.

    .venv/bin/python -m bench.bench_backup --mb 1000

Builds a WAL database of about the requested size (80 % incompressible blobs, 20 % small
sale rows), then times: `shutil.copyfile`, the same plus fsync, `backup_database` without
and with a passphrase, and `verify_backup` of the plain backup. The page cache is warm for
all of them (the database was just written) and dirty pages are flushed before each run, so
the numbers compare the work each does; a slow USB stick makes the copy dominate both.

The requirement is backup <= 2 x a durable copy, i.e. against copyfile + fsync (a backup
is fsynced too). Disk timings on a VM vary a lot from run to run, so every step runs
`--repeat` times, interleaved, and the medians are compared; each run's files are deleted
before the next so that the page cache and the disk start alike.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from spa_pos.services.backup import backup_database, verify_backup
from spa_pos.services.settings import Settings

TZ = Settings().timezone  # the generated clinic keeps the default zone

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


def timed(action: Callable[[], object]) -> float:
    if hasattr(os, "sync"):
        os.sync()  # start each run without the previous one's dirty pages still being written
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def copy_and_fsync(src: Path, dest: Path) -> None:
    shutil.copyfile(src, dest)
    with dest.open("rb+") as f:
        os.fsync(f.fileno())


def verify(file: Path) -> None:
    verify_backup(file).discard()


def clear(folder: Path) -> None:
    for path in folder.iterdir():
        path.unlink()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1000, help="database size to build (MB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step (median)")
    parser.add_argument("--dir", type=Path, help="work folder (default: a new temp folder)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="spa-pos-bench-", dir=args.dir))
    try:
        db, copies, target = work / "spa_pos.db", work / "copies", work / "usb"
        copies.mkdir()
        target.mkdir()
        print(f"building a {args.mb} MB database in {work} …")
        print(f"  build {timed(lambda: build_db(db, args.mb)):.2f} s")
        print(f"  database is {db.stat().st_size / MIB:.0f} MiB")
        now = datetime.now(UTC)

        steps: dict[str, Callable[[], object]] = {
            "shutil.copyfile": lambda: shutil.copyfile(db, copies / "copy.db"),
            "copyfile + fsync": lambda: copy_and_fsync(db, copies / "copy.db"),
            "backup_database": lambda: backup_database(
                db, target, clinic_name="bench", now=now, tz=TZ
            ),
            "backup_database (encrypted)": lambda: backup_database(
                db, target, clinic_name="bench", now=now, tz=TZ, passphrase="pw"
            ),
        }
        timings: dict[str, list[float]] = {name: [] for name in [*steps, "verify_backup (plain)"]}
        for _ in range(args.repeat):
            for name, action in steps.items():
                timings[name].append(timed(action))
                if name == "backup_database":
                    file = next(target.glob("*.sqlite3"))
                    timings["verify_backup (plain)"].append(timed(partial(verify, file)))
                clear(copies)
                clear(target)

        median = {name: statistics.median(runs) for name, runs in timings.items()}
        for name, runs in timings.items():
            each = " ".join(f"{run:.2f}" for run in runs)
            print(f"  {name:<30} {median[name]:7.2f} s median   ({each})")
        durable = median["copyfile + fsync"]
        print("ratios of the medians (requirement: backup <= 2.0 x copyfile + fsync):")
        for name in ("backup_database", "backup_database (encrypted)"):
            print(f"  {name + ' / copyfile + fsync':<48} {median[name] / durable:5.2f} x")
        print(
            f"  {'backup_database / copyfile (no fsync)':<48} "
            f"{median['backup_database'] / median['shutil.copyfile']:5.2f} x"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
