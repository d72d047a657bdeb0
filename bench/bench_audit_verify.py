"""Time `audit.verify` on a clinic's database: wall, CPU (user + system) and peak RSS.

    .venv/bin/python -m bench.bench_audit_verify --db /tmp/bench.sqlite3
    .venv/bin/python -m bench.bench_audit_verify --db postgresql+psycopg://...

Make the database with `python -m bench.generate` (its keyring goes to the config folder
the generator ran with; without it verify reports `no_keyring` and checks less). Opens
the database as it is (no upgrade) and runs verify once in this process, as `audit
verify` and `migrate-to` do. Prints one JSON line: the timings, the 1-minute load average
before and after (the machine may be shared), and what verify found.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time

from spa_pos.db import Database
from spa_pos.services import audit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="an SQLite file or a database URL")
    args = parser.parse_args()
    url = args.db if "://" in args.db else f"sqlite:///{args.db}"
    load_before = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    db = Database(url)
    with db.read() as session:
        found = audit.verify(session)
    db.dispose()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    report = {
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "max_rss_mib": round(peak_kib / 1024),
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "ok": found.ok,
        "entries": found.entries,
        "problems": found.problems,
        "changed_rows": len(found.changed_rows),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
