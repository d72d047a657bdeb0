"""Import and export (数据导入导出): members or the catalog from a CSV or XLSX file, and
members, the catalog and sales out to one.

Choosing a file runs the dry run (`imports.preview`) on the DB worker: the columns as
recognised, each with a combo to map it to a field (or ignore it), and every bad row with
its line and reason. Changing a mapping runs the dry run again. Only a file with no bad
row can be imported; the import itself needs the manager PIN, and reports its progress
through a signal to the progress bar. Exports need the PIN too (they hold phone numbers).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spa_pos.errors import DomainError
from spa_pos.services import exports, imports
from spa_pos.services.context import Ctx
from spa_pos.services.exports import ExportResult
from spa_pos.services.imports import ImportResult, Preview
from spa_pos.ui.changes import Change
from spa_pos.ui.pin_dialog import ManagerPinDialog, approve
from spa_pos.ui.style import set_role
from spa_pos.ui.widgets import (
    add_field,
    button,
    button_bar,
    form_grid,
    label,
    read_only_table,
    row_widget,
)
from spa_pos.ui.worker import DbWorker

FILE_FILTER = "CSV / Excel (*.csv *.xlsx)"


class _Relay(QObject):
    """Carries the import's progress from the worker thread to the UI thread."""

    progressed = Signal(float)


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.preview: Preview | None = None
        self.mapping: dict[str, str] = {}
        self.pin_dialog: ManagerPinDialog | None = None
        self.setWindowTitle(self.tr("Import and export"))
        self.setModal(True)
        self.setMinimumSize(860, 640)

        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        self.kind.addItem(self.tr("Members"), "members")
        self.kind.addItem(self.tr("Catalog (services, products, courses)"), "catalog")
        self.kind.currentIndexChanged.connect(lambda _: self.check(reset=True))
        self.file = QLineEdit()
        self.file.setObjectName("importFile")
        self.file.setReadOnly(True)
        browse = button(self.tr("Choose file…"))
        browse.setObjectName("chooseImportFile")
        browse.clicked.connect(self.browse)
        form = form_grid()
        add_field(form, self.tr("What"), self.kind)
        add_field(form, self.tr("File"), row_widget(self.file, browse))

        self.columns = QTableWidget(0, 2)
        self.columns.setObjectName("importColumns")
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.verticalHeader().setDefaultSectionSize(44)  # room for the combos
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.errors = read_only_table(2)
        self.errors.setObjectName("importErrors")
        self.errors.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Problem")])
        self.errors.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.errors.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = label("", wrap=True)
        self.summary.setObjectName("importSummary")
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setProperty("role", "progress")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 100)
        self._relay = _Relay(self)
        self._relay.progressed.connect(lambda done: self.progress.setValue(round(done * 100)))
        self.import_button = button(self.tr("Import (needs the manager PIN)"), "primary")
        self.import_button.setObjectName("startImport")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.ask_import)

        self.date_from = _date_edit("exportFrom")
        self.date_to = _date_edit("exportTo")
        export_members = button(self.tr("Export members…"))
        export_members.clicked.connect(lambda: self.ask_export("members"))
        export_catalog = button(self.tr("Export catalog…"))
        export_catalog.clicked.connect(lambda: self.ask_export("catalog"))
        export_sales = button(self.tr("Export sales…"))
        export_sales.clicked.connect(lambda: self.ask_export("sales"))
        sales_period = row_widget(self.date_from, label(self.tr("to")), self.date_to, export_sales)
        close = button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(label(self.windowTitle(), "title"))
        layout.addWidget(
            label(
                self.tr(
                    "Choose a CSV or Excel file: every row is checked first and nothing is "
                    "written. Map the columns that were not recognised; a file is imported "
                    "only when every row is good, all at once, and only once."
                ),
                "muted",
                wrap=True,
            )
        )
        layout.addLayout(form)
        tables = QHBoxLayout()
        tables.setSpacing(16)
        for caption, table, stretch in (
            (self.tr("Columns"), self.columns, 2),
            (self.tr("Rows with a problem"), self.errors, 3),
        ):
            side = QVBoxLayout()
            side.addWidget(label(caption, "section"))
            side.addWidget(table, 1)
            tables.addLayout(side, stretch)
        layout.addLayout(tables, 1)
        outcome = QHBoxLayout()
        outcome.addWidget(self.summary, 1)
        outcome.addWidget(self.import_button)
        layout.addLayout(outcome)
        layout.addWidget(self.progress)
        layout.addWidget(label(self.tr("Export"), "section"))
        layout.addLayout(button_bar(close, left=(export_members, export_catalog, sales_period)))

    # --- the dry run -----------------------------------------------------------------
    def browse(self) -> None:
        picker = QFileDialog(self, self.tr("Choose the file to import"))
        picker.setNameFilter(FILE_FILTER)
        picker.setFileMode(QFileDialog.FileMode.ExistingFile)
        picker.fileSelected.connect(self.choose)
        picker.open()

    def choose(self, path: str) -> None:
        self.file.setText(path)
        self.check(reset=True)

    def check(self, *, reset: bool = False) -> None:
        """The dry run of the chosen file with the mapping so far (none after `reset`)."""
        if reset:
            self.mapping = {}
        path = self.file.text()
        if not path:
            return
        kind, mapping = str(self.kind.currentData()), dict(self.mapping)
        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.say(self.tr("Checking every row…"))
        self.worker.run(
            lambda ctx: imports.preview(ctx, kind, Path(path), mapping),
            self.show_preview,
            on_error=self._failed,
            owner=self,
        )

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.columns.setRowCount(len(preview.recognised))
        for row, (header, field) in enumerate(preview.recognised.items()):
            self.columns.setItem(row, 0, _cell(header))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for name in preview.fields:
                combo.addItem(self.field_label(preview.kind, name), name)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            if header in preview.unknown and header not in self.mapping:
                set_role(combo, "error")
            combo.activated.connect(
                lambda _, h=header, c=combo: self.map_column(h, str(c.currentData()))
            )
            self.columns.setCellWidget(row, 1, combo)
        self.errors.setRowCount(len(preview.errors))
        for row, error in enumerate(preview.errors):
            self.errors.setItem(row, 0, _cell(str(error.line), right=True))
            self.errors.setItem(row, 1, _cell(error.reason))
        if preview.ok:
            self.say(self.tr("{rows} rows, all good: ready to import.").format(rows=preview.rows))
        else:
            self.say(
                self.tr(
                    "{rows} rows, {bad} with a problem: fix them in the file and choose it "
                    "again. Nothing has been imported."
                ).format(rows=preview.rows, bad=len(preview.errors)),
                error=True,
            )
        self.import_button.setEnabled(preview.ok)

    def field_label(self, kind: str, field: str) -> str:
        """A field as the owner reads it; a field without a label shows its name."""
        shared = {
            "points": self.tr("Points"),
            "notes": self.tr("Notes"),
        }
        labels = {
            "members": {
                "name": self.tr("Member name"),
                "phone": self.tr("Phone"),
                "card_no": self.tr("Card number"),
                "birthday": self.tr("Birthday"),
                "gender": self.tr("Gender"),
                "joined": self.tr("Joined on"),
                "points_expire": self.tr("Points expire on"),
                "course": self.tr("Course (code)"),
                "course_left": self.tr("Course sessions left"),
                "course_expire": self.tr("Course valid until"),
            },
            "catalog": {
                "code": self.tr("Code"),
                "name": self.tr("Item name"),
                "category": self.tr("Category"),
                "kind": self.tr("Kind (service, course, product)"),
                "price": self.tr("Price"),
                "sessions": self.tr("Sessions"),
                "of": self.tr("Service of the course"),
                "valid_days": self.tr("Course valid for (days)"),
                "sort_order": self.tr("Order on the till"),
            },
        }[kind]
        return labels.get(field) or shared.get(field) or field

    def map_column(self, header: str, field: str) -> None:
        self.mapping[header] = field
        self.check()

    # --- the import ------------------------------------------------------------------
    def ask_import(self) -> None:
        preview = self.preview
        if preview is None or not preview.ok:
            return
        kind, path, mapping = preview.kind, Path(self.file.text()), dict(self.mapping)
        emit = self._relay.progressed.emit
        self.pin_dialog = approve(
            self.worker,
            imports.IMPORT_ACTION[kind],
            self.tr("Import {rows} rows from {file}?").format(rows=preview.rows, file=path.name),
            lambda ctx: imports.run(ctx, kind, path, mapping, progress=emit),
            self._imported,
            # the till's item buttons and an open cart follow an imported catalog
            changes=Change.MEMBERS if kind == "members" else Change.CATALOG,
            parent=self,
        )

    def _imported(self, result: ImportResult) -> None:
        self.progress.setValue(100)
        self.import_button.setEnabled(False)
        self.say(
            self.tr("Imported {count} rows from {file}.").format(
                count=result.imported, file=result.file
            )
        )
        self.imported.emit(result)

    # --- export ----------------------------------------------------------------------
    def ask_export(self, what: str) -> None:
        picker = QFileDialog(self, self.tr("Export to"))
        picker.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        picker.setNameFilters(["Excel (*.xlsx)", "CSV (*.csv)"])
        picker.setDefaultSuffix("xlsx")
        picker.fileSelected.connect(lambda path: self.export_to(what, Path(path)))
        picker.open()

    def export_to(self, what: str, path: Path) -> None:
        first, last = _day(self.date_from), _day(self.date_to)
        jobs: dict[str, Callable[[Ctx], ExportResult]] = {
            "members": lambda ctx: exports.export_members(ctx, path),
            "catalog": lambda ctx: exports.export_catalog(ctx, path),
            "sales": lambda ctx: exports.export_sales(ctx, first, last, path),
        }
        self.pin_dialog = approve(
            self.worker,
            "export_data",
            self.tr("Export to {file}?").format(file=path.name),
            jobs[what],
            self._exported,
            changes=None,
            parent=self,
            on_error=self._export_failed,
        )

    def _exported(self, result: ExportResult) -> None:
        self.say(
            self.tr("Exported {rows} rows to {file}.").format(rows=result.rows, file=result.file)
        )

    def _export_failed(self, exc: Exception) -> bool:
        """The file could not be written (a pulled-out stick): said here, not in a box."""
        if isinstance(exc, DomainError):
            self.say(str(exc), error=True)
            return True
        return False

    # --- messages --------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self.summary.setText(text)
        set_role(self.summary, "error" if error else "")

    def _failed(self, exc: Exception) -> bool:
        """A file that cannot be read or was imported before: said here, not in a box."""
        if isinstance(exc, DomainError):
            self.preview = None
            self.columns.setRowCount(0)
            self.errors.setRowCount(0)
            self.say(str(exc), error=True)
            return True
        return False


def _cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    chosen: Any = edit.date().toPython()
    assert isinstance(chosen, date)
    return chosen
