"""Time receipt and voucher rendering (PDF and ESC/POS) with realistic demo content.

    .venv/bin/python -m bench.bench_printing [--runs 50] [--png DIR]

Font registration is done before timing; each kind gets one warm-up render, then `--runs`
timed renders into memory. Targets: receipt PDF p95 under 50 ms, voucher PDF under 80 ms.
Exit status 1 when a target is missed. `--png DIR` also writes the demo documents as PNG
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
from datetime import date
from pathlib import Path

from spa_pos.printing.documents import PointsLine, ReceiptData, ReceiptLine, VoucherData
from spa_pos.printing.escpos_render import receipt_escpos_bytes, voucher_escpos_bytes
from spa_pos.printing.fonts import register_fonts
from spa_pos.printing.receipt_pdf import render_receipt_pdf
from spa_pos.printing.voucher_pdf import render_voucher_pdf


def demo_receipt() -> ReceiptData:
    return ReceiptData(
        clinic_name="康宁理疗馆",
        clinic_address="杭州市西湖区文三路 88 号 康宁大厦 1 楼",
        clinic_phone="0571-8888 6666",
        footer="谢谢惠顾，祝您健康！疗程卡请妥善保管，凭收据预约。",
        sale_no="S20250301-0012",
        time_text="2025-03-01 14:32",
        cashier="王芳",
        lines=(
            ReceiptLine("高端针灸推拿套餐", 1, 39800, 39800),
            ReceiptLine("针灸推拿十次疗程", 1, 358000, 358000),
            ReceiptLine("头部按摩", 1, 12800, 0, "兑换券抵扣"),
        ),
        total_fen=397800,
        payments=(("微信支付", 300000), ("现金", 100000)),
        change_fen=2200,
        member_name="李秀英",
        member_phone_masked="138****0002",
        member_card="KN000128",
        tier="普通会员",
        vouchers_used=("头部按摩 HX7K2M9Q",),
        points_earned=2700,
        points_breakdown=(
            PointsLine("高端针灸推拿套餐", 200),
            PointsLine("针灸推拿十次疗程", 2000),
            PointsLine("疗程奖励 +20%", 400),
            PointsLine("推荐奖励", 100),
        ),
        balance_after=2880,
        expiring_points=300,
        expiring_on=date(2025, 6, 30),
        next_reward=(120, "全身经络调理"),
        courses_left=(("针灸推拿十次疗程", 9),),
    )


def demo_voucher() -> VoucherData:
    return VoucherData(
        clinic_name="康宁理疗馆",
        reward_name="头部按摩",
        member_name="李秀英",
        member_phone_masked="138****0002",
        code="HX7K2M9Q",
        qr_payload="SPV1.HX7K2M9Q.20250530.3f9a1c0b7e2d4a6f8b1c3d5e7f9a0b2c4d6e8f",
        issued_on=date(2025, 3, 1),
        expires_on=date(2025, 5, 30),
        terms="本券限本人使用，不兑现金、不找零；请在有效期内预约使用，过期作废。",
        points_spent=300,
    )


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
        jobs: dict[str, Callable[[Path], None]] = {
            "receipt-80mm": lambda out: render_receipt_pdf(demo_receipt(), out, 80),
            "receipt-58mm": lambda out: render_receipt_pdf(demo_receipt(), out, 58),
            "voucher-a6": lambda out: render_voucher_pdf(demo_voucher(), out, "a6"),
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
    parser.add_argument("--png", type=Path, help="also write the demo documents as PNG here")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    register_fonts()
    font_ms = (time.perf_counter() - start) * 1000
    print(f"font registration (once, not timed below): {font_ms:.0f} ms")

    receipt, voucher = demo_receipt(), demo_voucher()
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
