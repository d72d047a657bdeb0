"""Time receipt and voucher rendering (PDF and ESC/POS) of the tests' sample documents.

    .venv/bin/python -m bench.bench_printing [--runs 50] [--png DIR]

Font registration is done before timing; each kind gets one warm-up render, then `--runs`
timed renders into memory. Targets: receipt PDF p95 under 50 ms, voucher PDF under 80 ms.
Exit status 1 when a target is missed. `--png DIR` also writes the sample documents as PNG
(150 dpi, via pdftoppm) for a look by eye.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from spa_pos.printing.escpos_render import receipt_escpos_bytes, voucher_escpos_bytes
from spa_pos.printing.fonts import register_fonts
from spa_pos.printing.receipt_pdf import render_receipt_pdf
from spa_pos.printing.voucher_pdf import render_voucher_pdf
from tests.printing.samples import sample_receipt, sample_voucher


def timings_ms(render: Callable[[], object], runs: int) -> list[float]:
    render()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render()
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(p) - 1]


def write_pngs(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        jobs: dict[str, Callable[[Path], object]] = {
            "receipt-80mm": lambda out: render_receipt_pdf(sample_receipt(), out, 80),
            "receipt-58mm": lambda out: render_receipt_pdf(sample_receipt(), out, 58),
            "voucher-a6": lambda out: render_voucher_pdf(sample_voucher(), out, "a6"),
        }
        for name, render in jobs.items():
            pdf = Path(tmp) / f"{name}.pdf"
            render(pdf)
            subprocess.run(
                ["pdftoppm", "-r", "150", "-png", "-singlefile", pdf, folder / name], check=True
            )
            print(f"wrote {folder / name}.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--png", type=Path, help="also write the sample documents as PNG here")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    register_fonts()
    font_ms = (time.perf_counter() - start) * 1000
    print(f"font registration (once, not timed below): {font_ms:.0f} ms")

    receipt, voucher = sample_receipt(), sample_voucher()
    cases: list[tuple[str, Callable[[], object], float | None]] = [
        ("receipt PDF 80 mm", lambda: render_receipt_pdf(receipt, io.BytesIO(), 80), 50.0),
        ("receipt PDF 58 mm", lambda: render_receipt_pdf(receipt, io.BytesIO(), 58), 50.0),
        ("voucher PDF A6", lambda: render_voucher_pdf(voucher, io.BytesIO(), "a6"), 80.0),
        ("voucher PDF 80 mm", lambda: render_voucher_pdf(voucher, io.BytesIO(), "receipt80"), 80.0),
        ("receipt ESC/POS", lambda: receipt_escpos_bytes(receipt, kick_drawer=True), None),
        ("voucher ESC/POS", lambda: voucher_escpos_bytes(voucher), None),
    ]
    ok = True
    print(f"{'':20} {'p50 ms':>8} {'p95 ms':>8} {'target':>8}   ({args.runs} runs after 1 warm-up)")
    for name, render, target in cases:
        times = timings_ms(render, args.runs)
        p50, p95 = statistics.median(times), percentile(times, 95)
        verdict = "" if target is None else ("ok" if p95 < target else "SLOW")
        ok = ok and verdict != "SLOW"
        target_text = "-" if target is None else f"< {target:.0f}"
        print(f"{name:20} {p50:8.1f} {p95:8.1f} {target_text:>8}   {verdict}")
    if args.png:
        write_pngs(args.png)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
