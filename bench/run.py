"""Benchmarks of the till's hot paths on a generated clinic database.

    .venv/bin/python -m bench.run [--db PATH] [--quick] [--queries N] [--sales N]
        [--only lookup,checkout,redeem,expiry,check] [--keep-copy]

Generates the database first if it is missing (`bench.generate`; `--quick` makes a small
one: 10k members, 100k ledger rows). Lookups run on that file; everything that writes
(checkout, redemption, the expiry run) runs on a copy, so the generated file stays
reusable. Time is the generator's `AS_OF`, moved on by a `FixedClock`.

Latencies are wall clock, as the cashier feels them; the `cpu p95` column is this
thread's CPU time, which other busy processes on the machine do not inflate. Redemption
is held to the checkout target. Exit status 1 when a target is missed.

Headroom: each checkout is followed by the same sale written through plain `sqlite3`
(`bench.floor`: the same rows, the same durability, the same file), and the `x floor`
column is a hot path's p95 over that floor's p95 (checkouts over their own kind's floor,
everything else over the member checkout's), `cpu x` the same for CPU time: wall clock
includes the floor's fsync, which dominates it on a slow disk, CPU time shows the work.
The headless commands (`cli`) run `spa-pos` in a fresh process each time, against a
process that only opens the file and runs the lookup's query with `sqlite3`.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import resource
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import sqlalchemy
from sqlalchemy import func, select

from bench import generate as gen
from bench.floor import FloorTill
from bench.names import SURNAMES
from spa_pos import clock as clk
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.models import CatalogItem, Member, PointLot, Sale
from spa_pos.services import checkout, members, points, vouchers
from spa_pos.services import settings as settings_svc
from spa_pos.services.checkout import SaleRequest
from spa_pos.services.context import Actor, Ctx

T = TypeVar("T")
QUICK = gen.Params(members=10_000, sales=30_000, ledger_rows=100_000)
QUICK_DB = Path("/tmp/bench-quick.sqlite3")
LOOKUP_P95_MS = 10.0
CHECKOUT_P95_MS = 20.0
EXPIRY_S = 5.0
COMMAND_P95_MS = 300.0
CASHIER = Actor("前台小王")
SECTIONS = ("lookup", "checkout", "redeem", "expiry", "check", "cli")
# What the cashier rings up: services and products (courses are rarer and need a member).
SOLD = ("AJ", "TBAM", "YBLL", "YY", "ZJTN", "ZYB", "BJZ")


@dataclass
class Result:
    name: str
    n: int | None = None
    p50: float | None = None  # ms, wall clock
    p95: float | None = None
    cpu_p95: float | None = None  # ms of this thread's CPU: what other processes don't skew
    seconds: float | None = None
    target: str = ""
    ok: bool | None = None
    note: str = ""
    floor_p95: float | None = None  # ms: the p95 of the same work through plain sqlite3
    floor_cpu_p95: float | None = None


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@dataclass(frozen=True)
class Timing:
    wall_ms: float
    cpu_ms: float


def latency(
    name: str, timings: Sequence[Timing], target_p95: float | None = None, note: str = ""
) -> Result:
    wall = [t.wall_ms for t in timings]
    p95 = percentile(wall, 0.95)
    return Result(
        name,
        len(wall),
        percentile(wall, 0.5),
        p95,
        percentile([t.cpu_ms for t in timings], 0.95),
        target=f"p95 < {target_p95:g} ms" if target_p95 else "",
        ok=p95 < target_p95 if target_p95 else None,
        note=note,
    )


def timed(fn: Callable[[], T]) -> tuple[Timing, T]:
    """How long one call took, and what it returned."""
    wall, cpu = time.perf_counter(), time.thread_time()
    result = fn()
    return Timing((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000), result


def progress(message: str) -> None:
    print(f"... {message}", flush=True)


# --- lookups ----------------------------------------------------------------------------


COMPOUND_SURNAMES = {s for s, _ in SURNAMES if len(s) == 2}


def _surname(name: str) -> str:
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def lookup_queries(ctx: Ctx, rng: random.Random, n: int) -> dict[str, list[tuple[str, int]]]:
    """Query texts by kind, each with the id of the member it was taken from."""
    with ctx.db.read() as s:
        top = s.scalar(select(func.max(Member.id))) or 0
        ids = rng.sample(range(1, top + 1), min(n, top))
        rows = list(
            s.execute(
                select(
                    Member.id,
                    Member.phone,
                    Member.card_no,
                    Member.name,
                    Member.pinyin,
                    Member.initials,
                ).where(Member.id.in_(ids))
            )
        )
    rng.shuffle(rows)
    return {
        "phone last 4": [(r.phone[-4:], r.id) for r in rows],
        "full phone": [(r.phone, r.id) for r in rows],
        "card number": [(r.card_no, r.id) for r in rows],
        "name": [(r.name, r.id) for r in rows],
        "surname only (prefix)": [(_surname(r.name), r.id) for r in rows],
        "pinyin full": [(r.pinyin, r.id) for r in rows],
        "pinyin initials": [(r.initials, r.id) for r in rows],
    }


def bench_lookups(ctx: Ctx, rng: random.Random, n: int) -> list[Result]:
    queries = lookup_queries(ctx, rng, n)

    def search(text: str) -> list[Member]:
        with ctx.db.read() as s:
            return members.search(s, text)

    for texts in queries.values():  # warm the page cache and the statement cache
        for text, _ in texts[:20]:
            search(text)
    results = []
    for kind, texts in queries.items():
        progress(f"lookup: {kind}")
        times, found, hits = [], 0, 0
        for text, member_id in texts:
            timing, out = timed(partial(search, text))
            times.append(timing)
            found += len(out)
            hits += any(m.id == member_id for m in out)
        note = f"{found / len(texts):.1f} results; the member among them {hits / len(texts):.0%}"
        results.append(latency(f"lookup: {kind}", times, LOOKUP_P95_MS, note))
    return results


# --- checkout and redemption ------------------------------------------------------------


def bench_checkout(
    ctx: Ctx, work: Path | None, clock: FixedClock, rng: random.Random, n: int
) -> list[Result]:
    """Checkouts of each kind, each followed by the same sale through `bench.floor` into
    the SQLite file `work`; without a file (a PostgreSQL database) there is no floor."""
    with ctx.db.read() as s:
        prices = dict(s.execute(select(CatalogItem.code, CatalogItem.price_fen)).tuples().all())
        zone = str(settings_svc.detail(s, "timezone"))
        top = s.scalar(select(func.max(Member.id))) or 0
        picked = rng.sample(range(1, top + 1), min(n, top))
        anyone = s.execute(select(Member.phone, Member.card_no).where(Member.id.in_(picked))).all()
        # The most frequent visitors: the longest ledgers, so the costliest tier query.
        regulars = s.execute(
            select(Member.phone, Member.card_no)
            .join(Sale, Sale.member_id == Member.id)
            .group_by(Member.id)
            .order_by(func.count(Sale.id).desc())
            .limit(n)
        ).all()
    floor = FloorTill(work, CASHIER.name) if work else None

    def sell(member: str | None) -> tuple[Timing, Timing | None, int]:
        lines = rng.sample(SOLD, rng.choice((1, 1, 2, 3)))
        items = [(code, 1) for code in lines]
        total = sum(prices[code] for code in lines)
        method = rng.choice(("wechat", "alipay", "card"))
        request = SaleRequest(items=items, payments=[(method, total)], member=member)
        timing, result = timed(lambda: checkout.sell(ctx, request))
        clock.advance(seconds=rng.randint(2, 6))
        if floor is None:
            return timing, None, result.points_earned
        now = clock.now()
        stamp, today = clk.to_utc_naive(now), clk.local_date(now, zone)
        floor_timing, _ = timed(lambda: floor.sell(lines, method, member, stamp, today))
        clock.advance(seconds=rng.randint(2, 6))
        return timing, floor_timing, result.points_earned

    results = []
    try:
        sell(None)  # warm-up
        for name, refs in (
            ("checkout: member", [r[rng.randrange(2)] for r in anyone]),
            ("checkout: frequent member", [r[rng.randrange(2)] for r in regulars]),
            ("checkout: walk-in", [None] * n),
        ):
            progress(name)
            runs = [sell(ref) for ref in refs]
            earned = sum(p for _, _, p in runs)
            note = f"{earned / len(runs):.0f} points earned a sale" if refs[0] else ""
            result = latency(name, [t for t, _, _ in runs], CHECKOUT_P95_MS, note)
            results.append(result)
            floors = [f for _, f, _ in runs if f is not None]
            if floors:
                floor_result = latency(f"  floor: {name.split(': ')[1]}", floors)
                result.floor_p95, result.floor_cpu_p95 = floor_result.p95, floor_result.cpu_p95
                results.append(floor_result)
    finally:
        if floor is not None:
            floor.close()
    return results


def bench_redeem(ctx: Ctx, clock: FixedClock, rng: random.Random, n: int) -> Result:
    reward = "R-TBAM"
    today = clk.local_date(clock.now(), settings_svc.current(ctx).timezone)
    with ctx.db.read() as s:
        usable = (
            select(PointLot.member_id)
            .where(PointLot.remaining > 0, PointLot.expires_on >= today)
            .group_by(PointLot.member_id)
            .having(func.sum(PointLot.remaining) >= 300)
        )
        rich = s.scalars(select(Member.card_no).where(Member.id.in_(usable))).all()
    picked = rng.sample(list(rich), min(n, len(rich)))
    progress("redeem")
    times = []
    for card in picked:
        timing, _ = timed(partial(vouchers.redeem, ctx, card, reward))
        times.append(timing)
        clock.advance(seconds=rng.randint(2, 6))
    return latency(
        "redeem (300 points, FIFO)",
        times,
        CHECKOUT_P95_MS,
        f"from {len(rich):,} members with 300+ usable points",
    )


# --- expiry and the balance check ---------------------------------------------------------


def bench_expiry(ctx: Ctx, clock: FixedClock) -> list[Result]:
    now = clock.now()
    today, at = clk.local_date(now, settings_svc.current(ctx).timezone), clk.to_utc_naive(now)
    with ctx.db.read() as s:
        lots, members_due = s.execute(
            select(func.count(PointLot.id), func.count(func.distinct(PointLot.member_id))).where(
                PointLot.expires_on < today, PointLot.remaining > 0
            )
        ).one()

    def run() -> int:
        with ctx.db.write() as s:
            return points.expire_due(s, today, at).points

    results: list[Result] = []
    for name in ("expiry run (catch-up)", "expiry run again (idempotent)"):
        progress(f"{name}: {lots:,} lots due" if not results else name)
        timing, expired = timed(run)
        note = (
            f"{expired:,} points from {lots:,} lots of {members_due:,} members"
            if not results
            else f"{expired:,} points changed"
        )
        seconds = timing.wall_ms / 1000
        results.append(
            Result(
                name, seconds=seconds, target=f"< {EXPIRY_S:g} s", ok=seconds < EXPIRY_S, note=note
            )
        )
    return results


def bench_check(ctx: Ctx) -> Result:
    progress("points.check_balances")
    with ctx.db.read() as s:
        timing, check = timed(lambda: points.check_balances(s))
    return Result(
        "points.check_balances",
        seconds=timing.wall_ms / 1000,
        ok=check.ok,
        note=f"{check.members:,} members; "
        f"{'ok' if check.ok else 'MISMATCH'} after the writes above",
    )


# --- headless commands --------------------------------------------------------------------

# `spa-pos ARGS`, as its console script runs it, with this checkout's spa_pos first on the path.
SPA_POS = "import sys; from spa_pos.launch import main; main(sys.argv[1:])"
# The floor: start Python, open the file, run the lookup's query, print the rows.
COMMAND_FLOOR = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "print(c.execute('SELECT card_no, name, phone, points_balance FROM members "
    "WHERE phone_last4 = ? ORDER BY last_visit_at DESC LIMIT 20', (sys.argv[2],)).fetchall())"
)


def run_process(args: Sequence[str]) -> Timing:
    """One command in a fresh process: wall clock, and the CPU time it used."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, check=True, capture_output=True)
    wall_ms = (time.perf_counter() - wall) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Timing(wall_ms, cpu * 1000)


def bench_commands(db_path: Path, rng: random.Random, n: int) -> list[Result]:
    """`member find` and `--json member show` as a fresh `spa-pos` process, alternating
    with the floor process so that both see the same load on the machine."""
    with sqlite3.connect(db_path) as conn:
        top = conn.execute("SELECT max(id) FROM members").fetchone()[0]
        picked = [
            conn.execute("SELECT phone, card_no FROM members WHERE id = ?", (i,)).fetchone()
            for i in rng.sample(range(1, top + 1), n)
        ]
    db = str(db_path)
    find, show, floor = [], [], []
    progress("cli: member find, --json member show")
    run_process(["-c", SPA_POS, "member", "find", "0000", "--db", db])  # bytecode, page cache
    for phone, card in picked:
        find.append(run_process(["-c", SPA_POS, "member", "find", phone[-4:], "--db", db]))
        floor.append(run_process(["-c", COMMAND_FLOOR, db, phone[-4:]]))
        show.append(run_process(["-c", SPA_POS, "--json", "member", "show", card, "--db", db]))
    floor_result = latency("  floor: python + sqlite3 query", floor)
    results = []
    for name, times in (("cli: member find <last 4>", find), ("cli: --json member show", show)):
        result = latency(name, times, COMMAND_P95_MS, "a fresh process; cpu: its user + sys")
        result.floor_p95, result.floor_cpu_p95 = floor_result.p95, floor_result.cpu_p95
        results.append(result)
    return [*results, floor_result]


# --- the run ------------------------------------------------------------------------------


def machine_info(db_path: Path) -> list[str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"machine: {platform.platform()}; nproc {cores}; {cpu}",
        f"python {platform.python_version()}; sqlite {sqlite3.sqlite_version}; "
        f"SQLAlchemy {sqlalchemy.__version__}",
        f"database: {db_path} ({db_path.stat().st_size / 2**20:,.0f} MiB)",
    ]


def copy_db(source: Path, target: Path) -> float:
    """A consistent copy (WAL included) through SQLite's backup API; returns seconds."""
    start = time.perf_counter()
    for path in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        path.unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return time.perf_counter() - start


def print_table(results: Sequence[Result]) -> None:
    def num(value: float | None, digits: int = 2) -> str:
        return "" if value is None else f"{value:.{digits}f}"

    header = (
        f"{'measure':<32}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'cpu p95':>9}{'x floor':>9}"
        f"{'cpu x':>7}{'seconds':>9}  {'target':<14}{'':<5}note"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        verdict = {True: "ok", False: "MISS", None: ""}[r.ok]
        ratio = r.p95 / r.floor_p95 if r.p95 is not None and r.floor_p95 else None
        cpu = r.cpu_p95 / r.floor_cpu_p95 if r.cpu_p95 is not None and r.floor_cpu_p95 else None
        print(
            f"{r.name:<32}{r.n or '':>5}{num(r.p50):>9}{num(r.p95):>9}{num(r.cpu_p95):>9}"
            f"{num(ratio, 1):>9}{num(cpu, 1):>7}{num(r.seconds):>9}  {r.target:<14}"
            f"{verdict:<5}{r.note}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db", type=Path, help=f"default {gen.DEFAULT_OUT} ({QUICK_DB} with --quick)"
    )
    parser.add_argument("--quick", action="store_true", help="10k members, 100k ledger rows")
    parser.add_argument("--queries", type=int, default=200, help="lookups of each kind")
    parser.add_argument("--sales", type=int, default=300, help="checkouts of each kind")
    parser.add_argument("--commands", type=int, default=15, help="runs of each CLI command")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--only",
        type=lambda v: set(v.split(",")),
        default=set(SECTIONS),
        metavar=",".join(SECTIONS),
        help="run only these parts",
    )
    parser.add_argument(
        "--keep-copy",
        action="store_true",
        help="keep the written copy (<db>.work.sqlite3) for a closer look",
    )
    args = parser.parse_args(argv)
    params = QUICK if args.quick else gen.Params()
    db_path: Path = args.db or (QUICK_DB if args.quick else gen.DEFAULT_OUT)

    summary = gen.ensure(db_path, params)
    gen.print_summary(summary)
    print()
    for line in machine_info(db_path):
        print(line)
    rng = random.Random(args.seed)
    results: list[Result] = []

    clock = FixedClock(gen.AS_OF)
    if "lookup" in args.only:
        ctx = Ctx(Database(f"sqlite:///{db_path}"), CASHIER, clock)
        try:
            results += bench_lookups(ctx, rng, args.queries)
        finally:
            ctx.db.dispose()

    work = db_path.with_name(db_path.stem + ".work.sqlite3")
    print(f"copy for the writes: {work} ({copy_db(db_path, work):.1f} s)\n")
    ctx = Ctx(Database(f"sqlite:///{work}"), CASHIER, clock)
    try:
        if "checkout" in args.only:
            results += bench_checkout(ctx, work, clock, rng, args.sales)
        if "redeem" in args.only:
            results.append(bench_redeem(ctx, clock, rng, args.sales))
        if "expiry" in args.only:
            results += bench_expiry(ctx, clock)
        if "check" in args.only:
            results.append(bench_check(ctx))
    finally:
        ctx.db.dispose()
        if not args.keep_copy:
            for path in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
                path.unlink(missing_ok=True)
    if "cli" in args.only:
        results += bench_commands(db_path, rng, args.commands)
    member_floor = next((r for r in results if r.name == "  floor: member"), None)
    for r in results:  # the other hot paths against the member checkout's floor
        if member_floor and r.floor_p95 is None and r.p95 and not r.name.startswith("  floor"):
            r.floor_p95, r.floor_cpu_p95 = member_floor.p95, member_floor.cpu_p95
    print_table(results)
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
