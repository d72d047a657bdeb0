"""The therapist report (技师业绩): per therapist, a period's services, course sessions,
revenue and commission (提成), as `therapist_report.report` computed them, and its export to
XLSX. Reached from 管理 (`launcher`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen
from spa_pos.services import therapist_report
from spa_pos.services.context import Ctx
from spa_pos.services.exports import ExportResult
from spa_pos.services.therapist_report import TherapistReport
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import button, label, open_dialog, resize_within_screen
from spa_pos.ui.worker import DbWorker


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def business_today(ctx: Ctx) -> date:
    """The clinic's business day, which the report's month starts from: not the machine's
    date, whose zone may not be the clinic's. `kpi` is loaded on the first click, not when
    the till starts."""
    from spa_pos.services import kpi

    return kpi.business_today(ctx)


class TherapistReportDialog(QDialog):
    """Opens on the clinic's month so far, up to `today` (its business day)."""

    def __init__(self, worker: DbWorker, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("therapistReport")
        self.worker = worker
        self.report: TherapistReport | None = None
        self.pin_dialog: ManagerPinDialog | None = None  # the export's, when one was asked
        self.first = QDateEdit(QDate(today.year, today.month, 1))
        self.last = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.first_caption, self.last_caption = label(), label()
        self.show_button = button("", "primary")
        self.show_button.clicked.connect(self.refresh)
        self.export_button = button()
        self.export_button.clicked.connect(self.ask_export)
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = label("", "muted", wrap=True)
        period = QHBoxLayout()
        for widget in (self.first_caption, self.first, self.last_caption, self.last):
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(self.show_button)
        period.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        resize_within_screen(self, QSize(760, 480))
        self.retranslate()
        self.refresh()

    def period(self) -> tuple[date, date]:
        return _day(self.first.date()), _day(self.last.date())

    def refresh(self) -> None:
        first, last = self.period()
        self.worker.run(
            lambda ctx: therapist_report.report(ctx, first, last),
            self._show,
            on_error=self._refused,
            owner=self,
        )

    def _show(self, report: TherapistReport) -> None:
        self.report = report
        rows = [
            (r.name, str(r.services), str(r.sessions), r.revenue_fen, r.commission_fen)
            for r in report.rows
        ]
        self.table.setRowCount(len(rows))
        for row, (name, services, sessions, revenue, commission) in enumerate(rows):
            texts = (name, services, sessions, format_fen(revenue), format_fen(commission))
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        set_role(self.status, "muted")
        self.status.setText(
            self.tr("Revenue {revenue}, commission {commission}").format(
                revenue=format_fen(report.revenue_fen),
                commission=format_fen(report.commission_fen),
            )
        )

    def _refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            set_role(self.status, "error")
            self.status.setText(str(exc))
            return True
        return False

    def ask_export(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the therapist report"), "技师业绩.xlsx", "Excel (*.xlsx)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        first, last = self.period()
        self.pin_dialog = approve(
            self.worker,
            "export_data",
            self.tr("Export to {file}?").format(file=path.name),
            lambda ctx: therapist_report.export_report(ctx, first, last, path),
            self._exported,
            changes=None,
            parent=self,
            on_error=self._refused,
        )

    def _exported(self, result: ExportResult) -> None:
        set_role(self.status, "muted")
        self.status.setText(self.tr("Exported to {file}").format(file=str(result.file)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Therapist report"))
        self.first_caption.setText(self.tr("From"))
        self.last_caption.setText(self.tr("To"))
        self.show_button.setText(self.tr("Show"))
        self.export_button.setText(self.tr("Export XLSX…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Therapist"),
                self.tr("Services"),
                self.tr("Course sessions"),
                self.tr("Revenue"),
                self.tr("Commission"),
            ]
        )


class _Launcher(QPushButton):
    """管理's button for the report; it names itself in the language in force."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openTherapistReport")
        self.worker = worker
        self.dialog: TherapistReportDialog | None = None
        self.clicked.connect(self.open_report)
        self.retranslate()

    def open_report(self) -> None:
        self.worker.run(business_today, self._open, owner=self)

    def _open(self, today: date) -> None:
        self.dialog = TherapistReportDialog(self.worker, today, self.window())
        open_dialog(self.dialog)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setText(self.tr("Therapist report…"))


def launcher(worker: DbWorker, parent: QWidget | None = None) -> QPushButton:
    """The button that opens the report (one line in 管理)."""
    return _Launcher(worker, parent)
