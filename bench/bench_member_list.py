"""Time the member list filter (会员列表) on the 100,000-member benchmark database.

    .venv/bin/python -m bench.bench_member_list [--db PATH] [--runs N]

Each case is one screenful as the window asks for it: `member_list.page` (the first page
of 50 rows, sorted, with the number of members in the whole filter). The database is the
one `bench.generate` makes (reused when it is there). Target: every case's median under
200 ms (CPU time of this thread, which other busy processes do not inflate; wall clock is
printed too). Exit status 1 when one misses it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from bench import generate as gen
from spa_pos.clock import FixedClock
from spa_pos.db import Database
from spa_pos.services import member_list
from spa_pos.services.context import CLI_ACTOR, Ctx
from spa_pos.services.member_list import Filter

TARGET_MS = 200.0
CASES: tuple[tuple[str, Filter, str, bool], ...] = (
    ("everyone, by card", Filter(), "card", False),
    ("tag 沉睡", Filter(tag="沉睡"), "card", False),
    ("tag 高价值, by spend", Filter(tag="高价值"), "spend", True),
    ("birthday month 4", Filter(birthday_month=4), "name", False),
    ("last visit in Feb 2026", Filter(visited_from=date(2026, 2, 1)), "last_visit", True),
    ("tier 金卡", Filter(tier="金卡"), "card", False),
    ("spend ≥ ¥2000", Filter(spend_min_fen=200_000), "card", False),
    ("favourite 产品", Filter(favourite="产品"), "card", False),
    ("everyone, by spend", Filter(), "spend", True),
    ("everyone, by favourite", Filter(), "favourite", False),
)


def run(db_path: Path, runs: int) -> bool:
    ctx = Ctx(Database(f"sqlite:///{db_path}"), CLI_ACTOR, FixedClock(gen.AS_OF))
    ok = True
    try:
        for name, flt, sort, descending in CASES:
            walls, cpus, total = [], [], 0
            for _ in range(runs):
                wall, cpu = time.perf_counter(), time.thread_time()
                got = member_list.page(ctx, flt, sort=sort, descending=descending)
                cpus.append((time.thread_time() - cpu) * 1000)
                walls.append((time.perf_counter() - wall) * 1000)
                total = got.total
            cpu_ms, wall_ms = statistics.median(cpus), statistics.median(walls)
            met = cpu_ms < TARGET_MS
            ok = ok and met
            print(
                f"{name:<28}{total:>8,} members  median {cpu_ms:6.1f} ms CPU "
                f"({wall_ms:6.1f} ms wall)  {'ok' if met else 'MISSED'}",
                flush=True,
            )
    finally:
        ctx.db.dispose()
    print(f"target: every filter's first page with its count < {TARGET_MS:.0f} ms")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=gen.DEFAULT_OUT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    gen.print_summary(gen.ensure(args.db, gen.Params()))
    return 0 if run(args.db, args.runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
