"""The reception window on a big clinic: start-up time and lookup latency per keystroke.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.bench_ui [--db PATH] [--runs N]

Uses the generated benchmark database (`bench.generate`, 100,000 members; made if
missing) through a copy, so the generated file stays reusable.

Start-up is measured in a fresh process (`bench.startup_child`), from just before it is
launched to the window's `ready` (database opened and migrated, catalog loaded, lookup
focused): what the cashier waits for after typing `spa-pos`. The package is byte-compiled
first, as an install leaves it (`installer/bootstrap.sh` compiles it; with
`PYTHONDONTWRITEBYTECODE` set, every run would otherwise compile ~40 modules from source).

Lookup latency is measured in the running window: the time the UI thread spends on one
keystroke, and the time from a search starting (after the ~150 ms pause) to its results
being on screen.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from spa_pos.clock import FixedClock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# What only some benchmarks need is imported in their functions.
STARTUP_TARGET_S = 1.5
PIN = "246813"
AS_OF = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # bench.generate.AS_OF


def working_copy(source: Path, folder: Path) -> str:
    """A migrated copy of the generated database with a manager PIN (no first-run wizard)."""
    from spa_pos.db import Database
    from spa_pos.services import clinic, staff
    from spa_pos.services.context import SYSTEM_ACTOR, Ctx

    target = folder / "bench-ui.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    url = f"sqlite:///{target}"
    ctx = Ctx(Database(url), SYSTEM_ACTOR, FixedClock(AS_OF))
    clinic.init(ctx)
    staff.set_manager_pin(ctx, PIN)
    ctx.db.dispose()
    return url


# --- start-up, in a child process (`bench.startup_child`) ------------------------------

PHASES = ("launcher-imported", "ui-imported", "window-shown", "ready")


def measure_startup(
    url: str, runs: int, env: dict[str, str]
) -> tuple[list[dict[str, float]], list[float]]:
    """Seconds from launch to the end of each phase, and the CPU time the whole child
    process used (which depends less on what else the machine is doing)."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.time()
        out = subprocess.run(
            [sys.executable, "-m", "bench.startup_child", url],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        phases = {
            line.split()[1]: float(line.split()[2]) - began
            for line in out.splitlines()
            if line.startswith("PHASE")
        }
        walls.append(phases)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return walls, cpus


# --- lookup latency, in this process ------------------------------------------------------


def sample_queries(db_path: Path, n: int, seed: int = 7) -> dict[str, list[str]]:
    """Realistic lookups taken from the members in the file."""
    rng = random.Random(seed)
    with sqlite3.connect(db_path) as con:
        total = con.execute("SELECT max(id) FROM members").fetchone()[0]
        ids = [rng.randint(1, total) for _ in range(n)]
        rows = [
            con.execute(
                "SELECT phone, name, pinyin, initials, card_no FROM members WHERE id = ?", (i,)
            ).fetchone()
            for i in ids
        ]
    return {
        "phone (11 digits)": [r[0] for r in rows],
        "last 4 digits": [r[0][-4:] for r in rows],
        "card number": [r[4] for r in rows],
        "name (Chinese)": [r[1] for r in rows],
        "surname only": [r[1][0] for r in rows],
        "pinyin initials": [r[3] for r in rows],
        "full pinyin": [r[2] for r in rows],
    }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure_lookup(url: str, db_path: Path, n: int) -> None:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from spa_pos.db import Database
    from spa_pos.services.context import Ctx
    from spa_pos.ui import app, i18n

    qt_app = QApplication(sys.argv[:1])
    app.setup_application(qt_app)
    translators = i18n.Translators()
    translators.apply(i18n.ZH_CN)
    ctx = Ctx(Database(url), app.CASHIER, FixedClock(AS_OF))
    window = app.build_window(ctx, translators)
    window.show()
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    window.start()
    while not ready:
        QTest.qWait(5)
    lookup = window.lookup
    shown: list[int] = []
    lookup.results_shown.connect(shown.append)

    loop = QEventLoop()
    lookup.results_shown.connect(lambda _: loop.quit())

    def search(text: str) -> float:
        lookup.search.setText(text)
        shown.clear()
        began = time.perf_counter()
        lookup.search_now()
        if not shown:
            loop.exec()
        return (time.perf_counter() - began) * 1000

    print(f"\nlookup: search started -> results on screen (ms), {n} lookups per kind")
    print(f"  {'kind':<20}{'p50':>8}{'p95':>8}{'max':>8}{'hits':>7}")
    for kind, queries in sample_queries(db_path, n).items():
        search(queries[0])  # warm the statement cache
        times, hits = [], []
        for text in queries:
            times.append(search(text))
            hits.append(shown[0])
        print(
            f"  {kind:<20}{statistics.median(times):>8.1f}{pct(times, 0.95):>8.1f}"
            f"{max(times):>8.1f}{statistics.median(hits):>7.0f}"
        )

    # The UI thread's own cost of one keystroke (the search itself runs on the worker).
    per_key = []
    for text in sample_queries(db_path, 50, seed=11)["full pinyin"]:
        lookup.search.clear()
        for ch in text:
            began = time.perf_counter()
            QTest.keyClicks(lookup.search, ch)
            per_key.append((time.perf_counter() - began) * 1000)
    chinese = []
    for text in sample_queries(db_path, 50, seed=12)["name (Chinese)"]:
        lookup.search.clear()
        began = time.perf_counter()
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(lookup.search, event)
        chinese.append((time.perf_counter() - began) * 1000)
    QTest.keyClick(lookup.search, Qt.Key.Key_Escape)
    print(
        f"\nUI thread per keystroke (ms): key p50 {statistics.median(per_key):.2f}, "
        f"p95 {pct(per_key, 0.95):.2f}; Chinese commit p50 {statistics.median(chinese):.2f}"
    )
    print(
        f"perceived: the list updates {150} ms (debounce) + the search above after the "
        f"cashier stops typing"
    )
    window.close()
    window.worker.wait_for_done()
    ctx.db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=Path("/tmp/bench.sqlite3"),
        help="generated database (made with bench.generate if missing)",
    )
    parser.add_argument("--runs", type=int, default=5, help="start-ups to time")
    parser.add_argument("--lookups", type=int, default=200, help="lookups per kind")
    args = parser.parse_args()
    from bench import generate as gen

    summary = gen.ensure(args.db, gen.Params(**{k: v for k, v in gen.DEFAULTS.items()}))
    members = summary.counts["members"]
    folder = Path(tempfile.mkdtemp(prefix="bench_ui_"))
    try:
        url = working_copy(args.db, folder)
        root = Path(__file__).resolve().parent.parent
        compileall.compile_dir(root / "spa_pos", quiet=1)
        compileall.compile_dir(root / "bench", quiet=1)
        env = {**os.environ, "XDG_STATE_HOME": str(folder / "state"), "PYTHONPATH": str(root)}
        load = os.getloadavg()[0]
        walls, cpus = measure_startup(url, args.runs, env)
        ready = [w["ready"] for w in walls]
        print(
            f"start-up to a usable window, {members:,} members, {args.runs} runs (s): "
            f"median {statistics.median(ready):.2f}, min {min(ready):.2f}, "
            f"max {max(ready):.2f} (target < {STARTUP_TARGET_S}); whole-process CPU "
            f"median {statistics.median(cpus):.2f}; load average {load:.1f} on "
            f"{os.cpu_count()} CPUs"
        )
        print(
            "  median end of each phase (s): "
            + ", ".join(f"{p} {statistics.median(w[p] for w in walls):.2f}" for p in PHASES)
        )
        measure_lookup(url, folder / "bench-ui.sqlite3", args.lookups)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
