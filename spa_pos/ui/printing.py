"""Printing from the window (打印): receipts, refund receipts, reprints, vouchers, the
Z report, and the A4 dashboard and scheme review.

A request is queued on the DB worker (`print_queue.enqueue`, quick), then printed on a
pool of its own (`print_queue.run`: reads the DB briefly, then talks to the printer, which
may take a network printer's 5 s time-out). The sale is committed long before: a printer
that fails only leaves the job in the queue with its reason, for a retry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from spa_pos.printing.content import Block
from spa_pos.printing.printers import Printer
from spa_pos.services import print_queue
from spa_pos.services.context import Ctx
from spa_pos.services.print_queue import QueuedJob
from spa_pos.services.settings import Settings
from spa_pos.ui.widgets import open_dialog
from spa_pos.ui.worker import DbWorker

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from spa_pos.ui.report_print import ReportOutcome, ReportPrinter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintResult:
    job_id: int
    ok: bool
    output: str | None = None  # the PDF written, for a PDF-folder printer
    reason: str = ""  # why it failed, as the printer or service said


def choose_printer(cfg: Settings) -> Printer:
    """The printer in the settings; the system printer is Qt's, so it is made here (and
    Qt's print support is only loaded when something is printed)."""
    from spa_pos.ui.system_printer import QtSystemPrinter

    system = QtSystemPrinter(str(cfg.printer.get("printer_name", "")), cfg.receipt_width_mm)
    return print_queue.printer_for(cfg, system)


def print_job(ctx: Ctx, job_id: int) -> PrintResult:
    """Print one queued job (on the print pool); never raises."""
    try:
        outcome = print_queue.run(ctx, job_id, choose=choose_printer)
        if outcome.ok:
            return PrintResult(job_id, True, outcome.output)
        waiting = {job.job_id: job for job in print_queue.waiting(ctx)}
        job = waiting.get(job_id)
        return PrintResult(
            job_id, False, None, (job.last_error if job else None) or outcome.message
        )
    except Exception as exc:  # a broken setting or document: the job stays queued
        log.error("print job %s failed", job_id, exc_info=exc)
        return PrintResult(job_id, False, None, str(exc) or type(exc).__name__)


@dataclass(frozen=True)
class DocumentOutcome:
    """How printing an A4 document went, with the printer it was sent to: the screen that
    asked knows its own from another's."""

    printer: QPrinter
    outcome: ReportOutcome


def ask_printer(parent: QWidget, on_chosen: Callable[[QPrinter], None]) -> None:
    """Qt's print dialog, for the owner to pick the office printer (and copies, pages);
    `on_chosen` gets the printer once it is accepted. Kept apart from the printing itself
    so that a test prints to a PDF-format printer without a dialog."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # print support: on use

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.accepted.connect(lambda: on_chosen(printer))
    open_dialog(dialog)


class PrintCenter(QObject):
    """Queues and prints; `finished` reports every attempt, `queue_changed` any change."""

    finished = Signal(object)  # PrintResult
    queue_changed = Signal()
    report_printed = Signal(object)  # ReportOutcome
    document_printed = Signal(object)  # DocumentOutcome
    _done = Signal(object)  # from the print pool's thread: queued to the UI thread

    def __init__(self, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one printer, one job at a time
        self._running: set[int] = set()  # queued on the pool: a double click prints once
        self._done.connect(self._deliver)

    def request(self, kind: str, ref: str, *, reprint: bool = False) -> None:
        """Print a receipt (sale S… or refund R…) or a voucher (its code)."""
        self.worker.run(
            lambda ctx: print_queue.enqueue(ctx, kind, ref, reprint=reprint), self.retry
        )

    def retry(self, job_id: int) -> None:
        if job_id in self._running:
            return
        self._running.add(job_id)
        ctx = self.worker.ctx
        self._pool.start(lambda: self._done.emit(print_job(ctx, job_id)))
        self.queue_changed.emit()

    def retry_all(self) -> None:
        self.worker.run(print_queue.waiting, self._retry_jobs)

    def _retry_jobs(self, jobs: list[QueuedJob]) -> None:
        for job in jobs:
            self.retry(job.job_id)

    def print_report(
        self, blocks: list[Block], title: str, stem: str, target: ReportPrinter
    ) -> None:
        """A report (not queued: it can simply be printed again); `report_printed` says
        how it went."""
        from spa_pos.ui.report_print import print_report

        self._pool.start(
            lambda: self.report_printed.emit(print_report(blocks, title, stem, target))
        )

    def print_document(
        self, render: Callable[[BinaryIO], None], title: str, printer: QPrinter
    ) -> None:
        """An A4 document (dashboard, scheme review) on a printer from the print dialog:
        laid out and painted on the print pool; `document_printed` says how it went."""
        from spa_pos.ui.report_print import print_document

        self._pool.start(
            lambda: self.document_printed.emit(
                DocumentOutcome(printer, print_document(render, title, printer))
            )
        )

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the printing job ends (closing the window, restoring a backup)."""
        return self._pool.waitForDone(msecs)

    @Slot(object)
    def _deliver(self, result: PrintResult) -> None:
        self._running.discard(result.job_id)
        self.finished.emit(result)
        self.queue_changed.emit()
