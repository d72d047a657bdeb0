"""The till's hot paths on SQLite and on PostgreSQL, side by side.

    .venv/bin/python -m bench.bench_engines [--db PATH] [--url URL] [--queries N] [--sales N]

Runs `bench.run`'s own measurements (lookups of every kind, checkouts of every kind, a
redemption) on the generated SQLite file and on a PostgreSQL database holding the same
clinic, with the same seed, so both engines see the same queries, members and sales.

Lookups run on the file and on the database at `--url` as they are; the writes run on a
copy of each (`bench.run.copy_db` for the file, `CREATE DATABASE … TEMPLATE …` on the
server), dropped at the end. Without `--url` a throwaway server is started
(`bench.pg_server`, fsync on, as a clinic's server would run) and the file is moved into it
with `migrate-to`'s service first (its time is printed), then the server is stopped.

The `cpu p95` column is this process's thread: on PostgreSQL the server's own CPU (parsing,
planning, executing) is in another process and not in it, so compare wall clock across
engines, and CPU only within one.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import NullPool, create_engine
from sqlalchemy.engine import make_url

from bench import generate as gen
from bench.pg_server import Cluster
from bench.run import (
    CASHIER,
    Result,
    bench_checkout,
    bench_lookups,
    bench_redeem,
    copy_db,
    machine_info,
    progress,
)
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import move
from spa_pos.services.context import Ctx

WORK_DATABASE = "bench_work"
ENGINES = ("sqlite", "postgresql")


def measure(
    read_url: str, write_url: str, work_file: Path | None, args: argparse.Namespace
) -> list[Result]:
    """Lookups on `read_url`, checkouts and redemptions on `write_url`; the same seed on
    every engine. `work_file` is the SQLite copy behind `write_url` (checkout's floor)."""
    rng = random.Random(args.seed)
    clock = FixedClock(gen.AS_OF)
    results: list[Result] = []
    for url, sections in ((read_url, ("lookup",)), (write_url, ("checkout", "redeem"))):
        ctx = Ctx(Database(url), CASHIER, clock)
        try:
            if "lookup" in sections:
                results += bench_lookups(ctx, rng, args.queries)
            if "checkout" in sections:
                ran = bench_checkout(ctx, work_file, clock, rng, args.sales)
                results += [r for r in ran if not r.name.startswith("  floor")]
            if "redeem" in sections:
                results.append(bench_redeem(ctx, clock, rng, args.sales))
        finally:
            ctx.db.dispose()
    return results


@contextmanager
def server_copy(url: str) -> Iterator[str]:
    """A copy of the database at `url` on the same server, made from it as a template
    (nobody may be connected to it meanwhile), dropped afterwards; its URL."""
    parsed = make_url(url)
    admin = create_engine(
        parsed.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    drop = f'DROP DATABASE IF EXISTS "{WORK_DATABASE}" WITH (FORCE)'
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(drop)
            started = time.perf_counter()
            conn.exec_driver_sql(f'CREATE DATABASE "{WORK_DATABASE}" TEMPLATE "{parsed.database}"')
            progress(
                f"copy for the writes: {WORK_DATABASE} ({time.perf_counter() - started:.1f} s)"
            )
        yield parsed.set(database=WORK_DATABASE).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(drop)
        admin.dispose()


@contextmanager
def server_with(db_path: Path) -> Iterator[str]:
    """A throwaway server holding the clinic of `db_path`, moved there by `migrate-to`."""
    cluster = Cluster(durable=True)
    try:
        url = cluster.create("clinic")
        progress("migrate-to: moving the file into a throwaway server")
        ctx = Ctx(Database(f"sqlite:///{db_path}"), CASHIER, FixedClock(gen.AS_OF))
        started = time.perf_counter()
        try:
            moved = move.migrate_to(ctx, url)
        finally:
            ctx.db.dispose()
        progress(f"migrate-to: {moved.rows:,} rows in {time.perf_counter() - started:.0f} s")
        yield url
    finally:
        cluster.stop()


def print_table(results: Sequence[tuple[str, Result]]) -> None:
    header = f"{'operation':<32}{'engine':<12}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'cpu p95':>9}"
    print(header)
    print("-" * len(header))
    for engine, r in sorted(results, key=lambda er: er[1].name):
        print(
            f"{r.name:<32}{engine:<12}{r.n or '':>5}{r.p50 or 0:>9.2f}{r.p95 or 0:>9.2f}"
            f"{r.cpu_p95 or 0:>9.2f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_engines",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", type=Path, default=gen.DEFAULT_OUT, help="the SQLite file")
    parser.add_argument(
        "--url", help="a PostgreSQL database holding the same clinic (default: start a server)"
    )
    parser.add_argument("--queries", type=int, default=200, help="lookups of each kind")
    parser.add_argument("--sales", type=int, default=300, help="checkouts of each kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--engines",
        type=lambda v: set(v.split(",")),
        default=set(ENGINES),
        metavar=",".join(ENGINES),
        help="measure only these",
    )
    args = parser.parse_args(argv)
    db_path: Path = args.db
    gen.print_summary(gen.ensure(db_path, gen.Params()))
    for line in machine_info(db_path):
        print(line)
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    results: list[tuple[str, Result]] = []
    if "sqlite" in args.engines:
        work = db_path.with_name(db_path.stem + ".work.sqlite3")
        progress(f"copy for the writes: {work} ({copy_db(db_path, work):.1f} s)")
        try:
            sqlite = measure(f"sqlite:///{db_path}", f"sqlite:///{work}", work, args)
            results += [("sqlite", r) for r in sqlite]
        finally:
            for path in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
                path.unlink(missing_ok=True)
    if "postgresql" in args.engines:
        server = server_with(db_path) if args.url is None else nullcontext(args.url)
        with server as url, server_copy(url) as write_url:
            results += [("postgresql", r) for r in measure(url, write_url, None, args)]
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("cpu p95: this process's thread only; the PostgreSQL server's CPU is not in it\n")
    print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
