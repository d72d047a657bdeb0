"""The print queue (打印队列): jobs that failed or were never printed, with retry; and the
notice the window shows when a print fails (non-modal: the cashier goes on selling)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from spa_pos.services import clinic, print_queue
from spa_pos.services.context import Ctx
from spa_pos.services.print_queue import QueuedJob
from spa_pos.ui.printing import PrintCenter, PrintResult
from spa_pos.ui.widgets import button, label, read_only_table

JOB_ROLE = Qt.ItemDataRole.UserRole


def waiting_jobs(ctx: Ctx) -> list[QueuedJob]:
    """The queue, with the times in the clinic's zone."""
    zone = clinic.zone(ctx)
    return [
        dataclasses.replace(job, created_at=job.created_at.astimezone(zone))
        for job in print_queue.waiting(ctx)
    ]


class PrintQueuePanel(QFrame):
    """Waiting jobs: kind, number, time, attempts and the last error; 重试 / 重试全部."""

    def __init__(self, printing: PrintCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.printing = printing
        self.jobs: list[QueuedJob] = []
        self.title = label("", "section")
        self.table = read_only_table(5)
        self.table.setObjectName("printQueue")
        self.empty = label("", "muted")
        self.retry_button = button()
        self.retry_button.setObjectName("retryJob")
        self.retry_button.clicked.connect(self.retry_selected)
        self.retry_all_button = button("", "primary")
        self.retry_all_button.setObjectName("retryAll")
        self.retry_all_button.clicked.connect(printing.retry_all)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 16, 16, 16)
        actions = QHBoxLayout()
        actions.addWidget(self.empty, 1)
        actions.addWidget(self.retry_button)
        actions.addWidget(self.retry_all_button)
        box.addWidget(self.title)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        printing.queue_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("PRINT QUEUE (F8)"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Number"),
                self.tr("Queued"),
                self.tr("Attempts"),
                self.tr("Last error"),
            ]
        )
        self.retry_button.setText(self.tr("Retry"))
        self.retry_all_button.setText(self.tr("Retry all"))
        self.show_jobs(self.jobs)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.printing.worker.run(waiting_jobs, self.show_jobs, owner=self)

    def document_name(self, job: QueuedJob) -> str:
        if job.kind == "voucher":
            return self.tr("Voucher")
        return self.tr("Refund receipt") if job.ref.upper().startswith("R") else self.tr("Receipt")

    def show_jobs(self, jobs: list[QueuedJob]) -> None:
        self.jobs = jobs
        self.table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            cells = [
                self.document_name(job),
                job.ref,
                job.created_at.strftime("%m-%d %H:%M"),
                str(job.attempts),
                job.last_error or self.tr("not printed yet"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(JOB_ROLE, job.job_id)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        if jobs and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.empty.setText("" if jobs else self.tr("Nothing waiting: everything was printed."))
        self.retry_button.setEnabled(bool(jobs))
        self.retry_all_button.setEnabled(bool(jobs))

    def retry_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.printing.retry(int(item.data(JOB_ROLE)))


class PrintNotice(QFrame):
    """ "Printing failed, kept in the print queue: <reason>" with 重试 and 打印队列."""

    queue_requested = Signal()

    def __init__(self, printing: PrintCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printNotice")
        self.setProperty("role", "notice")
        self.printing = printing
        self.job_id: int | None = None
        self.reason = ""
        self.text = label("", wrap=True)
        self.text.setObjectName("printNoticeText")
        self.retry_button = button()
        self.retry_button.setObjectName("noticeRetry")
        self.retry_button.clicked.connect(self.retry)
        self.queue_button = button("", "link")
        self.queue_button.clicked.connect(self.queue_requested)
        self.close_button = button("×", "link")
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 4, 16, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.retry_button)
        row.addWidget(self.queue_button)
        row.addWidget(self.close_button)
        printing.finished.connect(self.on_finished)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("Retry"))
        self.queue_button.setText(self.tr("Print queue (F8)"))
        self.close_button.setToolTip(self.tr("Hide"))
        self.text.setText(
            self.tr("Printing failed, kept in the print queue: {reason}").format(reason=self.reason)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def on_finished(self, result: PrintResult) -> None:
        if result.ok:
            if result.job_id == self.job_id:
                self.hide()
            return
        self.job_id, self.reason = result.job_id, result.reason
        self.retranslate()
        self.retry_button.setEnabled(True)
        self.show()

    def retry(self) -> None:
        if self.job_id is not None:
            self.retry_button.setEnabled(False)
            self.printing.retry(self.job_id)
