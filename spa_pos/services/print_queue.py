"""Printing through a queue (打印队列).

The sale is committed before anything is printed. A print job is queued, then run (in the
background by the window); a printer that is off, out of paper or unplugged marks the job
failed with the reason, and the cashier can retry it. Nothing here blocks or loses a sale.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from spa_pos import clock as clk
from spa_pos.errors import DomainError, NotFound
from spa_pos.models.printing import PrintJob
from spa_pos.paths import data_dir
from spa_pos.printing.printers import (
    EscposNetworkPrinter,
    EscposSerialPrinter,
    EscposUsbPrinter,
    PdfFolderPrinter,
    Printer,
)
from spa_pos.services import receipts
from spa_pos.services import settings as settings_svc
from spa_pos.services.context import Ctx
from spa_pos.services.settings import Settings

log = logging.getLogger(__name__)
PRINTER_KINDS = ("pdf", "escpos_network", "escpos_usb", "escpos_serial", "system")


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    ok: bool
    message: str
    output: str | None = None


def default_pdf_folder() -> Path:
    return data_dir() / "receipts"


def printer_for(cfg: Settings, system_printer: Printer | None = None) -> Printer:
    """The printer chosen in the settings. The system printer is Qt's, so the window
    passes it in; elsewhere (CLI, jobs) asking for it is refused with a clear message."""
    try:
        return _configured(cfg, system_printer)
    except (KeyError, ValueError, TypeError) as exc:
        raise DomainError("printing.settings_invalid", error=str(exc)) from exc


def _configured(cfg: Settings, system_printer: Printer | None) -> Printer:
    p = cfg.printer
    kind = p.get("kind", "pdf")
    width = cfg.receipt_width_mm
    if kind == "pdf":
        return PdfFolderPrinter(Path(p.get("folder") or default_pdf_folder()), width)
    columns = int(p.get("columns", 48 if width == 80 else 32))
    kick = bool(p.get("kick_drawer", True))
    if kind == "escpos_network":
        return EscposNetworkPrinter(str(p["host"]), int(p.get("port", 9100)), columns, kick)
    if kind == "escpos_usb":
        return EscposUsbPrinter(
            int(str(p["vendor_id"]), 0),
            int(str(p["product_id"]), 0),
            columns=columns,
            kick_drawer_on_cash=kick,
        )
    if kind == "escpos_serial":
        return EscposSerialPrinter(
            str(p["device"]),
            int(p.get("baudrate", 9600)),
            columns=columns,
            kick_drawer_on_cash=kick,
        )
    if kind == "system" and system_printer is not None:
        return system_printer
    raise DomainError("printing.bad_kind", kind=kind)


def enqueue(ctx: Ctx, kind: str, ref: str, *, reprint: bool = False) -> int:
    if kind not in ("receipt", "voucher"):
        raise DomainError("printing.unknown_job_kind", kind=kind)
    with ctx.db.write() as s:
        job = PrintJob(
            kind=kind, ref=ref, reprint=reprint, created_at=clk.to_utc_naive(ctx.clock.now())
        )
        s.add(job)
        s.flush()
        return job.id


def run(ctx: Ctx, job_id: int, choose: Callable[[Settings], Printer] = printer_for) -> PrintOutcome:
    """Print one queued job. Never raises for a printer problem: the job keeps the reason."""
    with ctx.db.read() as s:
        job = s.get(PrintJob, job_id)
        if job is None:
            raise NotFound("printing.job_not_found", job_id=job_id)
        now = ctx.clock.now()
        cfg = settings_svc.load(s, now)
        kind, ref, reprint = job.kind, job.ref, job.reprint
        receipt = receipts.receipt(s, ref, now, reprint=reprint) if kind == "receipt" else None
        voucher = receipts.voucher_document(s, ref) if kind == "voucher" else None
    try:
        printer = choose(cfg)
        result = (
            printer.print_receipt(receipt)
            if receipt is not None
            else printer.print_voucher(voucher)
            if voucher is not None
            else None
        )
        error = None
    except (DomainError, OSError) as exc:
        error, result = str(exc), None
        log.warning("print job %s (%s %s) failed: %s", job_id, kind, ref, exc)
    with ctx.db.write() as s:
        row = s.get(PrintJob, job_id)
        assert row is not None
        row.attempts += 1
        if error is None:
            row.status, row.printed_at, row.last_error = "printed", clk.to_utc_naive(now), None
            row.output = str(result) if isinstance(result, Path) else None
        else:
            row.status, row.last_error = "failed", error
    if error is None:
        return PrintOutcome(job_id, True, "已打印", str(result) if result else None)
    return PrintOutcome(job_id, False, f"打印失败，已保留在打印队列：{error}")


def print_now(
    ctx: Ctx,
    kind: str,
    ref: str,
    *,
    reprint: bool = False,
    choose: Callable[[Settings], Printer] = printer_for,
) -> PrintOutcome:
    return run(ctx, enqueue(ctx, kind, ref, reprint=reprint), choose)


@dataclass(frozen=True)
class QueuedJob:
    job_id: int
    kind: str
    ref: str
    created_at: datetime
    attempts: int
    last_error: str | None


def waiting(ctx: Ctx) -> list[QueuedJob]:
    """Jobs not printed yet (failed or never run), oldest first, for the retry list."""
    with ctx.db.read() as s:
        rows = s.scalars(
            select(PrintJob).where(PrintJob.status != "printed").order_by(PrintJob.id)
        ).all()
        return [
            QueuedJob(
                j.id, j.kind, j.ref, clk.from_utc_naive(j.created_at), j.attempts, j.last_error
            )
            for j in rows
        ]
