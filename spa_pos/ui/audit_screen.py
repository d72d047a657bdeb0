"""审计记录: the audit trail as `audit_browse.browse` reads it (who, approver, what, before
→ after), filtered across the top and paged with "More", and the supervision report
(监督报表) with its XLSX export, on a second tab. Managers only: 管理 opens it for a
signed-in manager, and asks for a manager PIN otherwise (the services refuse anyone
else anyway); every job runs as the `viewer` the dialog was opened for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.money import format_fen
from spa_pos.services import audit_browse
from spa_pos.services.audit_browse import AuditFilter, AuditPage, Supervision
from spa_pos.services.context import Ctx
from spa_pos.services.exports import ExportResult
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import button, label, resize_within_screen
from spa_pos.ui.worker import DbWorker

ENTITIES = ("member", "sale", "voucher", "day", "settings", "staff", "catalog_item", "reward")


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


class AuditDialog(QDialog):
    """Its periods end on `today`, the clinic's business day (not the machine's date, whose
    zone may not be the clinic's): the last 30 days of the trail, the month so far of the
    supervision report."""

    def __init__(
        self, worker: DbWorker, viewer: Ctx, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditScreen")
        self.worker = worker
        self.viewer = viewer
        self.next_before: int | None = None
        self.shown_filter = AuditFilter()  # what the table shows: "More" pages on in it
        self.page_size = audit_browse.PAGE
        self.report: Supervision | None = None
        self.tabs = QTabWidget()
        day = QDate(today.year, today.month, today.day)
        self.tabs.addTab(self._trail_tab(day), "")
        self.tabs.addTab(self._report_tab(day), "")
        self.status = label("", "muted", wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        resize_within_screen(self, QSize(980, 620))
        self.retranslate()
        self.worker.run(
            lambda _: audit_browse.people(self.viewer),
            self._show_people,
            on_error=self._refused,
            owner=self,
        )
        self.search()

    # --- the trail ----------------------------------------------------------------------
    def _trail_tab(self, today: QDate) -> QWidget:
        page = QWidget()
        self.who, self.approver = QComboBox(), QComboBox()
        for combo in (self.who, self.approver):
            combo.setEditable(True)
            combo.setMinimumContentsLength(8)
            line = combo.lineEdit()
            assert line is not None  # an editable combo has its line
            line.returnPressed.connect(self.search)
        self.kind = QComboBox()
        self.entity = QComboBox()
        self.member = QLineEdit()
        self.member.setMaxLength(20)
        self.member.returnPressed.connect(self.search)
        self.dated = QCheckBox()
        self.first = QDateEdit(today.addDays(-30))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            self.dated.toggled.connect(edit.setEnabled)
        self.who_caption, self.approver_caption = label(), label()
        self.kind_caption, self.entity_caption, self.member_caption = label(), label(), label()
        self.search_button = button("", "primary")
        self.search_button.setObjectName("auditSearch")
        self.search_button.clicked.connect(self.search)
        self.more_button = button()
        self.more_button.setObjectName("auditMore")
        self.more_button.clicked.connect(self.more)
        self.more_button.setEnabled(False)
        self.table = _table(5)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        people = QHBoxLayout()
        filters: tuple[QWidget, ...] = (
            self.who_caption,
            self.who,
            self.approver_caption,
            self.approver,
            self.kind_caption,
            self.kind,
            self.entity_caption,
            self.entity,
        )
        for widget in filters:
            people.addWidget(widget)
        people.addStretch(1)
        when = QHBoxLayout()
        for other in (self.member_caption, self.member, self.dated, self.first, self.last):
            when.addWidget(other)
        when.addStretch(1)
        when.addWidget(self.search_button)
        layout = QVBoxLayout(page)
        layout.addLayout(people)
        layout.addLayout(when)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more_button)
        return page

    def _show_people(self, names: list[str]) -> None:
        for combo in (self.who, self.approver):
            typed = combo.currentText()
            combo.clear()
            combo.addItems(["", *names])
            combo.setEditText(typed)

    def current_filter(self) -> AuditFilter:
        kind, entity = self.kind.currentData(), self.entity.currentData()
        dated = self.dated.isChecked()
        return AuditFilter(
            who=self.who.currentText().strip(),
            approver=self.approver.currentText().strip(),
            kind=kind if isinstance(kind, str) else "",
            entity=entity if isinstance(entity, str) else "",
            member=self.member.text().strip(),
            first=_day(self.first.date()) if dated else None,
            last=_day(self.last.date()) if dated else None,
        )

    def search(self) -> None:
        """The newest page for the filters as set now."""
        self._load(self.current_filter(), None)

    def more(self) -> None:
        """The next, older page for the filters the table shows."""
        if self.next_before is not None:
            self._load(self.shown_filter, self.next_before)

    def _load(self, flt: AuditFilter, before: int | None) -> None:
        self.shown_filter = flt
        self.more_button.setEnabled(False)
        self.worker.run(
            lambda _: audit_browse.browse(self.viewer, flt, before=before, limit=self.page_size),
            lambda page: self._show_page(page, append=before is not None),
            on_error=self._refused,
            owner=self,
        )

    def _show_page(self, page: AuditPage, *, append: bool) -> None:
        start = self.table.rowCount() if append else 0
        self.table.setRowCount(start + len(page.rows))
        for offset, row in enumerate(page.rows):
            texts = (f"{row.at:%Y-%m-%d %H:%M}", row.who, row.approver, row.what, row.change)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(start + offset, column, item)
        self.next_before = page.next_before
        self.more_button.setEnabled(page.next_before is not None)
        set_role(self.status, "muted")
        self.status.setText(self.tr("{count} entries shown").format(count=self.table.rowCount()))

    # --- the supervision report ---------------------------------------------------------
    def _report_tab(self, today: QDate) -> QWidget:
        page = QWidget()
        self.report_first = QDateEdit(QDate(today.year(), today.month(), 1))
        self.report_last = QDateEdit(today)
        for edit in (self.report_first, self.report_last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.from_caption, self.to_caption = label(), label()
        self.report_button = button("", "primary")
        self.report_button.setObjectName("supervisionShow")
        self.report_button.clicked.connect(self.show_report)
        self.export_button = button()
        self.export_button.setObjectName("supervisionExport")
        self.export_button.clicked.connect(self.ask_export)
        self.report_table = _table(9)
        self.report_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.report_table.horizontalHeader().setStretchLastSection(True)
        self.flags_caption = label("", "title")
        self.flags = label("", None, wrap=True)
        period = QHBoxLayout()
        for widget in (self.from_caption, self.report_first, self.to_caption, self.report_last):
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(self.report_button)
        period.addWidget(self.export_button)
        layout = QVBoxLayout(page)
        layout.addLayout(period)
        layout.addWidget(self.report_table, 1)
        layout.addWidget(self.flags_caption)
        layout.addWidget(self.flags)
        return page

    def report_period(self) -> tuple[date, date]:
        return _day(self.report_first.date()), _day(self.report_last.date())

    def show_report(self) -> None:
        first, last = self.report_period()
        self.worker.run(
            lambda _: audit_browse.supervision(self.viewer, first, last),
            self._show_report,
            on_error=self._refused,
            owner=self,
        )

    def _show_report(self, report: Supervision) -> None:
        self.report = report
        self.report_table.setRowCount(len(report.rows))
        for row, r in enumerate(report.rows):
            approved = str(r.adjustments_approved)
            if r.approvers:
                approved += f"（{'、'.join(r.approvers)}）"
            texts = (
                r.name,
                str(r.adjustments),
                f"+{r.points_added} / -{r.points_taken}",
                approved,
                str(r.refunds),
                format_fen(r.refunded_fen),
                str(r.voucher_cancels),
                str(r.days_reopened),
                f"{r.redemptions}（{r.redeemed_points}）",
            )
            for column, text in enumerate(texts):
                self.report_table.setItem(row, column, QTableWidgetItem(text))
        self.flags.setText("\n".join(f"⚠ {flag.text}" for flag in report.flags) or "—")
        set_role(self.status, "muted")
        self.status.setText("")

    def ask_export(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the supervision report"), "监督报表.xlsx", "Excel (*.xlsx)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        first, last = self.report_period()
        self.worker.run(
            lambda _: audit_browse.export_supervision(self.viewer, first, last, path),
            self._exported,
            on_error=self._refused,
            owner=self,
        )

    def _exported(self, result: ExportResult) -> None:
        set_role(self.status, "muted")
        self.status.setText(self.tr("Exported to {file}").format(file=str(result.file)))

    # --- shared -------------------------------------------------------------------------
    def _refused(self, exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            set_role(self.status, "error")
            self.status.setText(str(exc))
            return True
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit trail"))
        self.tabs.setTabText(0, self.tr("Audit trail"))
        self.tabs.setTabText(1, self.tr("Supervision report"))
        self.who_caption.setText(self.tr("Who"))
        self.approver_caption.setText(self.tr("Approved by"))
        self.kind_caption.setText(self.tr("Kind"))
        self.entity_caption.setText(self.tr("On"))
        self.member_caption.setText(self.tr("Member card"))
        self.dated.setText(self.tr("Dates"))
        self.search_button.setText(self.tr("Search"))
        self.more_button.setText(self.tr("More…"))
        self._fill(self.kind, [(k, audit_browse.kind_name(k)) for k in audit_browse.ALL_KINDS])
        self._fill(self.entity, [(e, self._entity_name(e)) for e in ENTITIES])
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Who"),
                self.tr("Approved by"),
                self.tr("What"),
                self.tr("Before → after"),
            ]
        )
        self.from_caption.setText(self.tr("From"))
        self.to_caption.setText(self.tr("To"))
        self.report_button.setText(self.tr("Show"))
        self.export_button.setText(self.tr("Export XLSX…"))
        self.flags_caption.setText(self.tr("To look into"))
        self.report_table.setHorizontalHeaderLabels(
            [
                self.tr("Staff"),
                self.tr("Adjustments"),
                self.tr("Points +/−"),
                self.tr("Over the limit (approved)"),
                self.tr("Refunds"),
                self.tr("Refunded"),
                self.tr("Vouchers cancelled"),
                self.tr("Days reopened"),
                self.tr("Redemptions (points)"),
            ]
        )

    def _fill(self, combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        """(Re)fill a choice list in the language in force, keeping what was chosen."""
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("All"), "")
        for key, name in choices:
            combo.addItem(name, key)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _entity_name(self, entity: str) -> str:
        names = {
            "member": self.tr("Member"),
            "sale": self.tr("Sale"),
            "voucher": self.tr("Voucher"),
            "day": self.tr("Business day"),
            "settings": self.tr("Settings"),
            "staff": self.tr("Staff"),
            "catalog_item": self.tr("Catalog item"),
            "reward": self.tr("Reward"),
        }
        return names[entity]
