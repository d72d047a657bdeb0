"""Start-up of the one-folder bundle (`make dist`), as the clinic starts it.

    python -m bench.bench_bundle_start [dist/spa-pos/spa-pos] [--runs 5]

Times, in a fresh home with a bare environment: a command that only parses
(`spa-pos --help`), a command that opens the database (`spa-pos member find 13800`, on the
demo file), and the window until it is usable (its log says the background jobs started,
which happens once the database is open). The first `init` is the cold start (a new database, the
bundle's files not read since the build); for each case the first run and the median of
the others are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LOG = Path(".local/state/spa-pos/log/spa_pos.log")


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def window_ready(exe: str, env: dict[str, str], home: Path) -> float:
    log = home / LOG
    before = log.read_text("utf-8").count("background jobs started") if log.is_file() else 0
    start = time.perf_counter()
    window = subprocess.Popen([exe], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not (
            log.is_file() and log.read_text("utf-8").count("background jobs started") > before
        ):
            if window.poll() is not None:
                raise RuntimeError(f"the window exited with {window.returncode}")
            time.sleep(0.02)
        return time.perf_counter() - start
    finally:
        window.terminate()
        window.wait(30)


def set_up_clinic(home: Path) -> None:
    """The first-run wizard's answers (the window waits in the wizard until it has them),
    given in this process on the bundle's database: the same folders (HOME, no XDG_*)."""
    os.environ["HOME"] = str(home)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ.pop(name, None)
    from spa_pos.clock import SystemClock
    from spa_pos.db import Database
    from spa_pos.server import resolve_db
    from spa_pos.services import clinic
    from spa_pos.services.context import CLI_ACTOR, Ctx

    ctx = Ctx(Database(resolve_db()), CLI_ACTOR, SystemClock())
    try:
        clinic.set_up(ctx, clinic.SetUp("康宁理疗馆", "北京市", "010-12345678", "123456", False))
    finally:
        ctx.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", nargs="?", default="dist/spa-pos/spa-pos")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = str(Path(args.exe).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {
            "HOME": tmp,
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }
        cases: dict[str, Callable[[], float]] = {
            "spa-pos --help": lambda: timed([exe, "--help"], env),
            "spa-pos member find": lambda: timed([exe, "member", "find", "13800"], env),
            "window usable": lambda: window_ready(exe, env, home),
        }
        cold = {"spa-pos init (new database)": timed([exe, "init"], env)}
        timed([exe, "demo"], env)
        set_up_clinic(home)
        results: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, case in cases.items():
                results[name].append(case())
    print(f"spa-pos init (new database, first run) {cold['spa-pos init (new database)']:.2f} s")
    size = sum(
        p.stat().st_size for p in Path(exe).parent.rglob("*") if p.is_file() and not p.is_symlink()
    )
    print(f"bundle {Path(exe).parent}: {size / 1e6:.0f} MB")
    for name, times in results.items():
        warm = statistics.median(times[1:]) if len(times) > 1 else float("nan")
        print(f"{name:22} first {times[0]:6.2f} s   then (median) {warm:6.2f} s")


if __name__ == "__main__":
    main()
