"""Background jobs (后台任务): the latest runs and, for a manager, running one now.

The list refreshes whenever a run ends: the scheduler's runs arrive through
`BackgroundJobs.run_finished`, a run started here through the PIN dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from spa_pos.services import jobs
from spa_pos.services.jobs import JobResult, RunView
from spa_pos.ui import i18n
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.widgets import button, label, read_only_table
from spa_pos.ui.worker import DbWorker

RUNS_SHOWN = 50


class JobsPanel(QFrame):
    job_ran = Signal(object)  # JobResult of a run started here

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.worker = worker
        self.runs: list[RunView] = []
        self.pin_dialog: ManagerPinDialog | None = None
        self.title = label("", "section")
        self.table = read_only_table(5)
        self.table.setObjectName("jobRuns")
        self.job = QComboBox()
        self.job.setObjectName("jobChoice")
        self.run_button = button()
        self.run_button.setObjectName("runJob")
        self.run_button.clicked.connect(self.ask_run)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.job)
        actions.addWidget(self.run_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 16, 16, 16)
        box.addWidget(self.title)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("BACKGROUND JOBS (F7)"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Job"),
                self.tr("As of"),
                self.tr("Status"),
                self.tr("Changed"),
                self.tr("Details"),
            ]
        )
        chosen = self.job.currentData()
        self.job.clear()
        for name in jobs.JOBS:
            self.job.addItem(i18n.job_title(name), name)
        self.job.setCurrentIndex(max(0, self.job.findData(chosen)))
        self.run_button.setText(self.tr("Run now (manager)"))
        self.show_runs(self.runs)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.worker.run(lambda ctx: jobs.run_views(ctx, RUNS_SHOWN), self.show_runs, owner=self)

    def show_runs(self, runs: list[RunView]) -> None:
        self.runs = runs
        self.table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            cells = [
                i18n.job_title(run.job),
                run.as_of.strftime("%Y-%m-%d %H:%M"),
                i18n.job_status(run.status),
                str(run.changed),
                run.note,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)

    def ask_run(self) -> None:
        name = str(self.job.currentData())
        what = self.tr("Run “{job}” now?").format(job=i18n.job_title(name))

        def ran(result: JobResult) -> None:
            self.job_ran.emit(result)
            if self.pin_dialog is None:  # with the dialog, its end refreshes
                self.refresh()

        def failed(_exc: Exception) -> bool:
            self.refresh()  # a failed run is listed too
            return False

        self.pin_dialog = approve(
            self.worker,
            "run_job",
            what,
            lambda ctx: jobs.run_job(ctx, name),
            ran,
            changes=Change.JOBS,
            parent=self,
            on_error=failed,
        )
        if self.pin_dialog is not None:
            self.pin_dialog.finished.connect(lambda _: self.refresh())

    def outcome_text(self, result: JobResult) -> str:
        return self.tr("{job}: {changed} changed").format(
            job=i18n.job_title(result.job), changed=result.changed
        )
