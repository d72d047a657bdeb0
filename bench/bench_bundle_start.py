"""Start-up of the one-folder bundle (`make dist`), as the clinic starts it.

    python -m bench.bench_bundle_start [dist/spa-pos/spa-pos] [--runs 5]

Times, in a fresh home with a bare environment: a command that only parses
(`spa-pos --help`), a command that opens the database (`spa-pos member find 13800`, on the
demo file), and the window until it is usable (its log says the background jobs started,
which happens once the database is open). The first run of each is the cold one (the
bundle's files were not read since it was built); the median of the others is the warm one.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", nargs="?", default="dist/spa-pos/spa-pos")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = str(Path(args.exe).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {"HOME": tmp, "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
        cases: dict[str, Callable[[], float]] = {
            "spa-pos --help": lambda: timed([exe, "--help"], env),
            "spa-pos member find": lambda: timed([exe, "member", "find", "13800"], env),
            "window usable": lambda: window_ready(exe, env, home),
        }
        results: dict[str, list[float]] = {name: [] for name in cases}
        for run in range(args.runs):
            for name, case in cases.items():
                results[name].append(case())
            if run == 0:
                timed([exe, "demo"], env)  # the database exists after the first window
    size = sum(p.stat().st_size for p in Path(exe).parent.rglob("*") if p.is_file())
    print(f"bundle {Path(exe).parent}: {size / 1e6:.0f} MB")
    for name, times in results.items():
        warm = statistics.median(times[1:]) if len(times) > 1 else float("nan")
        print(f"{name:22} cold {times[0]:6.2f} s   warm (median) {warm:6.2f} s")


if __name__ == "__main__":
    main()
