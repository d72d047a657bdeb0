"""Time the PIN key derivation (scrypt) at the cost `spa_pos.services.staff.KDF` sets.

    .venv/bin/python -m bench.bench_kdf [--runs N]

A staff PIN is short: six digits are a million guesses. What makes a stolen database file
slow to search is the cost of each guess, so each must take at least 0.25 s here (and
64 MiB of memory, which a GPU cannot spread thin). Prints the time per derivation of each
cost from n = 2**14 up to the one in force, and exits 1 when the one in force is below the
target: then raise `staff.KDF.n` (hashes already stored keep their own cost in their
string and are re-hashed at the new one when their PIN is next typed right).

Measured when 0012 was written, on the till's 2-core machine: n = 2**14: 0.08 s,
2**15: 0.15 s, 2**16: 0.33 s (the cost chosen), 2**17: 0.65 s.
"""

from __future__ import annotations

import argparse
import os
import time

from spa_pos.services import staff

TARGET_S = 0.25


def seconds_per_derivation(kdf: staff.Kdf, runs: int) -> float:
    """The fastest of `runs` derivations: other processes only ever make one slower."""
    salt = os.urandom(16)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        kdf.derive("246813", salt)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    n, in_force = 2**14, 0.0
    while n <= staff.KDF.n:
        kdf = staff.Kdf(n, staff.KDF.r, staff.KDF.p)
        took = seconds_per_derivation(kdf, args.runs)
        mark = "  <- in force" if n == staff.KDF.n else ""
        print(f"scrypt n=2**{n.bit_length() - 1} r={kdf.r} p={kdf.p}: {took:.3f} s{mark}")
        in_force = took
        n *= 2
    if in_force < TARGET_S:
        print(f"below the {TARGET_S} s target: raise staff.KDF.n")
        return 1
    print(f"target {TARGET_S} s: ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
